"""Conformance checker: does a DOCX (ours or typed by hand) meet Decree 30/2020/NĐ-CP?

``vanban.check.api`` is the entry point (``check_docx``, ``check_files``); this file stays empty so
that importing one module of the package does not load them all."""

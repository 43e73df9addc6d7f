"""``vanban serve``: a local web page that shows each plan as it will print, its diagnostics and
its check findings, and updates itself when a source file is saved."""

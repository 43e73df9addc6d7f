"""DOCX → PDF through LibreOffice, and measuring the PDF that comes out.

``convert`` runs headless LibreOffice for a whole batch of files; ``measure`` (the only module that
imports pdfplumber) reads page geometry back in millimetres so tests and the checker can compare
what was drawn with what the decree asks for. This file stays empty: import the modules.
"""

"""DOCX → PDF through LibreOffice, and measuring the PDF that comes out.

``convert`` runs one headless LibreOffice for a whole batch of files; ``measure`` (the only module
that imports pdfplumber) reads page geometry back in millimetres so tests and the checker can
compare what was drawn with what the decree asks for. Import ``vanban.pdf.measure`` explicitly:
this package does not import pdfplumber on its own.
"""

from vanban.pdf.convert import convert_to_pdf, find_soffice

__all__ = ["convert_to_pdf", "find_soffice"]

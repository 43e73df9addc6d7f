"""vanban: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from YAML to DOCX and PDF."""

__version__ = "0.1.0"

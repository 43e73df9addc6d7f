"""Conformance checker: does a DOCX (ours or typed by hand) meet Decree 30/2020/NĐ-CP?"""

from vanban.check.api import check_docx, check_files, format_text, has_errors, rule_table, to_json
from vanban.check.finding import RULES, Finding, Where

__all__ = ["RULES", "Finding", "Where", "check_docx", "check_files", "format_text", "has_errors",
           "rule_table", "to_json"]

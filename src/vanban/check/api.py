"""Entry points: check one DOCX or many, and print the findings as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vanban.check import (  # noqa: F401  (registers the rules)
    rules_body,
    rules_frame,
    rules_header,
    rules_keep,
    rules_page,
    rules_parts,
    rules_pdf,
    rules_signature,
    rules_types,
)
from vanban.check.context import NONE, Context
from vanban.check.finding import RULES, UNSAFE, Finding, Findings, Where, printable
from vanban.check.locate import locate
from vanban.check.pages import with_pages
from vanban.errors import Diagnostic, Severity, VanbanError
from vanban.ooxml.reader import DocFacts, read_docx, read_source


def check_docx(path: Path | str | bytes, *, pdf_geometry: Any = None,
               name: str | None = None) -> list[Finding]:
    """All findings for one DOCX (path or bytes), in document order.

    ``pdf_geometry`` (a ``vanban.pdf.measure.PdfGeometry`` of the same document) turns on the
    rules that need the rendered layout. Raises VanbanError for a file that is not a readable
    DOCX (``docx.not-docx``, ``docx.encrypted``, ``docx.corrupt``).
    """
    return check_facts(read_docx(path, name=name), pdf_geometry=pdf_geometry)


# Rules that run on a file that is only an appendix (Phụ lục I, III.1; page setup, I).
_APPENDIX_ONLY = ("ND30-APPENDIX", "ND30-PAGE-SIZE", "ND30-PAGE-ORIENT", "ND30-MARGINS",
                  "ND30-FONT", "ND30-FONT-SLOTS", "ND30-FONT-COLOR", "ND30-PAGE-NUMBER",
                  "ND30-PAGE-NUMBER-FIRST", "ND30-PDF-MARGINS", "ND30-PDF-PAGE-NUMBER")


# Rules that look at the document a Quyết định issues (Mẫu 1.3) when it is typed after the
# decision's signature in the same file; the page and font rules have seen it already.
_ATTACHMENT = ("ND30-TYPE-NAME", "ND30-SUMMARY", "ND30-ATTACHED", "ND30-PDF-HEADING-ALONE")
# …and, when it has a header of its own, the header's (a list issued with a decision is often
# typed with no header at all, under its title: not judged, the decree's sample aside).
_ATTACHMENT_HEADER = ("ND30-QUOC-HIEU", "ND30-TIEU-NGU", "ND30-TIEU-NGU-RULE", "ND30-ISSUER",
                      "ND30-ISSUER-RULE", "ND30-SUMMARY-RULE")


def check_facts(facts: DocFacts, *, pdf_geometry: Any = None) -> Findings:
    """All findings for a DOCX already read by ``read_docx``, in document order."""
    ctx = Context(facts.name, facts, locate(facts), pdf_geometry)
    rules = list(RULES.values())
    if not ctx.layout.frame:
        # Legacy text hides the frame itself: then that is the one thing to say.
        found = RULES["ND30-ENCODING"].run(ctx)
        if found or not ctx.layout.appendix_only:
            return Findings(found or RULES["ND30-FRAME"].run(ctx))
        # A file that is only an appendix has no header, body or signature of its own: its
        # label, title and "(Kèm theo …)" line, and the page, are what the decree sets.
        rules = [RULES[r] for r in _APPENDIX_ONLY]
    findings: list[Finding] = []
    for rule in rules:
        if rule.needs_pdf and pdf_geometry is None:
            continue
        findings.extend(rule.run(ctx))
    findings.extend(_attachment_findings(ctx))
    if pdf_geometry is not None:
        findings = with_pages(ctx, _measured_once(findings))
    return Findings(sorted(findings, key=_order), draft=ctx.layout.draft)


def _attachment_findings(ctx: Context) -> list[Finding]:
    """The findings of the documents attached after a decision's signature (``attachment``,
    and the attachment's own ``attachment`` when several follow one another)."""
    out: list[Finding] = []
    att = ctx.layout.attachment
    while att is not None:
        sub = Context(ctx.name, ctx.facts, att, ctx.geometry)
        ids = _ATTACHMENT + (_ATTACHMENT_HEADER if att.quoc_hieu or att.issuer else ())
        out.extend(f for rule_id in ids for f in RULES[rule_id].run(sub)
                   if ctx.geometry is not None or not RULES[rule_id].needs_pdf)
        att = att.attachment
    return out


def _measured_once(findings: list[Finding]) -> list[Finding]:
    """With the PDF, a rule's wrong length is said once, as measured on the page
    (ND30-PDF-RULES, naming the rule it ``replaces``); the DOCX's estimate of the same rule is
    dropped (125.docx reported the issuer's 33 mm rule twice). A rule the DOCX finds missing
    is still said."""
    measured = {f.replaces for f in findings if f.replaces}
    return [f for f in findings if not (f.rule in measured and f.found != NONE.vi)]


def _order(f: Finding) -> tuple:
    w = f.where
    part = {"section": 0, "header": 1, "body": 2}.get(w.part, 3)
    return (w.page or 0, part, w.section or 0, -1 if w.paragraph is None else w.paragraph, f.rule)


def check_files(paths: Sequence[Path | str], *, pdf: bool = False,
                lang: str = "vi") -> dict[str, list[Finding]]:
    """Findings per file. A file that cannot be read yields one error finding with the reader's
    code (``docx.not-docx`` …) instead of stopping the run; so does a file LibreOffice cannot
    convert (``pdf.convert-failed``), whose DOCX findings are still given. Each file is read
    once. With ``pdf`` the readable files are converted by LibreOffice and measured (raises
    VanbanError ``pdf.no-libreoffice`` when LibreOffice is missing)."""
    del lang  # findings carry both languages; the caller picks one when printing
    results: dict[str, list[Finding]] = {}
    readable: list[tuple[str, bytes, DocFacts]] = []
    for path in paths:
        key = str(path)
        try:
            data = read_source(path)
            facts = read_docx(data, name=key)
        except VanbanError as exc:
            results[key] = [_unreadable(d) for d in exc.diagnostics]
            continue
        if pdf:
            readable.append((key, data, facts))
        else:
            results[key] = check_facts(facts)
    if readable:
        from vanban.check.measure_all import measure_all

        geometries, failed = measure_all([(key, data) for key, data, _facts in readable])
        for key, _data, facts in readable:
            found = check_facts(facts, pdf_geometry=geometries.get(key))
            results[key] = Findings([_unreadable(d) for d in failed.get(key, ())] + found,
                                    draft=found.draft)
    return {str(p): results[str(p)] for p in paths}


def _unreadable(diag: Diagnostic) -> Finding:
    """The reader's own diagnostic as a finding about the whole file (nothing to cite)."""
    return Finding(diag.code, Severity.ERROR, Where(part="file"), "", "", "", "",
                   diag.message, diag.message_en or diag.message, "")


def has_errors(results: dict[str, list[Finding]] | Iterable[Finding]) -> bool:
    """True when any finding is at error level (the CLI then exits 1)."""
    items = results.values() if isinstance(results, dict) else [results]
    return any(f.severity is Severity.ERROR for fs in items for f in fs)


def format_text(results: dict[str, list[Finding]] | list[Finding], lang: str = "vi") -> str:
    """One line per finding, then a count per file."""
    if not isinstance(results, dict):
        results = {"": list(results)}
    lines = []
    vi = lang != "en"
    passed = 0
    for file, findings in results.items():
        lines.extend(f.text(file, lang) for f in findings)
        errors = sum(f.severity is Severity.ERROR for f in findings)
        warnings = len(findings) - errors
        label = f"{printable(file)}: " if file else ""
        draft = getattr(findings, "draft", False)
        # Only the reader's own codes mean the file was not read (a failed PDF conversion of a
        # file that was read and checked is a finding about that file, not "unread").
        unread = bool(findings) and all(f.rule.startswith("docx.") for f in findings)
        other = any(f.rule == "ND30-FRAME" for f in findings)
        if unread or other:  # nothing was checked: say so, not "conforms"
            lines.append(f"{label}" + (
                ("không đọc được, không kiểm tra." if unread else
                 "không phải văn bản hành chính theo Nghị định 30/2020/NĐ-CP, không kiểm tra.")
                if vi else
                ("could not be read, not checked." if unread else
                 "not an administrative document of Decree 30/2020/ND-CP, not checked.")))
            continue
        passed += not errors
        if vi:
            verdict = "đạt thể thức" if not errors else "chưa đạt thể thức"
            note = "dự thảo (số hoặc ngày còn để trống), " if draft else ""
            lines.append(f"{label}{note}{verdict} Nghị định 30/2020/NĐ-CP ({errors} lỗi, "
                         f"{warnings} cảnh báo).")
        else:
            verdict = "conforms to" if not errors else "does not conform to"
            note = "draft (number or date left blank), " if draft else ""
            lines.append(f"{label}{note}{verdict} Decree 30/2020/ND-CP "
                         f"({_count(errors, 'error')}, {_count(warnings, 'warning')}).")
    if len(results) > 1:  # the tally of a folder of drafts
        lines.append(f"Tổng: {len(results)} tệp, {passed} đạt thể thức, {len(results) - passed} "
                     "chưa đạt hoặc không kiểm tra được." if vi else
                     f"Total: {len(results)} files, {passed} conform, {len(results) - passed} "
                     "do not or could not be checked.")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """``1 error``, ``2 errors`` (English only: Vietnamese nouns have no plural)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def to_json(results: dict[str, list[Finding]] | list[Finding], lang: str = "vi") -> str:
    """``{"files": [{"file", "ok", "findings": [...]}], "rules": n}`` as JSON text."""
    if not isinstance(results, dict):
        results = {"": list(results)}
    files = [{"file": file, "ok": not has_errors(findings),
              "draft": getattr(findings, "draft", False),
              "findings": [f.as_dict(lang) for f in findings]}
             for file, findings in results.items()]
    text = json.dumps({"files": files, "rules": len(RULES)}, ensure_ascii=False, indent=2)
    # Inside JSON strings a \uXXXX escape reads back as the same character; the terminal that
    # shows the JSON never sees the raw control or bidi character.
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def rule_table(lang: str = "vi") -> list[tuple[str, str, str, str]]:
    """(id, severity, title, citation) of every rule, for documentation."""
    return [(r.id, r.severity.value, r.title if lang != "en" else r.title_en, r.citation)
            for r in RULES.values()]

"""The bảng so sánh as a DOCX: its own Decree-30 frame, a landscape table, the signature block.

The frame is the new plan's, rendered by the normal template (issuer, quốc hiệu, place and
date, signer); its name is "BẢNG SO SÁNH" and its title says what is compared. The reasons
come from a small sidecar YAML file keyed by the same ids as the diff (``tap-huan: Theo góp ý
của Sở Tài chính``), so the plan itself stays clean.
"""

from __future__ import annotations

from pathlib import Path

from vanban.compose.document import Document, Para
from vanban.contract import Kind
from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.review.diff import PlanDiff
from vanban.review.places import english_keys, place_en
from vanban.review.table import TableRow, rows
from vanban.rules import nd30

TYPE_NAME = "BẢNG SO SÁNH"
DEFAULT_HEADERS = ("Nội dung cũ", "Nội dung mới", "Lý do, giải trình")
FRAME_TYPE = "ke-hoach"
"""The type whose layout (Mẫu 1.4: type name, title, body) the table's frame takes."""
MARKER = "\u2063vanban-bang-so-sanh\u2063"  # invisible separators: never a plan's own text


def load_reasons(path: Path, refs: set[str], root: Path | None = None,
                 former: dict[str, str] | None = None
                 ) -> tuple[dict[str, str], list[Diagnostic]]:
    """The reasons file: one ``id: reason`` per changed item; a key that names no changed item
    is a warning (a typo would otherwise lose the reason silently). Messages name the file
    from ``root`` (the working folder by default)."""
    from vanban.source.loader import load_file

    shown = display_path(path, root)
    loaded = load_file(path, shown)
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        raise VanbanError([Diagnostic(
            "reasons.not-mapping", "Tệp lý do phải là các dòng \"mã: lý do\", ví dụ "
            "\"tap-huan: Theo góp ý của Sở Tài chính\".", Span(shown, 1, 1),
            message_en="A reasons file is lines of \"id: reason\", e.g. \"tap-huan: Theo góp "
            "ý của Sở Tài chính\".")])
    out, problems = {}, list(loaded.warnings)
    english = english_keys(refs)  # written from `vanban diff --lang en`: "Section III, …"
    for written, value in data.items():
        key = english.get(str(written), written)
        if not isinstance(value, str) or not value.strip():
            problems.append(Diagnostic(
                "reasons.not-text", f"Lý do của \"{key}\" phải là một đoạn chữ.",
                loaded.span((written,)), str(written),
                message_en=f"The reason for \"{written}\" must be text."))
            continue
        if str(key) not in refs and str(key) in (former or {}):
            # A name an earlier vanban printed ("I.-3"): the reason still holds, said so.
            now = (former or {})[str(key)]
            problems.append(Diagnostic(
                "reasons.former-ref", f"\"{key}\" là cách gọi cũ; nay gọi là \"{now}\".",
                loaded.span((written,), key=True), str(written), severity=Severity.WARNING,
                message_en=f"\"{key}\" is a former name; it is now \"{place_en(now)}\".",
                hint=f"Sửa mã thành \"{now}\".", hint_en=f"Rename the key to \"{place_en(now)}\"."))
            out[now] = value.strip()
            continue
        if str(key) not in refs:
            problems.append(Diagnostic(
                "reasons.unknown-ref", f"\"{key}\" không phải mục nào có thay đổi.",
                loaded.span((written,), key=True), str(written), severity=Severity.WARNING,
                message_en=f"\"{written}\" names no changed item.",
                hint="Các mã có thay đổi: " + ", ".join(sorted(refs)) + ".",
                hint_en="Changed items: " + ", ".join(sorted(map(place_en, refs))) + "."))
        out[str(key)] = value.strip()
    if any(p.severity is Severity.ERROR for p in problems):
        raise VanbanError(problems)
    return out, problems


def comparison_docx(diff: PlanDiff, reasons: dict[str, str], render,
                    headers: tuple[str, str, str] = DEFAULT_HEADERS,
                    by_block: dict[tuple, str] | None = None) -> tuple[bytes, int]:
    """The DOCX bytes of the bảng so sánh of ``diff`` (deterministic) and its number of rows;
    ``render`` lays a composed document out with its template (DOCX bytes); ``by_block``:
    reasons by changed block (``table.rows``)."""
    from vanban.ooxml.compare_table import put_table, table_xml
    from vanban.output import source_date

    doc = diff.new.document
    table_rows: list[TableRow] = rows(diff, reasons, by_block)
    data = render(frame(doc))
    table = table_xml(headers, [(i, r.old, r.new, r.reason)
                                for i, r in enumerate(table_rows, 1)])
    # A signed document of the office carries a Nơi nhận (ô 9b is a component of every
    # administrative document, Điều 8): the table goes with a submission, so only the
    # archive line "- Lưu: VT, …." is its own.
    return put_table(data, MARKER, table, source_date(doc.date_iso)), len(table_rows)


def frame(doc: Document) -> Document:
    """The frame of the bảng so sánh of ``doc``: a document of its own (Mẫu 1.4 layout, named
    BẢNG SO SÁNH, titled after the document compared), whatever the type compared. Nothing of
    the compared document's own layout is kept: a Công văn's V/v and Kính gửi, a Quyết định's
    authority line, "Theo đề nghị …" and "QUYẾT ĐỊNH:" belong to that document, and the
    portrait first page of a Công văn or of a Quyết định would not hold the landscape table."""
    title = " ".join(doc.title.split())
    if doc.v_v or doc.type_key == nd30.CONG_VAN:  # a Công văn has no type name: "V/v" stands for "về việc"
        subject = " ".join(doc.v_v.split()).removeprefix("V/v ")
        name, title = "Công văn", f"về việc {subject[:1].lower()}{subject[1:]}"
    else:
        name = doc.type_name.capitalize()
    return Document(
        type_key=FRAME_TYPE, type_name=TYPE_NAME, superior_lines=doc.superior_lines,
        issuer_lines=doc.issuer_lines, number_line="", place_date=doc.place_date,
        title=f"Dự thảo {name} {title[:1].lower()}{title[1:]}", can_cu=(),
        body=(Para(Kind.DOAN, MARKER),), recipients=doc.recipients[-1:],
        signature_lines=doc.signature_lines, signer_name=doc.signer_name, author=doc.author,
        issued=False, year=doc.year, date_iso=doc.date_iso)


def refs(diff: PlanDiff) -> set[str]:
    """The ids a reasons file may use for ``diff``."""
    return {c.ref for c in diff.changes if not c.renumbering}


def former_refs(diff: PlanDiff) -> dict[str, str]:
    """The names an earlier vanban gave the changed blocks, each to the name used now."""
    out: dict[str, str] = {}
    for c in diff.changes:
        if c.renumbering or c.kind == "frame":
            continue
        for side, at in zip((diff.old, diff.new), c.nodes):
            if at is not None and side.nodes[at].former and side.nodes[at].address == c.ref:
                out[side.nodes[at].former] = c.ref
    return out

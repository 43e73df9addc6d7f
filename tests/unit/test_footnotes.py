"""Footnotes (chú thích) on a paragraph, a numbered paragraph and a "-" line of bullets: one
word/footnotes.xml, marks at the end of their lines, numbered in document order."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from tests.unit.test_compose import PLAN, _compose

from vanban.compose.document import Para
from vanban.contract import Kind
from vanban.pipeline import find_template
from vanban.render.docx import render

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

NOTES = """\
      - paragraph: Đoạn đầu có chú thích.
        footnote: Chú thích của đoạn văn.
      - bullets:
          - Dòng không chú thích;
          - text: Dòng có chú thích;
            footnote: Chú thích của dòng gạch đầu dòng.
            bullets:
              - Dòng cộng không chú thích;
          - Dòng cuối danh sách.
      - numbered: Đoạn có số và chú thích.
        footnote: Chú thích của đoạn có số.
      - bullets:
          - text: Dòng cuối văn bản
            footnote: Chú thích của dòng cuối.
"""

PLAN_WITH_NOTES = PLAN.replace("      - numbered: Đoạn có số.\n", NOTES)


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _runs(p) -> list[str]:
    """The paragraph's runs in order: each run's text, or "[^id]" for a footnote mark (in the
    footnote mark style)."""
    out = []
    for r in p.findall(f"{W}r"):
        ref = r.find(f"{W}footnoteReference")
        if ref is not None:
            assert r.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "VBChuThichSo"
            out.append(f"[^{ref.get(f'{W}id')}]")
        else:
            out.append("".join(t.text or "" for t in r.iter(f"{W}t")))
    return out


def _parts(tmp_path):
    doc = _compose(tmp_path, PLAN_WITH_NOTES)
    data = render(doc, find_template(doc.type_key, ROOT))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return (doc, etree.fromstring(z.read("word/document.xml")),
                etree.fromstring(z.read("word/footnotes.xml")))


def test_a_bullet_carries_its_footnote_like_a_paragraph(tmp_path):
    doc = _compose(tmp_path, PLAN_WITH_NOTES)
    noted = [p for p in doc.body if isinstance(p, Para) and p.footnote]
    assert [(p.kind, p.label, p.footnote) for p in noted] == [
        (Kind.DOAN, "", "Chú thích của đoạn văn."),
        (Kind.GACH, "-", "Chú thích của dòng gạch đầu dòng."),
        (Kind.DOAN_SO, "2.", "Chú thích của đoạn có số."),
        (Kind.GACH, "-", "Chú thích của dòng cuối."),
    ]
    assert noted[-1].text == "Dòng cuối văn bản./."  # the body still ends with ./.


def test_marks_and_notes_are_numbered_in_document_order(tmp_path):
    _doc, body, notes = _parts(tmp_path)
    marked = [p for p in body.iter(f"{W}p") if p.find(f".//{W}footnoteReference") is not None]
    assert [(_text(p), p.find(f".//{W}footnoteReference").get(f"{W}id")) for p in marked] == [
        ("Đoạn đầu có chú thích.", "1"),
        ("- Dòng có chú thích;", "2"),
        ("2. Đoạn có số và chú thích.", "3"),
        ("- Dòng cuối văn bản./.", "4"),
    ]
    for p in marked[:-1]:  # the mark is the last run of its line, in the footnote mark style
        last = p.findall(f"{W}r")[-1]
        assert last.find(f"{W}footnoteReference") is not None
        assert last.find(f"{W}rPr/{W}rStyle").get(f"{W}val") == "VBChuThichSo"
    assert _runs(marked[-1]) == ["- Dòng cuối văn bản", "[^4]", "./."]  # "./." after the mark
    bullet = marked[1]
    assert bullet.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "VBGach"
    follower = bullet.getnext()  # the "+" line under it has no mark
    assert _text(follower) == "+ Dòng cộng không chú thích;"
    assert follower.find(f".//{W}footnoteReference") is None
    real = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert [(n.get(f"{W}id"), _text(n).strip()) for n in real] == [
        ("1", "Chú thích của đoạn văn."),
        ("2", "Chú thích của dòng gạch đầu dòng."),
        ("3", "Chú thích của đoạn có số."),
        ("4", "Chú thích của dòng cuối."),
    ]
    assert all(n.find(f".//{W}footnoteRef") is not None for n in real)


def _styles(docx: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        root = etree.fromstring(z.read("word/styles.xml"))
    return {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}


def _val(style, path: str) -> str | None:
    found = style.find(path)
    return None if found is None else found.get(f"{W}val")


def test_the_mark_style_rests_on_words_footnote_reference(tmp_path):
    # LibreOffice draws the number opening each footnote with the style named "footnote
    # reference" only (tests/unit/test_footnotes_pdf.py measures it): it must exist, raised
    doc = _compose(tmp_path, PLAN_WITH_NOTES)
    styles = _styles(render(doc, find_template(doc.type_key, ROOT)))
    builtin = styles["FootnoteReference"]
    assert _val(builtin, f"{W}name") == "footnote reference"
    assert builtin.get(f"{W}type") == "character" and builtin.get(f"{W}customStyle") is None
    assert _val(builtin, f"{W}rPr/{W}vertAlign") == "superscript"
    mark = styles["VBChuThichSo"]
    assert _val(mark, f"{W}basedOn") == "FootnoteReference"
    assert _val(mark, f"{W}rPr/{W}vertAlign") == "superscript"
    assert _val(styles["VBChuThich"], f"{W}rPr/{W}sz") == "24"


def test_a_template_with_its_own_footnote_reference_keeps_it(tmp_path):
    import docx as python_docx

    from vanban.ooxml.notes import add_footnotes
    from vanban.ooxml.xml import el, sub

    document = python_docx.Document()
    own = el("style", {"type": "character", "styleId": "ThamChieuChuThich"})
    sub(own, "name", {"val": "Footnote Reference"})  # Word matches built-in names in any case
    document.styles.element.append(own)
    add_footnotes(document, ["Chú thích."])
    out = io.BytesIO()
    document.save(out)
    styles = _styles(out.getvalue())
    assert "FootnoteReference" not in styles  # no second "footnote reference"
    assert _val(styles["VBChuThichSo"], f"{W}basedOn") == "ThamChieuChuThich"
    assert _val(styles["ThamChieuChuThich"], f"{W}rPr/{W}vertAlign") is None  # left as it was

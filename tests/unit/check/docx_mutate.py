"""Plants one defect into a copy of a real DOCX: the parts of the zip, the paragraphs of
``word/document.xml`` found by their text, and small edits of their run, paragraph and section
properties. Used by the recall tests (test_check_recall.py); tests only, never the package."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
DOC = "word/document.xml"


def w(tag: str) -> str:
    """``w:tag`` as lxml's Clark name."""
    return f"{{{W}}}{tag}"


def text_of(el: etree._Element) -> str:
    """The text of a paragraph (or any element): its ``w:t`` and tabs, in order."""
    out = []
    for node in el.iter(w("t"), w("tab")):
        out.append(node.text or "" if node.tag == w("t") else "\t")
    return "".join(out)


class Docx:
    """A DOCX held in memory: parts as bytes, the XML parts parsed on first use."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.names = z.namelist()
            self.raw = {n: z.read(n) for n in self.names}
        self.trees: dict[str, etree._Element] = {}

    def part(self, name: str = DOC) -> etree._Element:
        if name not in self.trees:
            self.trees[name] = etree.fromstring(self.raw[name])
        return self.trees[name]

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n in self.names:
                data = self.raw[n]
                if n in self.trees:
                    data = etree.tostring(self.trees[n], xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                z.writestr(n, data)
        return buf.getvalue()

    # --- finding things ------------------------------------------------------------------

    def paragraphs(self, name: str = DOC) -> list[etree._Element]:
        return list(self.part(name).iter(w("p")))

    def para(self, pattern: str, *, nth: int = 0, name: str = DOC) -> etree._Element:
        """The ``nth`` paragraph whose stripped text matches the regex ``pattern``."""
        rx = re.compile(pattern)
        hits = [p for p in self.paragraphs(name) if rx.search(text_of(p).strip())]
        if len(hits) <= nth:
            raise LookupError(f"no paragraph {nth} matching {pattern!r}")
        return hits[nth]

    def index_of(self, p: etree._Element) -> int:
        """The index ``read_docx`` gives paragraph ``p`` (text-box paragraphs are not counted)."""
        return self.read_order().index(p)

    def read_order(self) -> list[etree._Element]:
        """The paragraphs of the main story in the order ``read_docx`` lists them."""
        body = self.part().find(w("body"))
        return [p for p in body.iter(w("p"))
                if not any(a.tag == w("txbxContent") for a in p.iterancestors())]

    def sections(self) -> list[etree._Element]:
        return list(self.part().iter(w("sectPr")))

    def header_parts(self) -> list[str]:
        return [n for n in self.names if re.fullmatch(r"word/header\d*\.xml", n)]


# --- edits -----------------------------------------------------------------------------------

def child(parent: etree._Element, tag: str, *, first: bool = False) -> etree._Element:
    """The ``w:tag`` child of ``parent``, created (first or last) when missing."""
    el = parent.find(w(tag))
    if el is None:
        el = etree.Element(w(tag))
        if first:
            parent.insert(0, el)
        else:
            parent.append(el)
    return el


def runs(p: etree._Element) -> list[etree._Element]:
    """The runs of a paragraph that hold text."""
    return [r for r in p.iter(w("r")) if r.find(w("t")) is not None]


def set_run(p: etree._Element, tag: str, attrs: dict[str, str] | None) -> None:
    """Set (attrs) or remove (None) the run property ``w:tag`` on every text run of ``p``."""
    for r in runs(p):
        rpr = child(r, "rPr", first=True)
        for old in rpr.findall(w(tag)):
            rpr.remove(old)
        if attrs is not None:
            el = etree.SubElement(rpr, w(tag))
            for k, v in attrs.items():
                el.set(w(k), v)


def set_size(p: etree._Element, pt: float) -> None:
    half = str(int(pt * 2))
    set_run(p, "sz", {"val": half})
    set_run(p, "szCs", {"val": half})


def set_font(p: etree._Element, font: str) -> None:
    set_run(p, "rFonts", {"ascii": font, "hAnsi": font, "eastAsia": font, "cs": font})


def no(p: etree._Element, tag: str) -> None:
    """Switch a toggle property (b, i, caps) off explicitly on every run of ``p``."""
    set_run(p, tag, {"val": "0"})
    if tag in ("b", "i"):
        set_run(p, tag + "Cs", {"val": "0"})


def set_para(p: etree._Element, tag: str, attrs: dict[str, str] | None) -> None:
    """Set (attrs, replacing) or remove (None) the paragraph property ``w:tag`` of ``p``."""
    ppr = child(p, "pPr", first=True)
    for old in ppr.findall(w(tag)):
        ppr.remove(old)
    if attrs is not None:
        el = etree.SubElement(ppr, w(tag))
        for k, v in attrs.items():
            el.set(w(k), v)


def replace_text(p: etree._Element, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in the text of ``p``: inside the one text node holding it, or
    else the whole new text goes in the first text node (keeping its run's formatting) and the
    other text nodes are emptied."""
    nodes = list(p.iter(w("t")))
    for t in nodes:  # inside one text node: the runs around it keep their formatting
        if t.text and old in t.text:
            t.text = t.text.replace(old, new, 1)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            return
    full = "".join(t.text or "" for t in nodes)
    if old not in full:
        raise LookupError(f"{old!r} not in {full!r}")
    nodes[0].text = full.replace(old, new, 1)
    nodes[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for t in nodes[1:]:
        t.text = ""


def set_text(p: etree._Element, new: str) -> None:
    replace_text(p, "".join(t.text or "" for t in p.iter(w("t"))), new)


def remove(el: etree._Element) -> None:
    el.getparent().remove(el)


def mutated(data: bytes, edit: Callable[[Docx], object]) -> bytes:
    """A copy of the DOCX ``data`` with ``edit`` applied."""
    doc = Docx(data)
    edit(doc)
    return doc.bytes()

"""WordprocessingML building blocks: namespaces, element factories and unit conversion."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape(text: str) -> str:
    """``text`` as XML character data (what xml.sax.saxutils.escape does, without importing
    urllib, http, ssl and email with it)."""
    return text.translate(_ESCAPES)


def w(tag: str) -> str:
    """Clark name of a w: tag or attribute."""
    return f"{{{W_NS}}}{tag}"


def el(tag: str, attrs: dict[str, str | int] | None = None, *children: etree._Element
       ) -> etree._Element:
    """``el("spacing", {"before": 120})`` → <w:spacing w:before="120"/>."""
    node = etree.Element(w(tag), nsmap={"w": W_NS})
    for key, value in (attrs or {}).items():
        node.set(w(key) if ":" not in key else key, str(value))
    for child in children:
        node.append(child)
    return node


def sub(parent: etree._Element, tag: str, attrs: dict[str, str | int] | None = None
        ) -> etree._Element:
    """Append ``el(tag, attrs)`` to ``parent`` and return it."""
    child = el(tag, attrs)
    parent.append(child)
    return child


def twips(mm: float) -> int:
    """Millimetres → twentieths of a point."""
    return round(mm * 1440 / 25.4)


def half_points(pt: float) -> int:
    return round(pt * 2)


def mm_from_twips(value: int | str) -> float:
    return int(value) * 25.4 / 1440


def rfonts(font: str) -> etree._Element:
    """<w:rFonts> naming ``font`` in all four slots (ascii, hAnsi, eastAsia, cs)."""
    return el("rFonts", {"ascii": font, "hAnsi": font, "eastAsia": font, "cs": font})

"""WordprocessingML vocabulary for the reader: namespaces, measures, and property extraction.

Each ``*_props`` function turns one element (``w:rPr``, ``w:pPr``) into a flat dict of only what
it sets, so style levels can be merged by ``dict.update``.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from vanban.ooxml.xml import R_NS, W_NS  # noqa: F401  (re-exported for the reader)

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
_TWIPS_PER_MM = 1440 / 25.4
_TOGGLES = ("b", "i", "caps", "vanish", "strike", "dstrike")


@functools.cache
def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --- Property extraction (one element → a flat dict of what it sets) -----------------------------
_MEASURE = re.compile(r"\s*(-?[\d.]+)\s*(mm|cm|in|pt|pc|pi)?\s*")


def _twips(value: str | None) -> float | None:
    """A twips measure, also accepting Strict universal measures ('2.54cm', '72pt')."""
    if value is None:
        return None
    if value.isascii() and value.isdigit():  # the common case, without the regex
        return float(value)
    m = _MEASURE.fullmatch(value)
    if not m:
        return None
    num, unit = float(m.group(1)), m.group(2)
    factor = {None: 1, "mm": _TWIPS_PER_MM, "cm": _TWIPS_PER_MM * 10, "in": 1440, "pt": 20,
              "pc": 240, "pi": 240}[unit]
    return num * factor


def _on(el: etree._Element) -> bool:
    return el.get(_w("val"), "true") not in ("0", "false", "off", "none")


def _rpr_props(rpr: etree._Element | None) -> dict:
    out: dict = {}
    if rpr is None:
        return out
    # One pass over the children (a document has tens of thousands of runs).
    for el in rpr:
        tag = _LOCAL.get(el.tag)
        if tag is None:
            continue
        if tag == "rFonts":
            for slot, theme_attr in _FONT_SLOTS:
                if el.get(_w(theme_attr)):
                    out["font_" + slot] = ("theme", el.get(_w(theme_attr)))
                elif el.get(_w(slot)) is not None:
                    out["font_" + slot] = ("name", el.get(_w(slot)))
            if el.get(_w("hint")) is not None:
                out["font_hint"] = el.get(_w("hint"))
        elif tag in ("sz", "szCs"):
            value = _twips(el.get(_W_VAL))
            if value is not None:
                out[tag] = value / 2
        elif tag in _TOGGLES:
            out[tag] = _on(el)
        elif tag == "u":
            val = el.get(_W_VAL, "single")
            out["u"] = None if val == "none" else val
        elif tag == "vertAlign":
            out["vertAlign"] = None if el.get(_W_VAL) == "baseline" else el.get(_W_VAL)
        elif tag == "color":
            val = el.get(_W_VAL, "auto")
            out["color"] = None if val.lower() in ("auto", "000000") else val.upper()
    return out


_FONT_SLOTS = (("ascii", "asciiTheme"), ("hAnsi", "hAnsiTheme"), ("eastAsia", "eastAsiaTheme"),
               ("cs", "cstheme"))
_LOCAL = {_w(t): t for t in ("rFonts", "sz", "szCs", *_TOGGLES, "u", "vertAlign", "color")}
_W_VAL = _w("val")


_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "both", "distribute": "both", "lowKashida": "both", "mediumKashida": "both",
       "highKashida": "both", "thaiDistribute": "both"}


def _ppr_props(ppr: etree._Element | None) -> dict:
    out: dict = {}
    if ppr is None:
        return out
    seen: set[str] = set()
    # One pass over the children; the first of a repeated element counts (as ``find`` would).
    for el in ppr:
        tag = _PPR_LOCAL.get(el.tag)
        if tag is None or tag in seen:
            continue
        seen.add(tag)
        if tag == "jc":
            out["jc"] = _JC.get(el.get(_W_VAL, "left"), "left")
        elif tag == "ind":
            for key, attrs in (("left", ("start", "left")), ("right", ("end", "right"))):
                for attr in attrs:
                    value = _twips(el.get(_w(attr)))
                    if value is not None:
                        out["ind_" + key] = value
                        break
            hanging = _twips(el.get(_w("hanging")))
            first = _twips(el.get(_w("firstLine")))
            if hanging is not None:
                out["first_line"] = -hanging
            elif first is not None:
                out["first_line"] = first
        elif tag == "spacing":
            for attr in ("before", "after", "line"):
                value = _twips(el.get(_w(attr)))
                if value is not None:
                    out["sp_" + attr] = value
            if el.get(_w("lineRule")):
                out["sp_lineRule"] = el.get(_w("lineRule"))
        elif tag == "pBdr":
            for side in ("top", "bottom"):
                edge = el.find(_w(side))
                if edge is not None:
                    out["bdr_" + side] = edge.get(_W_VAL, "none") not in ("nil", "none")
        elif tag in ("keepNext", "pageBreakBefore", "contextualSpacing"):
            out[tag] = _on(el)
        elif tag == "numPr":
            num_id = el.find(_w("numId"))
            ilvl = el.find(_w("ilvl"))
            out["numPr"] = (num_id.get(_W_VAL) if num_id is not None else None,
                            int(ilvl.get(_W_VAL, "0")) if ilvl is not None else 0)
    return out


_PPR_LOCAL = {_w(t): t for t in ("jc", "ind", "spacing", "pBdr", "keepNext", "pageBreakBefore",
                                 "numPr", "contextualSpacing")}


def _cell_margins(el: etree._Element | None, base: tuple[float, float]) -> tuple[float, float]:
    """(left, right) cell margins in mm set by a tcMar/tblCellMar element over ``base``."""
    out = list(base)
    if el is not None:
        for i, names in enumerate((("start", "left"), ("end", "right"))):
            for n in names:
                side = el.find(_w(n))
                if side is not None and side.get(_w("type"), "dxa") == "dxa" and \
                        _twips(side.get(_w("w"))) is not None:
                    out[i] = _twips(side.get(_w("w"))) / _TWIPS_PER_MM  # type: ignore[operator]
                    break
    return out[0], out[1]


def _on_attr(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _borders_state(el: etree._Element | None) -> bool | None:
    """True/False when the element sets any side; None when it sets nothing."""
    if el is None or len(el) == 0:
        return None
    return any(side.get(_w("val"), "none") not in ("nil", "none") for side in el)

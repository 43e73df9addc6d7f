"""Automatic lists (``word/numbering.xml``): the number format of each list level."""

from __future__ import annotations

from lxml import etree

from vanban.ooxml.props import _w

_VAL = _w("val")


def list_formats(part: etree._Element | None) -> dict[tuple[str, int], str]:
    """(numId, level) → the format Word numbers that level in: 'decimal', 'lowerLetter',
    'upperRoman', 'bullet', 'none' …, after the list's own level overrides. A level that names
    no format is 'decimal' (ECMA-376 §17.9.17); a list defined through a numbering style
    (``w:numStyleLink``) is left out: its format is unknown."""
    if part is None:
        return {}
    abstract: dict[str | None, dict[int, str]] = {}
    for definition in part.iter(_w("abstractNum")):
        abstract[definition.get(_w("abstractNumId"))] = {
            int(lvl.get(_w("ilvl"), "0")): _format(lvl) for lvl in definition.iter(_w("lvl"))}
    out: dict[tuple[str, int], str] = {}
    for num in part.iter(_w("num")):
        ref = num.find(_w("abstractNumId"))
        levels = dict(abstract.get(ref.get(_VAL) if ref is not None else None, {}))
        for override in num.iter(_w("lvlOverride")):
            lvl = override.find(_w("lvl"))
            if lvl is not None and lvl.find(_w("numFmt")) is not None:
                levels[int(override.get(_w("ilvl"), "0"))] = _format(lvl)
        for level, fmt in levels.items():
            out[(num.get(_w("numId"), ""), level)] = fmt
    return out


def _format(lvl: etree._Element) -> str:
    fmt = lvl.find(_w("numFmt"))
    return fmt.get(_VAL, "decimal") if fmt is not None else "decimal"

"""Style and theme lookup: basedOn chains, document defaults, theme fonts, table-style geometry.

Resolution order and toggle rules are described in ``vanban.ooxml.reader``.
"""

from __future__ import annotations

from lxml import etree

from vanban.ooxml.props import (
    _TWIPS_PER_MM,
    A_NS,
    _borders_state,
    _cell_margins,
    _on_attr,
    _ppr_props,
    _rpr_props,
    _w,
)


class _Styles:
    """Style lookup with basedOn chains resolved (cycles tolerated) and theme fonts."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None):
        self.by_id: dict[str, etree._Element] = {}
        self.default: dict[str, str] = {}
        self.ppr_default: dict = {}
        self.rpr_default: dict = {}
        self.theme = self._theme_fonts(theme)
        self._cache: dict[tuple[str, str], dict] = {}
        if styles is None:
            return
        defaults = styles.find(_w("docDefaults"))
        if defaults is not None:
            self.ppr_default = _ppr_props(defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}"))
            self.rpr_default = _rpr_props(defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}"))
        for st in styles.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if sid is None:
                continue
            self.by_id.setdefault(sid, st)
            if _on_attr(st.get(_w("default"))):
                self.default.setdefault(st.get(_w("type"), "paragraph"), sid)

    @staticmethod
    def _theme_fonts(theme: etree._Element | None) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        if theme is None:
            return out
        for major, prefix in (("majorFont", "major"), ("minorFont", "minor")):
            el = theme.find(f".//{{{A_NS}}}{major}")
            if el is None:
                continue
            for tag, names in (("latin", ("Ascii", "HAnsi")), ("ea", ("EastAsia",)),
                               ("cs", ("Bidi",))):
                face = el.find(f"{{{A_NS}}}{tag}")
                value = face.get("typeface") if face is not None else None
                for n in names:
                    out[prefix + n] = value or None
        return out

    def font(self, spec: tuple[str, str] | None) -> str | None:
        if spec is None:
            return None
        kind, value = spec
        return self.theme.get(value) if kind == "theme" else value

    def name(self, sid: str | None) -> str | None:
        st = self.by_id.get(sid) if sid else None
        el = st.find(_w("name")) if st is not None else None
        return el.get(_w("val")) if el is not None else None

    def chain(self, sid: str | None, kind: str) -> dict:
        """The merged pPr ('p') or rPr ('r') of a style and its basedOn ancestors."""
        if not sid:
            return {}
        key = (sid, kind)
        if key not in self._cache:
            merged: dict = {}
            seen: set[str] = set()
            chain = []
            cur: str | None = sid
            while cur and cur not in seen and cur in self.by_id:
                seen.add(cur)
                chain.append(self.by_id[cur])
                based = self.by_id[cur].find(_w("basedOn"))
                cur = based.get(_w("val")) if based is not None else None
            for st in reversed(chain):
                if kind == "p":
                    merged.update(_ppr_props(st.find(_w("pPr"))))
                else:
                    merged.update(_rpr_props(st.find(_w("rPr"))))
            self._cache[key] = merged
        return self._cache[key]

    def table_margins(self, sid: str | None) -> tuple[float, float]:
        """Cell margins a table style sets (basedOn chain), else Word's default 108 twips."""
        chain, seen, cur = [], set(), sid
        while cur and cur not in seen and cur in self.by_id:
            seen.add(cur)
            chain.append(self.by_id[cur])
            based = self.by_id[cur].find(_w("basedOn"))
            cur = based.get(_w("val")) if based is not None else None
        margins = (108 / _TWIPS_PER_MM, 108 / _TWIPS_PER_MM)
        for st in reversed(chain):
            margins = _cell_margins(st.find(f"{_w('tblPr')}/{_w('tblCellMar')}"), margins)
        return margins

    def table_borders(self, sid: str | None) -> bool:
        seen: set[str] = set()
        cur = sid
        while cur and cur not in seen and cur in self.by_id:
            seen.add(cur)
            st = self.by_id[cur]
            found = _borders_state(st.find(f"{_w('tblPr')}/{_w('tblBorders')}"))
            if found is not None:
                return found
            based = st.find(_w("basedOn"))
            cur = based.get(_w("val")) if based is not None else None
        return False

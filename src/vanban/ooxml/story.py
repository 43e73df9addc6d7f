"""Walking a story (body, header, footer) into ParaFacts and TableFacts, fields and drawings."""

from __future__ import annotations

import re

from lxml import etree

from vanban.errors import error
from vanban.ooxml.facts import CellFacts, ParaFacts, RunFacts, TableFacts
from vanban.ooxml.props import (
    _TOGGLES,
    _TWIPS_PER_MM,
    V_NS,
    WP_NS,
    _borders_state,
    _cell_margins,
    _ppr_props,
    _rpr_props,
    _twips,
    _w,
)
from vanban.ooxml.style_chain import _Styles

_EMU_PER_MM = 36000
_FLAT_MM = 2.0  # a drawn shape no taller than this is a line (a rule), not a picture
_RUN_CONTAINERS = {_w(t) for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                   "moveTo", "sdtContent", "sdt", "dir", "bdo")}
_BLOCK_CONTAINERS = {_w(t) for t in ("sdt", "sdtContent", "customXml")}
_P, _R, _TBL, _RPR, _RSTYLE, _VAL, _T, _TAB, _BR, _CR, _TYPE = map(
    _w, ("p", "r", "tbl", "rPr", "rStyle", "val", "t", "tab", "br", "cr", "type"))
_NO_BREAK_HYPHEN, _FLD_CHAR, _FLD_CHAR_TYPE, _INSTR_TEXT, _FLD_SIMPLE, _INSTR = map(
    _w, ("noBreakHyphen", "fldChar", "fldCharType", "instrText", "fldSimple", "instr"))
_INS, _DEL, _DEL_TEXT, _NOTE_REF, _ID = map(_w, ("ins", "del", "delText", "footnoteReference",
                                                "id"))
_MOVE_FROM, _MOVE_TO = _w("moveFrom"), _w("moveTo")
# Run children that never hold a drawing: a run made only of these has no rule to measure.
_PLAIN_RUN_CHILDREN = {_w(t) for t in ("rPr", "t", "tab", "br", "cr", "noBreakHyphen",
                                       "softHyphen", "fldChar", "instrText", "delText",
                                       "lastRenderedPageBreak", "sym", "footnoteReference",
                                       "footnoteRef")}


class _Story:
    """Turns the block content of one part into ParaFacts/TableFacts (a single-use builder)."""

    def __init__(self, styles: _Styles, origin: tuple = ("body",), *, limit: int = 0,
                 name: str = ""):
        self.styles = styles
        self.limit = limit
        self.name = name
        self.origin = origin
        self.paragraphs: list[ParaFacts] = []
        self.tables: list[TableFacts] = []
        self.inner_cells: dict[int, CellFacts] = {}
        self.section = 0
        self.section_ends: list[tuple[etree._Element, int]] = []
        self._bases: dict[tuple, tuple[dict, dict]] = {}
        self._looks: dict[tuple, dict] = {}

    def walk(self, parent: etree._Element, container: tuple | None = None,
             table_style: str | None = None) -> None:
        for child in parent:
            if child.tag == _P:
                self.paragraph(child, container or self.origin, table_style)
            elif child.tag == _TBL:
                self.table(child, container)
            elif child.tag in _BLOCK_CONTAINERS:
                self.walk(child, container, table_style)

    def table(self, tbl: etree._Element, container: tuple | None) -> None:
        tbl_pr = tbl.find(_w("tblPr"))
        style_el = tbl_pr.find(_w("tblStyle")) if tbl_pr is not None else None
        style = style_el.get(_w("val")) if style_el is not None else \
            self.styles.default.get("table")
        grid = [(_twips(g.get(_w("w"))) or 0) / _TWIPS_PER_MM
                for g in tbl.findall(f"{_w('tblGrid')}/{_w('gridCol')}")]
        table_bdr = _borders_state(tbl_pr.find(_w("tblBorders")) if tbl_pr is not None else None)
        if table_bdr is None:
            table_bdr = self.styles.table_borders(style)
        nested = container is not None
        index = len(self.tables)
        table_mar = _cell_margins(tbl_pr.find(_w("tblCellMar")) if tbl_pr is not None else None,
                                  self.styles.table_margins(style))
        rows = []
        for r, tr in enumerate(tbl.findall(_w("tr"))):
            cells, col = [], 0
            for c, tc in enumerate(tr.findall(_w("tc"))):
                tc_pr = tc.find(_w("tcPr"))
                span_el = tc_pr.find(_w("gridSpan")) if tc_pr is not None else None
                span = int(span_el.get(_w("val"), "1")) if span_el is not None else 1
                first = len(self.paragraphs)
                self.walk(tc, container if nested else ("table", index, r, c), style)
                cell_bdr = _borders_state(tc_pr.find(_w("tcBorders")) if tc_pr is not None
                                          else None)
                mar = _cell_margins(tc_pr.find(_w("tcMar")) if tc_pr is not None else None,
                                    table_mar)
                cells.append(CellFacts(r, c, tuple(range(first, len(self.paragraphs))),
                                       _cell_width(tc_pr, grid, col, span), span,
                                       table_bdr if cell_bdr is None else cell_bdr, *mar))
                if nested:  # the innermost cell of each paragraph (built first) stays
                    for i in cells[-1].paragraphs:
                        self.inner_cells.setdefault(i, cells[-1])
                col += span
            rows.append(tuple(cells))
        if not nested:
            self.tables.append(TableFacts(index, tuple(rows), style,
                                          any(c.borders for row in rows for c in row),
                                          self.section))

    def paragraph(self, p: etree._Element, container: tuple, table_style: str | None) -> None:
        if self.limit and len(self.paragraphs) >= self.limit:
            count = f"{self.limit:,}".replace(",", ".")  # 200.000: Vietnamese thousands
            raise error("docx.too-large",
                        f"Tệp {self.name} có hơn {count} đoạn văn; không đọc tiếp.", self.name,
                        message_en=f"{self.name} has more than {self.limit:,} paragraphs; not "
                                   "read further.")
        st = self.styles
        ppr_el = p.find(_w("pPr"))
        direct = _ppr_props(ppr_el)
        style_el = ppr_el.find(_w("pStyle")) if ppr_el is not None else None
        pstyle = style_el.get(_w("val")) if style_el is not None else st.default.get("paragraph")
        props = {**st.ppr_default, **st.chain(table_style, "p"), **st.chain(pstyle, "p"),
                 **direct}
        runs: list[tuple] = []
        fields: list[str] = []
        stack: list[dict] = []
        breaks = False
        drawings: list[float] = []
        boxes: list[str] = []
        deleted: list[tuple[int, tuple]] = []
        for r, simple in _iter_runs(p):
            if r.tag == _DEL or r.tag == _MOVE_FROM:  # moved away: its text keeps w:t
                for gone in r.iter(_R):
                    rpr = gone.find(_RPR)
                    deleted.append((len(runs), (
                        "".join(t.text or "" for t in gone.iter(_DEL_TEXT, _T)),
                        (table_style, pstyle, self._rstyle(rpr)), _rpr_props(rpr), None,
                        _note(gone))))
                continue
            rpr = None
            plain = True  # only text-like children: no drawing to look for
            text: list[str] = []
            for el in r:
                tag = el.tag
                if tag == _RPR:
                    if rpr is None:
                        rpr = el
                elif tag == _T:
                    text.append(el.text or "")
                elif tag == _TAB:
                    text.append("\t")
                elif tag == _BR or tag == _CR:
                    if el.get(_TYPE) == "page":
                        breaks = True
                    text.append("\n")
                elif tag == _NO_BREAK_HYPHEN:
                    text.append("-")
                elif tag == _FLD_CHAR:
                    kind = el.get(_FLD_CHAR_TYPE)
                    if kind == "begin":
                        stack.append({"instr": []})
                    elif kind == "end" and stack:
                        fields.append(_instr(stack.pop()))
                elif tag == _INSTR_TEXT and stack:
                    stack[-1]["instr"].append(el.text or "")
                elif plain and tag not in _PLAIN_RUN_CHILDREN:
                    plain = False
            if not plain:
                drawings.extend(_drawing_widths(r))
                boxes.extend(_box_texts(r))
            field = stack[-1] if stack else simple
            direct_rpr = _rpr_props(rpr)
            if r.getparent().tag in (_INS, _MOVE_TO):
                direct_rpr["inserted"] = True
            runs.append(("".join(text), (table_style, pstyle, self._rstyle(rpr)), direct_rpr,
                         field, _note(r)))
        for simple in p.iter(_FLD_SIMPLE):
            fields.append(" ".join(simple.get(_INSTR, "").split()))
        run_facts = tuple(self._run(r) for r in runs)
        ind = props.get
        rule = props.get("sp_lineRule", "auto")
        line = props.get("sp_line")
        spacing = (1.0, "auto") if line is None else \
            ((line / 240, "auto") if rule == "auto" else (line / 20, rule))
        self.paragraphs.append(ParaFacts(
            index=len(self.paragraphs),
            text="".join(r.text for r in run_facts if not r.hidden),
            style_id=pstyle, style_name=st.name(pstyle), align=props.get("jc", "left"),
            first_line_mm=(ind("first_line") or 0) / _TWIPS_PER_MM,
            left_mm=(ind("ind_left") or 0) / _TWIPS_PER_MM,
            right_mm=(ind("ind_right") or 0) / _TWIPS_PER_MM,
            space_before_pt=(props.get("sp_before") or 0) / 20,
            space_after_pt=(props.get("sp_after") or 0) / 20,
            line_spacing=(round(spacing[0], 4), spacing[1]), runs=run_facts,
            container=container, section=self.section,
            border_top=bool(props.get("bdr_top")), border_bottom=bool(props.get("bdr_bottom")),
            keep_next=bool(props.get("keepNext")),
            page_break_before=bool(props.get("pageBreakBefore")), breaks_page=breaks,
            contextual_spacing=bool(props.get("contextualSpacing")),
            fields=tuple(fields), numbering=_numbering(props.get("numPr")),
            drawings=tuple(drawings), boxes=tuple(dict.fromkeys(boxes)),
            deleted=tuple((i, self._run(d)) for i, d in deleted if d[0] or d[4])))
        sect = ppr_el.find(_w("sectPr")) if ppr_el is not None else None
        if sect is not None and container == ("body",):
            self.section_ends.append((sect, len(self.paragraphs) - 1))
            self.section += 1

    def _base(self, key: tuple) -> tuple[dict, dict]:
        """Run properties and toggle values the styles give a run (document defaults, then
        the table, paragraph and character styles), before its direct formatting; the same
        few style combinations recur on every run, so they are merged once."""
        found = self._bases.get(key)
        if found is None:
            st = self.styles
            table_style, pstyle, rstyle = key
            levels = [st.chain(table_style, "r"), st.chain(pstyle, "r"), st.chain(rstyle, "r")]
            props = dict(st.rpr_default)
            for level in levels:
                props.update({k: v for k, v in level.items() if k not in _TOGGLES})
            toggles = {}
            for t in _TOGGLES:
                value = bool(st.rpr_default.get(t, False))
                for level in levels:
                    if level.get(t):
                        value = not value
                toggles[t] = value
            found = self._bases[key] = (props, toggles)
        return found

    def _rstyle(self, rpr: etree._Element | None) -> str | None:
        """The character style a run's ``w:rPr`` names, else the document's default one."""
        el = rpr.find(_RSTYLE) if rpr is not None else None
        return el.get(_VAL) if el is not None else self.styles.default.get("character")

    def _run(self, run: tuple) -> RunFacts:
        text, key, direct, field, note = run
        look = (key, tuple(direct.items()))
        shown = self._looks.get(look)
        if shown is None:  # a document repeats a handful of run formats thousands of times
            shown = self._looks[look] = self._look(key, direct)
        return RunFacts(text=text, field=(_instr(field) if isinstance(field, dict) else field)
                        or None, footnote=note, **shown)

    def _look(self, key: tuple, direct: dict) -> dict:
        """What a run with these styles and this direct formatting looks like (RunFacts'
        fields but its text and field)."""
        st = self.styles
        base, base_toggles = self._base(key)
        props = {**base, **{k: v for k, v in direct.items() if k not in _TOGGLES}}
        toggles = {t: direct.get(t, v) for t, v in base_toggles.items()}
        size = props.get("sz", 10.0)
        return {
            "fonts": tuple(st.font(props.get("font_" + s))  # type: ignore[arg-type]
                        for s in ("ascii", "hAnsi", "eastAsia", "cs")),
            "size_pt": size, "size_cs_pt": props.get("szCs", size), "bold": toggles["b"],
            "italic": toggles["i"], "underline": props.get("u"), "caps": toggles["caps"],
            "color": props.get("color"), "hidden": toggles["vanish"],
            "vert_align": props.get("vertAlign"), "font_hint": props.get("font_hint"),
            "strike": toggles["strike"] or toggles["dstrike"],
            "inserted": bool(direct.get("inserted"))}


def _note(r: etree._Element) -> str | None:
    """The id of the footnote whose mark the run ``r`` holds (None: it holds none)."""
    ref = r.find(_NOTE_REF)
    return ref.get(_ID) if ref is not None else None


def _instr(field: dict) -> str:
    return " ".join("".join(field["instr"]).split())


def _numbering(num: tuple | None) -> tuple[str, int] | None:
    if not num or num[0] in (None, "0"):
        return None
    return num


def _iter_runs(p: etree._Element, simple: str | None = None):
    """(w:r, fldSimple instruction or None) in document order, through inline containers; a
    tracked deletion (w:del) or text moved away (w:moveFrom) comes as itself, whole."""
    for child in p:
        if child.tag == _R or child.tag == _DEL or child.tag == _MOVE_FROM:
            yield child, simple
        elif child.tag in _RUN_CONTAINERS:
            inner = simple
            if child.tag == _FLD_SIMPLE:
                inner = " ".join(child.get(_INSTR, "").split())
            yield from _iter_runs(child, inner)


def _drawing_widths(r: etree._Element) -> list[float]:
    """DrawingML extents in the run; VML only when there is no DrawingML (AlternateContent).
    Called only for runs that are not plain text (``paragraph`` tells them apart)."""
    extents = [ext for ext in r.iter(f"{{{WP_NS}}}extent") if ext.getparent().tag in
               (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor")]
    if extents:  # lines only: a picture (a logo, a stamp) is no rule
        return [int(ext.get("cx", "0")) / _EMU_PER_MM for ext in extents
                if int(ext.get("cy", "0") or 0) / _EMU_PER_MM <= _FLAT_MM]
    found: list[float] = []
    for shape in r.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
        if shape.tag == f"{{{V_NS}}}line":
            ends = [_vml_mm(shape.get(a, "0").split(",")[0]) for a in ("from", "to")]
            if None not in ends:
                found.append(abs(ends[1] - ends[0]))  # type: ignore[operator]
            continue
        m = re.search(r"(?:^|;)\s*width:\s*([-\d.]+\s*[a-z]*)", shape.get("style", ""))
        h = re.search(r"(?:^|;)\s*height:\s*([-\d.]+\s*[a-z]*)", shape.get("style", ""))
        width = _vml_mm(m.group(1)) if m else None
        height = _vml_mm(h.group(1)) if h else 0.0
        if width is not None and (height or 0.0) <= _FLAT_MM:
            found.append(width)
    return found


def _box_texts(r: etree._Element) -> list[str]:
    """The text of each text box (``w:txbxContent``) in the run, its paragraphs joined by
    newlines; a box given twice (DrawingML and its VML fallback) once."""
    out: dict[str, None] = {}  # ordered, and no quadratic search on a hostile file
    for box in r.iter(_TXBX):
        text = "\n".join("".join(t.text or "" for t in p.iter(_T)) for p in box.iter(_P)).strip()
        if text:
            out[text] = None
    return list(out)


_TXBX = _w("txbxContent")


def _vml_mm(value: str) -> float | None:
    """A VML length ('108pt', '2cm', bare numbers are points) in mm."""
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|mm|cm|in|px)?\s*", value or "")
    if not m:
        return None
    factor = {"pt": 25.4 / 72, "mm": 1, "cm": 10, "in": 25.4, "px": 25.4 / 96, None: 25.4 / 72}
    return float(m.group(1)) * factor[m.group(2)]


def _cell_width(tc_pr, grid: list[float], col: int, span: int) -> float | None:
    if tc_pr is not None:
        tcw = tc_pr.find(_w("tcW"))
        if tcw is not None and tcw.get(_w("type"), "dxa") == "dxa":
            width = _twips(tcw.get(_w("w")))
            if width:
                return width / _TWIPS_PER_MM
    cols = grid[col:col + span]
    return sum(cols) if cols and len(cols) == span else None

"""Effective formatting of any DOCX: every paragraph and run with its fully resolved properties.

Resolution order (ECMA-376 §17.7.2): document defaults → table style → paragraph style (basedOn
chain) → paragraph direct pPr; for runs, then the character style chain (rStyle) → run direct
rPr. Theme fonts (``w:asciiTheme`` …) resolve through the theme part's major/minor fonts. The
toggle properties (bold, italic, caps, hidden) follow §17.7.3: each style level that sets one
flips it; direct formatting sets it absolutely. Numbering-level properties and table-style
conditional formatting are not applied. Lengths are in mm, sizes in pt.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from vanban.errors import error

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
V_NS = "urn:schemas-microsoft-com:vml"
_EMU_PER_MM = 36000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAX_PART_BYTES = 256 * 1024 * 1024
_TWIPS_PER_MM = 1440 / 25.4
_TOGGLES = ("b", "i", "caps", "vanish")


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


# --- Public data ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunFacts:
    """One ``w:r`` with its effective character formatting."""

    text: str
    fonts: tuple[str | None, str | None, str | None, str | None]
    """Resolved font per slot (ascii, hAnsi, eastAsia, cs); None when nothing names one."""
    size_pt: float
    size_cs_pt: float
    bold: bool
    italic: bool
    underline: str | None
    """``w:u`` value such as 'single'; None when not underlined."""
    caps: bool
    color: str | None
    """Hex colour such as 'FF0000'; None for automatic (black)."""
    hidden: bool = False
    field: str | None = None
    """Instruction of the innermost field this run belongs to (e.g. 'PAGE'), if any."""


@dataclass(frozen=True)
class ParaFacts:
    """One ``w:p`` with its effective paragraph formatting, in document order."""

    index: int
    text: str
    """Visible text: hidden runs left out, tabs as '\\t', line breaks as '\\n'."""
    style_id: str | None
    style_name: str | None
    align: str
    """'left' | 'center' | 'right' | 'both'."""
    first_line_mm: float
    """First-line indent; negative for a hanging indent."""
    left_mm: float
    right_mm: float
    space_before_pt: float
    space_after_pt: float
    line_spacing: tuple[float, str]
    """(1.0, 'auto') = single, (1.5, 'auto'), or (18.0, 'exact') / (18.0, 'atLeast') in pt."""
    runs: tuple[RunFacts, ...]
    container: tuple
    """('body',) or ('table', table_idx, row, col) for top-level tables (nested tables count as
    their outer cell), or ('header', rel_id) inside a header part."""
    section: int
    border_top: bool = False
    border_bottom: bool = False
    keep_next: bool = False
    page_break_before: bool = False
    breaks_page: bool = False
    """Holds a ``w:br w:type="page"``."""
    fields: tuple[str, ...] = ()
    numbering: tuple[str, int] | None = None
    """(numId, ilvl) when the paragraph is in an automatic list (its label is not in ``text``)."""
    drawings: tuple[float, ...] = ()
    """Widths in mm of drawn objects (DrawingML extents, VML lines/shapes) in the paragraph."""


@dataclass(frozen=True)
class CellFacts:
    """One table cell: its paragraphs (indexes into ``DocFacts.paragraphs``) and geometry."""

    row: int
    col: int
    paragraphs: tuple[int, ...]
    width_mm: float | None
    span: int
    borders: bool
    """True when any side of the cell shows a border (cell, table or table-style borders)."""
    margin_left_mm: float = 108 / _TWIPS_PER_MM
    margin_right_mm: float = 108 / _TWIPS_PER_MM
    """Cell margins (tcMar, else tblCellMar, else the table style's, else Word's 108 twips)."""


@dataclass(frozen=True)
class TableFacts:
    """A top-level table: rows of cells."""

    index: int
    rows: tuple[tuple[CellFacts, ...], ...]
    style_id: str | None
    borders: bool
    section: int

    @property
    def cells(self) -> tuple[CellFacts, ...]:
        return tuple(c for row in self.rows for c in row)


@dataclass(frozen=True)
class HeaderFacts:
    """A header or footer part as it applies to a section."""

    paragraphs: tuple[ParaFacts, ...]
    fields: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class SectionFacts:
    """One section (``w:sectPr``): page, margins, headers; lengths in mm (None when absent)."""

    index: int
    page_w_mm: float | None
    page_h_mm: float | None
    orient: str
    """'portrait' or 'landscape' (from ``w:orient``, else from the page's shape)."""
    margin_top_mm: float | None
    margin_bottom_mm: float | None
    margin_left_mm: float | None
    margin_right_mm: float | None
    header_mm: float | None
    footer_mm: float | None
    title_pg: bool
    """'Different first page' is on."""
    pg_num_start: int | None
    headers: dict[str, HeaderFacts]
    """'default' | 'first' | 'even' → header, inherited from earlier sections as Word does. With
    ``title_pg`` on and no 'first' header anywhere, the first page shows an empty header."""
    footers: dict[str, HeaderFacts]
    first_paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class DocFacts:
    """Everything the checker reads from one DOCX."""

    name: str
    paragraphs: tuple[ParaFacts, ...]
    tables: tuple[TableFacts, ...]
    sections: tuple[SectionFacts, ...]


# --- Loading the package -------------------------------------------------------------------------
def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           load_dtd=False, remove_comments=True)


class _Package:
    """The zip, its parts parsed on demand."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        if data[:8] == _OLE_MAGIC:
            utf16 = "EncryptionInfo".encode("utf-16-le")
            if utf16 in data:
                raise error("docx.encrypted",
                            f"Tệp {name} được mã hóa bằng mật khẩu; hãy gỡ mật khẩu rồi lưu lại "
                            "dạng .docx.", name,
                            message_en=f"{name} is password-protected; remove the password and "
                                       "save it as .docx again.")
            raise error("docx.not-docx",
                        f"Tệp {name} là định dạng Word 97–2003 (.doc), không phải .docx; hãy mở "
                        "bằng Word hoặc LibreOffice và lưu lại dạng .docx.", name,
                        message_en=f"{name} is a Word 97-2003 .doc file, not .docx; save it as "
                                   ".docx first.")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError):
            raise error("docx.not-docx", f"Tệp {name} không phải là tệp DOCX (không phải tệp nén "
                        "zip của Word).", name,
                        message_en=f"{name} is not a DOCX file (not a zip package).") from None
        self.names = set(self.zip.namelist())
        self.main = self._main_part()
        if self.main not in self.names:
            raise self.corrupt(f"thiếu phần {self.main}", f"{self.main} is missing")

    def corrupt(self, why_vi: str, why_en: str):
        return error("docx.corrupt", f"Tệp {self.name} bị hỏng: {why_vi}.", self.name,
                     message_en=f"{self.name} is corrupt: {why_en}.")

    def read(self, part: str) -> bytes | None:
        if part not in self.names:
            return None
        info = self.zip.getinfo(part)
        if info.file_size > _MAX_PART_BYTES:
            raise self.corrupt(f"phần {part} quá lớn", f"part {part} is too large")
        try:
            return self.zip.read(part)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
            raise self.corrupt(f"không giải nén được {part}", f"cannot unzip {part} ({exc})") \
                from None

    def xml(self, part: str) -> etree._Element | None:
        data = self.read(part)
        if data is None:
            return None
        data = data.replace(_STRICT_W_NS, W_NS.encode())
        try:
            root = etree.fromstring(data, _parser())
        except etree.XMLSyntaxError as exc:
            raise self.corrupt(f"XML của {part} không đọc được ({exc})",
                               f"XML of {part} does not parse ({exc})") from None
        if root is None:
            raise self.corrupt(f"{part} rỗng", f"{part} is empty")
        return root

    def _main_part(self) -> str:
        rels = self._rels_of("")
        for typ, target in rels.values():
            if typ.endswith("/officeDocument"):
                return target
        return "word/document.xml"

    def _rels_of(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type, absolute part name) for a part ('' for the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rels_name)
        out: dict[str, tuple[str, str]] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            full = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", ""), full)
        return out

    def rels(self) -> dict[str, tuple[str, str]]:
        return self._rels_of(self.main)

    def part_of_type(self, suffix: str) -> etree._Element | None:
        for typ, target in self.rels().values():
            if typ.endswith(suffix):
                return self.xml(target)
        return None


# --- Property extraction (one element → a flat dict of what it sets) -----------------------------
def _twips(value: str | None) -> float | None:
    """A twips measure, also accepting Strict universal measures ('2.54cm', '72pt')."""
    if value is None:
        return None
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(mm|cm|in|pt|pc|pi)?\s*", value)
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
    fonts = rpr.find(_w("rFonts"))
    if fonts is not None:
        for slot, theme_attr in (("ascii", "asciiTheme"), ("hAnsi", "hAnsiTheme"),
                                 ("eastAsia", "eastAsiaTheme"), ("cs", "cstheme")):
            if fonts.get(_w(theme_attr)):
                out["font_" + slot] = ("theme", fonts.get(_w(theme_attr)))
            elif fonts.get(_w(slot)) is not None:
                out["font_" + slot] = ("name", fonts.get(_w(slot)))
    for tag in ("sz", "szCs"):
        el = rpr.find(_w(tag))
        if el is not None and _twips(el.get(_w("val"))) is not None:
            out[tag] = _twips(el.get(_w("val"))) / 2
    for tag in _TOGGLES:
        el = rpr.find(_w(tag))
        if el is not None:
            out[tag] = _on(el)
    u = rpr.find(_w("u"))
    if u is not None:
        out["u"] = None if u.get(_w("val"), "single") == "none" else u.get(_w("val"), "single")
    color = rpr.find(_w("color"))
    if color is not None:
        val = color.get(_w("val"), "auto")
        out["color"] = None if val.lower() in ("auto", "000000") else val.upper()
    return out


_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "both", "distribute": "both", "lowKashida": "both", "mediumKashida": "both",
       "highKashida": "both", "thaiDistribute": "both"}


def _ppr_props(ppr: etree._Element | None) -> dict:
    out: dict = {}
    if ppr is None:
        return out
    jc = ppr.find(_w("jc"))
    if jc is not None:
        out["jc"] = _JC.get(jc.get(_w("val"), "left"), "left")
    ind = ppr.find(_w("ind"))
    if ind is not None:
        for key, attrs in (("left", ("start", "left")), ("right", ("end", "right"))):
            for attr in attrs:
                if _twips(ind.get(_w(attr))) is not None:
                    out["ind_" + key] = _twips(ind.get(_w(attr)))
                    break
        if _twips(ind.get(_w("hanging"))) is not None:
            out["first_line"] = -_twips(ind.get(_w("hanging")))
        elif _twips(ind.get(_w("firstLine"))) is not None:
            out["first_line"] = _twips(ind.get(_w("firstLine")))
    sp = ppr.find(_w("spacing"))
    if sp is not None:
        for attr in ("before", "after", "line"):
            if _twips(sp.get(_w(attr))) is not None:
                out["sp_" + attr] = _twips(sp.get(_w(attr)))
        if sp.get(_w("lineRule")):
            out["sp_lineRule"] = sp.get(_w("lineRule"))
    bdr = ppr.find(_w("pBdr"))
    if bdr is not None:
        for side in ("top", "bottom"):
            el = bdr.find(_w(side))
            if el is not None:
                out["bdr_" + side] = el.get(_w("val"), "none") not in ("nil", "none")
    for tag in ("keepNext", "pageBreakBefore"):
        el = ppr.find(_w(tag))
        if el is not None:
            out[tag] = _on(el)
    num = ppr.find(_w("numPr"))
    if num is not None:
        num_id = num.find(_w("numId"))
        ilvl = num.find(_w("ilvl"))
        out["numPr"] = (num_id.get(_w("val")) if num_id is not None else None,
                        int(ilvl.get(_w("val"), "0")) if ilvl is not None else 0)
    return out


# --- Styles and theme ------------------------------------------------------------------------------
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


# --- Walking a story (body, header, footer) --------------------------------------------------------
_RUN_CONTAINERS = {_w(t) for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple",
                                   "moveTo", "sdtContent", "sdt", "dir", "bdo")}
_BLOCK_CONTAINERS = {_w(t) for t in ("sdt", "sdtContent", "customXml")}


class _Story:
    """Turns the block content of one part into ParaFacts/TableFacts (a single-use builder)."""

    def __init__(self, styles: _Styles, origin: tuple = ("body",)):
        self.styles = styles
        self.origin = origin
        self.paragraphs: list[ParaFacts] = []
        self.tables: list[TableFacts] = []
        self.section = 0
        self.section_ends: list[tuple[etree._Element, int]] = []

    def walk(self, parent: etree._Element, container: tuple | None = None,
             table_style: str | None = None) -> None:
        for child in parent:
            if child.tag == _w("p"):
                self.paragraph(child, container or self.origin, table_style)
            elif child.tag == _w("tbl"):
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
                col += span
            rows.append(tuple(cells))
        if not nested:
            self.tables.append(TableFacts(index, tuple(rows), style,
                                          any(c.borders for row in rows for c in row),
                                          self.section))

    def paragraph(self, p: etree._Element, container: tuple, table_style: str | None) -> None:
        st = self.styles
        ppr_el = p.find(_w("pPr"))
        direct = _ppr_props(ppr_el)
        style_el = ppr_el.find(_w("pStyle")) if ppr_el is not None else None
        pstyle = style_el.get(_w("val")) if style_el is not None else st.default.get("paragraph")
        props = {**st.ppr_default, **st.chain(table_style, "p"), **st.chain(pstyle, "p"),
                 **direct}
        para_rpr_levels = [st.chain(table_style, "r"), st.chain(pstyle, "r")]
        runs: list[dict] = []
        fields: list[str] = []
        stack: list[dict] = []
        breaks = False
        drawings: list[float] = []
        for r, simple in _iter_runs(p):
            drawings.extend(_drawing_widths(r))
            rpr = r.find(_w("rPr"))
            rstyle_el = rpr.find(_w("rStyle")) if rpr is not None else None
            rstyle = rstyle_el.get(_w("val")) if rstyle_el is not None else \
                st.default.get("character")
            text: list[str] = []
            for el in r:
                tag = el.tag
                if tag == _w("t"):
                    text.append(el.text or "")
                elif tag == _w("tab"):
                    text.append("\t")
                elif tag in (_w("br"), _w("cr")):
                    if el.get(_w("type")) == "page":
                        breaks = True
                    text.append("\n")
                elif tag == _w("noBreakHyphen"):
                    text.append("-")
                elif tag == _w("fldChar"):
                    kind = el.get(_w("fldCharType"))
                    if kind == "begin":
                        stack.append({"instr": []})
                    elif kind == "end" and stack:
                        fields.append(_instr(stack.pop()))
                elif tag == _w("instrText") and stack:
                    stack[-1]["instr"].append(el.text or "")
            field = stack[-1] if stack else simple
            runs.append({"text": "".join(text), "levels": para_rpr_levels + [st.chain(rstyle, "r")],
                         "direct": _rpr_props(rpr), "field": field})
        for simple in p.iter(_w("fldSimple")):
            fields.append(" ".join(simple.get(_w("instr"), "").split()))
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
            fields=tuple(fields), numbering=_numbering(props.get("numPr")),
            drawings=tuple(drawings)))
        sect = ppr_el.find(_w("sectPr")) if ppr_el is not None else None
        if sect is not None and container == ("body",):
            self.section_ends.append((sect, len(self.paragraphs) - 1))
            self.section += 1

    def _run(self, run: dict) -> RunFacts:
        st = self.styles
        props = dict(st.rpr_default)
        for level in run["levels"]:
            props.update({k: v for k, v in level.items() if k not in _TOGGLES})
        props.update({k: v for k, v in run["direct"].items() if k not in _TOGGLES})
        toggles = {}
        for t in _TOGGLES:
            value = bool(st.rpr_default.get(t, False))
            for level in run["levels"]:
                if level.get(t):
                    value = not value
            toggles[t] = run["direct"].get(t, value)
        size = props.get("sz", 10.0)
        field = run["field"]
        return RunFacts(
            text=run["text"],
            fonts=tuple(st.font(props.get("font_" + s))  # type: ignore[arg-type]
                        for s in ("ascii", "hAnsi", "eastAsia", "cs")),
            size_pt=size, size_cs_pt=props.get("szCs", size), bold=toggles["b"],
            italic=toggles["i"], underline=props.get("u"), caps=toggles["caps"],
            color=props.get("color"), hidden=toggles["vanish"],
            field=(_instr(field) if isinstance(field, dict) else field) or None)


def _instr(field: dict) -> str:
    return " ".join("".join(field["instr"]).split())


def _numbering(num: tuple | None) -> tuple[str, int] | None:
    if not num or num[0] in (None, "0"):
        return None
    return num


def _iter_runs(p: etree._Element, simple: str | None = None):
    """(w:r, fldSimple instruction or None) in document order, through inline containers."""
    for child in p:
        if child.tag == _w("r"):
            yield child, simple
        elif child.tag in _RUN_CONTAINERS:
            inner = simple
            if child.tag == _w("fldSimple"):
                inner = " ".join(child.get(_w("instr"), "").split())
            yield from _iter_runs(child, inner)


def _drawing_widths(r: etree._Element) -> list[float]:
    """DrawingML extents in the run; VML only when there is no DrawingML (AlternateContent)."""
    found = [int(ext.get("cx", "0")) / _EMU_PER_MM
             for ext in r.iter(f"{{{WP_NS}}}extent") if ext.getparent().tag in
             (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor")]
    if found:
        return found
    for shape in r.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
        if shape.tag == f"{{{V_NS}}}line":
            ends = [_vml_mm(shape.get(a, "0").split(",")[0]) for a in ("from", "to")]
            if None not in ends:
                found.append(abs(ends[1] - ends[0]))  # type: ignore[operator]
            continue
        m = re.search(r"(?:^|;)\s*width:\s*([-\d.]+\s*[a-z]*)", shape.get("style", ""))
        width = _vml_mm(m.group(1)) if m else None
        if width is not None:
            found.append(width)
    return found


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


# --- Sections -------------------------------------------------------------------------------------
def _section(pkg: _Package, styles: _Styles, sect: etree._Element, index: int, first: int,
             last: int, inherited: dict[str, dict[str, HeaderFacts]],
             rels: dict[str, tuple[str, str]]) -> SectionFacts:
    def mm(el, attr):
        v = _twips(el.get(_w(attr))) if el is not None else None
        return None if v is None else abs(v) / _TWIPS_PER_MM

    pg_sz = sect.find(_w("pgSz"))
    mar = sect.find(_w("pgMar"))
    w, h = mm(pg_sz, "w"), mm(pg_sz, "h")
    orient = pg_sz.get(_w("orient")) if pg_sz is not None else None
    if orient not in ("portrait", "landscape"):
        orient = "landscape" if (w and h and w > h) else "portrait"
    title = sect.find(_w("titlePg"))
    pg_num = sect.find(_w("pgNumType"))
    start = pg_num.get(_w("start")) if pg_num is not None else None
    for kind in ("header", "footer"):
        refs = dict(inherited[kind])
        for ref in sect.findall(_w(f"{kind}Reference")):
            rid = ref.get(f"{{{R_NS}}}id")
            if rid in rels:
                refs[ref.get(_w("type"), "default")] = _header(pkg, styles, rels[rid][1], rid)
        inherited[kind] = refs
    return SectionFacts(
        index=index, page_w_mm=w, page_h_mm=h, orient=orient,
        margin_top_mm=mm(mar, "top"), margin_bottom_mm=mm(mar, "bottom"),
        margin_left_mm=mm(mar, "left"), margin_right_mm=mm(mar, "right"),
        header_mm=mm(mar, "header"), footer_mm=mm(mar, "footer"),
        title_pg=title is not None and _on(title),
        pg_num_start=int(start) if start and start.lstrip("-").isdigit() else None,
        headers=inherited["header"], footers=inherited["footer"],
        first_paragraph=first, last_paragraph=last)


def _header(pkg: _Package, styles: _Styles, part: str, rid: str) -> HeaderFacts:
    root = pkg.xml(part)
    if root is None:
        return HeaderFacts((), ())
    story = _Story(styles, ("header", rid))
    story.walk(root, ("header", rid))
    return HeaderFacts(tuple(story.paragraphs),
                       tuple(f for p in story.paragraphs for f in p.fields))


# --- Entry point ----------------------------------------------------------------------------------
def read_docx(source: Path | str | bytes, *, name: str | None = None) -> DocFacts:
    """Read a DOCX (path or bytes) into its effective formatting facts.

    Raises VanbanError ``docx.not-docx``, ``docx.encrypted`` or ``docx.corrupt`` for files that
    cannot be read as a Word document; never a raw exception for those.
    """
    if isinstance(source, (bytes, bytearray)):
        data, label = bytes(source), name or "<bytes>"
    else:
        label = name or str(source)
        try:
            data = Path(source).read_bytes()
        except OSError as exc:
            raise error("docx.unreadable", f"Không đọc được tệp {label}: {exc.strerror}.",
                        label, message_en=f"Cannot read {label}: {exc.strerror}.") from None
    pkg = _Package(data, label)
    doc = pkg.xml(pkg.main)
    body = doc.find(_w("body")) if doc is not None else None
    if body is None:
        raise pkg.corrupt("không có phần thân w:body", "no w:body element")
    styles = _Styles(pkg.part_of_type("/styles"), pkg.part_of_type("/theme"))
    story = _Story(styles)
    story.walk(body)
    ends = list(story.section_ends)
    final = body.find(_w("sectPr"))
    if final is not None or not ends or ends[-1][1] != len(story.paragraphs) - 1:
        ends.append((final if final is not None else etree.Element(_w("sectPr")),
                     len(story.paragraphs) - 1))
    rels = pkg.rels()
    inherited: dict[str, dict[str, HeaderFacts]] = {"header": {}, "footer": {}}
    sections, first = [], 0
    for i, (sect, last) in enumerate(ends):
        sections.append(_section(pkg, styles, sect, i, first, last, inherited, rels))
        first = last + 1
    return DocFacts(label, tuple(story.paragraphs), tuple(story.tables), tuple(sections))

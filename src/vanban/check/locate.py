"""Finding the Decree-30 components (ô 1 … ô 9b) in any DOCX, ours or typed by hand.

Works on text and position only, never on style names: the header block is whatever comes before
the type name (a borderless table, or lines split by tabs), the signature and Nơi nhận are the
table or lines around "Nơi nhận:". A component is a ``Piece``: a paragraph and a character span,
because a hand-typed header often holds the issuer and the Quốc hiệu in one tab-split paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vanban.ooxml.reader import DocFacts, ParaFacts
from vanban.rules import nd30


@dataclass(frozen=True)
class Piece:
    """A span of one paragraph's text: ``text == paragraphs[para].text[start:end]``."""

    para: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Appendix:
    """An appendix: its 'Phụ lục …' label, title lines, '(Kèm theo …)' line and section."""

    label: Piece
    title: tuple[Piece, ...]
    ref: Piece | None
    section: int


@dataclass(frozen=True)
class Layout:
    """Where each component is; None or () when the document does not have it."""

    header: tuple[int, ...]
    quoc_hieu: Piece | None
    tieu_ngu: Piece | None
    issuer: tuple[Piece, ...]
    """Superior body lines first, the issuing body's line(s) last."""
    number: Piece | None
    place_date: Piece | None
    vv: tuple[Piece, ...]
    type_name: Piece | None
    type_key: str | None
    summary: tuple[Piece, ...]
    body: tuple[int, ...]
    """Non-empty body paragraphs of the main text (not in tables), in order."""
    noi_nhan_label: Piece | None
    noi_nhan: tuple[Piece, ...]
    signature: tuple[Piece, ...]
    """Authority, position and name lines of the signature block, top to bottom."""
    appendices: tuple[Appendix, ...]


def norm(text: str) -> str:
    """NFC, whitespace collapsed, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def is_rule_text(text: str) -> bool:
    """A line drawn with underscores or dashes."""
    t = text.strip()
    return len(t) >= 3 and set(t) <= nd30.RULE_CHARS


_DATE_RE = re.compile(r"ngày\s+\S+\s+tháng\s+\S+\s+năm", re.IGNORECASE)
_TYPE_NAMES = {name: key for key, (name, _abbr) in nd30.DOCUMENT_TYPES.items()}


def segments(p: ParaFacts) -> list[Piece]:
    """The tab-separated, non-blank segments of a paragraph."""
    out, pos = [], 0
    for chunk in p.text.split("\t"):
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            out.append(Piece(p.index, pos + lead, pos + lead + len(body), body))
        pos += len(chunk) + 1
    return out


def _kind(text: str) -> str | None:
    t = norm(text)
    low = t.casefold()
    if "xã hội chủ nghĩa" in low or low.startswith(("cộng hòa xã", "cộng hoà xã")):
        return "qh"
    if "độc lập" in low and "tự do" in low:
        return "tn"
    if re.match(r"^số\b", low):
        return "number"
    if _DATE_RE.search(t):
        return "date"
    if t.startswith(nd30.CONG_VAN_PREFIX):
        return "vv"
    if is_rule_text(t) or t.upper() in nd30.HEADER_MARKS or t in ("*",):
        return "skip"
    return None


def _type_line(paras: tuple[ParaFacts, ...]) -> int | None:
    for p in paras:
        if p.container == ("body",) and norm(p.text).upper() in _TYPE_NAMES and \
                norm(p.text) == norm(p.text).upper():
            return p.index
    return None


def _header_zone(facts: DocFacts, type_idx: int | None) -> list[int]:
    paras = facts.paragraphs
    if type_idx is not None:
        return list(range(type_idx))
    # No type name (a công văn): the first table, plus lines up to the date and the V/v lines.
    end = -1
    for p in paras[:40]:
        if p.container[0] == "table" and p.container[1] == 0 and \
                all(q.container != ("body",) or not q.text.strip() for q in paras[:p.index]):
            end = p.index
        elif _kind(p.text.split("\t")[-1]) in ("date", "vv", "number", "tn", "qh"):
            end = max(end, p.index)
    return list(range(end + 1))


def locate(facts: DocFacts) -> Layout:
    """Find every component the checker knows about."""
    paras = facts.paragraphs
    type_idx = _type_line(paras)
    zone = _header_zone(facts, type_idx)
    found: dict[str, Piece] = {}
    vv: list[Piece] = []
    others: list[Piece] = []
    qh_cells = set()
    for i in zone:
        for seg in segments(paras[i]):
            kind = _kind(seg.text)
            if kind == "vv" or (vv and kind is None and paras[i].container == paras[vv[-1].para]
                                .container and seg.para == vv[-1].para + 1):
                vv.append(seg)
            elif kind in ("qh", "tn", "number", "date"):
                found.setdefault(kind, seg)
                if kind in ("qh", "tn") and paras[i].container[0] == "table":
                    qh_cells.add(paras[i].container)
            elif kind is None:
                others.append(seg)
    number = found.get("number")
    issuer = [s for s in others if paras[s.para].container not in qh_cells
              and (number is None or s.para < number.para or
                   (s.para == number.para and s.start < number.start))]
    summary: list[Piece] = []
    type_piece = None
    body_start = len(zone)
    if type_idx is not None:
        type_piece = segments(paras[type_idx])[0]
        body_start = type_idx + 1
        for p in paras[type_idx + 1:]:
            text = p.text.strip()
            if not text or is_rule_text(text) or p.align != "center" or \
                    text.startswith("(Kèm theo"):
                break
            summary.append(Piece(p.index, p.text.index(text), p.text.index(text) + len(text),
                                 text))
            if p.border_bottom:
                break
        body_start = (summary[-1].para + 1) if summary else body_start
    sig = _signature(facts, body_start)
    body_end = sig[3]
    appendices = _appendices(facts, sig[4])
    body = tuple(p.index for p in paras[body_start:body_end]
                 if p.container == ("body",) and p.text.strip() and not is_rule_text(p.text)
                 and not p.text.strip().startswith("(Kèm theo"))
    type_key = _TYPE_NAMES.get(norm(type_piece.text).upper()) if type_piece else None
    return Layout(tuple(zone), found.get("qh"), found.get("tn"), tuple(issuer), number,
                  found.get("date"), tuple(vv), type_piece, type_key, tuple(summary), body,
                  sig[0], sig[1], sig[2], appendices)


def _signature(facts: DocFacts, start: int):
    """(Nơi nhận label, entries, signature lines, first index of the block, end index)."""
    paras = facts.paragraphs
    label = None
    for p in paras[start:]:
        for seg in segments(p):
            if norm(seg.text).casefold().startswith("nơi nhận"):
                label = seg
                break
        if label:
            break
    if label is None:
        return None, (), (), len(paras), len(paras)
    lp = paras[label.para]
    if lp.container[0] == "table":
        table = facts.tables[lp.container[1]]
        nn_col = lp.container[3]
        cells = table.cells
        first = min(i for c in cells for i in c.paragraphs)
        last = max(i for c in cells for i in c.paragraphs)
        entries = [seg for c in cells if c.col == nn_col for i in c.paragraphs if i > label.para
                   for seg in segments(paras[i])]
        lines = [seg for c in cells if c.col != nn_col for i in c.paragraphs
                 for seg in segments(paras[i])]
    else:
        # Lines: signature lines above the label (right-hand, not justified), then tab-split rows.
        first = label.para
        while first - 1 >= start and paras[first - 1].container == ("body",) and \
                paras[first - 1].align != "both" and not paras[first - 1].text.strip() \
                .endswith(nd30.END_OF_BODY):
            first -= 1
        while first < label.para and not paras[first].text.strip():
            first += 1
        entries, lines = [], [s for p in paras[first:label.para] for s in segments(p)]
        last = label.para
        for p in paras[label.para:]:
            if p.container != ("body",) or p.page_break_before or \
                    (p.index > label.para and p.section != lp.section):
                break
            segs = [s for s in segments(p) if p.index != label.para or s.start > label.start]
            for k, s in enumerate(segs):
                is_entry = k == 0 and s.text.startswith("-") and p.index != label.para
                (entries if is_entry else lines).append(s)
            last = p.index
            if p.breaks_page:
                break
    lines = [s for s in lines if not _placeholder(paras, s)]
    return label, tuple(entries), tuple(lines), first, last + 1


def _placeholder(paras: tuple[ParaFacts, ...], piece: Piece) -> bool:
    """'(Chữ ký, dấu)' placeholders and blank signature space are not signature lines."""
    return piece.text.startswith("(") and piece.text.endswith(")") or is_rule_text(piece.text)


def _appendices(facts: DocFacts, start: int) -> tuple[Appendix, ...]:
    paras = facts.paragraphs
    out = []
    for p in paras[start:]:
        if p.container != ("body",) or not norm(p.text).casefold().startswith("phụ lục"):
            continue
        title, ref = [], None
        for q in paras[p.index + 1:p.index + 8]:
            t = q.text.strip()
            if not t or q.align != "center" or is_rule_text(t):
                if title or ref:
                    break
                continue
            if t.startswith("(Kèm theo"):
                ref = Piece(q.index, q.text.index(t), q.text.index(t) + len(t), t)
                break
            title.append(Piece(q.index, q.text.index(t), q.text.index(t) + len(t), t))
        label = Piece(p.index, p.text.index(p.text.strip()),
                      p.text.index(p.text.strip()) + len(p.text.strip()), p.text.strip())
        out.append(Appendix(label, tuple(title), ref, p.section))
    return tuple(out)

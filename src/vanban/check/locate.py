"""Finding the Decree-30 components (ô 1 … ô 9b) in any DOCX, ours or typed by hand.

Works on text and position only, never on style names: the header block is whatever comes before
the type name (a borderless table, or lines split by tabs), the signature and Nơi nhận are the
table or lines around "Nơi nhận:". A component is a ``Piece``: a paragraph and a character span,
because a hand-typed header often holds the issuer and the Quốc hiệu in one tab-split paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.check.locate_end import (
    find_appendices,
    signature_block,
    standalone_appendices,
)
from vanban.check.pieces import (
    Appendix,
    Piece,
    is_attached_ref,
    is_rule_text,
    letters,
    norm,
    segments,
    whole,
)
from vanban.ooxml.reader import DocFacts, ParaFacts
from vanban.rules import nd30


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
    kinh_gui: tuple[Piece, ...] = ()
    """The 'Kính gửi:' line and the recipient lines under it (Công văn, Tờ trình, Báo cáo)."""
    frame: bool = True
    """The document shows the frame of a Decree-30 document: Quốc hiệu or issuer, and a number
    line or a type name. Without it no component is looked for (it would be invented)."""
    draft: bool = False
    """The number or the day is left blank, as in an unsigned draft."""
    other_title: Piece | None = None
    """An upper-case title under the header that is no Decree-30 type name ("PHIẾU TRÌNH",
    "DANH SÁCH"): the document is another kind of paper, so ``frame`` is False."""
    attached: bool = False
    """An attached document (Mẫu 1.3: a plan issued with a Quyết định): the issuer header
    without 'Số:', and a '(Kèm theo …)' line under the summary."""
    attached_ref: tuple[Piece, ...] = ()
    """The '(Kèm theo …)' or '(Ban hành kèm theo …)' lines under the type name and summary."""
    qd_authority: Piece | None = None
    """Quyết định: the issuing authority's line before the căn cứ."""
    qd_decides: Piece | None = None
    """Quyết định: the 'QUYẾT ĐỊNH:' line before the articles."""
    articles: tuple[Piece, ...] = ()
    """'Điều N.' paragraphs of the body, in order."""
    appendix_only: bool = False
    """The file is only an appendix (Phụ lục I, III.1): "Phụ lục …", its title and a
    "(Kèm theo … số …)" line, no header of its own. ``frame`` is False; ``appendices`` holds
    it, and only the appendix and page rules apply."""
    attachment: Layout | None = None
    """A Quyết định: the document it issues (Mẫu 1.3) typed after its signature in the same
    file, laid out on its own (``attached`` True): header without 'Số:', title, '(Kèm theo …)'.
    On an attached document: the next one the decision issues, when several follow."""


# A place-and-date line; the day and month may be left blank in a draft ("ngày    tháng 3").
DATE_RE = re.compile(r"^(?P<place>[^,]{0,60}?)\s*(?P<comma>,?)\s*ngày\s*(?P<day>[^\s,]*)\s+"
                     r"tháng\s*(?P<month>[^\s,]*)\s+năm\s*(?P<year>\S*)\s*$", re.IGNORECASE)
# "Số:" then a number (or the blank of a draft) and a "/": not "Số điện thoại", "Số lượng".
_NUMBER_RE = re.compile(r"^Số\s*(?::|(?=[\s.…_]*\d*[\s.…_]*/))")
_MARK_CHARS = 60  # the national name is 34 characters, the motto 27
_BARE_NUMBER_RE = re.compile(r"^So\s*:")  # "Sô:", "So:" (not "Sở/ngành")
# Titles that name no type of Điều 7 but head a document of the office laid out in its frame
# (header, type-like title, signature): a bảng so sánh made to go with a submission (what
# ``vanban compare`` writes). It has no number of its own and may be landscape throughout.
TITLED = {"BẢNG SO SÁNH": "bang-so-sanh"}
_VV_SPELLED = "về việc "
_VV_CHARS = 250  # a summary, not a paragraph of the body that starts with the same words
_TYPE_NAMES = {**{name: key for key, (name, _abbr) in
                  {**nd30.DOCUMENT_TYPES, **nd30.LEGAL_DOCUMENT_TYPES}.items()}, **TITLED}
_HEADER_LIMIT = 60  # paragraphs from the top where the header and the type name may be


# The same line with the date in figures ("Lâm Đồng, ngày 15/3/2025"): found, to be reported.
_FIGURES_DATE_RE = re.compile(r"^(?P<place>[^,]{0,60}?)\s*,?\s*ngày\s*\d{1,2}\s*([/.-])\s*"
                              r"\d{1,2}\s*\2\s*\d{4}\s*$", re.IGNORECASE)
# The date line typed with a mark wrong ("ngày 15 thang 3"), matched on its bare letters.
_BARE_DATE_RE = re.compile(r"^(?P<place>[^,]{0,60}?)\s*,?\s*ngay\s*[^\s,]*\s+thang\s*[^\s,]*\s+"
                          r"nam\s*\d{4}\s*$", re.IGNORECASE)
# Words that make a lower-case start a sentence's, not a place name typed in lower case.
_NOT_PLACE = frozenset({"của", "theo", "về", "và", "số", "tại", "từ", "đến", "vào", "trong"})


def is_date(text: str) -> bool:
    """A place-and-date line (blank day or month allowed), not a sentence holding a date. A
    place typed in lower case ("lâm đồng, ngày …") or a date in figures is one too, so that
    ND30-DATE reports it at its line."""
    t = norm(text)
    m = DATE_RE.match(t) or _FIGURES_DATE_RE.match(t) or _BARE_DATE_RE.match(letters(t))
    if m is None:
        return False
    place = m.group("place")
    words = place.split()
    if not place:
        return True
    if place[0].isupper():
        return len(words) <= 6 and "hôm nay" not in place.casefold()
    return len(words) <= 4 and all(w.isalpha() for w in words) and \
        not _NOT_PLACE & {w.casefold() for w in words}


def _kind(text: str) -> str | None:
    # Marks are compared without their tone and letter marks: "Độc lâp - Tư do" typed with a
    # slip is still the motto, reported at its line (not said to be missing).
    t = norm(text)
    low = t.casefold()
    # Bare letters only on a line as short as the mark itself: "độc lập … từ đó" in a sentence
    # reads "doc lap … tu do" too.
    bare = letters(low) if len(t) <= _MARK_CHARS else ""
    if "xã hội chủ nghĩa" in low or low.startswith(("cộng hòa xã", "cộng hoà xã")) or \
            "xa hoi chu nghia" in bare or bare.startswith("cong hoa xa"):
        return "qh"
    if ("độc lập" in low and "tự do" in low) or ("doc lap" in bare and "tu do" in bare):
        return "tn"
    if _NUMBER_RE.match(t) or _BARE_NUMBER_RE.match(letters(t)):
        return "number"
    if is_date(t):
        return "date"
    if t.upper().startswith(nd30.CONG_VAN_PREFIX.upper()) or \
            (low.startswith(_VV_SPELLED) and len(t) <= _VV_CHARS):
        return "vv"  # "Về việc …" spelled out: a V/v line, so ND30-VV can say so
    if is_rule_text(t) or t.upper() in nd30.HEADER_MARKS or t in ("*",):
        return "skip"
    return None


_BY_LETTERS = {letters(name): name for name in _TYPE_NAMES}


def type_name_of(text: str) -> str | None:
    """The type name ``text`` stands for: itself, or typed with a mark wrong ("QUYÊT ĐỊNH",
    "KẾ HOACH") or a colon after it ("KẾ HOẠCH:"), so that ND30-TYPE-NAME reports the slip
    instead of the whole document going unchecked; None for other text. "QUYẾT ĐỊNH:" is the
    decision's line before its articles, not a type name."""
    t = norm(text).upper()
    if t in _TYPE_NAMES:
        return t
    if t == nd30.QUYET_DINH_DECIDES:
        return None
    bare = t.rstrip(":.").rstrip()
    return bare if bare in _TYPE_NAMES else _BY_LETTERS.get(letters(bare))


def is_type_name(p: ParaFacts, *, near_header: bool = False) -> bool:
    """An upper-case paragraph that is only a known type name (``QUYẾT ĐỊNH:`` is not); also,
    ``near_header``, one typed with a slip (``type_name_of``) or in ordinary case ("Kế hoạch")
    but set where a type name stands, centred and bold, so that ND30-TYPE-NAME can say so."""
    first = p.text.split("\n")[0] if p.text.strip() else ""
    text = norm(first or p.text)
    if type_name_of(text) is None or not (near_header or text.upper() in _TYPE_NAMES):
        return False
    runs = [r for r in p.runs if r.text.strip()]
    caps = any(r.caps for r in runs)
    placed = near_header and p.align == "center" and bool(runs) and all(r.bold for r in runs)
    return text == text.upper() or caps or placed


_NEAR_HEADER = 6  # paragraphs after the last header line where a type name in ordinary case
# is still taken for one (a centred bold "Kế hoạch" further down a letter is a heading)


def _type_line(paras: tuple[ParaFacts, ...], after: int, limit: int) -> int | None:
    last_mark = after
    for p in paras[after + 1:limit]:
        if any(_kind(s.text) in _MARKS for s in segments(p)):
            last_mark = p.index
        if p.container == ("body",) and is_type_name(
                p, near_header=p.index - last_mark <= _NEAR_HEADER):
            return p.index
    return None


def _header_zone(facts: DocFacts, type_idx: int | None, start: int = 0) -> list[int]:
    paras = facts.paragraphs
    if type_idx is not None:
        return list(range(start, type_idx))
    # No type name (a công văn): the header table the document opens with, and the lines of a
    # typed header, up to the first line of other text after a header mark (a date far below,
    # in a form's signature table, is not the document's date).
    end, seen, last_vv = -1, False, False
    opens_with_table = False
    first_table = next((p.container[1] for p in paras[start:] if p.container[0] == "table"), 0)
    for p in paras[start:start + _HEADER_LIMIT]:
        kinds = {_kind(s.text) for s in segments(p)}
        if p.container[0] == "table":
            if p.container[1] == first_table and (opens_with_table or not any(
                    q.text.strip() for q in paras[start:p.index]
                    if q.container == ("body",))):
                opens_with_table = True
                end = p.index
                seen = seen or bool(kinds & _MARKS)
                last_vv = "vv" in kinds or (last_vv and not kinds - {None})
                continue
            if seen:
                break
        if kinds & (_MARKS | {"vv"}):
            end, seen, last_vv = p.index, True, "vv" in kinds
        elif p.text.strip():
            if last_vv and p.align == "center" and len(p.text.strip()) < 90:
                end = p.index  # a wrapped V/v line
                continue
            if seen:
                break
    return list(range(start, end + 1))


_MARKS = {"date", "number", "tn", "qh"}


def locate(facts: DocFacts, start: int = 0) -> Layout:
    """Find every component the checker knows about, in the document that opens at paragraph
    ``start`` (a Quyết định's attached document opens after its signature)."""
    paras = facts.paragraphs
    limit = start + _HEADER_LIMIT
    first_mark = next((p.index for p in paras[start:limit]
                       if any(_kind(s.text) in ("qh", "tn") for s in segments(p))), start - 1)
    type_idx = _type_line(paras, first_mark, limit)
    zone = _header_zone(facts, type_idx, start)
    if type_idx is None:
        # After a decision's signature, a list ("DANH SÁCH …") may come with no header at all,
        # pushed down the page by blank lines (187.docx).
        attached_title = _attached_title(paras, (zone or [start - 1])[-1],
                                         _AFTER_SIGNATURE if start else 8)
        if attached_title is not None:
            type_idx = attached_title
            zone = _header_zone(facts, type_idx, start)
    found: dict[str, Piece] = {}
    vv: list[Piece] = []
    others: list[Piece] = []
    qh_cells = set()
    for i in zone:
        for seg in segments(paras[i]):
            kind = _kind(seg.text)
            if kind == "vv" or (vv and kind is None and _continues(paras, vv[-1], seg)):
                vv.append(seg)
            elif kind in ("qh", "tn", "number", "date"):
                found.setdefault(kind, seg)
                if kind in ("qh", "tn") and paras[i].container[0] == "table":
                    qh_cells.add(paras[i].container)
            elif kind is None and not _is_kinh_gui(seg.text):
                others.append(seg)
    number = found.get("number")
    qh_at = found.get("qh") or found.get("tn")
    issuer = [s for s in others if (paras[s.para].container not in qh_cells or
                                    (qh_at is not None and s.para < qh_at.para))
              and (number is None or s.para < number.para or
                   (s.para == number.para and s.start < number.start))
              and (number is not None or qh_at is None or _left_of(paras, s, qh_at))]
    summary: list[Piece] = []
    type_piece = None
    body_start = len(zone)
    attached = False
    attached_ref: tuple[Piece, ...] = ()
    if type_idx is not None:
        type_piece, *rest = segments(paras[type_idx])
        summary.extend(rest)  # "ĐIỀU LỆ\nHIỆP HỘI …" typed as one paragraph
        decision = type_name_of(type_piece.text) == "QUYẾT ĐỊNH"
        for p in paras[type_idx + 1:]:
            text = p.text.strip()
            boxed = p.container[0] == "table" and len(facts.tables[p.container[1]].cells) == 1
            runs = [r for r in p.runs if r.text.strip()]
            # A summary typed justified is still the summary (ND30-SUMMARY says it is not
            # centred): the bold lines right under the type name.
            placed = p.align == "center" or (p.index - type_idx <= 2 and runs and
                                             all(r.bold for r in runs))
            if decision and summary and norm(text) == norm(text).upper():
                break  # the authority line under a decision's summary
            if not text and not summary and p.index - type_idx <= 2 and not p.drawings:
                continue  # a blank line between the type name and the summary
            if not text or is_rule_text(text) or not placed or \
                    is_attached_ref(text) or \
                    (p.container != ("body",) and not boxed) \
                    or _is_kinh_gui(text):
                break
            summary.append(whole(p))
            if p.border_bottom or p.drawings:
                break
        body_start = (summary[-1].para + 1) if summary else type_idx + 1
        ref = next((i for i in range(body_start, min(body_start + 3, len(paras)))
                    if is_attached_ref(paras[i].text)), None)
        attached = ref is not None
        if ref is not None:  # the reference may wrap: "(Kèm theo … ngày … của" / "… tỉnh)"
            end = ref
            while end + 1 < len(paras) and ")" not in paras[end].text and end < ref + 3:
                end += 1
            body_start = end + 1
            attached_ref = tuple(whole(paras[i]) for i in range(ref, end + 1)
                                 if paras[i].text.strip())
    kinh_gui, body_start = _kinh_gui(facts, body_start)
    type_key = _TYPE_NAMES.get(type_name_of(type_piece.text) or "") if type_piece else None
    other = _other_title(paras, zone) if type_piece is None else None
    frame = (qh_at is not None or bool(issuer)) and other is None and \
        (number is not None or type_key is not None or bool(vv) or attached)
    sig = signature_block(facts, body_start)
    body_end = sig[3]
    appendices = find_appendices(facts, sig[4])
    skip = {p.para for p in kinh_gui}
    body = tuple(p.index for p in paras[body_start:body_end]
                 if p.container == ("body",) and p.text.strip() and not is_rule_text(p.text)
                 and p.index not in skip
                 and not is_attached_ref(p.text))
    date = found.get("date")
    draft = _blank_number(number) or _blank_day(date)
    qd_authority = qd_decides = None
    if type_key == "quyet-dinh" and not attached and body:
        first = paras[body[0]]
        if first.align == "center" and norm(first.text) == norm(first.text).upper():
            qd_authority = whole(first)
        decides = letters(nd30.QUYET_DINH_DECIDES[:-1])  # "QUYÊT ĐỊNH:" typed with a slip too
        qd_decides = next((whole(paras[i]) for i in body
                           if letters(norm(paras[i].text).upper()).startswith(decides)
                           and len(norm(paras[i].text)) <= len(nd30.QUYET_DINH_DECIDES) + 1),
                          None)
        skip_qd = {x.para for x in (qd_authority, qd_decides) if x is not None}
        body = tuple(i for i in body if i not in skip_qd)
    articles = tuple(whole(paras[i]) for i in body
                     if nd30.ARTICLE_PATTERN.match(norm(paras[i].text)))
    decision_frame = frame and type_key == "quyet-dinh" and not attached
    # A decision may issue several lists, one after the other (225.docx: three "DANH SÁCH"):
    # each is an attachment of its own, and the body of one ends where the next begins.
    after = _next_title(paras, body) if start and attached and type_piece is not None else None
    if after is not None:
        body = tuple(i for i in body if i < after)
    alone = standalone_appendices(facts) if not frame and not start else ()
    if alone:
        appendices = alone
    return Layout(tuple(zone), found.get("qh"), found.get("tn"), tuple(issuer), number,
                  date, tuple(vv), type_piece, type_key, tuple(summary), body,
                  sig[0], sig[1], sig[2], appendices, tuple(kinh_gui), frame, draft, other,
                  attached, attached_ref, qd_authority, qd_decides, articles,
                  appendix_only=bool(alone),
                  attachment=_attachment(facts, sig[4]) if decision_frame else
                  _attachment(facts, after) if after is not None else None)


def _attachment(facts: DocFacts, after: int) -> Layout | None:
    """The document a Quyết định issues (Mẫu 1.3), typed after the decision's signature: its
    own header, a title and a "(Kèm theo Quyết định …)" line right under it."""
    if after >= len(facts.paragraphs):
        return None
    lay = locate(facts, after)
    return lay if lay.attached and lay.type_name is not None else None


def _other_title(paras: tuple[ParaFacts, ...], zone: list[int]) -> Piece | None:
    """The first line under the header when it is a title, centred, bold and upper-case, that
    names no Decree-30 type (a form such as "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC")."""
    start = zone[-1] + 1 if zone else 0
    for p in paras[start:start + 6]:
        text = norm(p.text)
        if not text:
            continue
        runs = [r for r in p.runs if r.text.strip()]
        if p.container == ("body",) and p.align == "center" and text == text.upper() and \
                any(c.isalpha() for c in text) and runs and all(r.bold for r in runs) and \
                _kind(text) is None and not text.startswith(nd30.KINH_GUI.upper()):
            return whole(p)
        return None
    return None


def _next_title(paras: tuple[ParaFacts, ...], body: tuple[int, ...]) -> int | None:
    """The title of a further attached document in ``body`` (an attached document's own):
    a line in capitals with a "(Kèm theo Quyết định …)" line right under it."""
    for i in body:
        text = norm(paras[i].text)
        if text == text.upper() and any(c.isalpha() for c in text) and \
                _attached_title(paras, i - 1, 2) == i:
            return i
    return None


_AFTER_SIGNATURE = 40  # paragraphs after a decision's signature where its attachment's title
# may stand (187.docx leaves 20 blank lines first)


def _attached_title(paras: tuple[ParaFacts, ...], after: int, reach: int) -> int | None:
    """The title of an attached document (Mẫu 1.3: "ĐIỀU LỆ …", "KẾ HOẠCH …" issued with a
    Quyết định): the first line after the header, centred and upper-case, with a
    "(Kèm theo …)" line within the next few lines."""
    if after < 0:
        return None
    start = next((p.index for p in paras[after + 1:after + reach]
                  if p.text.strip() and p.container == ("body",) and not _is_mark(p.text)),
                 None)
    if start is None:
        return None
    p = paras[start]
    text = norm(p.text)
    if text != text.upper() or not any(c.isalpha() for c in text):
        return None
    # Not centred is still the title: 245.docx pushes "ĐIỀU LỆ" to the middle with tabs, and
    # the "(Kèm theo Quyết định …)" line below tells what it is.
    near = paras[start + 1:start + 6]
    # Issued with a decision (Mẫu 1.3), not a form sent with a letter ("kèm theo Công văn").
    return start if any(is_attached_ref(q.text) and _ISSUING.search(q.text) for q in near) \
        else None


_ISSUING = re.compile(r"quyết định|nghị quyết|nghị định|thông tư", re.IGNORECASE)


def _is_mark(text: str) -> bool:
    """A mark such as "(DỰ THẢO)", "MẬT" typed near the header."""
    return norm(text).strip("()").upper() in nd30.HEADER_MARKS


def _left_of(paras: tuple[ParaFacts, ...], piece: Piece, qh: Piece) -> bool:
    """Without a number line, the issuer is what sits beside or above the national name."""
    a, b = paras[piece.para].container, paras[qh.para].container
    if a[0] == b[0] == "table":
        return a[1] == b[1] and a[3] < b[3]
    return piece.para < qh.para or (piece.para == qh.para and piece.start < qh.start)


def _continues(paras: tuple[ParaFacts, ...], last: Piece, seg: Piece) -> bool:
    """A wrapped V/v summary typed on the next line of the same cell."""
    return paras[seg.para].container == paras[last.para].container and \
        seg.para == last.para + 1 and not paras[seg.para].text.strip().startswith("-")


def _blank_number(piece: Piece | None) -> bool:
    if piece is None:
        return False
    m = re.match(r"^Số\s*:?\s*(?P<num>[^/]*)/", norm(piece.text))
    return m is not None and not any(ch.isdigit() for ch in m.group("num"))


def _blank_day(piece: Piece | None) -> bool:
    m = DATE_RE.match(norm(piece.text)) if piece else None
    return m is not None and not (m.group("day").strip(".…_") and m.group("month").strip(".…_"))


_KINH_GUI_LETTERS = letters(nd30.KINH_GUI)


def _is_kinh_gui(text: str) -> bool:
    """A "Kính gửi" line, also typed with a mark wrong ("Kinh gửi:"): ND30-KINH-GUI reports
    the slip at the line."""
    return letters(norm(text)).startswith(_KINH_GUI_LETTERS)


def _kinh_gui(facts: DocFacts, start: int) -> tuple[list[Piece], int]:
    """The 'Kính gửi:' block at ``start`` (after blank lines): the label line and the recipient
    lines under it; and where the body starts after it."""
    paras = facts.paragraphs
    i = start
    while i < len(paras) and not paras[i].text.strip():
        i += 1
    # A Công văn may hold Kính gửi in the header table, ending the zone just before it.
    for j in range(max(start - 6, 0), min(i + 1, len(paras))):
        if _is_kinh_gui(paras[j].text):
            i = j
            break
    else:
        return [], start
    out = []
    label_container = paras[i].container
    k = i
    while k < len(paras):
        p = paras[k]
        text = p.text.strip()
        if k > i and (p.container == ("body",) and label_container == ("body",)
                      and not text.startswith("-")):
            break
        if k > i and label_container[0] == "table" and p.container[:2] != label_container[:2]:
            break
        if text:
            out.append(whole(p))
        k += 1
    return out, max(k, start)

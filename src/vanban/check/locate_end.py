"""The end of a document: the Nơi nhận list and the signature block beside or above it, and
the appendices after them."""

from __future__ import annotations

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

_LABEL = "nơi nhận"
_LABEL_LETTERS = "noi nhan"
_NOI_NHAN_CHARS = 12  # "Nơi nhận:" and a blank or two: not "Nơi nhân dân sinh sống …"


def is_label(text: str) -> bool:
    """The "Nơi nhận:" label; on its bare letters ("Nơi nhân:" typed with a slip) only when
    the line is no longer than the label."""
    t = norm(text).casefold()
    return t.startswith(_LABEL) or (len(t) <= _NOI_NHAN_CHARS and letters(t).startswith(
        _LABEL_LETTERS))


def signature_block(facts: DocFacts, start: int):
    """(Nơi nhận label, entries, signature lines, first index of the block, end index)."""
    paras = facts.paragraphs
    label = None
    for p in paras[start:]:
        for seg in segments(p):
            if is_label(seg.text):
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
        entries, lines = [], []
        for c in cells:
            ended = False
            for i in c.paragraphs:
                for seg in segments(paras[i]):
                    if c.col != nn_col or i < label.para:
                        lines.append(seg)
                    elif i == label.para:
                        # "Nơi nhận:" and "- Như trên;" split by a line break (301.docx).
                        if seg.start > label.start and seg.text.startswith(("-", "+", "•")):
                            entries.append(seg)
                        continue
                    elif not ended and seg.text.startswith(("-", "+", "•")):
                        entries.append(seg)
                    elif not ended and entries and continues_entry(entries[-1], seg):
                        entries.append(seg)  # a recipient wrapped onto the next line
                    elif entries or ended:
                        # The signature typed under the list in the same cell.
                        ended = True
                        lines.append(seg)
                    else:
                        entries.append(seg)
        lines = [s for s in lines if not is_label(s.text)]
        name = _name_under_table(paras, last) if not any(
            _has_lower(s.text) for s in lines) else None
        if name is not None:  # the name typed with tabs under the table (125.docx)
            lines.append(name)
            last = name.para
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
                # In the label's own paragraph only a line after a line break is an entry (a
                # tab leads to the signature column: "Nơi nhận:\tTL. CHỦ TỊCH").
                is_entry = s.text.startswith("-") and (
                    (k == 0 and p.index != label.para) or
                    (p.index == label.para and "\n" in p.text[label.end:s.start]
                     and "\t" not in p.text[label.end:s.start]))
                (entries if is_entry else lines).append(s)
            last = p.index
            if p.breaks_page:
                break
    lines = [s for s in lines if not _placeholder(paras, s)]
    return label, tuple(entries), tuple(lines), first, last + 1


def _has_lower(text: str) -> bool:
    return any(ch.islower() for ch in text)


def _name_under_table(paras: tuple[ParaFacts, ...], last: int) -> Piece | None:
    """The signer's name typed in the body just under the Nơi nhận / signature table, pushed
    right with tabs or spaces or centred ("\t\t\tHồ Văn Mười"), when the table's signature
    cell holds no name: the first text within the next three paragraphs, if it reads as a
    person's name (two to five capitalised words; not "Phụ lục I")."""
    for p in paras[last + 1:last + 4]:
        text = p.text.strip()
        if not text:
            continue
        lead = p.text[:len(p.text) - len(p.text.lstrip())]
        pushed = "\t" in lead or len(lead) >= 5 or p.align in ("center", "right")
        words = text.split()
        if p.container == ("body",) and pushed and 2 <= len(words) <= 5 and all(
                w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
            return next(iter(segments(p)), None)  # a person's name: "Hồ Văn Mười"
        return None
    return None


def continues_entry(entry: Piece, line: Piece) -> bool:
    """``line`` carries on the recipient ``entry`` (typed on two lines): the entry has not
    ended with ";" or "." and the line does not start a new one."""
    return not entry.text.rstrip().endswith((";", ".")) and \
        not line.text.startswith(("-", "+", "•")) and line.text[:1].islower()


def entry_groups(entries: tuple[Piece, ...]) -> list[list[Piece]]:
    """Recipient lines grouped into recipients: an entry and the lines that carry it on."""
    groups: list[list[Piece]] = []
    for piece in entries:
        if groups and continues_entry(groups[-1][-1], piece):
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _placeholder(paras: tuple[ParaFacts, ...], piece: Piece) -> bool:
    """'(Chữ ký, dấu)' placeholders and blank signature space are not signature lines."""
    return piece.text.startswith("(") and piece.text.endswith(")") or is_rule_text(piece.text)


def find_appendices(facts: DocFacts, start: int) -> tuple[Appendix, ...]:
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
            if is_attached_ref(t):
                ref = whole(q)
                break
            title.append(whole(q))
        label = whole(p)
        out.append(Appendix(label, tuple(title), ref, p.section))
    return tuple(out)


_LABEL_CHARS = 40  # "Phụ lục IV", "PHỤ LỤC SỐ 02": a label line, not a sentence about one


def standalone_appendices(facts: DocFacts) -> tuple[Appendix, ...]:
    """The appendices of a file that is only an appendix (Phụ lục I, III.1): it opens with a
    "Phụ lục …" line, its title and a "(Kèm theo … số …)" line, with no header of its own.
    Empty for any other file."""
    paras = facts.paragraphs
    first = next((p for p in paras if p.text.strip()), None)
    if first is None or first.container != ("body",) or not _is_label(first):
        return ()
    found = [a for a in find_appendices(facts, first.index)
             if a.label.para == first.index or
             (_is_label(paras[a.label.para]) and (a.ref is not None or a.title))]
    return tuple(found) if found and found[0].ref is not None else ()


def _is_label(p: ParaFacts) -> bool:
    text = norm(p.text)
    return text.casefold().startswith("phụ lục") and len(text) <= _LABEL_CHARS

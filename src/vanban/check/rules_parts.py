"""The labels of the parts a text is divided into: "Phần I", "Chương II", "Mục 1" on a line of
their own, centred, bold, in ordinary case, with the part's title below them centred, bold, in
capitals (Phụ lục I, II.6.đ). Charters and rules issued with a decision are laid out this way;
a Kế hoạch may use Phần too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from vanban.check.context import Context
from vanban.check.finding import PARAGRAPHS, Hit, Text, and_more, rule
from vanban.check.locate import norm
from vanban.rules import nd30

# A label alone on its line: the word, a Roman (Phần, Chương) or Arabic (Mục, Tiểu mục) number,
# maybe a full stop. "Chương I. QUY ĐỊNH CHUNG" on one line is not judged here.
_LABEL = re.compile(r"^(?P<word>Phần|Chương|Mục|Tiểu mục)\s+(?:[IVXLC]+|\d+)\.?$", re.IGNORECASE)


@rule("ND30-PART-LABEL", "Phần, Chương, Mục: chữ thường, đậm, canh giữa; tiêu đề in hoa",
      "Part, chapter and section labels: ordinary case, bold, centred; titles in capitals",
      nd30.HEADING_REF)
def part_label(ctx: Context) -> Iterator[Hit]:
    # 13 corpus charters typed "CHƯƠNG I" in capitals (170.docx, 231.docx …): the decree
    # writes the word in ordinary case and only the title below it in capitals.
    bad: list[tuple[int, Text]] = []
    body = list(ctx.layout.body) + _after_signature(ctx)
    for k, i in enumerate(body):
        p = ctx.para(i)
        text = norm(p.text)
        m = _LABEL.match(text)
        if m is None:
            continue
        runs = [r for r in p.runs if r.text.strip()]
        word = m.group("word")
        wrong = []
        if word.upper() == word or any(r.caps for r in runs):
            wrong.append(Text("chữ in hoa", "capitals"))
        if runs and not all(r.bold for r in runs):
            wrong.append(Text("không đậm", "not bold"))
        if p.align != "center":
            wrong.append(Text("không canh giữa", "not centred"))
        title = next((ctx.para(j) for j in body[k + 1:k + 3] if ctx.para(j).text.strip()),
                     None)
        # The title is the centred line under the label; a label followed by "Điều 1." or
        # "1. …" has none, and running text is not judged as one.
        if title is not None and title.align == "center" and not _LABEL.match(norm(title.text)):
            t_runs = [r for r in title.runs if r.text.strip()]
            t_text = norm(title.text)
            if t_text != t_text.upper() and not all(r.caps for r in t_runs):
                wrong.append(Text("tiêu đề chữ thường", "title in lower case"))
            if t_runs and not all(r.bold for r in t_runs):
                wrong.append(Text("tiêu đề không đậm", "title not bold"))
        if wrong:
            bad.append((i, Text(f"«{text}»: " + ", ".join(w.vi for w in wrong),
                                f"'{text}': " + ", ".join(w.en for w in wrong))))
    if not bad:
        return
    at, found = bad[0]
    yield Hit(ctx.where(at), Text("«Chương I» chữ thường, đậm, canh giữa; tiêu đề IN HOA, đậm",
                                  "'Chương I' ordinary case, bold, centred; title UPPER CASE, "
                                  "bold"),
              and_more(found, len(bad) - 1, PARAGRAPHS),
              "Từ «Phần», «Chương», «Mục» và số thứ tự viết chữ thường (chỉ hoa chữ cái đầu), "
              "in đậm, canh giữa trên một dòng riêng; tiêu đề của phần, chương, mục ở dòng dưới "
              "viết in hoa, đậm, canh giữa.",
              "The words 'Phần', 'Chương', 'Mục' and their number are in ordinary case (first "
              "letter capital), bold, centred on a line of their own; the title on the line below "
              "is in capitals, bold, centred.")


def _after_signature(ctx: Context) -> list[int]:
    """Paragraphs (not table cells) after the signature: a charter or rules issued with the
    decision and typed in its file after the signature (250.docx, 102.docx) are laid out as
    the decree says too, and no other part of the layout reads them."""
    lay = ctx.layout
    if not lay.signature:
        return []
    end = max(piece.para for piece in lay.signature)
    return [p.index for p in ctx.facts.paragraphs[end + 1:] if p.container[0] != "table"]


# "Phụ lục 1", "PHỤ LỤC II", "Phụ lục": the word, then whatever numbers it.
_APPENDIX_NUMBER = re.compile(r"^phụ lục\s*(?P<n>\S*)", re.IGNORECASE)


@rule("ND30-APPENDIX-NUMBER", "Hai phụ lục trở lên đánh số La Mã (Phụ lục I, II …)",
      "Two or more appendices are numbered in Roman numerals (Phụ lục I, II …)",
      "Phụ lục I, III.1.a")
def appendix_number(ctx: Context) -> Iterator[Hit]:
    # No corpus draft breaks it (220, 221 and 271.docx number theirs I, II), but "Phụ lục 1",
    # "Phụ lục 2" is the way Word's habits go; the decree asks for Roman numerals.
    apps = ctx.layout.appendices
    if len(apps) < 2:
        return
    labels = [norm(a.label.text) for a in apps]
    numbers = [(m.group("n").rstrip(".:") if m else "")
               for m in (_APPENDIX_NUMBER.match(t) for t in labels)]
    wrong = [k for k, n in enumerate(numbers) if n != nd30.roman(k + 1)]
    if not wrong:
        return
    want = ", ".join(f"Phụ lục {nd30.roman(k + 1)}" for k in range(len(apps)))
    yield Hit(ctx.where(apps[wrong[0]].label), want, ", ".join(labels),
              "Văn bản có từ hai phụ lục trở lên thì các phụ lục được đánh số thứ tự bằng chữ "
              "số La Mã theo thứ tự: Phụ lục I, Phụ lục II …",
              "With two or more appendices, they are numbered in order in Roman numerals: "
              "Phụ lục I, Phụ lục II …")

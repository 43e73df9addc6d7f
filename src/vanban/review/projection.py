"""A readable plain-text projection of any DOCX: one line per paragraph with its formatting facts.

The same projection is the golden text of the tests and what ``vanban text`` prints, so that a
change of a plan shows up as a small, readable diff.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from vanban.ooxml.reader import DocFacts, ParaFacts, RunFacts, SectionFacts, read_docx
from vanban.rules import nd30

_ALIGN = {"left": "L", "center": "C", "right": "R", "both": "J"}


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def _run_format(run: RunFacts) -> str:
    parts = [f"{_num(run.size_pt)}pt"]
    if run.bold:
        parts.append("B")
    if run.italic:
        parts.append("I")
    if run.underline:
        parts.append("U")
    fonts = {f for f in run.fonts if f}
    if fonts != {nd30.FONT}:
        parts.append("font=" + "/".join(str(f) for f in run.fonts))
    if run.color and run.color.upper() not in ("000000", "AUTO"):
        parts.append(f"color={run.color}")
    return " ".join(parts)


def _para_format(p: ParaFacts) -> str:
    parts = [p.style_name or p.style_id or "-", _ALIGN.get(p.align, p.align)]
    if p.first_line_mm:
        parts.append(f"first={_num(p.first_line_mm)}")
    if p.left_mm or p.right_mm:
        parts.append(f"ind={_num(p.left_mm)}/{_num(p.right_mm)}")
    if p.space_before_pt or p.space_after_pt:
        parts.append(f"sp={_num(p.space_before_pt)}/{_num(p.space_after_pt)}")
    value, rule = p.line_spacing
    if (value, rule) != (1.0, "auto"):
        parts.append(f"line={_num(value)}{'' if rule == 'auto' else 'pt ' + rule}")
    if p.border_top:
        parts.append("border-top")
    if p.border_bottom:
        parts.append("border-bottom")
    return " ".join(parts)


MARKS = {"": ("", ""), "del": ("[-", "-]"), "ins": ("{+", "+}")}
"""How text struck through or deleted (tracked), and text inserted (tracked), is written."""


BREAK = "↵"
"""How a line break inside a paragraph (Shift+Enter, a title's second line) is written: the
paragraph stays one line of the text, so ``git diff`` shows it with its place and format."""


def note_mark(label: int) -> str:
    """How the mark of the ``label``-th footnote is written, in the text and before its note."""
    return f"[^{label}]"


def _piece(run: RunFacts, mark: str, labels: dict[str, int],
           pieces: list[tuple[str, str, str]]) -> None:
    """Add the run to ``pieces``: its text, or the mark of the footnote it calls. A mark takes
    the format of the text before it (its superscript size would split the line's text)."""
    if run.footnote is not None and run.footnote in labels:
        fmt = pieces[-1][0] if pieces else _run_format(run)
        pieces.append((fmt, mark, note_mark(labels[run.footnote])))
    elif run.text:
        pieces.append((_run_format(run), mark,
                       "{" + run.field + "}" if run.field else run.text.replace("\n", BREAK)))


def _text(p: ParaFacts, labels: dict[str, int] | None = None) -> str:
    if not p.runs and not p.deleted:
        return ""
    labels = labels or {}
    # (format, mark, text) in reading order, tracked deletions where they stood.
    pieces: list[tuple[str, str, str]] = []
    gone: dict[int, list[RunFacts]] = {}
    for i, deleted in p.deleted:
        gone.setdefault(i, []).append(deleted)
    for i, run in enumerate((*p.runs, None)):
        for d in gone.get(i, ()):
            _piece(d, "del", labels, pieces)
        if run is not None:
            _piece(run, "del" if run.strike else "ins" if run.inserted else "", labels, pieces)
    if not pieces:
        return ""
    groups: list[tuple[str, str]] = []
    last: tuple[str, str] | None = None
    for fmt, mark, text in pieces:
        open_, close = MARKS[mark]
        if groups and groups[-1][0] == fmt:
            body = groups[-1][1]
            if last == (fmt, mark) and close and body.endswith(close):
                body = body[:-len(close)] + text + close  # one mark over runs alike
            else:
                body += open_ + text + close
            groups[-1] = (fmt, body)
        else:
            groups.append((fmt, open_ + text + close))
        last = (fmt, mark)
    if len(groups) == 1:
        return f"<{groups[0][0]}> {groups[0][1]}"
    return " ".join(f"<{fmt}> {text}" for fmt, text in groups)


def _section_line(s: SectionFacts) -> str:
    return (f"§{s.index + 1} {s.orient} {_num(s.page_w_mm)}x{_num(s.page_h_mm)}mm "
            f"margins T{_num(s.margin_top_mm)} B{_num(s.margin_bottom_mm)} "
            f"L{_num(s.margin_left_mm)} R{_num(s.margin_right_mm)} header {_num(s.header_mm)}"
            f"{' first-page-different' if s.title_pg else ''}"
            f"{f' start={s.pg_num_start}' if s.pg_num_start is not None else ''}")


def _where(p: ParaFacts) -> str:
    if p.container[0] == "table":
        _, t, r, c = p.container
        return f"T{t + 1}.{r + 1}.{c + 1}"
    return "¶"


def _calls(p: ParaFacts) -> list[str]:
    """The ids of the footnotes whose marks ``p`` holds (deleted ones too), in reading order."""
    gone: dict[int, list[RunFacts]] = {}
    for i, deleted in p.deleted:
        gone.setdefault(i, []).append(deleted)
    runs = [r for i, run in enumerate((*p.runs, None))
            for r in (*gone.get(i, ()), *((run,) if run is not None else ()))]
    return [r.footnote for r in runs if r.footnote is not None]


def _note_text(p: ParaFacts) -> ParaFacts:
    """The footnote paragraph without the space Word puts after the note's own number (at the
    start of its first text, kept or deleted)."""
    for i, run in enumerate((*p.runs, None)):
        for k, (at, d) in enumerate(p.deleted):
            if at == i and d.text:
                deleted = list(p.deleted)
                deleted[k] = (at, replace(d, text=d.text.lstrip()))
                return replace(p, deleted=tuple(deleted))
        if run is not None and run.text:
            runs = (*p.runs[:i], replace(run, text=run.text.lstrip()), *p.runs[i + 1:])
            return replace(p, runs=runs)
    return p


def _notes(p: ParaFacts, facts: DocFacts, labels: dict[str, int]) -> list[str]:
    """The lines of the footnotes ``p`` calls: ``  [^n] [format] text``, one per paragraph."""
    lines = []
    for key in dict.fromkeys(_calls(p)):
        for np in facts.footnotes.get(key, ()):
            lines.append(f"  {note_mark(labels[key])} [{_para_format(np)}] "
                         f"{_text(_note_text(np))}".rstrip())
    return lines


def project_facts(facts: DocFacts) -> str:
    """The projection of already-read facts."""
    lines: list[str] = []
    labels: dict[str, int] = {}  # footnote id → its number, in the order of the marks
    for p in facts.paragraphs:
        for key in _calls(p) if p.container[0] != "header" else ():
            if key in facts.footnotes:
                labels.setdefault(key, len(labels) + 1)
    by_section: dict[int, list[ParaFacts]] = {}
    for p in facts.paragraphs:
        if p.container[0] != "header":
            by_section.setdefault(p.section, []).append(p)
    for s in facts.sections:
        lines.append(_section_line(s))
        for kind in ("first", "default", "even"):
            header = s.headers.get(kind)
            if header is None:
                continue
            for hp in header.paragraphs or ():
                lines.append(f"  header.{kind} [{_para_format(hp)}] {_text(hp)}".rstrip())
        for p in by_section.get(s.index, []):
            text = _text(p, labels) or ("(đường kẻ)" if p.border_top or p.border_bottom else "")
            lines.append(f"{_where(p)} [{_para_format(p)}] {text}".rstrip())
            lines.extend(_notes(p, facts, labels))
    return "\n".join(lines) + "\n"


def project(source: Path | bytes) -> str:
    """The projection of the DOCX at ``source`` (a path or the file's bytes)."""
    return project_facts(read_docx(source))

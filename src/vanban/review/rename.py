"""Rename a unit reference in draft plans, as text, so the clerk's layout and comments stay.

Only drafts (no number) are rewritten: an issued plan's text is history, so it is listed and
left alone. A reference is a unit written exactly as OLD where the plan names a unit: the
issuer, a task's lead and coordinating units, a unit's duties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.review.newyear import Edit
from vanban.review.refs import unit_paths, value_at


@dataclass
class Renamed:
    """The new text of one plan and the lines changed."""

    text: str
    edits: list[Edit] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    """Lines with the old name that could not be rewritten (a name folded over two lines)."""


def rename(text: str, loaded, plan, old: str, new: str) -> Renamed:
    """``text`` with every reference written as ``old`` rewritten as ``new``."""
    lines = text.split("\n")
    out = Renamed(text)
    found = []
    for path in unit_paths(plan):
        try:
            value = value_at(plan, path)
        except (AttributeError, IndexError):
            continue
        if value != old:
            continue
        # A one-item list may be written as a plain scalar (lead: Sở Tư pháp).
        found.append((loaded.spans.get(path) or loaded.spans.get(path[:-1]), path))
    # From the end of the file backwards, so an edit never moves a place still to edit.
    for span, path in sorted(found, key=lambda item: (item[0].line, item[0].col), reverse=True):
        line = lines[span.line - 1]
        at = line.find(old, span.col - 1)
        if at < 0:
            out.skipped.append(span.line)
            continue
        changed = line[:at] + new + line[at + len(old):]
        lines[span.line - 1] = changed
        out.edits.append(Edit(span.line, line, changed, ".".join(map(str, path))))
    out.text = "\n".join(lines)
    out.edits.reverse()
    return out

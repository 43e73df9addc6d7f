"""A Kính gửi compared by its addressees: the names, not the lines that print them.

The build prints one addressee on the "Kính gửi:" line ("Kính gửi: Ủy ban nhân dân tỉnh.") and
several as "- …;" lines under a "Kính gửi:" heading (``compose.frame.kinh_gui``). The heading,
the dashes and the end marks are the frame: going from one addressee to two reprints every
line, yet the one change is the addressee added. The diff and the bảng so sánh list and mark
the addressees; the tracked changes mark the lines, the heading kept as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.compose import frame
from vanban.review.align import align_lines
from vanban.rules import nd30


@dataclass(frozen=True)
class Line:
    """One printed line of a Kính gửi: the text before the addressee, the addressee, the text
    after it. The heading above a list names no one (``name`` None)."""

    before: str
    name: str | None
    after: str = ""

    @property
    def text(self) -> str:
        """The line as printed."""
        return self.before + (self.name or "") + self.after

    @property
    def own(self) -> bool:
        """The line holds its addressee alone ("- …;"), not the "Kính gửi:" heading too."""
        return self.name is not None and not self.before.startswith(nd30.KINH_GUI_LABEL)


def printed(lines: tuple[str, ...]) -> tuple[Line, ...]:
    """The lines of a printed Kính gửi with the addressee each names. Lines laid out otherwise
    than the build lays them out are taken each as one addressee, whole."""
    label = nd30.KINH_GUI_LABEL
    out: tuple[Line, ...] = ()
    if len(lines) == 1 and lines[0].startswith(label + " ") and lines[0].endswith("."):
        out = (Line(label + " ", lines[0][len(label) + 1:-1], "."),)
    elif (len(lines) > 1 and lines[0] == label
          and all(x.startswith("- ") and x[-1:] in (";", ".") for x in lines[1:])):
        out = (Line(label, None),) + tuple(Line("- ", x[2:-1], x[-1]) for x in lines[1:])
    if out and frame.kinh_gui(names_of(out)) == tuple(lines):
        return out
    return tuple(Line("", x) for x in lines)


def names_of(lines: tuple[Line, ...]) -> tuple[str, ...]:
    """The addressees the lines name, in order."""
    return tuple(x.name for x in lines if x.name is not None)


def names(lines: tuple[str, ...]) -> tuple[str, ...]:
    """The addressees of a printed Kính gửi, in order."""
    return names_of(printed(lines))


def as_built(lines: tuple[str, ...]) -> bool:
    """The lines are laid out as the build lays a Kính gửi out (a heading, dashes, end marks)."""
    return all(x.before for x in printed(lines))


def kept(old: tuple[str, ...], new: tuple[str, ...]) -> dict[int, int]:
    """Old position → new position of every entry of a list on both sides (the same or
    reworded), as ``align_lines`` pairs them."""
    hunks = align_lines(old, new)
    reworded = {i: j for h in hunks for i, j in h.reworded}
    gone = {i for h in hunks for i in h.removed} | set(reworded)
    came = {j for h in hunks for j in h.added} | set(reworded.values())
    same = zip([i for i in range(len(old)) if i not in gone],
               [j for j in range(len(new)) if j not in came])
    return dict(same) | reworded

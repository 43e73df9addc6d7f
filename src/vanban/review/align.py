"""Which printed thing of the old version is which of the new one: the one alignment behind the
diff, the comparison table and the tracked-changes document.

Things with the same wording are matched in order first (``difflib.SequenceMatcher`` on their
comparison keys); between those runs, a changed stretch is paired by wording. Blocks and table
rows (``align``) pair each old thing with the most similar new one after the last pair, so a
reworded block keeps its place; the lines of a list (``align_lines``: Nơi nhận, căn cứ) pair
from the top while the lines stay similar, and the rest were removed or added.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from vanban.review.words import similarity, text_key

SIMILAR = 0.5
"""Two things of the same kind this similar in wording are one thing reworded."""


def _stretches(old_keys: Sequence[Hashable], new_keys: Sequence[Hashable]
               ) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    return matcher.get_opcodes()


def align(old_keys: Sequence[Hashable], new_keys: Sequence[Hashable],
          score: Callable[[int, int], float]) -> dict[int, int]:
    """Old position → new position for every thing found on both sides, in order: equal keys,
    then, in each changed stretch, each old thing to its most similar new thing after the last
    one paired (``score(i, j)`` at least SIMILAR; the first perfect match, else the last of the
    best)."""
    matched: dict[int, int] = {}
    for op, i1, i2, j1, j2 in _stretches(old_keys, new_keys):
        if op == "equal":
            matched.update((i1 + k, j1 + k) for k in range(i2 - i1))
            continue
        start = j1
        for i in range(i1, i2):
            best, best_score = None, SIMILAR
            for j in range(start, j2):
                s = score(i, j)
                if s >= best_score:
                    best, best_score = j, s
                    if s == 1.0:
                        break
            if best is not None:
                matched[i] = best
                start = best + 1
    return matched


@dataclass(frozen=True)
class Hunk:
    """One changed stretch of two lists of lines: the lines reworded (old, new position), the
    old lines removed and the new lines added; ``at`` is the new position the removed lines
    stood before."""

    reworded: tuple[tuple[int, int], ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]
    at: int


def align_lines(old: Sequence[str], new: Sequence[str]) -> list[Hunk]:
    """The changed stretches of two lists printed one line an entry, in order."""
    out = []
    for op, i1, i2, j1, j2 in _stretches([text_key(x) for x in old], [text_key(x) for x in new]):
        if op == "equal":
            continue
        a, b = list(range(i1, i2)), list(range(j1, j2))
        reworded = []
        while a and b and similarity(old[a[0]], new[b[0]]) >= SIMILAR:
            reworded.append((a.pop(0), b.pop(0)))
        # The removed lines stood after the reworded ones (and after the added ones, which
        # the caller may put them before).
        at = b[-1] + 1 if b else reworded[-1][1] + 1 if reworded else j1
        out.append(Hunk(tuple(reworded), tuple(a), tuple(b), at))
    return out


def placed_before(kept: dict[int, int], old: int, end: int) -> int:
    """Where a thing that is gone is shown: before the new place of the first kept thing after
    it (``kept``: old position → new position), else at ``end``."""
    after = [j for i, j in kept.items() if i > old]
    return min(after) if after else end

"""What every content check shares: a collector of located diagnostics and a walk over the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from vanban.errors import Diagnostic, Severity
from vanban.model.blocks import (
    Bullet,
    Bullets,
    Item,
    Numbered,
    Paragraph,
    SpanCell,
    Table,
    Target,
    Task,
    UnitDuty,
)
from vanban.model.diagnostics import dotted
from vanban.model.grid import groups
from vanban.model.plan import Plan
from vanban.model.walk import blocks
from vanban.source.loader import Loaded

Path = tuple


@dataclass
class Findings:
    """Diagnostics found in one plan, each located through the loader's source map."""

    loaded: Loaded
    found: list[Diagnostic] = field(default_factory=list)
    _printed: tuple | None = field(default=None, repr=False)

    def printed(self, plan: Plan) -> tuple[tuple[Path, str], ...]:
        """``texts(plan)``, walked once for all the checks of this plan."""
        if self._printed is None:
            self._printed = tuple(texts(plan))
        return self._printed

    def add(self, code: str, severity: Severity, path: Path, vi: str, en: str, hint: str = "",
            hint_en: str = "", *, key: bool = False) -> None:
        self.found.append(Diagnostic(code, vi, self.loaded.span(path, key=key), dotted(path),
                                     severity, en, hint, hint_en))

    def error(self, code: str, path: Path, vi: str, en: str, hint: str = "", hint_en: str = "",
              *, key: bool = False) -> None:
        self.add(code, Severity.ERROR, path, vi, en, hint, hint_en, key=key)

    def warning(self, code: str, path: Path, vi: str, en: str, hint: str = "", hint_en: str = "",
                *, key: bool = False) -> None:
        self.add(code, Severity.WARNING, path, vi, en, hint, hint_en, key=key)

    def line(self, path: Path) -> int:
        """The 1-based line of ``path`` (for "already used on line N")."""
        return self.loaded.span(path).line


def texts(plan: Plan) -> Iterator[tuple[Path, str]]:
    """Every free text that is printed as written, with its data path."""
    yield ("title",), plan.title
    for name in ("intro", "can_cu", "recipients", "kinh_gui", "proposal"):
        for i, text in enumerate(getattr(plan, name, ())):
            yield (name, i), text
    for a, article in enumerate(getattr(plan, "articles", ())):
        yield ("articles", a, "article"), article.article
    for path, block in blocks(plan):
        yield from block_texts(path, block)


def block_texts(path: Path, block: object) -> Iterator[tuple[Path, str]]:
    """The printed texts of one block (not its sub-blocks)."""
    if isinstance(block, str):
        yield path, block
    elif isinstance(block, Paragraph):
        yield path + ("paragraph",), block.paragraph
    elif isinstance(block, Bullets):
        for k, item in enumerate(block.bullets):
            if isinstance(item, Bullet):
                yield path + ("bullets", k, "text"), item.text
                for m, sub in enumerate(item.bullets):
                    if isinstance(sub, Target):
                        yield path + ("bullets", k, "bullets", m, "target"), sub.target
                    else:
                        yield path + ("bullets", k, "bullets", m), sub
            else:
                yield path + ("bullets", k), item
    elif isinstance(block, Target):
        yield path + ("target",), block.target
    elif isinstance(block, Task):
        yield path + ("task",), block.task
        if block.output:
            yield path + ("output",), block.output
    elif isinstance(block, Item):
        yield path + ("item",), block.item
    elif isinstance(block, Numbered):
        yield path + ("numbered",), block.numbered
    elif isinstance(block, UnitDuty):
        for name in ("prefix", "text"):
            if getattr(block, name):
                yield path + (name,), getattr(block, name)
    elif isinstance(block, Table):
        for c, column in enumerate(block.table):
            yield (path + ("table", c), column) if isinstance(column, str) else (
                path + ("table", c, "title"), column.title)
        for _name, c, _count in groups(block):  # a group's title is printed once
            yield path + ("table", c, "group"), block.table[c].group
        for r, row in enumerate(block.rows):
            for c, cell in enumerate(row):
                if isinstance(cell, SpanCell):
                    if cell.text:
                        yield path + ("rows", r, c, "text"), cell.text
                elif cell:
                    yield path + ("rows", r, c), cell


def targets(plan: Plan) -> Iterator[tuple[Path, Target]]:
    """Every numeric target with its data path: target blocks and "+" lines inside bullets."""
    for path, block in blocks(plan):
        if isinstance(block, Target):
            yield path, block
        elif isinstance(block, Bullets):
            for k, item in enumerate(block.bullets):
                if isinstance(item, Bullet):
                    for m, sub in enumerate(item.bullets):
                        if isinstance(sub, Target):
                            yield path + ("bullets", k, "bullets", m), sub


def plan_year(plan: Plan) -> int | None:
    """The year the plan is for: ``year``, else the year of its date."""
    if plan.year:
        return plan.year
    return plan.date.year if plan.date else None

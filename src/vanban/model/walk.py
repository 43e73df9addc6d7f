"""Walks over the body of any document model, with the data path of every block.

A document's body content sits in ``content`` (a Công văn), in the ``sections`` of the document
or of its ``parts`` (a Kế hoạch), or in its ``articles`` (a Quyết định). The resolve stage and
the content checks both walk it through here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from vanban.model.blocks import Item, Task

Path = tuple


def sections(doc: Any) -> Iterator[tuple[Path, Any]]:
    """Every section with its data path, in document order (inside parts too)."""
    parts = getattr(doc, "parts", ())
    if parts:
        for p, part in enumerate(parts):
            for s, section in enumerate(part.sections):
                yield ("parts", p, "sections", s), section
    else:
        for s, section in enumerate(getattr(doc, "sections", ())):
            yield ("sections", s), section


def bodies(doc: Any) -> Iterator[tuple[Path, tuple]]:
    """Every list of body blocks of the document, with its data path, in document order."""
    if getattr(doc, "content", ()):
        yield ("content",), doc.content
    for a, article in enumerate(getattr(doc, "articles", ())):
        yield ("articles", a, "content"), article.content
    for path, section in sections(doc):
        yield path + ("content",), section.content


def blocks(doc: Any) -> Iterator[tuple[Path, Any]]:
    """Every body block with its data path, depth first, in document order."""
    for path, content in bodies(doc):
        yield from _walk(content, path)


def _walk(content: tuple, path: Path) -> Iterator[tuple[Path, Any]]:
    for i, block in enumerate(content):
        here = path + (i,)
        yield here, block
        inner = getattr(block, "content", None)
        if inner:
            yield from _walk(inner, here + ("content",))


def moves_to_appendix(block: Any) -> bool:
    """Whether ``block`` prints as rows of the Phụ lục task table when the plan's tasks are
    displayed there: a task, or an item holding only such blocks (a group row)."""
    if isinstance(block, Task):
        return True
    return isinstance(block, Item) and bool(block.content) and all(
        moves_to_appendix(b) for b in block.content)

"""The document types vanban builds, registered in one table.

Each family of types lives in its own module and contributes its entries to ``TYPES``; the
pipeline looks a plan's type up here once and uses the entry for everything type-specific.
Adding a type is adding an entry.
"""

from __future__ import annotations

from vanban.doctypes import mau_1_4
from vanban.doctypes.base import DocType

DEFAULT_TYPE = "ke-hoach"

TYPES: dict[str, DocType] = {t.key: t for t in (*mau_1_4.TYPES,)}
"""Every supported type by its ``type:`` key."""


def lookup(key: str) -> DocType | None:
    """The type ``key`` names, or None when it is not supported."""
    return TYPES.get(key)


def supported() -> tuple[str, ...]:
    """The supported ``type:`` keys, sorted."""
    return tuple(sorted(TYPES))


def templates() -> dict[str, DocType]:
    """One type per distinct default template file (the one whose builder makes it)."""
    out: dict[str, DocType] = {}
    for t in TYPES.values():
        out.setdefault(t.template, t)
    return out


__all__ = ["DEFAULT_TYPE", "TYPES", "DocType", "lookup", "supported", "templates"]

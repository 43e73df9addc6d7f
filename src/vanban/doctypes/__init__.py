"""The document types vanban builds, registered in one table.

Each family of types lives in its own module and contributes its entries to ``TYPES``; the
pipeline looks a plan's type up here once and uses the entry for everything type-specific.
Adding a type is adding an entry.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from vanban import heavy
from vanban.doctypes.base import DocType
from vanban.rules import nd30

DEFAULT_TYPE = nd30.DEFAULT_TYPE

_MODULES: dict[str, str] = {
    **{key: "mau_1_4" for key in sorted(nd30.MAU_1_4_TYPES)},
    nd30.CONG_VAN: "cong_van",
    "quyet-dinh": "quyet_dinh",
    "bao-cao-ket-qua": "report",
}
"""Each ``type:`` key and the module of ``vanban.doctypes`` that holds its entry."""


class _Table(Mapping[str, DocType]):
    """The table of types, each family's module imported when one of its types is first looked
    up: a build of Kế hoạch never pays for the models and compositions of the other types."""

    def __getitem__(self, key: str) -> DocType:
        module = heavy.load(f"vanban.doctypes.{_MODULES[key]}")
        return next(t for t in module.TYPES if t.key == key)

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)

    def __contains__(self, key: object) -> bool:
        return key in _MODULES


TYPES: Mapping[str, DocType] = _Table()
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

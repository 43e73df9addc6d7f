"""Which units of the report's level have sent no figures: the communes and wards of the
registry that no row of a data folder names (their file has not come, or was not copied in)."""

from __future__ import annotations

from vanban.errors import Diagnostic, Severity, Span
from vanban.report.seam import Registry
from vanban.report.unit_names import without_committee


def _place(name: str) -> str:
    """A unit's place, whether the registry names the commune or its committee: "xã anh sơn"
    for "Xã Anh Sơn" and for "Ủy ban nhân dân xã Anh Sơn"."""
    return " ".join((without_committee(name) or name).casefold().split())


def level_units(registry: Registry, level: str) -> dict[str, str]:
    """The registry's units of ``level`` ("xã, phường": every unit whose name, or whose
    committee's name, is "xã " or "phường " and a capitalized name), by place, with the name
    to print."""
    words = tuple(w.strip().casefold() + " " for w in level.split(",") if w.strip())
    found: dict[str, str] = {}
    for unit in registry.units.values():
        place = _place(unit.name)
        shown = " ".join((without_committee(unit.name) or unit.name).split())
        word = next((w for w in words if place.startswith(w)), "")
        # A place's name is capitalized: "Huyện đoàn" (a union) is no huyện.
        if word and shown[len(word):len(word) + 1].isupper():
            found.setdefault(place, shown[:1].upper() + shown[1:])
    return found


def missing_units(registry: Registry, level: str, named: set[str], where: Span
                  ) -> list[Diagnostic]:
    """One warning naming the units of ``level`` that no row names (``named``: the registry
    ids the rows name, good figures or bad); none when every one has a row."""
    expected = level_units(registry, level)
    present = {_place(registry.units[uid].name) for uid in named if uid in registry.units}
    missing = [name for place, name in expected.items() if place not in present]
    if not missing:
        return []
    names = ", ".join(missing)
    return [Diagnostic(
        "data.units-missing", f"Chưa có số liệu của {len(missing)}/{len(expected)} {level} "
        f"trong danh mục: {names}.", where, "data.file", Severity.WARNING,
        message_en=f"{len(missing)} of the {len(expected)} registered units ({level}) have no "
                   f"row: {names}.",
        hint="Các đơn vị này chưa gửi tệp, hoặc tệp chưa được chép vào thư mục số liệu; báo cáo "
             "dựng lúc này không có số liệu của họ.",
        hint_en="Their files have not come or are not in the data folder; a report built now "
                "leaves their figures out.")]

"""Units that no longer exist: a plan dated after a unit's last day that still names it.

Since 1 July 2025 there are no district People's Committees and Quảng Bình is part of Quảng Trị;
the registry says so with ``valid_until`` and ``successor``, and a later plan that names the
old unit gets a warning naming the unit that took over.
"""

from __future__ import annotations

import datetime as dt

from vanban.model.checks.base import Findings
from vanban.resolve import Resolved


def plan_day(plan) -> dt.date | None:
    """The day a plan speaks for: its issue date, else the first day of its year."""
    if plan.date is not None:
        return plan.date
    year = getattr(plan, "year", None)
    return dt.date(year, 1, 1) if year else None


def check_validity(resolved: Resolved, out: Findings) -> None:
    """unit.ceased: the issuer or a listed unit had ceased to exist by the plan's day."""
    day = plan_day(resolved.plan)
    if day is None:
        return
    named: list[tuple[tuple, str]] = []
    if resolved.issuer is not None:
        named.append((("issuer",), resolved.issuer.id))
    for path, units in resolved.units.items():
        named += [(path + (i,), uid) for i, uid in enumerate(units.ids) if uid]
    registry = resolved.registry
    for path, uid in named:
        unit = registry.units.get(uid)
        if unit is None or unit.valid_until is None or day <= unit.valid_until:
            continue
        after = registry.units.get(unit.successor) if unit.successor else None
        heir_vi = (f'; đơn vị kế thừa: "{after.name}" (mã {unit.successor})' if after else
                   f"; đơn vị kế thừa: {unit.successor}" if unit.successor else "")
        heir_en = f"; its successor: {unit.successor}" if unit.successor else ""
        out.warning(
            "unit.ceased", path,
            f'"{unit.name}" không còn hoạt động sau ngày {unit.valid_until:%d/%m/%Y}{heir_vi}.',
            f'"{unit.name}" ceased after {unit.valid_until.isoformat()}{heir_en}.',
            (f'Đổi bằng: vanban rename-unit "{_written(resolved, path)}" {unit.successor}'
             if unit.successor else ""),
            (f'Change it with: vanban rename-unit "{_written(resolved, path)}" {unit.successor}'
             if unit.successor else ""))


def _written(resolved: Resolved, path: tuple) -> str:
    """The reference as the plan writes it (a one-unit list may be a plain value)."""
    node = resolved.loaded.data
    try:
        for step in path:
            if isinstance(node, str):
                break
            node = node[step]
    except (KeyError, IndexError, TypeError):
        return str(node)
    return str(node).removeprefix("và ")

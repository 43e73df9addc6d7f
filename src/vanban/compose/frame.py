"""The frame around the body, as printed: number and code (ô 3), date (ô 4), căn cứ,
Nơi nhận (ô 9b) and the signature block (ô 7)."""

from __future__ import annotations

from vanban.model.plan import Plan
from vanban.resolve import Resolved
from vanban.rules import nd30


def date_words(plan: Plan) -> str:
    """Ô 4 without the place: "ngày 16 tháng 01 năm 2024"; a draft leaves day and month blank."""
    if plan.date:
        return nd30.format_date(plan.date.year, plan.date.month, plan.date.day)
    return f"ngày      tháng      năm {plan.year or ''}".rstrip()


def can_cu(lines: tuple[str, ...]) -> tuple[str, ...]:
    """One basis per line, each ending with ";" and the last with "."."""
    out = [ln.rstrip(" ;.") for ln in lines]
    return tuple(ln + ("." if i == len(out) - 1 else ";") for i, ln in enumerate(out))


def recipients(plan: Plan) -> tuple[str, ...]:
    """Ô 9b: "- …;" per recipient, then "- Lưu: VT, <unit>[ copies]."."""
    archive = f"{nd30.LUU_PREFIX}, {plan.archive.unit}"
    if plan.archive.copies:
        archive += f" {plan.archive.copies}"
    return tuple(f"- {r.rstrip(';.')};" for r in plan.recipients) + (f"- {archive}.",)


def signature(resolved: Resolved) -> tuple[str, ...]:
    """Ô 7: the authority and position lines (the signer and position come resolved)."""
    sig = resolved.plan.signature
    position = resolved.position
    lines = []
    if sig.on_behalf_of:
        lines.append(f"{nd30.THAY_MAT} {sig.on_behalf_of}")
    if sig.authority != "none":
        lines.append(f"{sig.authority} {sig.head or ''}".strip())
    if position and sig.authority != "Q.":
        lines.append(position)
    return tuple(lines)

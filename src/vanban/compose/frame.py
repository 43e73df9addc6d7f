"""The frame around the body, as printed: number and code (ô 3), date (ô 4), căn cứ,
Nơi nhận (ô 9b) and the signature block (ô 7)."""

from __future__ import annotations

from vanban.model.plan import Plan
from vanban.resolve import Resolved
from vanban.resolve.stage import SLUG
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


def named(entries: tuple[str, ...], resolved: Resolved) -> tuple[str, ...]:
    """Kính gửi and Nơi nhận are printed as written, except an entry that is a unit's code in
    the registry ("thon-dong-xuan", as tasks name units): it prints the unit's name."""
    out = []
    for entry in entries:
        hit = resolved.registry.unit(entry) if SLUG.match(entry.strip()) else None
        out.append(hit.text if hit is not None else entry)
    return tuple(out)


def recipients(plan: Plan, first: tuple[str, ...] = (), archive_unit: str = "",
               resolved: Resolved | None = None) -> tuple[str, ...]:
    """Ô 9b: the computed ``first`` lines ("Như trên", "Như Điều 3"), "- …;" per recipient, then
    "- Lưu: VT, <unit>[ copies]."."""
    unit = plan.archive.unit if plan.archive else archive_unit
    archive = f"{nd30.LUU_PREFIX}, {unit}"
    if plan.archive and plan.archive.copies:
        archive += f" {plan.archive.copies}"
    given = named(plan.recipients, resolved) if resolved is not None else plan.recipients
    lines = first + tuple(nd30.TYPED_LINE_DASH.sub("", r) for r in given)  # typed: warned
    return tuple(f"- {r.rstrip(' ;.')};" for r in lines) + (f"- {archive}.",)


def _bare_addressee(name: str) -> str:
    """An addressee without a typed "Kính gửi:", dash or end mark (each warned; printed once)."""
    return nd30.TYPED_LINE_DASH.sub("", nd30.TYPED_KINH_GUI.sub("", name)).rstrip(" ;.")


def kinh_gui(names: tuple[str, ...]) -> tuple[str, ...]:
    """Ô 9a: one recipient on the "Kính gửi:" line; several as "- …;" lines, the last with "."."""
    names = tuple(_bare_addressee(n) for n in names)
    if not names:
        return ()
    if len(names) == 1:
        return (f"{nd30.KINH_GUI_LABEL} {names[0]}.",)
    return (nd30.KINH_GUI_LABEL,) + tuple(
        f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names))


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

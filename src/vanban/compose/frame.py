"""The frame around the body, as printed: number and code (ô 3), date (ô 4), căn cứ,
Nơi nhận (ô 9b) and the signature block (ô 7)."""

from __future__ import annotations

import difflib
import re

from vanban.compose.registry import Hit, Registry
from vanban.errors import Diagnostic
from vanban.model.plan import Plan
from vanban.rules import nd30
from vanban.source import Loaded

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # a registry id, never a person's name


def date_words(plan: Plan) -> str:
    """Ô 4 without the place: "ngày 16 tháng 01 năm 2024"; a draft leaves day and month blank."""
    if plan.date:
        return nd30.format_date(plan.date.year, plan.date.month, plan.date.day)
    return f"ngày      tháng      năm {plan.year or ''}".rstrip()


def derived_code(type_abbr: str, issuer: Hit, loaded: Loaded, problems: list[Diagnostic]) -> str:
    """Ô 3's code when the plan gives none: "<type>-<issuer>", e.g. KH-UBND."""
    abbr = issuer.unit.abbr
    if abbr and nd30.ABBREVIATION_PATTERN.match(abbr):
        return f"{type_abbr}-{abbr}"
    problems.append(Diagnostic(
        "issuer.abbr", (f'Chữ viết tắt "{abbr}" của "{issuer.unit.name}" không dùng được trong ký '
                        "hiệu (chỉ gồm chữ và số, ví dụ STP)." if abbr else
                        f'"{issuer.unit.name}" chưa có chữ viết tắt (abbr) trong danh mục đơn vị, '
                        "nên không tạo được ký hiệu."), loaded.span(("issuer",)), "issuer",
        message_en="The issuer has no usable abbreviation (abbr) for the code.",
        hint="Thêm abbr cho đơn vị trong danh mục, hoặc ghi ký hiệu ở trường code, ví dụ "
             f"code: {type_abbr}-STP.",
        hint_en=f"Add abbr to the unit in the registry, or write code: {type_abbr}-…"))
    return f"{type_abbr}-{abbr or ''}"


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


def signature(plan: Plan, registry: Registry, loaded: Loaded, problems: list[Diagnostic]
              ) -> tuple[tuple[str, ...], str]:
    """Ô 7: the authority and position lines, and the signer's name."""
    sig = plan.signature
    signer = registry.signer(sig.signer)
    if signer is None and SLUG.match(sig.signer):
        problems.append(_unknown_signer(sig.signer, registry, loaded))
    position = sig.position or (signer.position if signer else None)
    if position is None:
        problems.append(Diagnostic("signature.position", "Chưa có chức vụ người ký: thêm "
                                   "\"position\" hoặc khai báo người ký trong danh mục.",
                                   loaded.span(("signature",)), "signature.position",
                                   message_en="The signer's position is missing."))
    lines = []
    if sig.on_behalf_of:
        lines.append(f"{nd30.THAY_MAT} {sig.on_behalf_of}")
    if sig.authority != "none":
        lines.append(f"{sig.authority} {sig.head or ''}".strip())
    if position and sig.authority != "Q.":
        lines.append(position)
    return tuple(lines), signer.name if signer else sig.signer


def _unknown_signer(ref: str, registry: Registry, loaded: Loaded) -> Diagnostic:
    close = difflib.get_close_matches(ref, list(registry.signers), n=1, cutoff=0.6)
    return Diagnostic(
        "signature.signer-unknown", f'Không có người ký "{ref}" trong danh mục người ký.',
        loaded.span(("signature", "signer")), "signature.signer",
        message_en=f'No signer "{ref}" in the signer registry.',
        hint=(f'Có phải "{close[0]}"?' if close else
              "Ghi họ tên người ký, hoặc thêm người ký vào _shared/nguoi-ky.yaml."),
        hint_en=f'Did you mean "{close[0]}"?' if close else "Write the full name, or add the signer.")

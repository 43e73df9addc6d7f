"""The resolve stage: every name of a validated plan looked up in the registry, once.

It runs after validation and before the content checks and composition, which both read the
resolved plan: the issuer (and from it the code and the place), the signer and their position,
and every list of units a task or a unit duty names. The lookup problems of a field are all
reported here, together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from vanban.errors import Diagnostic
from vanban.model.blocks import Task, UnitDuty
from vanban.model.diagnostics import dotted
from vanban.model.registry import Department, Signer
from vanban.model.walk import blocks
from vanban.resolve.registry import Hit, Registry, unknown_unit
from vanban.rules import nd30
from vanban.source.loader import Loaded

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # a registry id, never a person's name


@dataclass(frozen=True)
class Units:
    """One list of unit references, resolved: the text to print and the id each reference
    names (None for an unknown name, or for the pieces of a name split at its commas)."""

    text: str
    ids: tuple[str | None, ...]


@dataclass(frozen=True)
class Resolved:
    """A validated plan with its names looked up: what the checks and composition read."""

    plan: Any
    loaded: Loaded
    registry: Registry
    type_name: str
    type_abbr: str | None
    issuer: Hit | None
    code: str
    place: str | None
    signer: Signer | None
    signer_name: str
    position: str | None
    units: Mapping[tuple, Units] = field(default_factory=dict)
    drafter: Department | None = None
    """A Công văn's drafting unit (a department of the issuer in the registry)."""
    diagnostics: tuple[Diagnostic, ...] = ()


def resolve(plan: Any, registry: Registry, loaded: Loaded) -> Resolved:
    """Look every name of ``plan`` up once; problems become the result's diagnostics."""
    problems: list[Diagnostic] = []
    type_name, type_abbr = nd30.DOCUMENT_TYPES.get(plan.type, ("", None))
    issuer = registry.unit(plan.issuer)
    code = plan.code or ""
    place = getattr(plan, "place", None)
    drafter = None
    if issuer is None:
        problems.append(unknown_unit(plan.issuer, registry, loaded.span(("issuer",)), "issuer",
                                     "issuer.unknown"))
    else:
        if plan.type == nd30.CONG_VAN:
            drafter = _drafter(plan, issuer, loaded, problems)
            if not code and drafter is not None:
                code = derived_code(drafter.abbr, issuer, loaded, problems, issuer_first=True)
        elif not code:
            code = derived_code(type_abbr or "", issuer, loaded, problems)
        place = place or issuer.unit.place
        if not place:
            problems.append(Diagnostic(
                "issuer.place", "Chưa có địa danh: thêm \"place\" vào kế hoạch hoặc vào đơn vị "
                "ban hành trong danh mục.", loaded.span(("issuer",)), "place",
                message_en="No place name for ô 4."))
    signer, signer_name, position = _signer(plan, registry, loaded, problems)
    walker = _UnitWalker(registry, loaded)
    for path, refs, separator in unit_lists(plan):
        walker.resolve(refs, path, separator)
    return Resolved(plan, loaded, registry, type_name, type_abbr, issuer, code, place, signer,
                    signer_name, position, units=walker.found,
                    diagnostics=tuple(problems + walker.problems), drafter=drafter)


def _drafter(plan: Any, issuer: Hit, loaded: Loaded, problems: list[Diagnostic]
             ) -> Department | None:
    """A Công văn's drafting unit: a department of the issuer, by id or abbreviation."""
    departments = issuer.unit.departments
    ref = plan.drafter
    if ref is None:
        # The drafter gives the code (STP-PBGDPL) and the Lưu line (- Lưu: VT, PBGDPL.): with
        # neither a code nor an archive line, one of them would be printed empty.
        if not plan.code or getattr(plan, "archive", None) is None:
            problems.append(Diagnostic(
                "cong-van.drafter", "Công văn chưa có đơn vị soạn thảo: ghi \"drafter\" (mã "
                "phòng, ban trong danh mục) để có ký hiệu và dòng \"Lưu: VT, …\", hoặc ghi cả "
                "\"code\" và \"archive\".",
                loaded.span(("issuer",)), "drafter",
                message_en='A Công văn needs "drafter" (a department id), or "code" and '
                           '"archive".',
                hint=(f"Các phòng, ban của {issuer.unit.name}: {', '.join(departments)}."
                      if departments else "Thêm departments cho cơ quan trong danh mục."),
                hint_en="Give drafter: <department id>, or code: STP-…"))
        return None
    found = departments.get(ref) or next(
        (d for d in departments.values() if d.abbr == ref), None)
    if found is None:
        import difflib  # only to suggest a name: not paid by a plan without errors
        close = difflib.get_close_matches(ref, list(departments), n=1, cutoff=0.6)
        problems.append(Diagnostic(
            "cong-van.drafter", f'"{issuer.unit.name}" không có phòng, ban "{ref}" trong danh '
            "mục (departments).", loaded.span(("drafter",)), "drafter",
            message_en=f'"{issuer.unit.name}" has no department "{ref}" in the registry.',
            hint=(f'Có phải "{close[0]}"?' if close else
                  "Thêm phòng, ban vào departments của cơ quan trong _shared/don-vi.yaml."),
            hint_en=(f'Did you mean "{close[0]}"?' if close else
                     "Add the department to the unit's departments.")))
    return found


def derived_code(type_abbr: str, issuer: Hit, loaded: Loaded, problems: list[Diagnostic],
                 *, issuer_first: bool = False) -> str:
    """Ô 3's code when the plan gives none: "<type>-<issuer>", e.g. KH-UBND; a Công văn's is
    "<issuer>-<drafting unit>", e.g. STP-PBGDPL."""
    abbr = issuer.unit.abbr
    if abbr and nd30.ABBREVIATION_PATTERN.match(abbr):
        return f"{abbr}-{type_abbr}" if issuer_first else f"{type_abbr}-{abbr}"
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


def _signer(plan: Any, registry: Registry, loaded: Loaded, problems: list[Diagnostic]
            ) -> tuple[Signer | None, str, str | None]:
    """Ô 7's signer (from the registry when known), their printed name and position.

    An unknown id is an error. A full name not in the registry is a person written out, who
    needs a position; without one, a name a letter or an accent away from a registered signer's
    ("Trần Bảo Hà" for "Trần Báu Hà") is the cause, said once as an unknown signer (with a
    position it may be another person: "Nguyễn Văn A" is not "Nguyễn Văn An").
    """
    sig = plan.signature
    signer = registry.signer(sig.signer)
    is_id = bool(SLUG.match(sig.signer))
    guess = signer is None and (is_id or not sig.position)
    close = registry.suggest_signer(sig.signer) if guess else None
    unknown = signer is None and (is_id or close is not None)
    if unknown:
        problems.append(Diagnostic(
            "signature.signer-unknown",
            f'Không có người ký "{sig.signer}" trong danh mục người ký.',
            loaded.span(("signature", "signer")), "signature.signer",
            message_en=f'No signer "{sig.signer}" in the signer registry.',
            hint=(f'Có phải "{close}"?' if close else
                  "Ghi họ tên người ký, hoặc thêm người ký vào _shared/nguoi-ky.yaml."),
            hint_en=(f'Did you mean "{close}"?' if close else
                     "Write the full name, or add the signer.")))
    position = sig.position or (signer.position if signer else None)
    if position is None and not unknown:  # an unknown signer is the cause: said once
        problems.append(Diagnostic(
            "signature.position", "Chưa có chức vụ người ký: thêm \"position\" hoặc khai báo "
            "người ký trong danh mục.", loaded.span(("signature",)), "signature.position",
            message_en="The signer's position is missing."))
    return signer, signer.name if signer else sig.signer, position


def unit_lists(plan: Any) -> Iterator[tuple[tuple, tuple[str, ...], str]]:
    """Every list of unit references in the body, with its data path and separator."""
    default = getattr(plan, "unit_separator", "; ")
    for path, block in blocks(plan):
        if isinstance(block, Task):
            sep = block.separator if block.separator is not None else default
            yield path + ("lead",), block.lead, sep
            if block.support:
                yield path + ("support",), block.support, sep
        elif isinstance(block, UnitDuty):
            sep = block.separator if block.separator is not None else default
            yield path + ("unit",), block.unit, sep


class _UnitWalker:
    """Resolves lists of unit references; remembers each list's result and its problems."""

    def __init__(self, registry: Registry, loaded: Loaded) -> None:
        self.registry = registry
        self.loaded = loaded
        self.found: dict[tuple, Units] = {}
        self.problems: list[Diagnostic] = []

    def resolve(self, refs: tuple[str, ...], path: tuple, sep: str) -> None:
        out = ""
        ids: list[str | None] = []
        skip = 0
        for i, ref in enumerate(refs):
            if skip:
                skip -= 1
                ids.append(None)
                continue
            joiner = sep
            name = ref
            if ref.startswith("và "):
                joiner, name = " và ", ref[3:]
            hit = self.registry.unit(name)
            split = self._split_name(refs, i) if hit is None else 0
            if split:
                self.problems.append(Diagnostic(
                    "unit.split-by-comma",
                    f'Tên đơn vị "{", ".join(refs[i:i + split])}" có dấu phẩy nên bị tách thành '
                    f"{split} phần trong danh sách [...].", self.loaded.span(path + (i,)),
                    dotted(path + (i,)),
                    message_en="A unit name with commas was split by a [...] list.",
                    hint="Viết mỗi đơn vị trên một dòng bắt đầu bằng \"- \", hoặc đặt tên trong "
                         "ngoặc kép.",
                    hint_en="Write one unit per line starting with \"- \", or quote the name."))
                skip = split - 1
                ids.append(None)
                continue
            if hit is None:
                problem = unknown_unit(
                    name, self.registry, self.loaded.span(path + (i,)), dotted(path + (i,)),
                    "task.lead-unknown" if path[-1] == "lead" else "unit.unknown")
                self.problems.append(self._cut_here(problem, refs, i, path))
                text = name
                ids.append(None)
            else:
                text = hit.text
                ids.append(hit.id)
            out += (joiner if i else "") + text
        self.found[path] = Units(out, tuple(ids))

    def _cut_here(self, problem: Diagnostic, refs: tuple[str, ...], i: int, path: tuple
                  ) -> Diagnostic:
        """``problem`` (a name not in the registry) with a hint when the name may be one cut at
        a comma of a [...] list: the next item is no unit either and goes on in lower case
        ("Các cơ quan, đơn vị có liên quan" read as "Các cơ quan" and "đơn vị có liên
        quan")."""
        nxt = refs[i + 1] if i + 1 < len(refs) else ""
        if (path not in self.loaded.flow_lists or not nxt[:1].islower()
                or self.registry.unit(nxt) is not None):
            return problem
        whole = f"{refs[i]}, {nxt}"
        return replace(
            problem,
            hint=f'Nếu "{whole}" là một tên, dấu phẩy trong [...] đã tách nó: viết mỗi đơn vị '
                 f'một dòng bắt đầu bằng "- ", hoặc đặt tên trong ngoặc kép. {problem.hint}'.strip(),
            hint_en=f'If "{whole}" is one name, a comma of the [...] list cut it: write one unit '
                    f'per line starting with "- ", or quote the name. {problem.hint_en}'.strip())

    def _split_name(self, refs: tuple[str, ...], i: int) -> int:
        """How many list items from ``i`` on are one registry name cut at its commas (0: none)."""
        for j in range(len(refs), i + 1, -1):
            if self.registry.unit(", ".join(refs[i:j])) is not None:
                return j - i
        return 0

"""The registry of a workspace as lookups: units and signers by every name they are known by.

The files are read by ``vanban.workspace.load_registry``; this module only answers lookups."""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.errors import Diagnostic, Span
from vanban.model.registry import Signer, Unit
from vanban.resolve.names import closest as names_closest
from vanban.resolve.names import tone_key


@dataclass(frozen=True)
class Hit:
    """A resolved reference: the unit, its id and the text to print."""

    id: str
    unit: Unit
    text: str


@dataclass(frozen=True)
class Registry:
    """Units and signers of a workspace, with every name they may be referred to by."""

    units: dict[str, Unit] = field(default_factory=dict)
    signers: dict[str, Signer] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    names: dict[str, dict[str, str]] = field(init=False, repr=False, compare=False)
    _by_tone: dict[str, dict[str, str]] | None = field(init=False, repr=False, compare=False,
                                                       default=None)

    def __post_init__(self) -> None:
        # Every name a unit may be called by → {id: text to print}. An id names only its unit;
        # another name may be claimed by several units (two UBND share the abbreviation "UBND").
        index: dict[str, dict[str, str]] = {}
        for uid, unit in self.units.items():
            claims = [(unit.name, unit.name), (unit.short, unit.short), (unit.abbr, unit.name)]
            claims += [(alias, alias) for alias in unit.aliases]
            for name, text in claims:
                if name and name not in self.units:
                    index.setdefault(name, {}).setdefault(uid, text)
        for uid, unit in self.units.items():
            index[uid] = {uid: unit.name}
        object.__setattr__(self, "names", index)

    def candidates(self, ref: str) -> list[Hit]:
        """Every unit ``ref`` may name (id, official name, short name, abbreviation or alias)."""
        found = self.names.get(ref.strip(), {})
        return [Hit(uid, self.units[uid], text) for uid, text in found.items()]

    def unit(self, ref: str) -> Hit | None:
        """The one unit ``ref`` names; None when it names none, or several (see candidates)."""
        hits = self.candidates(ref)
        return hits[0] if len(hits) == 1 else None

    def same_words(self, ref: str) -> list[Hit]:
        """The units one of whose names is ``ref`` with the tone marks placed otherwise ("Xã
        Hướng Hoá" for "Xã Hướng Hóa"): the same name, written the old way or the new."""
        if self._by_tone is None:  # built once: a province's data table asks on every row
            index: dict[str, dict[str, str]] = {}
            for name, units in self.names.items():
                if name not in self.units:
                    found = index.setdefault(tone_key(name), {})
                    for uid, text in units.items():
                        found.setdefault(uid, text)
            object.__setattr__(self, "_by_tone", index)
        found = self._by_tone.get(tone_key(ref.strip()), {})
        return [Hit(uid, self.units[uid], text) for uid, text in found.items()]

    def suggest(self, ref: str) -> list[str]:
        """The closest known names, for a "did you mean" hint."""
        # An id is only suggested for something written like an id ("ubnd-tinhh").
        looks_like_id = ref.islower() and " " not in ref
        names = [n for n in self.names if looks_like_id or not n.islower() or " " in n]
        folded = {n.casefold(): n for n in names}
        import difflib  # only to suggest a name: not paid by a plan without errors
        close = difflib.get_close_matches(ref.casefold(), list(folded), n=2, cutoff=0.75)
        if close:
            return [folded[c] for c in close]
        # Without diacritics or case, abbreviations written out ("So Tu phap", "UBND tỉnh …").
        return _unique(names_closest(ref, names), self.names)

    def signer(self, ref: str) -> Signer | None:
        """A signer by id or by full name."""
        if ref in self.signers:
            return self.signers[ref]
        for signer in self.signers.values():
            if signer.name == ref:
                return signer
        return None

    def suggest_signer(self, ref: str) -> str | None:
        """The registered signer ``ref`` most likely means: an id for an id-like ``ref``, else
        a full name close to it ("Trần Bảo Hà" → "Trần Báu Hà"); None when none is close."""
        if ref.islower() and " " not in ref:
            import difflib  # only to suggest a name: not paid by a plan without errors
            close = difflib.get_close_matches(ref, list(self.signers), n=1, cutoff=0.6)
            return close[0] if close else None
        found = names_closest(ref, sorted({s.name for s in self.signers.values()}), n=1,
                              cutoff=0.8)
        return found[0] if found else None


def _unique(names: list[str], index: dict[str, dict[str, str]]) -> list[str]:
    """``names`` less those naming a unit an earlier one already names."""
    seen: set[frozenset[str]] = set()
    out = []
    for name in names:
        units = frozenset(index.get(name, {}))
        if units not in seen:
            seen.add(units)
            out.append(name)
    return out


def unknown_unit(ref: str, registry: Registry, span: Span, path: str,
                 code: str = "unit.unknown") -> Diagnostic:
    """The diagnostic for a unit the registry does not know (with suggestions), or knows several
    of under that name."""
    hits = registry.candidates(ref)
    if len(hits) > 1:
        ids = ", ".join(h.id for h in hits)
        return Diagnostic("unit.ambiguous", f'Tên "{ref}" trỏ tới {len(hits)} đơn vị trong danh mục '
                          f"({ids}); hãy ghi mã của đơn vị cần dùng.", span, path,
                          message_en=f'"{ref}" names {len(hits)} units ({ids}); write the id.',
                          hint=f'Ví dụ: "{hits[0].id}".', hint_en=f'E.g. "{hits[0].id}".')
    close = registry.suggest(ref)
    hint = (f'Có phải "{close[0]}"?' if close else
            "Thêm đơn vị vào danh mục trong _shared/; nếu đơn vị vừa đổi tên, thêm tên cũ vào "
            "aliases của đơn vị đó.")
    hint_en = (f'Did you mean "{close[0]}"?' if close else
               "Add the unit to the _shared/ registry; if it was renamed, add the old name to "
               "the unit's aliases.")
    return Diagnostic(code, f'Không có đơn vị "{ref}" trong danh mục đơn vị.', span, path,
                      message_en=f'No unit "{ref}" in the unit registry.', hint=hint,
                      hint_en=hint_en)

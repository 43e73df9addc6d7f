"""Which registered unit a data row's name cell means.

The communes write their own name in their files as they are used to: "Xã Anh Sơn", "xã Anh
Sơn", "UBND xã Anh Sơn", "Ủy ban nhân dân xã Anh Sơn", "Anh Sơn", "Thái Hoà" for "Thái Hòa",
with a double space or a non-breaking one. Each is the one unit it can only mean; a name two
units could bear ("Vinh Hưng": the ward or the commune?) is not guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from vanban.report.seam import Registry

COMMITTEE = "Ủy ban nhân dân "
COMMITTEE_WORDS = ("ubnd ", "ủy ban nhân dân ", "uỷ ban nhân dân ")
"""How a commune's People's Committee is written before its name (compared casefolded)."""
LOCAL_LEVELS = ("xã ", "phường ", "thị trấn ", "đặc khu ", "huyện ", "quận ", "thị xã ",
                "thành phố ")
"""How the name of a local unit begins, whose People's Committee is "Ủy ban nhân dân <it>"."""


@dataclass(frozen=True)
class Named:
    """A unit a row names: its registry id and the name its appendix row prints."""

    id: str
    name: str


def find_unit(text: str, registry: Registry) -> Named | None:
    """The one unit ``text`` names, or None (no unit, or more than one: see ``bare_units``)."""
    text = " ".join(text.split())
    for candidate in (text, without_committee(text)):
        if candidate and (named := _named(candidate, registry)) is not None:
            return named
    found = bare_units(text, registry)
    return found[0] if len(found) == 1 else None


def bare_units(text: str, registry: Registry) -> list[Named]:
    """The units a name written without its level ("Anh Sơn") may be: "xã Anh Sơn", "phường
    Anh Sơn" … as the registry knows them."""
    text = " ".join(text.split())
    if not text or text.casefold().startswith((*LOCAL_LEVELS, *COMMITTEE_WORDS)):
        return []
    found: dict[str, Named] = {}
    for level in LOCAL_LEVELS:
        if (named := _named(level + text, registry)) is not None:
            found.setdefault(named.id, named)
    return list(found.values())


def without_committee(text: str) -> str:
    """ "UBND xã Anh Sơn" → "xã Anh Sơn"; "" for a name that is not a committee's."""
    folded = text.casefold()
    for word in COMMITTEE_WORDS:
        if folded.startswith(word):
            return text[len(word):]
    return ""


def _named(text: str, registry: Registry) -> Named | None:
    """The unit named ``text``, its first letter in either case, its tone marks placed either
    way; or the committee of the commune it names, when the registry knows the commune by its
    committee (the issuer of its plans)."""
    first = text[:1]
    flipped = (first.lower() if first.isupper() else first.upper()) + text[1:]
    for candidate in (text, flipped):
        if (hit := _registered(candidate, registry)) is not None:
            return Named(hit.id, _printed(hit.unit.name))
    place = text[:1].lower() + text[1:]
    if place.startswith(LOCAL_LEVELS):
        hit = _registered(COMMITTEE + place, registry)
        if hit is not None and hit.unit.name.startswith(COMMITTEE):
            return Named(hit.id, _printed(hit.unit.name))
    return None


def _printed(name: str) -> str:
    """The name an appendix row prints: a commune's committee prints as the commune ("Xã Anh
    Sơn"), as a cell begins; any other unit as the registry names it."""
    place = name[len(COMMITTEE):]
    if name.startswith(COMMITTEE) and place.startswith(LOCAL_LEVELS):
        return place[:1].upper() + place[1:]
    return name


def _registered(text: str, registry: Registry):
    """The unit named ``text`` (or so with the tone marks placed otherwise), or None."""
    hit = registry.unit(text)
    if hit is None and len(same := registry.same_words(text)) == 1:
        hit = same[0]
    return hit



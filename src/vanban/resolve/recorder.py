"""A registry that notes what one plan asked of it, and what it answered.

A province keeps one registry (``_shared/``) for hundreds of plans; editing one signer must not
make every plan again. A plan made with a ``Recorder`` leaves its reads: each question (a unit
by a name, a signer by an id …) with a digest of the answer. When the registry files change, the
build asks the same questions of the new registry (``still_answers``): the same answers, the
same document, whatever else changed in the registry. A question that depends on the whole
registry (walking every unit) is noted as ``WHOLE``: any change of the registry then makes the
plan again. Only the standard library is used: deciding runs before any validator is imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from typing import Any

WHOLE = "*"
"""The read of a plan that depends on the whole registry."""

_SEP = "\x1f"
_ASKED = ("candidates", "unit", "same_words", "suggest", "signer", "suggest_signer")
"""The lookups a plan makes by a text (``Registry``'s methods)."""


def answer(value: object) -> str:
    """A digest of an answer (units, signers, hits and warnings print all their fields)."""
    return hashlib.sha256(repr(value).encode()).hexdigest()[:24]


class _Units(Mapping):
    """The registry's units by id: looking one up is noted; walking them all is ``WHOLE``."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def __getitem__(self, uid: str) -> Any:
        found = self.get(uid)
        if found is None:
            raise KeyError(uid)
        return found

    def get(self, uid: str, default: Any = None) -> Any:
        found = self._recorder.registry.units.get(uid)
        self._recorder.note(("units.get", uid), found)
        return default if found is None else found

    def __contains__(self, uid: object) -> bool:
        return self.get(uid) is not None  # type: ignore[arg-type]

    def __iter__(self) -> Iterator[str]:
        self._recorder.everything()
        return iter(self._recorder.registry.units)

    def __len__(self) -> int:
        self._recorder.everything()
        return len(self._recorder.registry.units)


class Recorder:
    """``registry`` as one plan sees it: every answer is also noted in ``reads``."""

    def __init__(self, registry: Any, folders: tuple = (),
                 known: dict[str, str] | None = None) -> None:
        self.registry = registry
        self.folders = folders
        """The registry folders it was read from (``_shared/``, nearest first)."""
        self.units = _Units(self)
        self.whole = False
        """Whether the plan read the registry otherwise than by lookups (it depends on all)."""
        self._answers: dict[str, object] = {}
        self._known = {} if known is None else known
        """Answers' digests by question, shared by the recorders of one registry in a build
        (the same question of the same registry has the same answer: digested once)."""

    def note(self, question: tuple[str, ...], value: object) -> None:
        self._answers.setdefault(_SEP.join(question), value)

    def everything(self) -> None:
        """This plan depends on the whole registry (it read it otherwise than by lookups)."""
        self.whole = True

    @property
    def reads(self) -> dict[str, str]:
        """Each question asked, with the digest of its answer (made only when asked for: a
        build stamps them, validate does not)."""
        out = {WHOLE: ""} if self.whole else {}
        for key, value in self._answers.items():
            digest = self._known.get(key)
            if digest is None:
                digest = self._known[key] = answer(value)
            out[key] = digest
        return out

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # what copy, pickle … ask of any object: not the registry's
            raise AttributeError(name)
        if name in _ASKED:
            method = getattr(self.registry, name)

            def asked(ref: str) -> Any:
                found = method(ref)
                self.note((name, ref), found)
                return found
            return asked
        if name in ("warnings", "files"):
            found = getattr(self.registry, name)
            self.note((name,), found)
            return found
        self.everything()  # signers, names …: read whole
        return getattr(self.registry, name)


def still_answers(registry: Any, reads: dict[str, str]) -> bool:
    """Whether ``registry`` answers every question of ``reads`` as it was answered."""
    for question, digest in reads.items():
        if question == WHOLE:
            return False
        # (split at the first mark only: the text asked about is the rest, whatever it holds;
        # a question without one, from a corrupt book, asks about "" and is answered otherwise)
        name, _, ref = question.partition(_SEP)
        if name == "units.get":
            found = registry.units.get(ref)
        elif name in _ASKED:
            found = getattr(registry, name)(ref)
        elif name in ("warnings", "files"):
            found = getattr(registry, name)
        else:
            return False  # a question of another version of vanban
        if answer(found) != digest:
            return False
    return True

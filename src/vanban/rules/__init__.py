"""Rule packs: the format facts of a family of documents, as data, shared by the renderer and the
checker.

A pack is a profile: Decree 30/2020/NĐ-CP (``nd30``) today; another family (Party documents,
Hướng dẫn 36-HD/VPTW) would be another module with the same names. A document type names its
profile; code that needs the facts asks ``profile(name)`` rather than hard-coding a pack.
"""

from __future__ import annotations

import importlib
from types import ModuleType

PROFILES: dict[str, tuple[str, str]] = {
    # name: (module, what it covers)
    "nd30": ("vanban.rules.nd30", "Nghị định 30/2020/NĐ-CP, Phụ lục I và III"),
}
DEFAULT_PROFILE = "nd30"


def profile(name: str = DEFAULT_PROFILE) -> ModuleType:
    """The rule pack of profile ``name`` (KeyError for an unknown one)."""
    return importlib.import_module(PROFILES[name][0])

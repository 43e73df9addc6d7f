"""Importing the heavy parts of vanban (validator, models, renderer) once per process, with the
cyclic garbage collector paused.

Importing them (pydantic, python-docx, Jinja and vanban's models and compositions) allocates
some hundred thousand objects that live as long as the process and makes next to no garbage,
yet the collector runs dozens of times meanwhile, each time walking what was allocated so far:
~7% of a one-plan build. Once imported, those objects are moved to the collector's permanent
generation (``gc.freeze``), so the collections of the build that follows skip them as well.
Frozen objects are still freed when nothing refers to them; only a reference cycle among them
would stay, and module-level objects are never garbage. The pause and the freeze happen once per
module per process, so a long-running process (watch, serve) is not affected after its first
build.
"""

from __future__ import annotations

import gc
import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

_seen: set[object] = set()


@contextmanager
def first_time(key: object) -> Iterator[None]:
    """Run the block with the collector paused (and what it allocated frozen) the first time
    ``key`` is seen in this process: e.g. the first validation of a model, which builds its
    validator (pydantic's schema generation allocates much as an import does)."""
    if key in _seen or not gc.isenabled():  # (or the caller manages the collector itself)
        yield
        return
    _seen.add(key)
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def load(name: str) -> ModuleType:
    """The module ``name`` (e.g. ``vanban.pipeline``), imported with the collector paused the
    first time it is asked for."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    with first_time(name):
        return importlib.import_module(name)

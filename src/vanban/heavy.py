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
import os
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


_PLUGIN_LOADER = "pydantic.plugin._loader"
_PLUGINS_OFF = ("__all__", "1", "true")  # the values pydantic reads as "no plugin at all"


def without_pydantic_plugins() -> None:
    """Tell pydantic that vanban uses no plugin (``PYDANTIC_DISABLE_PLUGINS=__all__``, unless
    the user set that variable), and, when every plugin is off, spare the import of pydantic's
    plugin loader.

    pydantic imports that loader when it builds the first validator, and the loader imports
    ``importlib.metadata`` (with ``email``, ``csv``, ``socket``: ~7 ms of a one-plan build)
    only to list the installed packages, which it then does not do when plugins are off. The
    stand-in put in its place answers ``get_plugins()`` with no plugins, exactly what the real
    loader answers then; any other name pydantic asks of it loads the real loader instead.
    For the `vanban` program only (``run``): tests and library users get pydantic untouched.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in _PLUGINS_OFF or _PLUGIN_LOADER in sys.modules:
        return
    stand_in = ModuleType(_PLUGIN_LOADER, "pydantic's plugin loader while every plugin is off")
    stand_in.get_plugins = lambda: ()

    def real(name: str) -> object:
        if name.startswith("__"):  # what the import system asks of any module (__path__ …)
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:  # (not once the real one is there)
            del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stand_in.__getattr__ = real
    sys.modules[_PLUGIN_LOADER] = stand_in

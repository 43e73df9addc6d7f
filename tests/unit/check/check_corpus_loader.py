"""Loads the corpus builder from tests/check_corpus/build.py (not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "check_corpus" / "build.py"
_spec = importlib.util.spec_from_file_location("vanban_check_corpus_build", _PATH)
assert _spec and _spec.loader
build_module = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = build_module
_spec.loader.exec_module(build_module)

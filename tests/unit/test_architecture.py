"""One owner for each foreign format: a module outside its owner never imports the library."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "vanban"

OWNERS = {
    "yaml": ("source/",),
    "docxtpl": ("render/docx.py",),
    "jinja2": ("render/docx.py",),
    "lxml": ("ooxml/",),
    "docx": ("ooxml/",),
    "pdfplumber": ("pdf/measure.py",),
    "click": ("cli",),  # cli.py and the command modules cli_*.py
    "rich": ("cli",),
    "watchfiles": ("serve/watcher.py",),
    "uno": ("serve/uno_bridge.py",),  # runs under LibreOffice's Python, not the project's
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_foreign_format_has_one_owner(library):
    offenders = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if library in _imports(path) and not rel.startswith(OWNERS[library]):
            offenders.append(rel)
    assert offenders == []


def test_cli_imports_nothing_heavy_at_start():
    heavy = {"docx", "docxtpl", "lxml", "pydantic", "yaml", "pdfplumber", "rich", "jinja2"}
    tree = ast.parse((SRC / "cli.py").read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top_level.add(node.module.split(".")[0])
    assert not top_level & heavy

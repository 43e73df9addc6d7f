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
    "openpyxl": ("report/read_xlsx.py",),
    "csv": ("report/read_csv.py",),
    "watchfiles": ("watcher.py",),
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


@pytest.mark.parametrize("module", sorted(p.name for p in SRC.glob("cli*.py")))
def test_cli_imports_nothing_heavy_at_start(module):
    # cli.py imports every command module (cli_*.py) at start: none may import a heavy one.
    heavy = {"docx", "docxtpl", "lxml", "pydantic", "yaml", "pdfplumber", "rich", "jinja2"}
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    top_level = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            top_level.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            top_level.add(node.module.split(".")[0])
    assert not top_level & heavy


# The project's own packages in layers, lowest first: a module may import its own package and
# packages of lower layers, never a package of its own layer or a higher one. A back arrow (say
# the content checks importing composition) fails here instead of creeping back unnoticed.
LAYERS = (
    {"errors", "contract", "heavy"},
    {"rules", "output", "stamps", "jobs", "watcher"},
    {"source", "numbering"},
    {"model"},
    {"resolve"},
    {"workspace", "model.checks"},
    {"compose", "ooxml"},
    {"pdf"},
    {"render", "check", "review", "report"},
    {"doctypes"},
    {"pipeline"},
    {"batch", "review_inputs"},
    {"serve"},
    {"cli"},
)
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _node(parts: tuple[str, ...]) -> str:
    """The layer node of a module path inside vanban (model/checks is its own node)."""
    if parts[:2] == ("model", "checks"):
        return "model.checks"
    return "cli" if parts[0].startswith("cli") else parts[0]


def _internal_imports(path: Path) -> set[tuple[str, ...]]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            parts = tuple(node.module.split("."))
            if parts[0] == "vanban":
                out.update([parts[1:]] if len(parts) > 1 else [(a.name,) for a in node.names])
        elif isinstance(node, ast.Import):
            out.update(tuple(a.name.split(".")[1:]) for a in node.names
                       if a.name.startswith("vanban."))
    return out


def _modules():
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts != ("__init__",) and parts != ("__main__",):
            yield path, parts


def test_every_package_has_a_layer():
    assert sorted({_node(parts) for _, parts in _modules()} - set(RANK)) == []


def test_imports_between_packages_point_down():
    offenders = []
    for path, parts in _modules():
        here = _node(parts)
        for target in _internal_imports(path):
            there = _node(target)
            if there != here and RANK.get(there, -1) >= RANK.get(here, -1):
                offenders.append(f"{'/'.join(parts)} → {'.'.join(target)}")
    assert offenders == []


def test_the_layer_test_sees_a_back_arrow(tmp_path):
    """The rule itself can fail: a content check importing composition is caught."""
    module = tmp_path / "bad.py"
    module.write_text("from vanban.compose.document import compose\n", encoding="utf-8")
    target = next(iter(_internal_imports(module)))
    assert RANK[_node(target)] > RANK[_node(("model", "checks", "bad"))]

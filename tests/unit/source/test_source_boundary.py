"""Only ``vanban.source`` imports yaml: the rest of vanban sees plain data and spans."""

from __future__ import annotations

import ast
from pathlib import Path

import vanban

PACKAGE = Path(vanban.__file__).parent


def _imports_yaml(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "yaml" for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "yaml":
            return True
    return False


def test_only_source_imports_yaml() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
                 if "source" not in p.relative_to(PACKAGE).parts[:1] and _imports_yaml(p)]
    assert offenders == []

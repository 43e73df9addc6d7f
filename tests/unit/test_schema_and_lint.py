"""The JSON Schema that editors use accepts every example; the code passes ruff."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.source.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
PLANS = sorted(p for p in (ROOT / "plans").rglob("*.yaml") if "_shared" not in p.parts)
REGISTRY = sorted((ROOT / "plans" / "_shared").glob("*.yaml"))


def _schema(*args: str) -> dict:
    result = CliRunner().invoke(main, ["schema", *args])
    assert result.exit_code == 0
    return json.loads(result.output)


@pytest.mark.parametrize("plan", PLANS, ids=lambda p: str(p.relative_to(ROOT / "plans")))
def test_examples_validate_against_the_editor_schema(plan):
    data = load_file(plan).data
    jsonschema.validate(data, _schema("--type", data.get("type", "ke-hoach")))


@pytest.mark.parametrize("path", REGISTRY, ids=lambda p: p.name)
def test_registry_validates_against_its_schema(path):
    jsonschema.validate(load_file(path).data, _schema("--registry"))


def test_schema_rejects_an_unknown_field():
    data = load_file(PLANS[0]).data
    data["titel"] = "x"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, _schema())


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install '.[test]')")
    result = subprocess.run([ruff, "check", "src", "tests", "bench", "tools"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr



def test_schema_is_written_for_a_clerk():
    """Every object and field an editor shows has a Vietnamese description; titles are keys."""
    schema = _schema()
    objects = [schema, *schema["$defs"].values()]
    vietnamese = "ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ"
    for obj in objects:
        assert any(c in vietnamese for c in obj["description"].lower()), obj["title"]
        for key, field in obj.get("properties", {}).items():
            assert field.get("title", key) == key
            assert field.get("description"), (obj["title"], key)

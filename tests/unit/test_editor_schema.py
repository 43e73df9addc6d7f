"""`vanban schema` without --type: one JSON Schema for every document type, chosen by `type:`.

The README maps it onto plans/**/*.yaml in VS Code, so every file `vanban validate` accepts must
validate against it (all types), and a file that is wrong for its own type must not.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vanban import doctypes
from vanban.cli import main
from vanban.source.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "plans").rglob("*.yaml") if "_shared" not in p.parts)
CASES = ROOT / "tests" / "cases"
ACCEPTED = sorted(p for p in CASES.glob("*/plan.yaml")
                  if ": lỗi [" not in (p.parent / "expected_errors.txt").read_text("utf-8"))
"""The error cases `vanban validate` accepts (no error line expected; warnings allowed)."""


def _output(*args: str) -> str:
    result = CliRunner().invoke(main, ["schema", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(_output())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _example(name: str) -> dict:
    return copy.deepcopy(load_file(ROOT / "plans" / "quang-binh" / "2025" / name).data)


def _messages(validator, data) -> list[str]:
    return [e.message for e in validator.iter_errors(data)]


def test_examples_cover_every_kind_of_schema():
    """The examples hold each model the schema chooses between (else the test below is weak)."""
    types = {load_file(p).data.get("type", "ke-hoach") for p in EXAMPLES}
    assert {"ke-hoach", "to-trinh", "thong-bao", "quyet-dinh", "cong-van",
            "bao-cao-ket-qua"} <= types


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT / "plans")))
def test_every_example_validates_against_the_one_schema(validator, path):
    assert _messages(validator, load_file(path).data) == []


@pytest.mark.parametrize("path", ACCEPTED, ids=lambda p: p.parent.name)
def test_every_accepted_case_validates_against_the_one_schema(validator, path):
    assert _messages(validator, load_file(path).data) == []


def test_a_plan_without_type_is_a_ke_hoach(validator):
    data = load_file(ROOT / "tests" / "cases" / "valid" / "plan.yaml").data
    data.pop("type", None)
    assert _messages(validator, data) == []
    data["articles"] = [{"article": "Ban hành kèm theo Quyết định này Kế hoạch …"}]
    assert _messages(validator, data) == [
        "Additional properties are not allowed ('articles' was unexpected)"]


@pytest.mark.parametrize(("name", "change", "message"), [
    ("quyet-dinh-ban-hanh-ke-hoach.yaml", {"sections": [{"title": "MỤC ĐÍCH"}]},
     "Additional properties are not allowed ('sections' was unexpected)"),
    ("cong-van-trien-khai-ke-hoach.yaml", {"articles": [{"article": "Giao Sở Tư pháp …"}]},
     "Additional properties are not allowed ('articles' was unexpected)"),
    ("ke-hoach-hoa-giai.yaml", {"authority_line": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"},
     "Additional properties are not allowed ('authority_line' was unexpected)"),
    ("thong-bao-tap-huan.yaml", {"drafter": "pbgdpl"},
     "Additional properties are not allowed ('drafter' was unexpected)"),
    ("bao-cao-hoa-giai.yaml", {"sections": [{"title": "KẾT QUẢ"}]},
     "Additional properties are not allowed ('sections' was unexpected)"),
], ids=["quyet-dinh+sections", "cong-van+articles", "ke-hoach+authority_line",
        "thong-bao+drafter", "bao-cao-ket-qua+sections"])
def test_a_field_of_another_type_fails(validator, name, change, message):
    data = _example(name)
    assert _messages(validator, data) == []
    data.update(change)
    assert _messages(validator, data) == [message]


def test_a_missing_required_field_of_the_type_fails(validator):
    data = _example("quyet-dinh-ban-hanh-ke-hoach.yaml")
    del data["authority_line"]
    assert _messages(validator, data) == ["'authority_line' is a required property"]


def test_an_unknown_type_fails_on_type_listing_the_supported_ones(validator):
    data = _example("ke-hoach-hoa-giai.yaml")
    data["type"] = "cong-dien"
    errors = list(validator.iter_errors(data))
    assert [list(e.path) for e in errors] == [["type"]]
    assert errors[0].message == f"'cong-dien' is not one of {list(doctypes.supported())}"


def test_the_type_field_offers_every_type_with_a_vietnamese_description():
    schema = json.loads(_output())
    field = schema["properties"]["type"]
    assert field["enum"] == list(doctypes.supported())
    assert field["default"] == "ke-hoach"
    assert "không ghi là ke-hoach (Kế hoạch)" in field["description"]


@pytest.mark.parametrize("key", ["ke-hoach", "cong-van", "quyet-dinh", "bao-cao-ket-qua"])
def test_type_option_prints_that_type_alone(key):
    schema = json.loads(_output("--type", key))
    assert schema == doctypes.TYPES[key].model.model_json_schema()
    assert "allOf" not in schema


def test_an_unsupported_type_option_is_a_usage_error():
    result = CliRunner().invoke(main, ["schema", "--type", "cong-dien"])
    assert result.exit_code == 2
    assert "loại \"cong-dien\" chưa được hỗ trợ" in result.output


def test_registry_and_type_together_is_a_usage_error():
    result = CliRunner().invoke(main, ["schema", "--registry", "--type", "cong-van"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert "không dùng cùng --type" in result.stderr


@pytest.mark.parametrize("args", [(), ("--type", "quyet-dinh"), ("--registry",)],
                         ids=["all", "quyet-dinh", "registry"])
def test_output_is_readable_in_a_terminal(args):
    """Vietnamese is printed as itself, never as \\u escapes, patterns included."""
    text = _output(*args)
    assert "\\u" not in text
    assert "Cơ quan" in text or "cơ quan" in text
    patterns = []

    def walk(node):
        if isinstance(node, dict):
            patterns.extend(v for k, v in node.items() if k == "pattern")
            patterns.extend(node.get("patternProperties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(text))
    assert patterns and all(p.isascii() and "\\" not in p for p in patterns), patterns

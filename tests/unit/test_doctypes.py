"""The table of document types: every entry complete, its template built from the rule pack and
holding its whole contract, unsupported types answered without a guess at another type."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban import doctypes
from vanban.cli import main
from vanban.output import ZIP_EPOCH, normalise_zip
from vanban.pipeline import find_template
from vanban.report.model import PRINTED_TYPE, REPORT_TYPE
from vanban.rules import PROFILES, nd30

ROOT = Path(__file__).resolve().parents[2]


def _template_text(data: bytes) -> str:
    """The text of a template's body, one paragraph per line, tags included."""
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))


def test_the_table_holds_every_mau_1_4_type():
    assert set(nd30.MAU_1_4_TYPES) <= set(doctypes.TYPES)
    for key, entry in doctypes.TYPES.items():
        assert entry.key == key
        assert entry.profile in PROFILES
        printed = PRINTED_TYPE if key == REPORT_TYPE else key  # a report prints as a Báo cáo
        assert entry.name == nd30.DOCUMENT_TYPES.get(printed, ("", None))[0]


@pytest.mark.parametrize("name", sorted(doctypes.templates()))
def test_committed_templates_are_built_from_the_rule_pack(name):
    data = normalise_zip(doctypes.templates()[name].build_template(), dt.datetime(*ZIP_EPOCH))
    assert (ROOT / "templates" / name).read_bytes() == data
    assert (ROOT / "src" / "vanban" / "templates" / name).read_bytes() == data


@pytest.mark.parametrize("name", sorted(doctypes.templates()))
def test_each_template_holds_its_whole_contract(name):
    entry = doctypes.templates()[name]
    text = _template_text(entry.build_template())
    for var in entry.contract.variables:
        assert re.search(r"\{\{ " + var + r" \}\}|for \w+ in " + var + r" ", text), var
    for part in entry.contract.parts:
        assert "{{p " + part + " }}" in text, part


def test_each_type_gets_its_own_layout_never_another(tmp_path):
    for key, entry in doctypes.TYPES.items():
        found = find_template(key, tmp_path)  # the packaged frame: no workspace template
        assert found.name == entry.template and found.is_file()


def test_a_type_template_in_the_workspace_wins(tmp_path):
    (tmp_path / "templates").mkdir()
    own = tmp_path / "templates" / "to-trinh.docx"
    own.write_bytes(b"")
    assert find_template("to-trinh", tmp_path) == own
    assert find_template("ke-hoach", tmp_path).name == "mau-1-4.docx"


def test_schema_of_a_type_and_of_an_unsupported_one():
    ok = CliRunner().invoke(main, ["schema", "--type", "to-trinh"])
    assert ok.exit_code == 0 and '"issuer"' in ok.output
    bad = CliRunner().invoke(main, ["schema", "--type", "cong-dien"])
    assert bad.exit_code == 2
    assert "chưa được hỗ trợ" in bad.output and "ke-hoach" in bad.output
    assert "Có phải" not in bad.output


def test_the_default_template_is_the_default_types():
    from vanban import pipeline

    assert pipeline.DEFAULT_TEMPLATE == doctypes.TYPES[doctypes.DEFAULT_TYPE].template
    assert doctypes.lookup("khong-co") is None and "khong-co" not in doctypes.TYPES


def test_looking_a_type_up_imports_only_its_own_family():
    import subprocess
    import sys

    code = ("import sys\nfrom vanban import doctypes\ndoctypes.lookup('ke-hoach')\n"
            "print(sorted(m for m in ('vanban.model.cong_van', 'vanban.model.quyet_dinh', "
            "'vanban.report.model') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]", out.stderr

"""The README's promises, checked: the example workspace it gives a clerk of another province
(every ```yaml block marked ``<!-- readme-test -->``, saved under the path on its first line
``# Tệp <path>``) validates and builds as the comments in it say, agrees with `vanban schema`,
and the registry layout it describes is the one `vanban schema --registry` prints.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.source.loader import load_file

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MARKED = re.compile(r"<!-- readme-test -->\n```yaml\n(.*?)```", re.DOTALL)
SNIPPETS = {re.match(r"# Tệp (\S+\.yaml)\n", body).group(1): body
            for body in MARKED.findall(README)}
"""Each marked snippet by the path its first line names."""
DOCUMENTS = sorted(p for p in SNIPPETS if "_shared" not in p)


def _cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The README's workspace, written out and built once (validate first, as a clerk would)."""
    root = tmp_path_factory.mktemp("tinh-khac")
    for path, body in SNIPPETS.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(body, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        checked = _cli("validate", "--strict")
        assert (checked.exit_code, checked.stderr) == (0, f"Hợp lệ: {len(DOCUMENTS)} văn bản.\n")
        built = _cli("build", "--strict")
        assert built.exit_code == 0, built.output
    return root


def _text(workspace: Path, document: str) -> str:
    out = workspace / "outputs" / Path(document).with_suffix(".docx").relative_to("plans")
    result = _cli("text", str(out))
    assert result.exit_code == 0, result.output
    return result.output


def test_the_readme_gives_a_whole_workspace():
    assert sorted(SNIPPETS) == ["plans/2026/cong-van-trien-khai.yaml",
                                "plans/2026/ke-hoach-pbgdpl.yaml",
                                "plans/2026/quyet-dinh-ban-hanh-ke-hoach.yaml",
                                "plans/2026/to-trinh-ban-hanh-ke-hoach.yaml",
                                "plans/_shared/don-vi.yaml", "plans/_shared/nguoi-ky.yaml"]
    assert len(MARKED.findall(README)) == len(SNIPPETS)  # no two blocks for one file


def test_the_workspace_has_no_templates_folder_and_validates(workspace):
    assert not (workspace / "templates").exists()  # the packaged frames are used


@pytest.mark.parametrize(("document", "lines"), [
    ("plans/2026/ke-hoach-pbgdpl.yaml", [
        "<13pt B> ỦY BAN NHÂN DÂN", "<13pt B> TỈNH HÀ TĨNH", "<13pt> Số:      /KH-UBND",
        "<14pt I> Hà Tĩnh, ngày      tháng      năm 2026",
        "<14pt B> 1. Sở Tư pháp",
        ("<14pt> 2. Đề nghị Ủy ban nhân dân các xã, phường xây dựng kế hoạch của địa phương và "
        "tổ chức thực hiện."),
        "<11pt> - Lưu: VT, NC.", "<14pt B> TM. ỦY BAN NHÂN DÂN", "<14pt B> Nguyễn Văn An"]),
    ("plans/2026/quyet-dinh-ban-hanh-ke-hoach.yaml", [
        "<13pt> Số:      /QĐ-UBND", "<14pt B> ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "<14pt I> Căn cứ Luật Phổ biến, giáo dục pháp luật ngày 20 tháng 6 năm 2012;",
        "<14pt B> Điều 3.", "<11pt> - Như Điều 3;", "<14pt B> KẾ HOẠCH",
        ("<14pt I> (Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2026 của Ủy ban "
        "nhân dân tỉnh Hà Tĩnh)")]),
    ("plans/2026/cong-van-trien-khai.yaml", [
        "<13pt> UBND TỈNH HÀ TĨNH", "<13pt> Số:      /STP-PBGDPL",
        "<12pt> V/v triển khai Kế hoạch phổ biến, giáo dục pháp luật năm 2026",
        "<14pt> Kính gửi: Ủy ban nhân dân các xã, phường.", "<11pt> - Như trên;",
        "<11pt> - Lưu: VT, PBGDPL.", "<14pt B> KT. GIÁM ĐỐC", "<14pt B> PHÓ GIÁM ĐỐC"]),
    ("plans/2026/to-trinh-ban-hanh-ke-hoach.yaml", [
        "<13pt> Số:      /TTr-STP", "<14pt B> TỜ TRÌNH",
        "<14pt> Kính gửi: Ủy ban nhân dân tỉnh Hà Tĩnh.", "<14pt B> Trần Thị Bình"]),
], ids=lambda v: Path(v).stem if isinstance(v, str) else "")
def test_each_example_prints_what_its_comments_say(workspace, document, lines):
    text = _text(workspace, document)
    for line in lines:
        assert line in text, line


@pytest.mark.parametrize("path", sorted(SNIPPETS), ids=lambda p: Path(p).name)
def test_each_snippet_validates_against_the_editor_schema(workspace, path):
    args = ("schema", "--registry") if "_shared" in path else ("schema",)
    schema = json.loads(_cli(*args).output)
    jsonschema.validate(load_file(workspace / path).data, schema)


def _registry_schema() -> dict:
    return json.loads(_cli("schema", "--registry").output)


def test_readme_and_registry_schema_agree_on_the_layout():
    """The files hold `units:` and `signers:` and nothing else; the README names every field a
    unit, a department and a signer can have."""
    schema = _registry_schema()
    assert set(schema["properties"]) == {"units", "signers"}
    assert "_shared/" in schema["description"] and "don-vi.yaml" in schema["description"]
    section = README.split("## Bắt đầu thư mục làm việc", 1)[1].split("\n## ", 1)[0]
    assert "`units:`" in section and "`signers:`" in section
    for model in ("Unit", "Department", "Signer"):
        for field in schema["$defs"][model]["properties"]:
            assert f"`{field}`" in section, (model, field)


def test_vscode_settings_map_the_two_schemas_the_readme_writes():
    from vanban.jobs import REASONS_SUFFIX

    """The settings block maps each schema file the commands above it write."""
    section = README.split("### Gợi ý và báo lỗi ngay trong VS Code", 1)[1].split("\n## ", 1)[0]
    writes = dict(re.findall(r"^vanban (schema(?: --registry)?) > (\S+)$", section, re.MULTILINE))
    settings = json.loads(re.search(r"```json\n(.*?)```", section, re.DOTALL).group(1))
    assert settings["yaml.schemas"] == {
        writes["schema"]: ["plans/**/*.yaml", "!plans/**/_shared/*.yaml",
                           f"!plans/**/*{REASONS_SUFFIX}"],  # a reasons file is not a plan
        writes["schema --registry"]: ["plans/**/_shared/*.yaml"]}

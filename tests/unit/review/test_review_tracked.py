"""vanban compare --tracked: Word revisions exactly at the changed places, read back from the
XML, accepted and rejected, and after a LibreOffice round trip."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.conftest import copy_examples

from vanban.cli import main
from vanban.ooxml.tracked import paragraph_text, resolve, revisions
from vanban.review.words import text_key
from vanban.review_inputs import load_side, render_document

ROOT = Path(__file__).resolve().parents[3]
P2024 = "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml"
P2025 = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
ROUND = "tests/review/round-1/ke-hoach-hoa-giai.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL = re.compile(r"^(\d+(\.\d+)*\.?|[a-zđ]\)|[IVX]+\.?)$|^(\d+(\.\d+)*\.|[a-zđ]\)|[IVX]+\.) ")
DRAFT = "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml"
DRAFT_ROUND = "tests/review/round-1/du-thao-quang-trach.yaml"
VAN_BAN_CHI_DAO = ["1", ("Ban hành văn bản chỉ đạo, hướng dẫn triển khai thực hiện Đề án năm 2025 "
                   "trên địa bàn huyện"), "Phòng Tư pháp huyện", "UBND các xã", "Quý I năm 2025",
                   "Văn bản chỉ đạo, hướng dẫn của Ủy ban nhân dân huyện"]
DRAFT_REVISIONS = (
    [("del-row", "")] + [("del", cell) for cell in VAN_BAN_CHI_DAO]  # a task row removed
    + [("ins", " kịp thời")]  # a word added
    + [("ins-row", ""), ("ins", "2"), ("ins", ("Thông tin, tuyên truyền về hòa giải ở cơ sở trên "
                                              "hệ thống thông tin cơ sở")),
       ("ins", "UBND các xã"), ("ins", "năm 2025")]  # a task row added
    + [("del", "10"), ("ins", "11")]  # a deadline moved
)

TAI_LIEU = ("In ấn tài liệu tập huấn, bồi dưỡng nghiệp vụ hòa giải ở cơ sở; biên soạn các tài "
            "liệu bồi dưỡng kiến thức pháp luật có nội dung phù hợp với đội ngũ hòa giải viên ở "
            "cơ sở")
TAI_LIEU_LINES = ["Đơn vị chủ trì: Sở Tư pháp.",
                  "Đơn vị phối hợp: các sở, ban, ngành, đoàn thể, địa phương.",
                  "Thời gian thực hiện: năm 2024."]
ROUND_REVISIONS = (
    [("del", "11"), ("ins", "12")]  # the deadline moved
    # the swap: tai-lieu-boi-duong moved away from its old place and to its new one, each
    # line a move of its own (Word shows it green: moved, not deleted and inserted)
    + [x for line in [f"2. {TAI_LIEU}", *TAI_LIEU_LINES] for x in (("moveFrom-mark", ""),
                                                                   ("moveFrom", line))]
    + [x for line in [f"3. {TAI_LIEU}", *TAI_LIEU_LINES] for x in (("moveTo-mark", ""),
                                                                   ("moveTo", line))]
    # the task added in the middle
    + [x for line in ["4. Tổ chức Hội thi hòa giải viên giỏi cấp tỉnh",
                      "Đơn vị chủ trì: Sở Tư pháp.",
                      ("Đơn vị phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Bình; UBND "
                      "các huyện, thị xã, thành phố."),
                      "Thời gian thực hiện: Quý III năm 2024."]
       for x in (("ins-mark", ""), ("ins", line))]
    # the two units renamed (support of 6.1., 6.2., and the unit of IV.4)
    + [("del", "Thông tin và Truyền thông"), ("ins", "Khoa học và Công nghệ"),
       ("ins", " Quảng Bình"),
       ("del", "Thông tin và Truyền thông"), ("ins", "Khoa học và Công nghệ")]
    # the word corrected, the recipient added
    + [("del", "đảm bảo"), ("ins", "bảo đảm"),
       ("ins-mark", ""), ("ins", "- Báo Quảng Bình, Đài Phát thanh - Truyền hình Quảng Bình;")]
)


def _paragraphs(data: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [paragraph_text(p) for p in root.iter(f"{W}p")]


def _document(spec: str):
    (plan,) = load_side(str(ROOT / spec), "new").plans.values()
    return plan.document


def _without_numbers(lines: list[str]) -> list[str]:
    """Paragraphs compared without their computed numbers (renumbering is never marked) and
    without tone-mark placement (hoà = hòa)."""
    return [text_key(LABEL.sub("", line)) for line in lines]


def _tracked(old: str, new: str, out: Path) -> bytes:
    result = CliRunner().invoke(main, ["compare", "--tracked", str(ROOT / old), str(ROOT / new),
                                       "-o", str(out), "--author", "Văn phòng UBND tỉnh",
                                       "--date", "2024-01-20"])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.fixture(scope="module")
def draft_docx(tmp_path_factory) -> bytes:
    return _tracked(DRAFT, DRAFT_ROUND, tmp_path_factory.mktemp("tracked") / "du-thao.docx")


@pytest.fixture(scope="module")
def round_docx(tmp_path_factory) -> bytes:
    return _tracked(P2024, ROUND, tmp_path_factory.mktemp("tracked") / "ke-hoach-sua-doi.docx")


def test_exactly_the_changes_are_tracked(round_docx):
    assert revisions(round_docx) == ROUND_REVISIONS
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(round_docx)).read("word/document.xml"))
    marks = list(root.iter(*(f"{W}{t}" for t in ("ins", "del", "moveFrom", "moveTo",
                                                  "moveFromRangeStart", "moveToRangeStart"))))
    assert [m.get(f"{W}id") for m in marks] == [str(i) for i in range(1, len(marks) + 1)]
    assert {(m.get(f"{W}author"), m.get(f"{W}date")) for m in marks} == {
        ("Văn phòng UBND tỉnh", "2024-01-20T00:00:00Z")}
    # Each move has a source range and a destination range of one name, each range's end
    # the id of its start.
    for kind in ("moveFrom", "moveTo"):
        starts = {m.get(f"{W}id"): m.get(f"{W}name") for m in root.iter(f"{W}{kind}RangeStart")}
        ends = [m.get(f"{W}id") for m in root.iter(f"{W}{kind}RangeEnd")]
        assert sorted(ends) == sorted(starts) and len(starts) == 4
    names = [{m.get(f"{W}name") for m in root.iter(f"{W}{kind}RangeStart")}
             for kind in ("moveFrom", "moveTo")]
    assert names[0] == names[1] == {"move1", "move2", "move3", "move4"}
    assert not list(root.iter(f"{W}pPrChange")) and not list(root.iter(f"{W}rPrChange"))


def test_accept_all_gives_new_and_reject_all_gives_old(round_docx):
    assert resolve(round_docx, accept=True) == _paragraphs(render_document(_document(ROUND)))
    assert _without_numbers(resolve(round_docx, accept=False)) == _without_numbers(
        _paragraphs(render_document(_document(P2024))))


def test_appendix_task_table_rows(draft_docx):
    assert revisions(draft_docx) == DRAFT_REVISIONS
    assert resolve(draft_docx, accept=True) == _paragraphs(
        render_document(_document(DRAFT_ROUND)))
    assert _without_numbers(resolve(draft_docx, accept=False)) == _without_numbers(
        _paragraphs(render_document(_document(DRAFT))))


def test_real_2024_to_2025(tmp_path):
    data = _tracked(P2024, P2025, tmp_path / "2025.docx")
    assert resolve(data, accept=True) == _paragraphs(render_document(_document(P2025)))
    assert _without_numbers(resolve(data, accept=False)) == _without_numbers(
        _paragraphs(render_document(_document(P2024))))
    kinds = [k for k, _ in revisions(data)]
    assert f"2. {TAI_LIEU}" in [t for k, t in revisions(data) if k == "del"]  # removed task
    assert kinds.count("ins-mark") > 0 and kinds.count("del-mark") > 0


def test_deterministic(round_docx, tmp_path):
    assert _tracked(P2024, ROUND, tmp_path / "again.docx") == round_docx


def test_plan_with_itself_has_no_revision(tmp_path):
    data = _tracked(P2024, P2024, tmp_path / "same.docx")
    assert revisions(data) == []


@pytest.mark.pdf
def test_libreoffice_keeps_the_revisions(round_docx, draft_docx, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ke-hoach.docx").write_bytes(round_docx)
    (tmp_path / "in" / "du-thao.docx").write_bytes(draft_docx)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "out"),
                    str(tmp_path / "in" / "ke-hoach.docx"), str(tmp_path / "in" / "du-thao.docx")],
                   check=True, capture_output=True, timeout=180)
    again = (tmp_path / "out" / "ke-hoach.docx").read_bytes()
    assert revisions(again) == ROUND_REVISIONS
    assert resolve(again, accept=True)[-40:] == resolve(round_docx, accept=True)[-40:]
    assert revisions((tmp_path / "out" / "du-thao.docx").read_bytes()) == DRAFT_REVISIONS


def test_bad_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["compare", "--tracked", str(ROOT / P2024),
                                       str(ROOT / ROUND), "-o", str(tmp_path / "x.docx"),
                                       "--date", "2024-13-01"])
    assert result.exit_code == 2
    assert result.output.startswith("Lỗi cách dùng lệnh: Giá trị không hợp lệ cho '--date': "
                                    "'2024-13-01': viết dạng YYYY-MM-DD")
    assert not (tmp_path / "x.docx").exists()


def test_date_outside_git_is_the_documents(tmp_path, monkeypatch):
    (tmp_path / "plans").mkdir()
    for part in ("_shared", "quang-binh"):
        shutil.copytree(ROOT / "plans" / part, tmp_path / "plans" / part)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = CliRunner().invoke(main, ["compare", "--tracked", P2024, P2025, "-o", "x.docx",
                                       "--author", "A"])
    assert result.exit_code == 0, result.output
    root = etree.fromstring(zipfile.ZipFile("x.docx").read("word/document.xml"))
    assert {m.get(f"{W}date") for m in root.iter(f"{W}ins", f"{W}del")} == {
        "2025-01-14T00:00:00Z"}


def test_a_part_added_in_front(tmp_path, monkeypatch):
    """Parts (Phần I, Phần II): a new first part is inserted whole; "Phần I" → "Phần II" of the
    others is renumbering, never marked."""
    cases = ROOT / "tests/cases"
    shutil.copytree(cases / "_shared", tmp_path / "_shared")
    old = (cases / "part-title-case/plan.yaml").read_text(encoding="utf-8")
    (tmp_path / "cu.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "moi.yaml").write_text(old.replace("parts:\n", (
        "parts:\n  - title: BỐI CẢNH\n    sections:\n      - title: TÌNH HÌNH\n"
        "        content:\n          - Tình hình chung của địa phương.\n"), 1), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    data = _tracked(str(tmp_path / "cu.yaml"), str(tmp_path / "moi.yaml"), tmp_path / "p.docx")
    assert revisions(data) == [x for line in ("Phần I", "BỐI CẢNH", "I. TÌNH HÌNH",
                                              "Tình hình chung của địa phương.")
                               for x in (("ins-mark", ""), ("ins", line))]
    assert resolve(data, accept=True) == _paragraphs(
        render_document(_document(str(tmp_path / "moi.yaml"))))
    parts = re.compile(r"^Phần [IVX]+$")
    rejected = [x for x in resolve(data, accept=False) if not parts.match(x)]
    before = _paragraphs(render_document(_document(str(tmp_path / "cu.yaml"))))
    assert _without_numbers(rejected) == _without_numbers(
        [x for x in before if not parts.match(x)])


def test_a_body_table_cell_and_row(tmp_path, monkeypatch):
    """A Công văn's table: a reworded cell is marked word by word, a new row is inserted whole
    (and the document of another type is outlined paragraph by paragraph)."""
    # A copy of the example workspace: nothing written into the repository, which other test
    # processes read at the same time.
    monkeypatch.chdir(copy_examples(tmp_path))
    source = tmp_path / "plans/quang-binh/2025/cong-van-trien-khai-ke-hoach.yaml"
    text = source.read_text(encoding="utf-8").replace(
        "          - [2, Số hòa giải viên (trong đó nữ), người]\n",
        "          - [2, Số hòa giải viên (trong đó nữ; dưới 35 tuổi), người]\n"
        "          - [3, Số hòa giải viên mới được công nhận, người]\n").replace(
        "          - [3, Số vụ việc", "          - [4, Số vụ việc").replace(
        "          - [4, Số tổ hòa giải đạt", "          - [5, Số tổ hòa giải đạt")
    new_file = source.parent / ".test-table.yaml"  # beside it: the same registry
    new_file.write_text(text, encoding="utf-8")
    data = _tracked(str(source), str(new_file), tmp_path / "cv.docx")
    new_doc = _document(str(new_file))
    assert revisions(data) == [
        ("ins", "; dưới 35 tuổi"),
        ("ins-row", ""), ("ins", "3"), ("ins", "Số hòa giải viên mới được công nhận"),
        ("ins", "người"),
        ("del", "3"), ("ins", "4"), ("del", "4"), ("ins", "5")]
    assert resolve(data, accept=True) == _paragraphs(render_document(new_doc))
    assert resolve(data, accept=False) == _paragraphs(render_document(_document(str(source))))


GROUPED = """\
      - table:
          - {title: STT, width: 15, align: center}
          - Đơn vị
          - {title: Tỉnh, group: Kinh phí}
          - {title: Huyện, group: Kinh phí}
        rows:
          - [1, Sở Tư pháp, 10, 4]
          - [2, UBND huyện, 3, 5]
"""


def _grouped_pair(tmp_path) -> tuple[Path, Path]:
    cases = ROOT / "tests/cases"
    shutil.copytree(cases / "_shared", tmp_path / "_shared")
    text = (cases / "table-group-split/plan.yaml").read_text(encoding="utf-8")
    start = text.index("      - table:")
    text = text[:start] + GROUPED + text[text.index("      - task:", start):]
    old, new = tmp_path / "cu.yaml", tmp_path / "moi.yaml"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("{title: Tỉnh, group: Kinh phí}",
                                "{title: Tỉnh, group: Kinh phí (triệu đồng)}").replace(
        "{title: Huyện, group: Kinh phí}", "{title: Huyện, group: Kinh phí (triệu đồng)}").replace(
        "[1, Sở Tư pháp, 10, 4]", "[1, Sở Tư pháp, 12, 4]").replace(
        "          - [2, UBND huyện, 3, 5]\n",
        "          - [2, UBND huyện, 3, 5]\n          - [3, Hội Phụ nữ, 1, 0]\n"),
        encoding="utf-8")
    return old, new


def test_a_table_with_column_groups(tmp_path, monkeypatch):
    """Two header rows (the group over its columns): a group title, a cell and a new row are
    marked like in any table, and nothing is left unmarked."""
    old, new = _grouped_pair(tmp_path)
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["compare", "--tracked", str(old), str(new), "-o",
                                       str(tmp_path / "g.docx"), "--author", "A"])
    assert result.exit_code == 0, result.output
    assert "compare.tracked" not in result.output
    data = (tmp_path / "g.docx").read_bytes()
    assert revisions(data) == [("ins", " (triệu đồng)"), ("del", "10"), ("ins", "12"),
                               ("ins-row", ""), ("ins", "3"), ("ins", "Hội Phụ nữ"),
                               ("ins", "1"), ("ins", "0")]
    assert resolve(data, accept=True) == _paragraphs(render_document(_document(str(new))))
    assert resolve(data, accept=False) == _paragraphs(render_document(_document(str(old))))


def test_a_part_not_found_is_named_not_blamed_on_the_template(tmp_path, monkeypatch):
    """When a changed part cannot be found in the rendered document, the warning says which
    part, about the plan, without guessing at the template."""
    import dataclasses

    from vanban.review.sides import compare_sides
    from vanban.review.tracked import tracked_docx

    old, new = _grouped_pair(tmp_path)
    new.write_text(new.read_text(encoding="utf-8").replace(
        "title: Tập huấn hòa giải", "title: Tổ chức tập huấn hòa giải"), encoding="utf-8")
    monkeypatch.chdir(ROOT)
    diff = compare_sides(load_side(str(old), "old"), load_side(str(new), "new")).plans[0][2]

    def render(doc):  # prints another title than the document holds
        return render_document(dataclasses.replace(doc, title="Một trích yếu khác"))

    import datetime as dt

    _, _, warnings = tracked_docx(diff, "A", dt.datetime(2024, 3, 5), render, "moi.yaml")
    assert [w.text("vi") for w in warnings] == [
        ("moi.yaml: cảnh báo [compare.tracked-not-found] Không tìm thấy chỗ in của Trích yếu "
        "trong văn bản dựng ra nên các thay đổi ở đó không được đánh dấu; xem vanban diff "
        "hoặc bảng so sánh.")]


def test_a_part_printed_only_in_the_old_document_is_named(tmp_path):
    """The commune's draft has a Căn cứ, the province's plan none: its deleted lines have no
    paragraph to stand by, so the warning names the part (the rest is still marked)."""
    out = tmp_path / "bo-can-cu.docx"
    result = CliRunner().invoke(main, ["compare", "--tracked", str(ROOT / DRAFT_ROUND),
                                       str(ROOT / P2025), "-o", str(out), "--author", "A",
                                       "--date", "2024-01-20"])
    assert result.exit_code == 0, result.output
    assert f"{ROOT / P2025}: cảnh báo [compare.tracked-not-found] Không tìm thấy chỗ in của " \
           "Căn cứ trong văn bản dựng ra" in result.output
    assert revisions(out.read_bytes())[:4] == [("del-mark", ""), ("del", "HUYỆN QUẢNG TRẠCH"),
                                               ("ins-mark", ""), ("ins", "TỈNH QUẢNG BÌNH")]


def test_a_part_not_found_is_named_in_english(tmp_path):
    out = tmp_path / "bo-can-cu.docx"
    result = CliRunner().invoke(main, ["compare", "--tracked", str(ROOT / DRAFT_ROUND),
                                       str(ROOT / P2025), "-o", str(out), "--author", "A",
                                       "--date", "2024-01-20", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert (f"{ROOT / P2025}: warning [compare.tracked-not-found] Where legal bases (Căn cứ) "
            "is printed was not found in the rendered document; its changes are not marked "
            "(see vanban diff or the comparison table).") in result.output.splitlines()


@pytest.mark.parametrize(("name", "english"), [
    ("nội dung (Kế hoạch kèm theo)", "body (attached plan)"),
    ("bảng nhiệm vụ (Kế hoạch kèm theo, phụ lục)", "task table (attached plan, appendix)"),
    ("bảng nhiệm vụ (phụ lục)", "task table (appendix)"),
    ("Mục II, bảng 1", "Section II, table 1"),
    ("Trích yếu (Kế hoạch kèm theo)", "title (attached plan)"),
], ids=lambda x: x)
def test_the_parts_of_a_tracked_document_in_english(name, english):
    from vanban.review.tracked import part_en

    assert part_en(name) == english

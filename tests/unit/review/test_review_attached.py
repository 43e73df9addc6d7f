"""A Quyết định and the plan it issues (attachment:): vanban diff of the decision lists the
plan's changes, named after the plan ("Kế hoạch kèm theo, II.2"), in text, Markdown and JSON;
the bảng so sánh has them as rows and passes the checker; compare --tracked marks them; a
decision whose own file did not change is said to print differently because of its plan."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.unit.review.marks import cell_marks, tracked_words

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DECISION = "quyet-dinh-ban-hanh-ke-hoach.yaml"
PLAN = "ke-hoach-hoa-giai.yaml"
OLD, NEW = "plans/quang-binh/cu", "plans/quang-binh/moi"
# The task "tap-huan" of the plan, as the new version words it and dates it.
EDITS = [("Tổ chức tập huấn, bồi dưỡng, cập nhật", "Tổ chức tập huấn, cập nhật"),
         ("timeline: Quý II, quý III năm 2025", "timeline: Quý III năm 2025")]
TASK = ("cập nhật kiến thức pháp luật mới cho tổ viên Tổ hòa giải viên tại các huyện, thị xã, "
        "thành phố")
ISSUED = ("văn bản đã có số (đã ban hành); thay đổi nội dung cần văn bản sửa đổi, bổ sung hoặc "
          "cấp số mới.")


def _copy(work: Path, folder: str, edits=()) -> None:
    target = work / folder
    target.mkdir(parents=True)
    for name in (DECISION, PLAN):
        text = (ROOT / "plans/quang-binh/2025" / name).read_text(encoding="utf-8")
        for a, b in edits if name == PLAN else ():
            assert a in text, a
            text = text.replace(a, b)
        (target / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """The example workspace with two versions of the decision and its plan: the new plan
    rewords the task "tap-huan" and moves its timeline."""
    root = tmp_path_factory.mktemp("attached")
    shutil.copytree(ROOT / "plans", root / "plans")
    _copy(root, OLD)
    _copy(root, NEW, EDITS)
    return root


@pytest.fixture(autouse=True)
def _in_work(work, monkeypatch):
    monkeypatch.chdir(work)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_diff_text_lists_the_plans_change():
    result = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == [
        f"{OLD}/{DECISION} → {NEW}/{DECISION}",
        (f"  2. [Kế hoạch kèm theo, II.2] Sửa câu chữ (nhiệm vụ): Tổ chức tập huấn"
        f"[-, bồi dưỡng-], {TASK}"),
        ("  2. [Kế hoạch kèm theo, II.2] Thời gian thực hiện: Quý II, quý III năm 2025 → "
        "Quý III năm 2025"),
        f"  CẢNH BÁO: {ISSUED}",
        f"In ra khác đi vì đã sửa tệp mà văn bản này lấy nội dung: {NEW}/{DECISION} ({PLAN})",
    ]


def test_diff_markdown_and_english():
    result = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "--format", "markdown")
    assert result.output.splitlines()[:3] == [
        f"## {OLD}/{DECISION} → {NEW}/{DECISION}",
        (f"- 2. [Kế hoạch kèm theo, II.2] Sửa câu chữ (nhiệm vụ): Tổ chức tập huấn"
        f"~~, bồi dưỡng~~, {TASK}"),
        ("- 2. [Kế hoạch kèm theo, II.2] Thời gian thực hiện: Quý II, quý III năm 2025 → "
        "Quý III năm 2025"),
    ]
    english = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "--lang", "en")
    assert english.output.splitlines()[-1] == (
        f"Prints differently because a file it takes content from changed: {NEW}/{DECISION} "
        f"({PLAN})")


def test_diff_json():
    result = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "--format", "json")
    data = json.loads(result.output)
    (plan,) = data["plans"]
    assert [(c["code"], c["ref"], c["old"], c["new"]) for c in plan["changes"]] == [
        ("task.wording", "Kế hoạch kèm theo, II.2", f"Tổ chức tập huấn, bồi dưỡng, {TASK}",
         f"Tổ chức tập huấn, {TASK}"),
        ("task.timeline", "Kế hoạch kèm theo, II.2", "Quý II, quý III năm 2025",
         "Quý III năm 2025")]
    assert plan["issued_changed"] is True
    assert data["file_effects"] == [{"plan": f"{NEW}/{DECISION}", "files": [PLAN]}]


def test_an_unchanged_plan_adds_nothing():
    """The two shipped decisions issue the same plan: only their own frames differ, and
    a diff without files that changed has no file_effects key."""
    folder = "plans/quang-binh/2025"
    result = run("diff", f"{folder}/{DECISION}", f"{folder}/du-thao-quyet-dinh-hai-tep.yaml")
    assert result.output.splitlines() == [
        f"{folder}/{DECISION} → {folder}/du-thao-quyet-dinh-hai-tep.yaml",
        "  [so] Số, ký hiệu: Số: 125/QĐ-UBND → Số:      /QĐ-UBND",
        ("  [ngay] Địa danh, ngày tháng: Quảng Bình, ngày 14 tháng 01 năm 2025 → Quảng Bình, ngày      "
        "tháng      năm 2025")]
    data = json.loads(run("diff", f"{OLD}/{DECISION}", f"{OLD}/{DECISION}", "--format",
                          "json").output)
    assert "file_effects" not in data and data["different"] is False


def test_folder_diff_lists_the_decision_with_its_plan():
    lines = run("diff", OLD, NEW).output.splitlines()
    assert lines[0] == f"{OLD}/{PLAN} → {NEW}/{PLAN}"
    at = lines.index(f"{OLD}/{DECISION} → {NEW}/{DECISION}")
    assert lines[at + 1].startswith("  2. [Kế hoạch kèm theo, II.2] Sửa câu chữ (nhiệm vụ)")
    assert lines[-1] == f"In ra khác đi vì đã sửa tệp mà văn bản này lấy nội dung: {NEW}/{DECISION} ({PLAN})"


@pytest.fixture(scope="module")
def table(work) -> Path:
    out = work / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", str(work / OLD / DECISION),
                                       str(work / NEW / DECISION), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("(1 thay đổi).\n")
    return out


def test_the_table_has_the_plans_change_as_a_row(table):
    root = etree.fromstring(zipfile.ZipFile(table).read("word/document.xml"))
    grid = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    rows = [[cell_marks(tc) for tc in tr.findall(f"{W}tc")] for tr in grid.findall(f"{W}tr")][1:]
    head = "Kế hoạch kèm theo, II.2: Tổ chức tập huấn"
    assert rows == [[["1"], [
        f"{head}[-, bồi dưỡng-], {TASK}", "Đơn vị chủ trì: Sở Tư pháp",
        "Đơn vị phối hợp: UBND các huyện, thị xã, thành phố",
        "Thời gian thực hiện: Quý [-II, quý-] III năm 2025"], [
        f"{head}, {TASK}", "Đơn vị chủ trì: Sở Tư pháp",
        "Đơn vị phối hợp: UBND các huyện, thị xã, thành phố",
        "Thời gian thực hiện: Quý III năm 2025"], []]]


def test_the_table_passes_the_checker(table):
    result = run("check", str(table))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].endswith("(0 lỗi, 0 cảnh báo).")


def test_tracked_marks_the_plans_change(work):
    out = work / "sua-doi.docx"
    result = run("compare", "--tracked", "--author", "T", "--date", "2025-02-01",
                 f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "-o", str(out))
    assert result.output.splitlines() == ["Đã ghi sua-doi.docx (2 chỗ sửa)."]
    assert tracked_words(out) == ([", bồi dưỡng", "II, quý "], [])


def test_git_revisions_of_the_decision(tmp_path, monkeypatch):
    """HEAD:decision against the working copy: the plan it issues is read at each revision."""
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(git + ["add", "-A"], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-qm", "a"], cwd=tmp_path, check=True)
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "plans/quang-binh/2025" / PLAN
    plan.write_text(plan.read_text(encoding="utf-8").replace(*EDITS[1]), encoding="utf-8")
    decision = f"plans/quang-binh/2025/{DECISION}"
    result = run("diff", f"HEAD:{decision}", decision)
    assert result.output.splitlines() == [
        f"HEAD:{decision} → {decision}",
        ("  2. [Kế hoạch kèm theo, II.2] Thời gian thực hiện: Quý II, quý III năm 2025 → "
        "Quý III năm 2025"),
        f"  CẢNH BÁO: {ISSUED}",
        f"In ra khác đi vì đã sửa tệp mà văn bản này lấy nội dung: {decision} ({PLAN})"]


def test_a_plan_with_its_tasks_in_an_appendix_table(work):
    """The Quảng Trạch plan prints its tasks as appendix rows: a row's cell changes, named by
    the row, in the diff, the bảng so sánh and the tracked document."""
    for folder, timeline in (("plans/qt/cu", "tháng 10"), ("plans/qt/moi", "tháng 11")):
        (work / folder).mkdir(parents=True)
        plan = (ROOT / "plans/quang-trach/2025" / PLAN).read_text(encoding="utf-8")
        assert "Tháng 5, tháng 10 năm 2025" in plan
        (work / folder / PLAN).write_text(
            plan.replace("Tháng 5, tháng 10 năm", f"Tháng 5, {timeline} năm"), encoding="utf-8")
        shutil.copy(ROOT / "plans/quang-binh/2025" / DECISION, work / folder / DECISION)
    old, new = f"plans/qt/cu/{DECISION}", f"plans/qt/moi/{DECISION}"
    assert run("diff", old, new).output.splitlines()[1] == (
        "  3 [Kế hoạch kèm theo, phụ lục I.3] Thời gian thực hiện: Tháng 5, tháng 10 năm 2025 "
        "→ Tháng 5, tháng 11 năm 2025")
    result = run("compare", "--tracked", "--author", "T", "--date", "2025-02-01", old, new,
                 "-o", "qt.docx")
    assert result.output == "Đã ghi qt.docx (2 chỗ sửa).\n"
    assert tracked_words(work / "qt.docx") == (["10"], ["11"])


def test_a_reason_is_given_by_the_name_diff_prints(work, tmp_path):
    reasons = tmp_path / "ly-do.yaml"
    reasons.write_text("Kế hoạch kèm theo, II.2: Theo góp ý của Sở Tài chính\n", encoding="utf-8")
    out = tmp_path / "bang.docx"
    result = run("compare", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "-o", str(out),
                 "--reasons", str(reasons))
    assert result.exit_code == 0 and "reasons.unknown-ref" not in result.output, result.output
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    grid = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    row = grid.findall(f"{W}tr")[-1]
    assert [cell_marks(tc) for tc in row.findall(f"{W}tc")][-1] == ["Theo góp ý của Sở Tài chính"]


def test_blocks_are_named_by_their_printed_numbers():
    """Read from printed paragraphs alone: parts, sections, numbered lines, a task's lines
    folded into its fields, "-" lines."""
    from vanban.compose.attach import Attached
    from vanban.compose.document import Para
    from vanban.contract import Kind
    from vanban.review.attached import attached_nodes

    body = (Para(Kind.DOAN, "Mở đầu."), Para(Kind.PHAN, "Phần I"), Para(Kind.TEN_PHAN, "A"),
            Para(Kind.MUC, "MỤC ĐÍCH", "I."), Para(Kind.KHOAN, "Tập huấn", "1."),
            Para(Kind.DOAN, "Đơn vị chủ trì: Sở Tư pháp."),
            Para(Kind.DOAN, "Thời gian thực hiện: Quý II."), Para(Kind.GACH, "Một dòng", "-"),
            Para(Kind.PHAN, "Phần II"), Para(Kind.TEN_PHAN, "B"),
            Para(Kind.MUC, "NỘI DUNG", "I."), Para(Kind.KHOAN2, "Con", "1.1."),
            Para(Kind.DOAN, "Sản phẩm: không là dòng của nhiệm vụ./."))
    nodes = attached_nodes(Attached((), (), "KẾ HOẠCH", "Tên", "", body), 1, "KH")
    assert [(n.kind, n.address, n.parent, n.fields) for n in nodes] == [
        ("title", "KH, trích yếu", None, {}), ("intro", "KH, mở đầu 1", None, {}),
        ("part", "KH, Phần I", None, {}), ("section", "KH, Phần I, I", 2, {}),
        ("task", "KH, Phần I, I.1", 3, {"lead": "Sở Tư pháp", "timeline": "Quý II"}),
        ("bullet", "KH, Phần I, I.1, gạch đầu dòng thứ 1", 4, {}), ("part", "KH, Phần II", None, {}),
        ("section", "KH, Phần II, I", 6, {}), ("item", "KH, Phần II, I.1.1", 7, {}),
        ("paragraph", "KH, Phần II, I.1.1, đoạn 1", 8, {})]
    assert nodes[-1].text == "Sản phẩm: không là dòng của nhiệm vụ."


def test_the_plans_title_is_compared_and_marked(work):
    _copy(work, "plans/quang-binh/tt", [("\n  Triển khai thực hiện Đề án “Củng cố",
                                                  "\n  Tổ chức triển khai thực hiện Đề án “Củng cố")])
    old, new = f"{OLD}/{DECISION}", f"plans/quang-binh/tt/{DECISION}"
    assert run("diff", old, new).output.splitlines()[1] == (
        "  [Kế hoạch kèm theo, trích yếu] Sửa câu chữ (trích yếu): [-Triển-]{+Tổ chức triển+} "
        "khai thực hiện Đề án “Củng cố, kiện toàn và nâng cao năng lực đội ngũ hòa giải viên ở "
        "cơ sở trên địa bàn tỉnh Quảng Bình giai đoạn 2021-2025” năm 2025")
    result = run("compare", "--tracked", "--author", "T", "--date", "2025-02-01", old, new,
                 "-o", "tt.docx")
    assert result.output == "Đã ghi tt.docx (2 chỗ sửa).\n"
    assert tracked_words(work / "tt.docx") == (["Triển"], ["Tổ chức triển"])


def test_moves_in_the_decision_and_in_its_plan_have_names_of_their_own(work):
    """An article moved in the Quyết định and tasks moved in the plan it issues: every move of
    the file has a name of its own (Word pairs a moved-away text with its new place by the
    name; each part numbered its moves from move1), and Accept All gives the new document."""
    from vanban.ooxml.tracked import resolve
    from vanban.review.words import text_key

    article = "  - article: Quyết định này có hiệu lực kể từ ngày ký.\n"
    task = "      - task: >-\n          Tổ chức tập huấn, bồi dưỡng"
    after = "      - task: >-\n          Chỉ đạo, hướng dẫn xây dựng"
    end = "      - item: >-\n          Ứng dụng công nghệ"
    for folder in ("plans/mv/cu", "plans/mv/moi"):
        (work / folder).mkdir(parents=True)
        plan = (ROOT / "plans/quang-binh/2025" / PLAN).read_text(encoding="utf-8")
        decision = (ROOT / "plans/quang-binh/2025" / DECISION).read_text(encoding="utf-8")
        if folder.endswith("moi"):  # tap-huan after mo-hinh-dien-hinh; Điều 2 last
            a, b, c = plan.index(task), plan.index(after), plan.index(end)
            plan = plan[:a] + plan[b:c] + plan[a:b] + plan[c:]
            i, j = decision.index(article), decision.index("attachment:")
            decision = decision[:i] + decision[i + len(article):j] + article + decision[j:]
        (work / folder / PLAN).write_text(plan, encoding="utf-8")
        (work / folder / DECISION).write_text(decision, encoding="utf-8")
    old, new = f"plans/mv/cu/{DECISION}", f"plans/mv/moi/{DECISION}"
    result = run("compare", "--tracked", "--author", "T", "--date", "2025-02-01", old, new,
                 "-o", "mv.docx")
    assert result.exit_code == 0, result.output
    data = (work / "mv.docx").read_bytes()
    root = etree.fromstring(zipfile.ZipFile(work / "mv.docx").read("word/document.xml"))
    names = [[m.get(f"{W}name") for m in root.iter(f"{W}{kind}RangeStart")]
             for kind in ("moveFrom", "moveTo")]
    assert len(names[0]) > 4  # the article's move and the plan's
    assert sorted(names[0]) == sorted(names[1]) == sorted(set(names[0]))
    assert run("build", new, "--out", "mv-out").exit_code == 0
    built = next((work / "mv-out").rglob(DECISION.replace(".yaml", ".docx"))).read_bytes()
    assert [text_key(x) for x in resolve(data, accept=True)] == [
        text_key(x) for x in resolve(built, accept=True)]

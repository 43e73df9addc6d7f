"""Three rounds of comments on Hà Tĩnh's 2026 plan, reviewed with the bảng so sánh and
``vanban diff`` as a Trưởng phòng reads them: a task moved while it was reworded, a task moved
in the plan a decision issues."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.unit.review.marks import comparison_rows

from vanban.cli import main
from vanban.review.words import text_key

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

REGISTRY = """\
units:
  ubnd-tinh:
    name: Ủy ban nhân dân tỉnh Hà Tĩnh
    short: UBND tỉnh
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH HÀ TĨNH]
    place: Hà Tĩnh
    collective: true
  so-tu-phap: {name: Sở Tư pháp, abbr: STP}
  so-van-hoa: {name: "Sở Văn hóa, Thể thao và Du lịch"}
  bao-ha-tinh: {name: "Báo và Phát thanh, Truyền hình Hà Tĩnh"}
  ubnd-cap-xa: {name: "Ủy ban nhân dân các xã, phường"}
signers:
  nguyen-van-an: {name: Nguyễn Văn An, position: PHÓ CHỦ TỊCH, unit: ubnd-tinh}
"""

HEAD = """\
issuer: ubnd-tinh
number: null
year: 2026
title: Triển khai công tác hòa giải ở cơ sở trên địa bàn tỉnh năm 2026
sections:
  - title: NỘI DUNG, TIẾN ĐỘ THỰC HIỆN
    content:
"""

TAIL = """\
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH,
            signer: nguyen-van-an}
"""


def task(tid: str, text: str, lead: str, indent: int = 6) -> str:
    pad = " " * indent
    return (f"{pad}- task: {text}\n{pad}  id: {tid}\n{pad}  lead: {lead}\n"
            f"{pad}  timeline: năm 2026\n")


ROUND_0 = HEAD + "".join([
    task("kien-toan", "Rà soát, kiện toàn tổ hòa giải", "ubnd-cap-xa"),
    task("tap-huan", "Tổ chức tập huấn kỹ năng hòa giải cho hòa giải viên", "so-tu-phap"),
    task("tuyen-truyen", "Tuyên truyền về hòa giải ở cơ sở", "bao-ha-tinh"),
]) + TAIL

# Round 1: the tasks grouped under two numbered items; while moving, "tap-huan" is reworded
# and "tuyen-truyen" gets another lead unit.
ROUND_1 = HEAD + (
    "      - item: Kiện toàn, nâng cao năng lực hòa giải viên\n        content:\n"
    + task("kien-toan", "Rà soát, kiện toàn tổ hòa giải", "ubnd-cap-xa", 10)
    + task("tap-huan", "Tổ chức tập huấn kiến thức pháp luật mới, kỹ năng hòa giải cho hòa "
           "giải viên", "so-tu-phap", 10)
    + "      - item: Truyền thông về hòa giải ở cơ sở\n        content:\n"
    + task("tuyen-truyen", "Tuyên truyền về hòa giải ở cơ sở", "so-van-hoa", 10)) + TAIL


def _workspace(root: Path, old: str, new: str) -> tuple[Path, Path]:
    shared = root / "plans" / "_shared"
    shared.mkdir(parents=True)
    (shared / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    folder = root / "plans" / "2026"
    folder.mkdir()
    (folder / "cu.yaml").write_text(old, encoding="utf-8")
    (folder / "moi.yaml").write_text(new, encoding="utf-8")
    return folder / "cu.yaml", folder / "moi.yaml"


def _cells(path: Path) -> list[list[tuple[str, list[str], list[str]]]]:
    """Each body row of the bảng so sánh: per cell its text, struck and inserted runs."""
    return comparison_rows(path)[1][1:]


@pytest.fixture()
def round_1(tmp_path) -> list:
    old, new = _workspace(tmp_path, ROUND_0, ROUND_1)
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return _cells(out)


def test_a_task_reworded_while_it_moved_has_its_words_marked(round_1):
    """The row of a moved task said only "(chuyển vị trí)": the words added while it moved,
    and its new lead unit, were printed plain, so the leader could not see them."""
    rows = {r[2][0].split(".", 2)[-1].split("Đơn vị")[0].strip(): r for r in round_1}
    moved = rows["Tổ chức tập huấn kiến thức pháp luật mới, kỹ năng hòa giải cho hòa giải viên"]
    assert "(chuyển vị trí)" in moved[2][0]
    assert moved[2][2] == ["kiến thức pháp luật mới,"]
    lead = rows["Tuyên truyền về hòa giải ở cơ sở"]
    assert "(chuyển vị trí)" in lead[2][0]
    assert lead[1][1] == ["Báo và Phát thanh, Truyền hình Hà Tĩnh"]
    assert lead[2][2] == ["Sở Văn hóa, Thể thao và Du lịch"]
    # A task only moved has nothing marked.
    only_moved = rows["Rà soát, kiện toàn tổ hòa giải"]
    assert "(chuyển vị trí)" in only_moved[2][0]
    assert only_moved[1][1] == [] and only_moved[2][2] == []



def test_the_tracked_docx_shows_a_task_moved_as_moved_with_its_new_words_inserted(tmp_path):
    """The tracked DOCX put a moved task back deleted at its old place and inserted it whole
    at its new one: the words added while it moved were lost among the rest. Word's move
    markup shows it moved (green), only the new words inserted; Accept All and Reject All
    still give the new and the old document, and the file stays valid OOXML."""
    from openxml_audit import OpenXmlValidator

    from vanban.ooxml.tracked import resolve, revisions

    old, new = _workspace(tmp_path, ROUND_0, ROUND_1)
    out = tmp_path / "theo-doi.docx"
    result = CliRunner().invoke(main, ["compare", "--tracked", str(old), str(new), "-o", str(out),
                                       "--author", "A", "--date", "2026-02-01"])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    found = revisions(data)
    moved_away = [t for k, t in found if k == "moveFrom"]
    moved_here = [t for k, t in found if k == "moveTo"]
    inserted = [t for k, t in found if k == "ins"]
    assert any("Tổ chức tập huấn kỹ năng hòa giải cho hòa giải viên" in t for t in moved_away)
    assert " kiến thức pháp luật mới," in inserted  # the words added while it moved
    assert not any("kiến thức pháp luật mới" in t for t in moved_here + moved_away)
    assert not any("Tổ chức tập huấn" in t for k, t in found if k in ("del", "ins"))
    for side, yaml_file in ((True, new), (False, old)):
        made = tmp_path / f"{side}.docx"
        assert CliRunner().invoke(main, ["build", str(yaml_file), "--out", str(made.parent / (
            "moi" if side else "cu"))]).exit_code == 0
        built = next((made.parent / ("moi" if side else "cu")).rglob("*.docx")).read_bytes()
        assert [text_key(x) for x in resolve(data, accept=side)] == [
            text_key(x) for x in resolve(built, accept=True)], side
    validated = OpenXmlValidator().validate(str(out))
    assert [str(e) for e in validated.errors] == []
    # vanban text (the git diff driver) reads text moved away as struck, moved here as added.
    shown = CliRunner().invoke(main, ["text", str(out)]).output
    assert "[-2. Tổ chức tập huấn kỹ năng hòa giải cho hòa giải viên-]" in shown, shown

DECISION = """\
type: quyet-dinh
issuer: ubnd-tinh
number: null
year: 2026
title: Ban hành Kế hoạch triển khai công tác hòa giải ở cơ sở năm 2026
authority_line: ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
can_cu:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025
articles:
  - article: Ban hành kèm theo Quyết định này Kế hoạch.
  - article: Quyết định này có hiệu lực kể từ ngày ký.
attachment: {plan: ke-hoach.yaml}
""" + TAIL

# Round 2: "kien-toan" moved from item 1 to the end of item 2.
ROUND_2 = HEAD + (
    "      - item: Kiện toàn, nâng cao năng lực hòa giải viên\n        content:\n"
    + task("tap-huan", "Tổ chức tập huấn kiến thức pháp luật mới, kỹ năng hòa giải cho hòa "
           "giải viên", "so-tu-phap", 10)
    + "      - item: Truyền thông về hòa giải ở cơ sở\n        content:\n"
    + task("tuyen-truyen", "Tuyên truyền về hòa giải ở cơ sở", "so-van-hoa", 10)
    + task("kien-toan", "Rà soát, kiện toàn tổ hòa giải", "ubnd-cap-xa", 10)) + TAIL


def test_a_task_moved_in_the_plan_a_decision_issues_is_found_moved(tmp_path):
    """The plan's own diff finds the task moved (by its id); the decision's diff read the
    printed plan, without ids, and said the task was removed at 1.1. and added at 2.2."""
    old, new = _decisions(tmp_path, ROUND_1, ROUND_2)
    result = CliRunner().invoke(main, ["diff", old, new])
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines()[1:]]
    assert lines[0] == ("2.2. [Kế hoạch kèm theo, I.2.2] Chuyển chỗ nhiệm vụ: 1.1. → 2.2.: "
                        "Rà soát, kiện toàn tổ hòa giải")
    assert not any("Bỏ nhiệm vụ" in line or "Thêm nhiệm vụ" in line for line in lines), lines


BUDGET = """\
  - title: KINH PHÍ THỰC HIỆN
    content:
      - Kinh phí từ ngân sách nhà nước.
"""
TABLE = """\
      - table:
          - {title: STT, width: 15, align: center}
          - Nội dung
          - {title: Kinh phí (triệu đồng), width: 45, align: center}
        rows:
          - [1, Tập huấn hòa giải viên, 120]
          - [{text: Cộng, cols: 2}, 120]
"""


def test_a_table_added_whole_is_shown_a_row_a_line(tmp_path):
    """The row of an added table held its header and rows run into one line ("STT | Nội dung
    | Kinh phí (triệu đồng) / 1 | Tập huấn hòa giải viên | 120 / Cộng | 120"): the leader
    could not read the figures."""
    old_text = ROUND_0.replace("recipients:", BUDGET + "recipients:")
    old, new = _workspace(tmp_path, old_text, old_text.replace(BUDGET, BUDGET + TABLE))
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    table = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    [row] = table.findall(f"{W}tr")[1:]
    new_cell = row.findall(f"{W}tc")[2]
    lines = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in new_cell.findall(f"{W}p")]
    assert lines == ["Mục II, bảng 1: STT | Nội dung | Kinh phí (triệu đồng)",
                     "1 | Tập huấn hòa giải viên | 120", "Cộng | 120", "(bổ sung mới)"]
    # The table's name is where it is, not an inserted word.
    assert _cells(out)[0][2][2] == ["STT | Nội dung | Kinh phí (triệu đồng)",
                                    "1 | Tập huấn hòa giải viên | 120", "Cộng | 120"]


def test_a_decisions_table_takes_the_reasons_written_beside_its_plan(tmp_path):
    """The reviewer writes the round's reasons once, beside the plan, by task id; the bảng so
    sánh of the decision (what the leader signs) had an empty "Lý do" column. A task removed
    from II.2.2 and one moved to II.2.2 share that printed name, not their reasons."""
    hoi_thi = task("hoi-thi", "Tổ chức Hội thi hòa giải viên giỏi cấp tỉnh", "so-tu-phap", 10)
    old_plan = ROUND_1.replace(TAIL, hoi_thi + TAIL)
    old, new = _decisions(tmp_path, old_plan, ROUND_2)
    (tmp_path / "plans" / "moi" / "ke-hoach.ly-do.yaml").write_text(
        "kien-toan: Chuyển sang nhóm truyền thông theo góp ý của Văn phòng.\n"
        "hoi-thi: Bộ Tư pháp tổ chức Hội thi toàn quốc.\n", encoding="utf-8")
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", old, new, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Lý do, giải trình lấy từ " in result.output and "ke-hoach.ly-do.yaml" in result.output
    rows = [(r[1][0][:30], r[2][0][-15:], r[3][0]) for r in _cells(out)]
    assert rows == [
        ("Kế hoạch kèm theo, I.1.1: Rà s", "(chuyển vị trí)",
         "Chuyển sang nhóm truyền thông theo góp ý của Văn phòng."),
        ("Kế hoạch kèm theo, I.2.2: Tổ c", "(bỏ)", "Bộ Tư pháp tổ chức Hội thi toàn quốc."),
    ]


def test_a_task_reworded_as_it_moved_in_a_decisions_plan_is_one_task(tmp_path):
    """A task of the attached plan reworded while another moved past it was "Bỏ nhiệm vụ" at
    its old place and "Thêm nhiệm vụ" at the new one, and its item with it (round 2 of Hà
    Tĩnh: the handbook task moved from item 1 to item 2, the contest task removed, the
    communication task reworded)."""
    so_tay = task("so-tay", "Biên soạn sổ tay hòa giải viên", "so-tu-phap", 10)
    hoi_thi = task("hoi-thi", "Tổ chức Hội thi hòa giải viên giỏi cấp tỉnh", "so-tu-phap", 10)
    item2 = "      - item: Truyền thông về hòa giải ở cơ sở\n"
    old_plan = ROUND_1.replace(item2, so_tay + item2).replace(TAIL, hoi_thi + TAIL)
    new_plan = ROUND_1.replace(TAIL, so_tay + TAIL).replace(
        "Tuyên truyền về hòa giải", "Tuyên truyền, phổ biến về hòa giải")
    old, new = _decisions(tmp_path, old_plan, new_plan)
    result = CliRunner().invoke(main, ["diff", old, new])
    assert result.exit_code == 1, result.output
    assert [line.strip() for line in result.output.splitlines()[1:-1]] == [
        ("2.1. [Kế hoạch kèm theo, I.2.1] Sửa câu chữ (nhiệm vụ): Tuyên truyền{+, phổ biến+} "
         "về hòa giải ở cơ sở"),
        ("2.2. [Kế hoạch kèm theo, I.2.2] Chuyển chỗ nhiệm vụ: 1.3. → 2.2.: Biên soạn sổ tay "
         "hòa giải viên"),
        ("2.2. [Kế hoạch kèm theo, I.2.2] Bỏ nhiệm vụ: Tổ chức Hội thi hòa giải viên giỏi cấp "
         "tỉnh (Đơn vị chủ trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)")]


def test_a_decisions_reasons_taken_from_its_plan_are_checked_for_staleness(tmp_path,
                                                                         monkeypatch):
    """The plan's reasons file, unchanged since the old revision, was written for an earlier
    round: the decision's table warns as the plan's own does ([reasons.unchanged])."""
    import subprocess

    shared = tmp_path / "plans" / "_shared"
    shared.mkdir(parents=True)
    (shared / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    folder = tmp_path / "plans" / "2026"
    folder.mkdir()
    (folder / "ke-hoach.yaml").write_text(ROUND_1, encoding="utf-8")
    (folder / "quyet-dinh.yaml").write_text(DECISION, encoding="utf-8")
    (folder / "ke-hoach.ly-do.yaml").write_text("kien-toan: Theo góp ý vòng 1.\n",
                                                encoding="utf-8")
    git = ["git", "-c", "user.name=Văn thư", "-c", "user.email=vt@example.vn"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Vòng 1"], cwd=tmp_path, check=True)
    (folder / "ke-hoach.yaml").write_text(ROUND_2, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["compare", "HEAD:plans/2026/quyet-dinh.yaml",
                                       "plans/2026/quyet-dinh.yaml", "-o", "bang.docx"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "plans/2026/ke-hoach.ly-do.yaml: cảnh báo [reasons.unchanged] Tệp lý do không đổi so "
        "với phiên bản cũ (HEAD)"), result.output


def test_compare_to_a_pdf_name_is_a_usage_error(tmp_path):
    """"-o bang-so-sanh.pdf" wrote a DOCX under a .pdf name (no PDF reader opens it)."""
    old, new = _workspace(tmp_path, ROUND_0, ROUND_1)
    out = tmp_path / "bang-so-sanh.pdf"
    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)])
    assert result.exit_code == 2
    assert "tệp kết quả là tệp Word, tên phải có đuôi .docx" in result.output
    assert not out.exists()


def test_where_a_block_of_a_decisions_plan_is_is_not_marked_as_inserted(tmp_path):
    """A section added to the plan a decision issues: "Kế hoạch kèm theo, II: " says where it
    is; it was bold-underlined with the section's title, as if those words were added."""
    section = ("  - title: CHẾ ĐỘ BÁO CÁO\n    content:\n"
               "      - Các xã, phường báo cáo trước ngày 05 tháng 12 năm 2026.\n")
    old, new = _decisions(tmp_path, ROUND_1, ROUND_1.replace(TAIL, section + TAIL))
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", old, new, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = _cells(out)
    assert [(r[2][0], r[2][2]) for r in rows] == [
        ("Kế hoạch kèm theo, II: CHẾ ĐỘ BÁO CÁO(bổ sung mới)", ["CHẾ ĐỘ BÁO CÁO"]),
        (("Kế hoạch kèm theo, Mục II, đoạn 1: Các xã, phường báo cáo trước ngày 05 tháng 12 "
         "năm 2026.(bổ sung mới)"),
         ["Các xã, phường báo cáo trước ngày 05 tháng 12 năm 2026."])]


def test_two_tasks_alike_with_their_own_ids_are_one_removed_and_one_added(tmp_path):
    """A task removed from item 1 and another, alike but for its commune, added to item 2 are
    two tasks (their ids differ): the pairing of a block moved and reworded took them for one
    task moved, so the plan's own diff said "Chuyển chỗ" and hid the removal."""
    xa_a = task("xa-cam-xuyen", "Tập huấn cho hòa giải viên xã Cẩm Xuyên", "so-tu-phap", 10)
    xa_b = task("xa-cam-binh", "Tập huấn cho hòa giải viên xã Cẩm Bình", "so-tu-phap", 10)
    item2 = "      - item: Truyền thông về hòa giải ở cơ sở\n"
    old, new = _workspace(tmp_path, ROUND_1.replace(item2, xa_a + item2),
                          ROUND_1.replace(TAIL, xa_b + TAIL))
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 1, result.output
    assert [line.strip() for line in result.output.splitlines()[2:]] == [
        ("1.3. [xa-cam-xuyen] Bỏ nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Xuyên (Đơn vị chủ "
         "trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)"),
        ("2.2. [xa-cam-binh] Thêm nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Bình (Đơn vị chủ "
         "trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)")]


def test_a_plans_reasons_are_not_carried_to_a_change_of_the_decision_itself(tmp_path):
    """The reasons beside the plan are for the plan's blocks: an article of the decision
    reworded prints at the same place in the decision's body as section I in the plan's, and
    must not take the reason written for section I."""
    reworded = DECISION.replace("Ban hành kèm theo Quyết định này Kế hoạch.",
                                "Ban hành kèm theo Quyết định này Kế hoạch năm 2026.")
    old, new = _decisions(tmp_path, ROUND_1, ROUND_1, DECISION, reworded)
    (tmp_path / "plans" / "moi" / "ke-hoach.ly-do.yaml").write_text(
        "I: Sắp xếp lại nội dung.\n", encoding="utf-8")
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", old, new, "-o", str(out)])
    assert result.exit_code == 0, result.output
    [row] = _cells(out)
    assert row[2][2] == ["năm 2026"] and row[3][0] == "", row


def test_two_tasks_alike_in_a_decisions_plan_are_one_removed_and_one_added(tmp_path):
    """The plan a decision issues prints its tasks without their ids: a task removed from
    item 1 and another, alike but for its commune, added to item 2 were one task "(chuyển vị
    trí)" in the decision's diff and bảng so sánh, with the removed task's reason, and the
    added task's reason was lost."""
    xa_a = task("xa-cam-xuyen", "Tập huấn cho hòa giải viên xã Cẩm Xuyên", "so-tu-phap", 10)
    xa_b = task("xa-cam-binh", "Tập huấn cho hòa giải viên xã Cẩm Bình", "so-tu-phap", 10)
    item2 = "      - item: Truyền thông về hòa giải ở cơ sở\n"
    old, new = _decisions(tmp_path, ROUND_1.replace(item2, xa_a + item2),
                          ROUND_1.replace(TAIL, xa_b + TAIL))
    (tmp_path / "plans" / "moi" / "ke-hoach.ly-do.yaml").write_text(
        "xa-cam-xuyen: Xã Cẩm Xuyên đã tập huấn năm 2025.\n"
        "xa-cam-binh: Xã Cẩm Bình mới thành lập.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", old, new])
    assert result.exit_code == 1, result.output
    assert [line.strip() for line in result.output.splitlines()[1:-1]] == [
        ("1.3. [Kế hoạch kèm theo, I.1.3] Bỏ nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Xuyên "
         "(Đơn vị chủ trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)"),
        ("2.2. [Kế hoạch kèm theo, I.2.2] Thêm nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Bình "
         "(Đơn vị chủ trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)")]
    out = tmp_path / "bang-so-sanh.docx"
    result = CliRunner().invoke(main, ["compare", old, new, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [(r[1][0][:55], r[2][0][:55], r[2][0].endswith(("(bỏ)", "(bổ sung mới)")),
             r[3][0]) for r in _cells(out)]
    assert rows == [
        ("Kế hoạch kèm theo, I.1.3: Tập huấn cho hòa giải viên xã", "(bỏ)", True,
         "Xã Cẩm Xuyên đã tập huấn năm 2025."),
        ("", "Kế hoạch kèm theo, I.2.2: Tập huấn cho hòa giải viên xã", True,
         "Xã Cẩm Bình mới thành lập."),
    ], rows


def _decisions(tmp_path: Path, old_plan: str, new_plan: str, old_decision: str = DECISION,
               new_decision: str = DECISION) -> tuple[str, str]:
    """A decision beside the plan it issues, in two versions (plans/cu, plans/moi, with one
    registry): the old and the new decision's file."""
    shared = tmp_path / "plans" / "_shared"
    shared.mkdir(parents=True)
    (shared / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    for name, plan, decision in (("cu", old_plan, old_decision),
                                 ("moi", new_plan, new_decision)):
        folder = tmp_path / "plans" / name
        folder.mkdir()
        (folder / "ke-hoach.yaml").write_text(plan, encoding="utf-8")
        (folder / "quyet-dinh.yaml").write_text(decision, encoding="utf-8")
    old, new = (str(tmp_path / "plans" / n / "quyet-dinh.yaml") for n in ("cu", "moi"))
    return old, new


def test_a_task_of_a_decisions_plan_rewritten_as_it_moved_is_one_task_by_its_id(tmp_path):
    """Its wording too far from the old one for a block without id to be found moved, the
    task keeps its id in the plan the decision issues: moved and reworded, not removed at 1.1.
    and another added at 2.2."""
    rewritten = "Củng cố, kiện toàn, nâng cao chất lượng hoạt động các tổ hòa giải ở thôn"
    old, new = _decisions(tmp_path, ROUND_1, ROUND_2.replace(
        "Rà soát, kiện toàn tổ hòa giải", rewritten))
    result = CliRunner().invoke(main, ["diff", old, new])
    assert result.exit_code == 1, result.output
    lines = [line.strip() for line in result.output.splitlines()[1:-1]]
    assert lines[0] == ("2.2. [Kế hoạch kèm theo, I.2.2] Chuyển chỗ nhiệm vụ: 1.1. → 2.2.: "
                        + rewritten)
    assert lines[1].startswith("2.2. [Kế hoạch kèm theo, I.2.2] Sửa câu chữ (nhiệm vụ): "), lines
    assert not any("Bỏ nhiệm vụ" in line or "Thêm nhiệm vụ" in line for line in lines), lines


def test_a_decisions_plan_reasons_are_found_by_id_without_the_plans_outline(tmp_path):
    """A task of the copy is named by its id for the plan's reasons file, as the plan's own
    comparison names it, even where the plan's own outline of that side was not read."""
    from vanban.review.carried import carried_reasons
    from vanban.review.sides import compare_sides
    from vanban.review_inputs import load_side

    xa_a = task("xa-cam-xuyen", "Tập huấn cho hòa giải viên xã Cẩm Xuyên", "so-tu-phap", 10)
    xa_b = task("xa-cam-binh", "Tập huấn cho hòa giải viên xã Cẩm Bình", "so-tu-phap", 10)
    item2 = "      - item: Truyền thông về hòa giải ở cơ sở\n"
    old, new = _decisions(tmp_path, ROUND_1.replace(item2, xa_a + item2),
                          ROUND_1.replace(TAIL, xa_b + TAIL))
    [(_, _, diff)] = compare_sides(load_side(old, "old"), load_side(new, "new")).plans
    reasons = {"xa-cam-xuyen": "Đã tập huấn.", "xa-cam-binh": "Xã mới."}
    carried = carried_reasons(diff, (None, None), reasons)
    assert sorted(carried.values()) == ["Xã mới.", "Đã tập huấn."]
    assert [carried[c.nodes] for c in diff.changes] == ["Đã tập huấn.", "Xã mới."]


def test_a_task_replaced_in_its_place_by_another_with_its_own_id_is_removed_and_added(tmp_path):
    """Task "xa-cam-xuyen" replaced, at the same place, by "xa-cam-binh": the summary said one
    added and one removed, the lines one task reworded (with the new task's id, so the removed
    task's reason was not asked for); the decision's diff said the same."""
    xa_a = task("xa-cam-xuyen", "Tập huấn cho hòa giải viên xã Cẩm Xuyên", "so-tu-phap", 10)
    xa_b = task("xa-cam-binh", "Tập huấn cho hòa giải viên xã Cẩm Bình", "so-tu-phap", 10)
    old, new = _decisions(tmp_path, ROUND_1.replace(TAIL, xa_a + TAIL),
                          ROUND_1.replace(TAIL, xa_b + TAIL))
    lines = {}
    for name in ("ke-hoach", "quyet-dinh"):
        result = CliRunner().invoke(main, ["diff", old.replace("quyet-dinh", name),
                                           new.replace("quyet-dinh", name)])
        assert result.exit_code == 1, result.output
        lines[name] = [line.strip() for line in result.output.splitlines()[1:]]
    fields = "(Đơn vị chủ trì: Sở Tư pháp; Thời gian thực hiện: năm 2026)"
    what = (f"Bỏ nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Xuyên {fields}",
            f"Thêm nhiệm vụ: Tập huấn cho hòa giải viên xã Cẩm Bình {fields}")
    assert lines["ke-hoach"] == ["Theo mã (nhiệm vụ, chỉ tiêu): thêm 1, bỏ 1, sửa 0.",
                                 f"2.2. [xa-cam-xuyen] {what[0]}", f"2.2. [xa-cam-binh] {what[1]}"]
    assert lines["quyet-dinh"][:2] == [f"2.2. [Kế hoạch kèm theo, I.2.2] {x}" for x in what]

"""A plan issued by a Quyết định keeps ``number: null`` in its own file: the report names it
through the decision ("Kế hoạch ban hành kèm theo Quyết định số 45/QĐ-UBND ngày …"), whether
``plan:`` names the decision or the plan; a plan with no number that nothing issues is warned
of at the ``plan:`` line. The issuer's place is not said twice when the trích yếu names it."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import GOOD_ROWS, HEADER, error_lines, run, write_report

from vanban.report.load import load_report
from vanban.report.seam import without_place
from vanban.review.projection import project
from vanban.source.loader import load_file

R = "plans/quang-binh/2024"
SUBJECT = ("triển khai thực hiện Đề án “Củng cố, kiện toàn và nâng cao năng lực đội ngũ hòa giải "
           "viên ở cơ sở trên địa bàn tỉnh Quảng Bình giai đoạn 2021-2025” năm 2024")
THROUGH = ("Kế hoạch ban hành kèm theo Quyết định số 45/QĐ-UBND ngày 15/01/2024 của Ủy ban nhân "
           f"dân tỉnh về {SUBJECT}")

DECISION = """\
type: quyet-dinh
issuer: ubnd-quang-binh
number: {number}
date: 2024-01-15
title: Ban hành Kế hoạch triển khai thực hiện Đề án năm 2024
authority_line: ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
can_cu: [Căn cứ Luật Hòa giải ở cơ sở ngày 20 tháng 6 năm 2013]
articles:
  - article: Ban hành kèm theo Quyết định này Kế hoạch triển khai thực hiện Đề án năm 2024.
  - article: Quyết định này có hiệu lực kể từ ngày ký.
attachment: {{plan: {plan}}}
recipients: [Bộ Tư pháp]
archive: {{unit: NC}}
signature: {{on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH,
            position: PHÓ CHỦ TỊCH, signer: Nguyễn Văn A}}
"""


def _unnumbered(folder, decision: bool = True, number: str = "45",
                attached: str = "ke-hoach-hoa-giai.yaml") -> None:
    """The 2024 plan without its number and date, issued by qd.yaml (when ``decision``)."""
    plan = folder / "ke-hoach-hoa-giai.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("number: 87 ", "number: null").replace(
        "date: 2024-01-16", "year: 2024      "), encoding="utf-8")
    if decision:
        (folder / "qd.yaml").write_text(DECISION.format(number=number, plan=attached),
                                        encoding="utf-8")
    (folder / "so-lieu.csv").write_text(HEADER + "\n" + GOOD_ROWS, encoding="utf-8")


@pytest.mark.parametrize("plan", ["qd.yaml", "ke-hoach-hoa-giai.yaml", "ke-hoach-hoa-giai"],
                         ids=["decision", "plan-file", "plan-id"])
def test_a_plan_issued_by_a_decision_is_named_through_it(workspace, plan):
    _unnumbered(workspace)
    write_report(workspace, plan=plan)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == []
    assert result.stdout.splitlines()[0] == f"{R}/bc.yaml: {THROUGH}"


def test_the_built_report_opens_with_the_decision_and_depends_on_it(workspace):
    _unnumbered(workspace)
    write_report(workspace, plan="qd.yaml")
    built = run("build", f"{R}/bc.yaml", "--out", "out")
    assert built.exit_code == 0, built.stderr
    text = project(workspace.parents[2] / "out" / "quang-binh" / "2024" / "bc.docx")
    body = [line.split("> ", 1)[1] for line in text.splitlines()
            if line.startswith("¶") and "> " in line]
    assert (f"Thực hiện {THROUGH}, Sở Tư pháp báo cáo kết quả thực hiện năm 2024 (số liệu từ "
            "ngày 15/12/2023 đến ngày 14/12/2024) như sau:") in body
    files = load_report(workspace / "bc.yaml").files
    assert workspace / "qd.yaml" in files and workspace / "ke-hoach-hoa-giai.yaml" in files


def test_a_draft_decision_is_warned_of_at_the_plan_line(workspace):
    _unnumbered(workspace, number="null")
    write_report(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == [
        (f'{R}/bc.yaml:2:7: cảnh báo [report.plan-unnumbered] plan: Quyết định "{R}/qd.yaml" '
         "ban hành kế hoạch chưa có số (number: null): báo cáo sẽ nêu quyết định không có số. "
         "Ghi số, ngày của quyết định khi đã ban hành.")]


def test_an_unnumbered_plan_nothing_issues_is_warned_of_at_the_plan_line(workspace):
    _unnumbered(workspace, decision=False)
    write_report(workspace)
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == [
        (f'{R}/bc.yaml:2:7: cảnh báo [report.plan-unnumbered] plan: Kế hoạch '
         f'"{R}/ke-hoach-hoa-giai.yaml" chưa có số (number: null) và không có quyết định nào '
         "ban hành kèm theo nó trong thư mục: báo cáo sẽ nêu kế hoạch không có số, ngày. Ghi "
         "số, ngày của kế hoạch (number:, date:); hoặc, nếu kế hoạch được ban hành kèm theo "
         "quyết định, ghi plan: <tệp quyết định>.")]
    assert result.stdout.splitlines()[0] == (
        f"{R}/bc.yaml: Kế hoạch của Ủy ban nhân dân tỉnh về {SUBJECT}")


def test_a_decision_issuing_a_missing_file_is_one_error_at_the_plan_line(workspace):
    _unnumbered(workspace, attached="ke-hoach-khac.yaml")
    write_report(workspace, plan="qd.yaml")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert error_lines(result) == [
        (f'{R}/bc.yaml:2:7: lỗi [report.plan-missing] plan: Quyết định "{R}/qd.yaml" ban hành '
         'kèm theo "ke-hoach-khac.yaml", nhưng không có tệp đó (tính từ thư mục của quyết '
         "định).")]
    assert result.exit_code == 1


def test_init_on_the_decision_writes_the_report_of_its_plan(workspace):
    _unnumbered(workspace)
    result = run("report", "init", f"{R}/qd.yaml")
    assert result.exit_code == 0, result.stderr
    report = workspace / "bao-cao-hoa-giai.yaml"
    data = load_file(report).data
    assert data["plan"] == "qd.yaml"
    assert data["title"] == f"Kết quả thực hiện {THROUGH}"
    # Last year's report: the same file name, in the folder of the plan's year before.
    assert "# previous: ../2023/bao-cao-hoa-giai.yaml" in report.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "about", "expected"), [
    ("Ủy ban nhân dân tỉnh Quảng Trị", "hòa giải trên địa bàn tỉnh Quảng Trị năm 2026",
     "Ủy ban nhân dân tỉnh"),
    ("Ủy ban nhân dân tỉnh Quảng Trị", "phổ biến, giáo dục pháp luật năm 2026",
     "Ủy ban nhân dân tỉnh Quảng Trị"),
    ("Ủy ban nhân dân thị xã Ba Đồn", "hòa giải ở thị xã Ba Đồn", "Ủy ban nhân dân thị xã"),
    ("Ủy ban nhân dân tỉnh Quảng Trị", "hòa giải tỉnh Quảng Trịnh", "Ủy ban nhân dân tỉnh Quảng Trị"),
    ("Sở Tư pháp", "hòa giải trên địa bàn tỉnh Quảng Trị", "Sở Tư pháp"),
], ids=["place-in-subject", "not-in-subject", "thi-xa", "longer-word", "no-place"])
def test_the_issuers_place_is_said_once(name, about, expected):
    assert without_place(name, about) == expected


def test_init_names_last_years_report_by_the_plans_year(workspace):
    from tests.unit.report.test_plan_subject import PBGDPL

    (workspace / "ke-hoach-pbgdpl.yaml").write_text(PBGDPL, encoding="utf-8")
    result = run("report", "init", f"{R}/ke-hoach-pbgdpl.yaml")
    assert result.exit_code == 0, result.stderr
    lines = (workspace / "bao-cao-pbgdpl.yaml").read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if "previous:" in line] == [
        "# previous: ../2025/bao-cao-pbgdpl.yaml # báo cáo năm trước, để so sánh cùng kỳ"]


def test_the_decision_and_the_plan_are_read_once_per_report_build(workspace, opened):
    from pathlib import Path

    from vanban import batch
    from vanban.jobs import Job

    _unnumbered(workspace)
    write_report(workspace)  # plan: the plan file; the decision is found beside it
    opened.clear()
    root = workspace.parents[2]
    outcome = batch.make(Job(workspace / "bc.yaml", f"{R}/bc.yaml", Path("unused.docx")), root,
                         {})
    assert [d for d in outcome.diagnostics if d.severity.name == "ERROR"] == []
    read = {p.name: n for p, n in opened.items() if p.parent == workspace.resolve()}
    assert read == {"bc.yaml": 1, "ke-hoach-hoa-giai.yaml": 1, "qd.yaml": 1, "so-lieu.csv": 1}


def test_a_title_citing_the_plan_without_its_number_is_warned_of(workspace):
    # What report init wrote before it named a plan through its decision.
    _unnumbered(workspace)
    report = write_report(workspace)
    report.write_text(report.read_text(encoding="utf-8").replace(
        "title: Kết quả thực hiện Kế hoạch năm 2024",
        "title: Kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh Quảng Bình về hòa giải"),
        encoding="utf-8")
    result = run("report", "validate", f"{R}/bc.yaml")
    assert result.exit_code == 0, result.stderr
    assert error_lines(result) == [
        (f'{R}/bc.yaml:5:8: cảnh báo [report.title-unnumbered] title: Trích yếu nêu "Kế hoạch '
         f'của …" mà không có số, trong khi kế hoạch là "{THROUGH.split(" về ")[0]}". Ví dụ: '
         f'title: "Kết quả thực hiện {THROUGH}".')]

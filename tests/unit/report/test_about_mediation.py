"""Whether a plan is about hòa giải ở cơ sở (its report's data table is then the mediation table)
is said by its title, or by most of its tasks and targets: a Kế hoạch phổ biến, giáo dục pháp
luật with one task "Phổ biến Luật Hòa giải ở cơ sở" got the mediation table and the rate "Tỷ lệ
hòa giải thành" from ``report init``, and no warning when its data declared no columns."""

from __future__ import annotations

import pytest
from tests.unit.report.conftest import run
from tests.unit.report.test_plan_subject import PBGDPL

from vanban.source.loader import load_file

TASK = """\
      - task: {text}
        id: {id}
        lead: so-tu-phap
        timeline: Quý III năm 2026
"""


def _plan(title: str, tasks: list[str]) -> str:
    extra = "".join(TASK.format(text=t, id=f"nv-{i}") for i, t in enumerate(tasks))
    return PBGDPL.replace("title: |-\n  Kế hoạch triển khai công tác phổ biến,\n  giáo dục pháp "
                          "luật năm 2026", f"title: {title}").replace(
        "recipients:", extra.rstrip("\n").join(["", "\nrecipients:"]) if extra else "recipients:")


@pytest.mark.parametrize(("title", "tasks", "mediation"), [
    ("Phổ biến, giáo dục pháp luật năm 2026",
     ["Phổ biến Luật Hòa giải ở cơ sở cho cán bộ thôn, làng"], False),
    ("Phổ biến, giáo dục pháp luật năm 2026", [], False),
    ("Triển khai công tác hòa giải ở cơ sở năm 2026", [], True),
    ("Triển khai Đề án năm 2026",
     ["Tập huấn kỹ năng hòa giải ở cơ sở", "Kiện toàn tổ hòa giải"], True),
], ids=["pbgdpl-naming-the-law", "pbgdpl", "mediation-title", "mediation-tasks"])
def test_init_reads_the_subject_of_the_plan(workspace, title, tasks, mediation):
    (workspace / "ke-hoach.yaml").write_text(_plan(title, tasks), encoding="utf-8")
    result = run("report", "init", "plans/quang-binh/2024/ke-hoach.yaml")
    assert result.exit_code == 0, result.stderr
    assert ("[report.not-mediation]" not in result.stderr) == mediation, result.stderr
    data = load_file(workspace / "bao-cao.yaml").data
    assert ("data" in data) == mediation

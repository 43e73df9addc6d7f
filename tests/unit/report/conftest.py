"""A small report workspace: the Quảng Bình registry and 2024 plan, a report and its data."""

from __future__ import annotations

import io
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[3]

HEADER = ("Đơn vị,Số tổ hòa giải,Số hòa giải viên,Số vụ việc tiếp nhận,Hòa giải thành,"
          "Hòa giải không thành,Đang giải quyết")
GOOD_ROWS = ("Đồng Hới,145,1012,98,84,9,5\n"
             "Ba Đồn,96,668,72,60,8,4\n")

REPORT = """\
type: bao-cao-ket-qua
plan: {plan}
issuer: so-tu-phap
year: 2024
title: Kết quả thực hiện Kế hoạch năm 2024
data:
  file: {data}
rates:
  - id: ty-le-hoa-giai-thanh
    name: Tỷ lệ hòa giải thành
    of: thanh
    over: tiep_nhan
tasks:
{tasks}
recipients: [Bộ Tư pháp]
archive: {{unit: PBGDPL}}
signature: {{signer: Nguyễn Văn A, position: GIÁM ĐỐC}}
"""

TASK_IDS = ("van-ban-dieu-hanh", "ra-soat-hoa-giai-vien", "tai-lieu-boi-duong", "tap-huan",
            "mo-hinh-dien-hinh", "cntt-co-so-du-lieu", "dang-tai-tai-lieu",
            "thong-tin-hai-chieu")


def all_done(extra: str = "") -> str:
    """The ``tasks:`` body with every task of the 2024 plan done (plus ``extra`` lines)."""
    return "\n".join(f"  {t}: {{status: hoàn thành}}" for t in TASK_IDS) + extra


@pytest.fixture()
def workspace(tmp_path, monkeypatch) -> Path:
    """The registry and the 2024 plan in a temporary working folder (the cwd)."""
    shutil.copytree(ROOT / "plans" / "_shared", tmp_path / "plans" / "_shared")
    shutil.copytree(ROOT / "plans" / "quang-binh" / "_shared",
                    tmp_path / "plans" / "quang-binh" / "_shared")
    year = tmp_path / "plans" / "quang-binh" / "2024"
    year.mkdir()
    shutil.copy(ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml", year)
    monkeypatch.chdir(tmp_path)
    return year


def write_report(folder: Path, data: str = "so-lieu.csv", tasks: str | None = None,
                 name: str = "bc.yaml", plan: str = "ke-hoach-hoa-giai.yaml") -> Path:
    path = folder / name
    path.write_text(REPORT.format(data=data, tasks=all_done() if tasks is None else tasks,
                                  plan=plan), encoding="utf-8")
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


STOPPED = re.compile(r"(Dừng: \d+ lỗi|Stopped: \d+ errors?); ")


def error_lines(result) -> list[str]:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.splitlines()
    if lines and STOPPED.match(lines[-1]):  # a stopped build's last line: nothing was written
        lines.pop()
    return lines


@pytest.fixture()
def opened(monkeypatch):
    """The number of times each file was opened, by its resolved path."""
    counts: Counter[Path] = Counter()
    real = io.open

    def counting(file, *args, **kwargs):
        if isinstance(file, (str, Path)):
            counts[Path(file).resolve()] += 1
        return real(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting)
    return counts


def reports_and_plans_only(folder: str, names: list[str]) -> list[str]:
    """``shutil.copytree``'s ignore: of plans/, the registries, the plans and the reports
    (the other documents left out: a build makes only what a report test reads)."""
    if "_shared" in folder:
        return []
    return [n for n in names if n.endswith(".yaml")
            and n not in ("ke-hoach-hoa-giai.yaml", "bao-cao-hoa-giai.yaml")]

"""vanban new-year names the target values it keeps as a clerk writes them: a count in the
Vietnamese way with its unit after a space ("20.000 bản", "2,5 tỷ đồng"), a percent glued ("90%").
It printed "20000bản" for the target of a Kế hoạch phổ biến, giáo dục pháp luật."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from vanban.cli import main

P2025 = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
P2026 = "plans/quang-binh/2026/ke-hoach-hoa-giai.yaml"


@pytest.mark.parametrize(("value", "unit", "shown"), [
    ("20000", "bản", "20.000 bản"),
    ("2.5", "tỷ đồng", "2,5 tỷ đồng"),
    ("1500000", "lượt người", "1.500.000 lượt người"),
    ("90", '"%"', "90%"),
], ids=["count", "decimal", "millions", "percent"])
def test_a_kept_target_value_is_written_the_vietnamese_way(example_workspace, value, unit, shown):
    plan = example_workspace / P2025
    text = plan.read_text(encoding="utf-8")
    old = "            id: ty-le-hoa-giai-thanh\n            value: 90\n            unit: \"%\"\n"
    assert old in text
    plan.write_text(text.replace(old, "            id: ty-le-hoa-giai-thanh\n"
                                      f"            value: {value}\n            unit: {unit}\n"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["new-year", P2025, "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert (f"  {P2026}:67:1: Chỉ tiêu ty-le-hoa-giai-thanh giữ giá trị {shown} của năm 2025; "
            "xem lại.") in result.output.splitlines(), result.output

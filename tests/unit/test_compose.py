"""Composition: names from the registry, computed numbers, final punctuation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vanban.compose.document import compose
from vanban.errors import VanbanError
from vanban.pipeline import load_plan
from vanban.resolve import resolve
from vanban.workspace import load_registry

REGISTRY = """\
units:
  ubnd-tinh:
    name: Ủy ban nhân dân tỉnh Quảng Bình
    short: UBND tỉnh
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG BÌNH]
    place: Quảng Bình
  so-tu-phap:
    name: Sở Tư pháp
    abbr: STP
  ubnd-huyen:
    name: Ủy ban nhân dân các huyện, thị xã, thành phố
    short: UBND các huyện, thị xã, thành phố
signers:
  ky: {name: Nguyễn Văn A, position: PHÓ CHỦ TỊCH}
"""

PLAN = """\
issuer: ubnd-tinh
number: 5
date: 2024-03-05
title: Thử nghiệm
sections:
  - title: NỘI DUNG
    content:
      - item: Nhóm
        content:
          - task: Việc một
            id: mot
            lead: Sở Tư pháp
            timeline: năm 2024
          - task: Việc hai
            id: hai
            lead: so-tu-phap
            support:
              - UBND các huyện, thị xã, thành phố
            timeline: Quý II năm 2024
      - numbered: Đoạn có số.
recipients: [Bộ Tư pháp]
archive: {unit: STP}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}
"""


def _compose(tmp_path: Path, plan: str, registry: str = REGISTRY):
    shared = tmp_path / "_shared"
    shared.mkdir(exist_ok=True)
    (shared / "don-vi.yaml").write_text(registry, encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    parsed, loaded = load_plan(path, "plan.yaml")
    return compose(resolve(parsed, load_registry([shared]), loaded))


def test_header_lines_number_and_date(tmp_path):
    doc = _compose(tmp_path, PLAN)
    assert doc.issuer_lines == ("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG BÌNH")
    assert doc.number_line == "Số: 05/KH-UBND"
    assert doc.place_date == "Quảng Bình, ngày 05 tháng 3 năm 2024"
    assert doc.signature_lines == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.signer_name == "Nguyễn Văn A"
    assert doc.recipients == ("- Bộ Tư pháp;", "- Lưu: VT, STP.")


def test_numbers_are_computed_and_follow_insertions(tmp_path):
    doc = _compose(tmp_path, PLAN)
    labels = [p.label for p in doc.body if p.label]
    assert labels == ["I.", "1.", "1.1.", "1.2.", "2."]
    inserted = PLAN.replace("      - item: Nhóm", "      - numbered: Đoạn chèn.\n      - item: Nhóm")
    doc = _compose(tmp_path, inserted)
    assert [p.full for p in doc.body if p.label][1:] == [
        "1. Đoạn chèn.", "2. Nhóm", "2.1. Việc một", "2.2. Việc hai", "3. Đoạn có số./."]


def test_units_are_named_from_the_registry(tmp_path):
    doc = _compose(tmp_path, PLAN)
    texts = [p.text for p in doc.body]
    assert "Đơn vị chủ trì: Sở Tư pháp." in texts
    assert "Đơn vị phối hợp: UBND các huyện, thị xã, thành phố." in texts
    assert "Thời gian thực hiện: Quý II năm 2024." in texts


def test_a_renamed_unit_changes_everywhere(tmp_path):
    renamed = REGISTRY.replace("name: Sở Tư pháp", "name: Sở Tư pháp mới")
    doc = _compose(tmp_path, PLAN.replace("lead: Sở Tư pháp", "lead: so-tu-phap"), renamed)
    assert sum(p.text == "Đơn vị chủ trì: Sở Tư pháp mới." for p in doc.body) == 2
    with pytest.raises(VanbanError) as info:  # the old name is now unknown, with a hint
        _compose(tmp_path, PLAN, renamed)
    assert info.value.diagnostics[0].hint == 'Có phải "Sở Tư pháp mới"?'


def test_unknown_unit_is_located_with_a_suggestion(tmp_path):
    with pytest.raises(VanbanError) as info:
        _compose(tmp_path, PLAN.replace("lead: Sở Tư pháp", "lead: Sở Tư Phap"))
    (d,) = info.value.diagnostics
    assert d.code == "task.lead-unknown"
    assert (d.span.line, d.span.col) == (12, 19)
    assert d.path == "sections[0].content[0].content[0].lead[0]"
    assert d.text() == ('plan.yaml:12:19: lỗi [task.lead-unknown] sections[0].content[0].content[0]'
                        '.lead[0]: Không có đơn vị "Sở Tư Phap" trong danh mục đơn vị. '
                        'Có phải "Sở Tư pháp"?')


def test_a_name_split_by_a_flow_list_is_explained(tmp_path):
    plan = PLAN.replace("""            support:
              - UBND các huyện, thị xã, thành phố""", """            support: [UBND các huyện, thị xã, thành phố]""")
    with pytest.raises(VanbanError) as info:
        _compose(tmp_path, plan)
    (d,) = info.value.diagnostics
    assert d.code == "unit.split-by-comma"
    assert (d.span.line, d.path) == (17, "sections[0].content[0].content[1].support[0]")
    assert "bị tách thành 3 phần" in d.message


def test_draft_has_a_blank_number(tmp_path):
    doc = _compose(tmp_path, PLAN.replace("number: 5", "number: null"))
    assert doc.number_line == "Số:      /KH-UBND"


def test_appendix_rows(tmp_path):
    plan = PLAN.replace("sections:", "tasks_display: appendix\nappendix: {title: DANH MỤC}\nsections:")
    doc = _compose(tmp_path, plan)
    assert [p.full for p in doc.body if p.label] == ["I. NỘI DUNG", "1. Đoạn có số./."]
    (appendix,) = doc.appendices
    assert [(r.label, r.content, r.group) for r in appendix.rows] == [
        ("I", "Nhóm", True), ("1", "Việc một", False), ("2", "Việc hai", False)]
    assert appendix.reference == ("(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 3 năm 2024 "
                                  "của Ủy ban nhân dân tỉnh Quảng Bình)")
    assert appendix.landscape


def test_can_cu_punctuation(tmp_path):
    plan = PLAN.replace("title: Thử nghiệm", "title: Thử nghiệm\ncan_cu: [Căn cứ A;, Căn cứ B]")
    doc = _compose(tmp_path, plan)
    assert doc.can_cu == ("Căn cứ A;", "Căn cứ B.")


PARTS = """\
issuer: ubnd-tinh
number: 12
date: 2024-01-20
title: Tổng kết năm 2023 và kế hoạch năm 2024
parts:
  - title: KẾT QUẢ THỰC HIỆN NĂM 2023
    sections:
      - title: KẾT QUẢ ĐẠT ĐƯỢC
        content: [Đã tổ chức 12 lớp tập huấn.]
      - title: TỒN TẠI, HẠN CHẾ
        content: [Một số địa phương chưa kiện toàn tổ hòa giải.]
  - title: KẾ HOẠCH NĂM 2024
    sections:
      - title: NHIỆM VỤ
        content:
          - numbered: Tiếp tục kiện toàn tổ hòa giải.
recipients: [Bộ Tư pháp]
archive: {unit: STP}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}
"""


def test_parts_restart_section_numbers(tmp_path):
    doc = _compose(tmp_path, PARTS)
    assert [(p.kind, p.full) for p in doc.body] == [
        ("phan", "Phần I"), ("ten-phan", "KẾT QUẢ THỰC HIỆN NĂM 2023"),
        ("muc", "I. KẾT QUẢ ĐẠT ĐƯỢC"), ("doan", "Đã tổ chức 12 lớp tập huấn."),
        ("muc", "II. TỒN TẠI, HẠN CHẾ"),
        ("doan", "Một số địa phương chưa kiện toàn tổ hòa giải."),
        ("phan", "Phần II"), ("ten-phan", "KẾ HOẠCH NĂM 2024"), ("muc", "I. NHIỆM VỤ"),
        ("doan-so", "1. Tiếp tục kiện toàn tổ hòa giải./.")]


def test_a_nearer_registry_wins(tmp_path):
    from vanban.workspace import shared_dirs

    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    inner = tmp_path / "tinh" / "_shared"
    inner.mkdir(parents=True)
    (inner / "don-vi.yaml").write_text("units:\n  so-tu-phap: {name: Sở Tư pháp tỉnh X, abbr: STP}\n",
                                       encoding="utf-8")
    plan = tmp_path / "tinh" / "2024" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(PLAN.replace("lead: Sở Tư pháp", "lead: so-tu-phap"), encoding="utf-8")
    folders = shared_dirs(plan)
    assert folders[:2] == [inner, tmp_path / "_shared"]
    registry = load_registry(folders)
    assert registry.unit("so-tu-phap").text == "Sở Tư pháp tỉnh X"
    assert registry.unit("ubnd-tinh").unit.abbr == "UBND"  # the outer registry still counts

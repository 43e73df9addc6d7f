"""Composition of the types beyond the Kế hoạch: a Quyết định's articles (khoản and điểm
restarting in each Điều, "- Như Điều N;"), a Công văn's code, Kính gửi and Nơi nhận, and the
located errors of a Quyết định's attachment, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban import doctypes
from vanban.cli import main
from vanban.compose.cong_van import compose_cong_van
from vanban.compose.quyet_dinh import compose_quyet_dinh
from vanban.pipeline import load_plan
from vanban.resolve import resolve
from vanban.workspace import load_registry

REGISTRY = """\
units:
  ubnd-tinh:
    name: Ủy ban nhân dân tỉnh Quảng Bình
    abbr: UBND
    header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG BÌNH]
    place: Quảng Bình
    collective: true
  so-tu-phap:
    name: Sở Tư pháp
    abbr: STP
    header: [SỞ TƯ PHÁP]
    place: Quảng Bình
    departments:
      pbgdpl: {name: "Phòng Phổ biến, giáo dục pháp luật", abbr: PBGDPL}
signers:
  ky: {name: Nguyễn Văn A, position: PHÓ CHỦ TỊCH}
"""

QD = """\
type: quyet-dinh
issuer: ubnd-tinh
number: 7
date: 2025-02-03
title: Về việc thành lập Tổ công tác
authority_line: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH
can_cu: [Căn cứ Luật Tổ chức chính quyền địa phương]
proposal: [Theo đề nghị của Giám đốc Sở Tư pháp]
articles:
  - article: Thành lập Tổ công tác gồm các ông, bà sau
    content:
      - numbered: Ông A, Giám đốc Sở Tư pháp, Tổ trưởng;
        content:
          - numbered: chủ trì các cuộc họp;
          - numbered: ký các văn bản của Tổ.
      - numbered: Bà B, Phó Giám đốc Sở Tư pháp, Tổ phó.
  - article: Tổ công tác có nhiệm vụ sau
    content:
      - numbered: Rà soát văn bản.
      - numbered: Báo cáo kết quả.
  - article: Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
    executors: true
  - article: Quyết định có hiệu lực kể từ ngày ký.
recipients: [Bộ Tư pháp]
archive: {unit: NCVX}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}
"""

CV = """\
type: cong-van
issuer: so-tu-phap
drafter: pbgdpl
number: 3
date: 2025-02-03
title: đề nghị báo cáo
kinh_gui: Ủy ban nhân dân các huyện
content:
  - Đề nghị báo cáo.
signature: {position: GIÁM ĐỐC, signer: Lê Văn C}
"""


def _resolved(tmp_path: Path, text: str):
    shared = tmp_path / "_shared"
    shared.mkdir(exist_ok=True)
    (shared / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    parsed, loaded = load_plan(path, "plan.yaml")
    return resolve(parsed, load_registry([shared]), loaded)


def test_khoan_and_diem_restart_in_each_article(tmp_path):
    doc = compose_quyet_dinh(_resolved(tmp_path, QD))
    assert [p.full for p in doc.body] == [
        "Điều 1. Thành lập Tổ công tác gồm các ông, bà sau",
        "1. Ông A, Giám đốc Sở Tư pháp, Tổ trưởng;", "a) chủ trì các cuộc họp;",
        "b) ký các văn bản của Tổ.", "2. Bà B, Phó Giám đốc Sở Tư pháp, Tổ phó.",
        "Điều 2. Tổ công tác có nhiệm vụ sau", "1. Rà soát văn bản.", "2. Báo cáo kết quả.",
        "Điều 3. Các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        "Điều 4. Quyết định có hiệu lực kể từ ngày ký./."]
    assert doc.recipients[0] == "- Như Điều 3;"  # the article marked executors, not the last
    assert doc.number_line == "Số: 07/QĐ-UBND"
    assert doc.can_cu == ("Căn cứ Luật Tổ chức chính quyền địa phương;",)
    assert doc.proposal == ("Theo đề nghị của Giám đốc Sở Tư pháp.",)


def test_nhu_dieu_defaults_to_the_last_article(tmp_path):
    doc = compose_quyet_dinh(_resolved(tmp_path, QD.replace("    executors: true\n", "")))
    assert doc.recipients[0] == "- Như Điều 4;"


def test_cong_van_code_kinh_gui_and_recipients(tmp_path):
    doc = compose_cong_van(_resolved(tmp_path, CV))
    assert doc.type_name == "" and doc.v_v == "V/v đề nghị báo cáo"
    assert doc.number_line == "Số: 03/STP-PBGDPL"
    assert doc.kinh_gui == ("Kính gửi: Ủy ban nhân dân các huyện.",)
    assert doc.recipients == ("- Như trên;", "- Lưu: VT, PBGDPL.")


def test_a_units_code_in_kinh_gui_or_noi_nhan_prints_its_name(tmp_path):
    """As tasks name units by code, a clerk wrote codes here too; "so-tu-phap" printed raw."""
    text = (CV.replace("kinh_gui: Ủy ban nhân dân các huyện", "kinh_gui: [ubnd-tinh, so-tu-phap]")
            .replace("content:", "recipients: [so-tu-phap, Bộ Tư pháp]\ncontent:"))
    doc = compose_cong_van(_resolved(tmp_path, text))
    assert doc.kinh_gui == ("Kính gửi:", "- Ủy ban nhân dân tỉnh Quảng Bình;", "- Sở Tư pháp.")
    assert doc.recipients == ("- Như trên;", "- Sở Tư pháp;", "- Bộ Tư pháp;",
                              "- Lưu: VT, PBGDPL.")


def test_typed_frame_labels_print_once(tmp_path):
    text = (CV.replace("title: đề nghị báo cáo", "title: V/v đề nghị báo cáo")
            .replace("kinh_gui: Ủy ban nhân dân các huyện",
                     'kinh_gui: ["Kính gửi: Ủy ban nhân dân các huyện", "- Sở Tư pháp."]')
            .replace("content:", 'recipients: ["- Bộ Tư pháp."]\ncontent:'))
    doc = compose_cong_van(_resolved(tmp_path, text))
    assert doc.v_v == "V/v đề nghị báo cáo"
    assert doc.kinh_gui == ("Kính gửi:", "- Ủy ban nhân dân các huyện;", "- Sở Tư pháp.")
    assert doc.recipients == ("- Như trên;", "- Bộ Tư pháp;", "- Lưu: VT, PBGDPL.")


@pytest.mark.parametrize("typed", ["./.", "/.", " ./. ", "."])
def test_a_typed_end_mark_prints_once(tmp_path, typed):
    doc = compose_cong_van(_resolved(tmp_path, CV.replace("Đề nghị báo cáo.",
                                                          f'"Đề nghị báo cáo{typed}"')))
    assert doc.body[-1].full == "Đề nghị báo cáo./."


PLAN = """\
issuer: ubnd-tinh
date: 2025-01-14
title: Kế hoạch thử
sections:
  - title: MỤC ĐÍCH
    content: [Một đoạn.]
recipients: [Bộ Tư pháp]
archive: {unit: NCVX}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH, signer: ky}
"""


@pytest.mark.parametrize(("attachment", "files", "expected"), [
    ("{plan: khong-co.yaml}", {}, (
        "plan.yaml:27:20: lỗi [attachment.not-found] attachment.plan: Không tìm thấy tệp kèm "
        "theo \"khong-co.yaml\" (tính từ thư mục của tệp này).")),
    ("{plan: cv.yaml}", {"cv.yaml": CV}, (
        "plan.yaml:27:20: lỗi [attachment.type] attachment.plan: Tệp \"cv.yaml\" là công văn; "
        "Quyết định chỉ ban hành kèm theo văn bản có tên loại (Mẫu 1.4) như kế hoạch, chương "
        "trình, đề án, quy chế.")),
    # A file of another type with problems of its own: only that it cannot be issued, once.
    ("{plan: cv.yaml}", {"cv.yaml": CV + "numbr: 1\n"}, (
        "plan.yaml:27:20: lỗi [attachment.type] attachment.plan: Tệp \"cv.yaml\" là công văn; "
        "Quyết định chỉ ban hành kèm theo văn bản có tên loại (Mẫu 1.4) như kế hoạch, chương "
        "trình, đề án, quy chế.")),
    ("{plan: qd2.yaml}", {"qd2.yaml": QD + "attachment: {plan: kh.yaml}\n", "kh.yaml": PLAN}, (
        "plan.yaml:27:20: lỗi [attachment.type] attachment.plan: Tệp \"qd2.yaml\" là quyết "
        "định; Quyết định chỉ ban hành kèm theo văn bản có tên loại (Mẫu 1.4) như kế hoạch, "
        "chương trình, đề án, quy chế.")),
    # A misspelt type is the attached file's one error, with the one list of supported types.
    ("{plan: kh.yaml}", {"kh.yaml": "type: kế hoạch\n" + PLAN}, (
        "kh.yaml:1:7: lỗi [plan.type-unsupported] type: Loại văn bản \"kế hoạch\" chưa được hỗ "
        "trợ. Các loại đang hỗ trợ: " + ", ".join(doctypes.supported()) + ".")),
    ("{plan: kh.yaml}", {"kh.yaml": PLAN.replace("title: Kế hoạch thử", "title: x\nnumbr: 1")}, (
        "kh.yaml:4:1: lỗi [schema.extra-forbidden] numbr: Trường \"numbr\" không có trong mẫu "
        "kế hoạch. Có phải \"number\"?")),
], ids=["not-found", "not-a-plan", "not-a-plan-invalid", "a-decision", "type-misspelt",
        "plan-invalid"])
def test_attachment_errors_are_located(tmp_path, monkeypatch, attachment, files, expected):
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(QD + f"attachment: {attachment}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "plan.yaml", "--out", "out"])
    assert result.exit_code == 1
    assert [ln for ln in result.stderr.splitlines() if "[" in ln] == [expected]
    assert not (tmp_path / "out").exists()  # nothing written


def test_two_files_layout_writes_both(tmp_path, monkeypatch):
    (tmp_path / "_shared").mkdir()
    (tmp_path / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "kh.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "qd.yaml").write_text(QD + "attachment: {plan: kh.yaml, layout: two-files}\n",
                                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build", "qd.yaml", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").glob("*.docx")) == ["qd-kem-theo.docx",
                                                                        "qd.docx"]
    (tmp_path / "kh.yaml").write_text(PLAN.replace("Kế hoạch thử", "Kế hoạch thử (sửa)"),
                                      encoding="utf-8")
    again = CliRunner().invoke(main, ["build", "qd.yaml", "--out", "out"])
    assert "Đã ghi out/qd-kem-theo.docx" in again.output  # the plan it issues is its source


def test_bao_cao_sent_up_has_kinh_gui_and_nhu_tren(tmp_path):
    from vanban.compose.document import compose

    text = PLAN.replace("title: Kế hoạch thử", "type: bao-cao\ntitle: Kết quả năm 2024\n"
                        "kinh_gui:\n  - Bộ Tư pháp\n  - Ủy ban nhân dân tỉnh")
    doc = compose(_resolved(tmp_path, text))
    assert doc.type_name == "BÁO CÁO" and doc.number_line == "Số:      /BC-UBND"
    assert doc.kinh_gui == ("Kính gửi:", "- Bộ Tư pháp;", "- Ủy ban nhân dân tỉnh.")
    assert doc.recipients == ("- Như trên;", "- Bộ Tư pháp;", "- Lưu: VT, NCVX.")


def test_a_schema_error_names_the_documents_own_type(tmp_path, monkeypatch):
    (tmp_path / "tb.yaml").write_text("type: thong-bao\nissuer: x\ntitel: y\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["validate", "tb.yaml"])
    assert 'Trường "titel" không có trong mẫu thông báo.' in result.stderr
    assert "kế hoạch" not in result.stderr.split("titel", 1)[1].split("\n", 1)[0]

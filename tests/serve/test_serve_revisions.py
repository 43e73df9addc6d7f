"""The commits the "changes" tab offers to compare with: those that changed what the plan
prints, not only its own file (a decision whose attached plan was revised, a registry rename)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from vanban.serve import history


def _commit(repo: Path, message: str) -> None:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run(["git", "-c", "user.name=Văn thư", "-c", "user.email=vt@example.vn",
                    "commit", "-q", "-m", message], cwd=repo, check=True)


def test_a_decision_lists_the_commits_of_its_attached_plan_and_registry(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    shared = tmp_path / "plans" / "_shared"
    shared.mkdir(parents=True)
    registry = shared / "don-vi.yaml"
    registry.write_text("units:\n  mttq-tinh: {name: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh}\n",
                        encoding="utf-8")
    folder = tmp_path / "plans" / "2026"
    folder.mkdir()
    decision, plan, other = (folder / n for n in ("quyet-dinh.yaml", "ke-hoach.yaml",
                                                  "cong-van.yaml"))
    decision.write_text("attachment: {plan: ke-hoach.yaml}\n", encoding="utf-8")
    plan.write_text("title: Kế hoạch\n", encoding="utf-8")
    other.write_text("title: Công văn\n", encoding="utf-8")
    _commit(tmp_path, "Dự thảo lần 1")
    plan.write_text("title: Kế hoạch (sửa)\n", encoding="utf-8")
    _commit(tmp_path, "Vòng 1: sửa kế hoạch")
    registry.write_text(registry.read_text(encoding="utf-8").replace("tỉnh}", "tỉnh Hà Tĩnh}"),
                        encoding="utf-8")
    _commit(tmp_path, "Vòng 2: đổi tên MTTQ")
    other.write_text("title: Công văn (sửa)\n", encoding="utf-8")
    _commit(tmp_path, "Sửa công văn")

    subjects = [r["label"].split(" ", 2)[2] for r in history.revisions(decision, {plan})]
    # Round 1 changed only the attached plan: the page had offered just the first commit.
    assert subjects == ["Vòng 2: đổi tên MTTQ", "Vòng 1: sửa kế hoạch", "Dự thảo lần 1"]
    # Without dependencies: its own commits and its registry's.
    assert [r["label"].split(" ", 2)[2] for r in history.revisions(decision)] == [
        "Vòng 2: đổi tên MTTQ", "Dự thảo lần 1"]


PLAN = """\
issuer: ubnd-tinh
number: null
year: 2026
title: Triển khai công tác hòa giải ở cơ sở năm 2026
sections:
  - title: NHIỆM VỤ
    content:
      - task: Tổ chức tập huấn cho hòa giải viên
        id: tap-huan
        lead: so-tu-phap
        timeline: Quý II năm 2026
recipients: [Bộ Tư pháp]
archive: {unit: NC}
signature: {on_behalf_of: ỦY BAN NHÂN DÂN, authority: KT., head: CHỦ TỊCH,
            signer: Nguyễn Văn An, position: PHÓ CHỦ TỊCH}
"""
REGISTRY = """\
units:
  ubnd-tinh: {name: Ủy ban nhân dân tỉnh Hà Tĩnh, abbr: UBND, header: [ỦY BAN NHÂN DÂN,
              TỈNH HÀ TĨNH], place: Hà Tĩnh, collective: true}
  so-tu-phap: {name: Sở Tư pháp}
"""


def test_a_plan_that_does_not_validate_is_told_in_one_sentence(tmp_path):
    """The page said "…(Không có đơn vị "So Tu phap" trong danh mục đơn vị.); dưới đây …":
    the reason's full stop inside the brackets."""
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "plans" / "_shared").mkdir(parents=True)
    (tmp_path / "plans" / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    plan = tmp_path / "plans" / "ke-hoach.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    _commit(tmp_path, "Dự thảo lần 1")
    plan.write_text(PLAN.replace("lead: so-tu-phap", "lead: So Tu phap"), encoding="utf-8")
    answer = history.changes(plan, "HEAD")
    assert answer["ok"] and not answer["documents"]
    assert answer["text"].startswith(
        'Không so sánh theo nội dung được (Không có đơn vị "So Tu phap" trong danh mục đơn vị); '
        "dưới đây là khác biệt của tệp YAML.\n\n"), answer["text"]


def test_the_preview_s_table_of_a_decision_takes_its_plan_s_reasons(tmp_path):
    """The preview's download of a decision's bảng so sánh, like ``vanban compare``, takes the
    reasons written beside the plan it issues."""
    from tests.unit.review.test_walk_hatinh import (
        DECISION,
        REGISTRY,
        ROUND_1,
        ROUND_2,
        _cells,
    )

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "plans" / "_shared").mkdir(parents=True)
    (tmp_path / "plans" / "_shared" / "don-vi.yaml").write_text(REGISTRY, encoding="utf-8")
    folder = tmp_path / "plans" / "2026"
    folder.mkdir()
    plan = folder / "ke-hoach.yaml"
    plan.write_text(ROUND_1, encoding="utf-8")
    decision = folder / "quyet-dinh.yaml"
    decision.write_text(DECISION, encoding="utf-8")
    _commit(tmp_path, "Vòng 1")
    plan.write_text(ROUND_2, encoding="utf-8")
    (folder / "ke-hoach.ly-do.yaml").write_text("kien-toan: Theo góp ý của Văn phòng.\n",
                                                encoding="utf-8")
    out = tmp_path / "bang-so-sanh.docx"
    answer = history.compare_docx(decision, "HEAD", "bang-so-sanh", tmp_path, out)
    assert answer["ok"], answer
    [row] = _cells(out)
    assert "(chuyển vị trí)" in row[2][0] and row[3][0] == "Theo góp ý của Văn phòng."


def test_the_changes_tab_names_the_reasons_file_a_decision_s_table_takes(tmp_path):
    """It said "Chưa có tệp lý do" for a decision whose table takes its plan's reasons."""
    folder = tmp_path / "plans" / "2026"
    folder.mkdir(parents=True)
    decision = folder / "quyet-dinh.yaml"
    decision.write_text("type: quyet-dinh\nattachment: {plan: ke-hoach.yaml}\n",
                        encoding="utf-8")
    (folder / "ke-hoach.yaml").write_text("title: Kế hoạch\n", encoding="utf-8")
    assert history.reasons_name(decision) == ""
    (folder / "ke-hoach.ly-do.yaml").write_text("tap-huan: Theo góp ý.\n", encoding="utf-8")
    assert history.reasons_name(decision) == "ke-hoach.ly-do.yaml"
    (folder / "quyet-dinh.ly-do.yaml").write_text("so: Cấp số.\n", encoding="utf-8")
    assert history.reasons_name(decision) == "quyet-dinh.ly-do.yaml"

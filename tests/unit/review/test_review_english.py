"""``--lang en`` says vanban's own names of the changed blocks in English ("attached plan,
II.2", "Section III, paragraph 1", "I.2, bullet 2"), and a reasons file written from that
output is read: an English name finds its block as the Vietnamese one does."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from tests.unit.review.marks import cell_marks

from vanban.cli import main
from vanban.review.places import place_en

ROOT = Path(__file__).resolve().parents[3]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DECISION = "quyet-dinh-ban-hanh-ke-hoach.yaml"
PLAN = "ke-hoach-hoa-giai.yaml"
OLD, NEW = "plans/quang-binh/cu", "plans/quang-binh/moi"
BULLET = ("              - >-\n                Kết hợp các hoạt động",
          ("              - >-\n                Bảo đảm công khai, minh bạch.\n"
           "              - >-\n                Kết hợp các hoạt động"))
TIMELINE = ("timeline: Quý II, quý III năm 2025", "timeline: Quý III năm 2025")


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """The example workspace with two versions of the decision and its plan: the new plan has
    one more "-" line under I.2 and moves the timeline of the task "tap-huan"."""
    root = tmp_path_factory.mktemp("english")
    shutil.copytree(ROOT / "plans", root / "plans")
    for folder, edits in ((OLD, ()), (NEW, (BULLET, TIMELINE))):
        (root / folder).mkdir(parents=True)
        for name in (DECISION, PLAN):
            text = (ROOT / "plans/quang-binh/2025" / name).read_text(encoding="utf-8")
            for a, b in edits if name == PLAN else ():
                assert a in text, a
                text = text.replace(a, b, 1)
            (root / folder / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _in_work(work, monkeypatch):
    monkeypatch.chdir(work)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_diff_names_the_blocks_in_english():
    result = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "--lang", "en")
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[1:3] == [
        "  [attached plan, I.2, bullet 2] Added bullet line: Bảo đảm công khai, minh bạch.",
        "  2. [attached plan, II.2] Timeline: Quý II, quý III năm 2025 → Quý III năm 2025",
    ]
    plan = run("diff", f"{OLD}/{PLAN}", f"{NEW}/{PLAN}", "--lang", "en")
    assert "  [I.2, bullet 2] Added bullet line: Bảo đảm công khai, minh bạch." in (
        plan.output.splitlines())
    vietnamese = run("diff", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}")
    assert vietnamese.output.splitlines()[1] == (
        "  [Kế hoạch kèm theo, I.2, gạch đầu dòng thứ 2] Thêm dòng \"-\": Bảo đảm công khai, "
        "minh bạch.")


def test_a_reason_may_use_the_english_name(tmp_path):
    reasons = tmp_path / "ly-do.yaml"
    reasons.write_text("attached plan, I.2, bullet 2: Theo góp ý của Sở Tài chính\n"
                       "attached plan, II.9: Không có\n", encoding="utf-8")
    out = tmp_path / "bang.docx"
    result = run("compare", f"{OLD}/{DECISION}", f"{NEW}/{DECISION}", "-o", str(out),
                 "--reasons", str(reasons), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        (f"{reasons}:2:1: warning [reasons.unknown-ref] attached plan, II.9: \"attached plan, "
        "II.9\" names no changed item. Changed items: attached plan, I.2, bullet 2, attached "
        "plan, II.2."),
        f"Wrote {out} (2 change(s)).",
    ]
    root = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    grid = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    first = grid.findall(f"{W}tr")[1]
    assert [cell_marks(tc) for tc in first.findall(f"{W}tc")][-1] == [
        "Theo góp ý của Sở Tài chính"]


@pytest.mark.parametrize(("ref", "english"), [
    ("Mục III, đoạn 1", "Section III, paragraph 1"),
    ("Phụ lục, bảng 1", "Appendix, table 1"),
    ("Phần II, Mục I, gạch đầu dòng thứ 2", "Part II, Section I, bullet 2"),
    ("Điều 2, khoản 1, điểm a", "Article 2, clause 1, point a"),
    ("Kế hoạch kèm theo 2, II.3", "attached plan 2, II.3"),
    ("trích yếu", "title"),
    ("mở đầu 1", "opening paragraph 1"),
    ("Kế hoạch kèm theo, mở đầu 2", "attached plan, opening paragraph 2"),
    ("Kế hoạch kèm theo, II.1, gạch đầu dòng thứ 1, dòng + thứ 2",
     "attached plan, II.1, bullet 1, sub-bullet 2"),
    ("Kế hoạch kèm theo, phụ lục II.3", "attached plan, appendix II.3"),
    ("tap-huan", "tap-huan"),
    ("IV.4", "IV.4"),
], ids=lambda x: x)
def test_the_english_name_of_a_block(ref, english):
    assert place_en(ref) == english

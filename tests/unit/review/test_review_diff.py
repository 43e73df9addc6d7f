"""vanban diff: the plan's own terms, exactly; through the real CLI and on real plans."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main
from vanban.review.words import diff_words, text_key

ROOT = Path(__file__).resolve().parents[3]
P2024 = "plans/quang-binh/2024/ke-hoach-hoa-giai.yaml"
P2025 = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
ROUND = "tests/review/round-1/ke-hoach-hoa-giai.yaml"


@pytest.fixture(autouse=True)
def _in_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _json(*args: str) -> dict:
    result = run("diff", *args, "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


# The round of comments (tests/review/round-1): exactly these changes, nothing else.
ROUND_CHANGES = [
    ("task.timeline", "ra-soat-hoa-giai-vien"),
    ("task.moved", "tai-lieu-boi-duong"),
    ("task.added", "hoi-thi-hoa-giai"),
    ("task.support", "cntt-co-so-du-lieu"),
    ("task.support", "dang-tai-tai-lieu"),
    ("unit.wording", "IV.4"),
    ("bullet.wording", "IV.6, gạch đầu dòng thứ 1"),
    ("recipient.added", "noi-nhan"),  # the Nơi nhận after the body, as the document reads
]
ROUND_RENUMBERED = [("3.", "2.", "tap-huan"), ("4.", "5.", "mo-hinh-dien-hinh"),
                    ("5.", "6.", "II.6"), ("5.1.", "6.1.", "cntt-co-so-du-lieu"),
                    ("5.2.", "6.2.", "dang-tai-tai-lieu"), ("5.3.", "6.3.", "thong-tin-hai-chieu")]


def test_round_of_comments_json_lists_exactly_the_changes():
    data = _json(P2024, ROUND)
    (plan,) = data["plans"]
    changes = plan["changes"]
    assert [(c["code"], c["ref"]) for c in changes if c["code"] != "renumbered"] == ROUND_CHANGES
    assert [(c["old"], c["new"], c["ref"]) for c in changes
            if c["code"] == "renumbered"] == ROUND_RENUMBERED
    assert plan["issued_changed"] is True
    assert [(r["id"], r["new"]) for r in data["registry"]] == [
        ("mttq-tinh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Bình"),
        ("so-tttt", "Sở Khoa học và Công nghệ")]
    word = next(c for c in changes if c["ref"] == "IV.6, gạch đầu dòng thứ 1")
    assert [(s["old"], s["new"]) for s in word["segments"] if s["op"] != "equal"] == [
        ("đảm bảo", "bảo đảm")]
    added = next(c for c in changes if c["code"] == "task.added")
    assert added["new_label"] == "4." and added["fields"]["timeline"] == "Quý III năm 2024"
    assert added["fields"]["support"] == ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Quảng Bình; "
                                          "UBND các huyện, thị xã, thành phố")


def test_round_of_comments_text_and_markdown():
    result = run("diff", P2024, ROUND)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{P2024} → {ROUND}"
    assert lines[1:] == [
        "  Theo mã (nhiệm vụ, chỉ tiêu): thêm 1, bỏ 0, sửa 4.",
        ("  1.2. [ra-soat-hoa-giai-vien] Thời gian thực hiện: Tháng 6, tháng 11 năm 2024 → "
        "Tháng 6, tháng 12 năm 2024"),
        ("  3. [tai-lieu-boi-duong] Chuyển chỗ nhiệm vụ: 2. → 3.: In ấn tài liệu tập huấn, bồi "
        "dưỡng nghiệp vụ hòa giải ở cơ sở; biên soạn các tài liệu bồi dưỡng kiến thức pháp luật "
        "có nội dung phù hợp với đội ngũ hòa giải viên ở cơ sở"),
        ("  4. [hoi-thi-hoa-giai] Thêm nhiệm vụ: Tổ chức Hội thi hòa giải viên giỏi cấp tỉnh "
        "(Đơn vị chủ trì: Sở Tư pháp; Đơn vị phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh "
        "Quảng Bình; UBND các huyện, thị xã, thành phố; Thời gian thực hiện: Quý III năm 2024)"),
        ("  6.1. [cntt-co-so-du-lieu] Đơn vị phối hợp: Sở [-Thông tin và Truyền thông-]"
        "{+Khoa học và Công nghệ+}; UBND các huyện, thị xã, thành phố và các đơn vị có liên quan"),
        ("  6.2. [dang-tai-tai-lieu] Đơn vị phối hợp: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
        "{+ Quảng Bình+}, cơ quan báo chí địa phương và các sở, ban, ngành có liên quan, Ủy ban "
        "nhân dân các huyện, thị xã, thành phố"),
        ("  4. [IV.4] Sửa câu chữ (nhiệm vụ của đơn vị): Sở [-Thông tin và Truyền thông-]"
        "{+Khoa học và Công nghệ+} phối hợp với Sở Tư pháp triển khai các nhiệm vụ theo nội dung "
        "của Kế hoạch. Chỉ đạo các cơ quan thông tin truyền thông triển khai hoạt động truyền "
        "thông quy định pháp luật về hòa giải ở cơ sở và tình hình thực hiện pháp luật về hòa "
        "giải ở cơ sở."),
        ("  [IV.6, gạch đầu dòng thứ 1] Sửa câu chữ (dòng \"-\"): Xây dựng kế hoạch thực hiện Đề án năm 2024 tại "
        "địa phương; trong đó cần chú trọng rà soát số lượng hòa giải viên trên địa bàn và chủ "
        "động tổ chức tập huấn bồi dưỡng pháp luật cho đội ngũ hòa giải viên tại địa phương "
        "[-đảm bảo-]{+bảo đảm+} theo lộ trình của Đề án."),
        "  [noi-nhan] Thêm nơi nhận: - Báo Quảng Bình, Đài Phát thanh - Truyền hình Quảng Bình;",
        ("  Chỉ đánh số lại: 3. → 2. [tap-huan], 4. → 5. [mo-hinh-dien-hinh], 5. → 6. [II.6], "
        "5.1. → 6.1. [cntt-co-so-du-lieu], 5.2. → 6.2. [dang-tai-tai-lieu], 5.3. → 6.3. "
        "[thong-tin-hai-chieu]"),
        ("  CẢNH BÁO: văn bản đã có số (đã ban hành); thay đổi nội dung cần văn bản sửa đổi, bổ "
        "sung hoặc cấp số mới."),
        # the two units renamed, as the registry says
        "Danh mục đơn vị, người ký:",
        ("  đơn vị mttq-tinh: Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh → Ủy ban Mặt trận Tổ quốc "
         "Việt Nam tỉnh Quảng Bình"),
        "  đơn vị so-tttt: Sở Thông tin và Truyền thông → Sở Khoa học và Công nghệ",
    ]
    md = run("diff", P2024, ROUND, "--format", "markdown", "--lang", "en").output
    assert md.startswith(f"## {P2024} → {ROUND}\n")
    assert "- [IV.6, bullet 1] Wording changed (bullet line): " in md
    assert "~~đảm bảo~~**bảo đảm** theo lộ trình" in md
    assert "- Renumbered only: 3. → 2. [tap-huan]" in md
    assert "- By id (tasks, targets): 1 added, 0 removed, 4 changed." in md
    assert len(md.splitlines()) == 1 + 1 + len(ROUND_CHANGES) + 2 + 3


def test_real_2024_to_2025():
    data = _json(P2024, P2025)
    changes = data["plans"][0]["changes"]
    codes = [(c["code"], c["ref"]) for c in changes]
    assert [r for c, r in codes if c == "task.added"] == ["tong-ket-cap-huyen", "tong-ket-de-an"]
    assert [r for c, r in codes if c == "task.removed"] == ["tai-lieu-boi-duong"]
    assert ("task.lead", "mo-hinh-dien-hinh") in codes
    assert [r for c, r in codes if c == "target.added"] == [
        "ty-le-hoa-giai-thanh", "to-hoa-giai-kien-toan", "hoa-giai-vien-moi-tap-huan"]
    signer = next(c for c in changes if c["code"] == "frame.signer")
    assert (signer["old"], signer["new"]) == ("Hồ An Phong (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)",
                                              "Đặng Minh Khoa (KT. CHỦ TỊCH, PHÓ CHỦ TỊCH)")
    # Renumbering alone is never a deletion plus an insertion.
    assert ("renumbered", "tap-huan") in codes
    assert not any(c.endswith((".added", ".removed")) and r == "tap-huan" for c, r in codes)
    assert data["plans"][0]["issued_changed"] is False  # a new number: a new plan
    # The count, keyed on the plan's own ids: 5 added, 1 removed, 7 changed.
    assert data["plans"][0]["summary"] == {"added": 5, "removed": 1, "changed": 7}


def test_plan_diffed_with_itself_exits_0():
    result = run("diff", P2024, P2024)
    assert result.exit_code == 0
    assert result.output == f"{P2024}\n  Không có thay đổi.\n"
    assert run("diff", "plans", "plans", "--lang", "en").output == "No difference.\n"


def test_deterministic():
    first = run("diff", P2024, P2025, "--format", "json")
    # Two failures alike would be equal too: the first run is a real diff with changes.
    assert first.exit_code == 1 and json.loads(first.output)["different"] is True, first.output
    assert run("diff", P2024, P2025, "--format", "json").output == first.output


@pytest.mark.parametrize("old,new,words", [
    ("hòa giải", "hoà giải", []),
    ("Hòa giải ở cơ sở", "Hòa giải tại cơ sở", [("ở", "tại")]),
    ("đảm bảo theo lộ trình", "bảo đảm theo lộ trình", [("đảm bảo", "bảo đảm")]),
    ("năm 2024.", "năm 2025;", [("2024.", "2025;")]),
], ids=["tone-placement", "one-word", "swap", "year-and-mark"])
def test_word_diff(old, new, words):
    segments = diff_words(old, new)
    assert "".join(s.old for s in segments) == old
    assert "".join(s.new for s in segments) == new
    assert [(s.old, s.new) for s in segments if s.op != "equal"] == words
    assert (text_key(old) == text_key(new)) == (not words)


def _repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(git + ["add", "-A"], cwd=tmp_path, check=True)
    subprocess.run(git + ["commit", "-qm", "a"], cwd=tmp_path, check=True)
    return tmp_path


def test_git_revisions_and_registry_change(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    registry = repo / "plans/_shared/don-vi.yaml"
    text = registry.read_text(encoding="utf-8")
    # A unit no plan prints: the registry change is listed, no plan prints differently.
    registry.write_text(text.replace("units:\n", "units:\n  so-moi:\n    name: Sở Mới\n", 1),
                        encoding="utf-8")
    result = run("diff", "HEAD:plans", "plans")
    assert result.exit_code == 1
    assert result.output.splitlines() == ["Danh mục đơn vị, người ký:",
                                          "  Thêm đơn vị so-moi: Sở Mới"]
    # One plan that does not print the new unit: no change of it (exit 0).
    one = "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml"
    alone = run("diff", f"HEAD:{one}", one)
    assert (alone.exit_code, alone.output) == (0, f"HEAD:{one} → {one}\n  Không có thay đổi.\n")
    # A unit the plans call by its id: renamed once, reprinted in every plan that calls it.
    registry.write_text(text.replace("name: Sở Thông tin và Truyền thông",
                                     "name: Sở Khoa học và Công nghệ"), encoding="utf-8")
    data = _json("HEAD:plans", "plans")
    assert [(r["id"], r["old"], r["new"]) for r in data["registry"]] == [
        ("so-tttt", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ")]
    # The decisions print the plan they issue, so the renamed unit reprints them too.
    assert data["registry_effects"] == ["plans/quang-binh/2024/ke-hoach-hoa-giai.yaml",
                                        "plans/quang-binh/2025/du-thao-quyet-dinh-hai-tep.yaml",
                                        "plans/quang-binh/2025/ke-hoach-hoa-giai.yaml",
                                        "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"]
    one = _json(f"HEAD:{P2024}", P2024)
    assert [c["ref"] for c in one["plans"][0]["changes"]] == ["cntt-co-so-du-lieu", "IV.4"]
    assert one["plans"][0]["old"] == f"HEAD:{P2024}"
    assert one["registry_effects"] == [P2024]  # the same plan file, printed differently


def test_a_plan_renamed_with_git_mv_is_diffed_with_its_old_self(tmp_path, monkeypatch):
    """A plan renamed (git mv) and edited was "Kế hoạch mới" plus "Kế hoạch bị bỏ", with no
    word of what changed in it; one renamed only was those two lines too."""
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    year = Path("plans/quang-binh/2025")
    git = ["git", "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run(git + ["mv", str(year / "ke-hoach-hoa-giai.yaml"),
                          str(year / "kh-hoa-giai-2025.yaml")], check=True)
    subprocess.run(git + ["mv", str(year / "thong-bao-tap-huan.yaml"),
                          str(year / "tb-tap-huan.yaml")], check=True)
    for name in ("kh-hoa-giai-2025.yaml", "quyet-dinh-ban-hanh-ke-hoach.yaml",
                 "du-thao-quyet-dinh-hai-tep.yaml", "bao-cao-hoa-giai.yaml",
                 "cong-van-trien-khai-ke-hoach.yaml", "to-trinh-ban-hanh-ke-hoach.yaml"):
        path = year / name
        path.write_text(path.read_text(encoding="utf-8").replace(
            "ke-hoach-hoa-giai.yaml", "kh-hoa-giai-2025.yaml"), encoding="utf-8")
    plan = year / "kh-hoa-giai-2025.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Bộ Tư pháp", "Bộ Nội vụ", 1),
                    encoding="utf-8")
    result = run("diff", "HEAD:plans", "plans")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert (f"HEAD:{year}/ke-hoach-hoa-giai.yaml → {year}/kh-hoa-giai-2025.yaml") in lines
    assert not any(x.startswith(("Kế hoạch mới", "Kế hoạch bị bỏ")) for x in lines), lines
    assert (f"Đổi tên tệp, nội dung không đổi: HEAD:{year}/thong-bao-tap-huan.yaml → "
            f"{year}/tb-tap-huan.yaml") in lines
    data = _json("HEAD:plans", "plans")
    assert data["renamed"] == [
        {"old": f"HEAD:{year}/ke-hoach-hoa-giai.yaml", "new": f"{year}/kh-hoa-giai-2025.yaml"},
        {"old": f"HEAD:{year}/thong-bao-tap-huan.yaml", "new": f"{year}/tb-tap-huan.yaml"}]
    assert data["added"] == [] and data["removed"] == []


@pytest.mark.parametrize("args,lines", [
    (("NOPE:plans", "plans"),
     [('NOPE:plans: lỗi [diff.bad-rev] Không có phiên bản "NOPE" trong kho git này. Xem các '
      "phiên bản bằng: git log --oneline")]),
    (("plans/_shared/don-vi.yaml", P2024),
     [("plans/_shared/don-vi.yaml: lỗi [args.not-plan] Đây là tệp danh mục (_shared), không "
      "phải kế hoạch; để so sánh danh mục, so sánh hai thư mục kế hoạch (ví dụ HEAD~1:plans "
      "plans).")]),
    (("khong-co.yaml", P2024),
     ["khong-co.yaml: lỗi [args.not-found] Không tìm thấy tệp hoặc thư mục này."]),
    (("plans", P2024),
     [(f"plans {P2024}: lỗi [diff.mixed] Hai bên phải cùng là tệp kế hoạch, hoặc cùng là "
      "thư mục.")]),
], ids=["bad-rev", "registry-file", "missing", "mixed"])
def test_bad_input(tmp_path, monkeypatch, args, lines):
    monkeypatch.chdir(_repo(tmp_path))
    result = run("diff", *args)
    assert result.exit_code == 2
    assert result.output.splitlines() == lines


def test_invalid_side_is_named(tmp_path):
    bad = tmp_path / "du-thao.yaml"
    bad.write_text((ROOT / P2024).read_text(encoding="utf-8").replace(
        "timeline: Tháng 6, tháng 11 năm 2024", "timelin: Tháng 6"), encoding="utf-8")
    result = run("diff", P2024, str(bad))
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == (f"{bad}: lỗi [diff.new-invalid] Bản mới ({bad}) có lỗi nên không so "
                        "sánh được:")
    assert any(":72:13: lỗi [schema.extra-forbidden]" in line for line in lines[1:])


def test_tasks_in_the_appendix_table():
    data = _json("plans/quang-trach/2025/ke-hoach-hoa-giai.yaml",
                 "tests/review/round-1/du-thao-quang-trach.yaml")
    assert [(c["code"], c["ref"], c["old_label"], c["new_label"])
            for c in data["plans"][0]["changes"]] == [
        ("task.removed", "van-ban-chi-dao", "1", ""),
        ("renumbered", "kien-toan-to-hoa-giai", "2", "1"),
        ("task.wording", "kien-toan-to-hoa-giai", "2", "1"),
        ("task.added", "thong-tin-tuyen-truyen", "", "2"),
        ("task.timeline", "thong-ke-so-lieu", "3", "3"),
    ]
    assert data["plans"][0]["issued_changed"] is False  # a draft


def test_a_report_at_a_git_revision_finds_its_plan_and_data(tmp_path, monkeypatch):
    """A report names its plan, its data and last year's report: they come from the revision."""
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    report = "plans/quang-binh/2025/bao-cao-hoa-giai.yaml"
    assert run("diff", f"HEAD:{report}", report).exit_code == 0
    path = repo / report
    path.write_text(path.read_text(encoding="utf-8").replace("date: 2025-12-17",
                                                             "date: 2025-12-18"), encoding="utf-8")
    result = run("diff", f"HEAD:{report}", report)
    assert result.exit_code == 1, result.output
    assert "Địa danh, ngày tháng:" in result.output


def test_a_rev_path_from_a_subfolder_gets_the_dot_slash_hint(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo / "plans/quang-binh/2025")
    result = run("diff", "HEAD:ke-hoach-hoa-giai.yaml", "ke-hoach-hoa-giai.yaml")
    assert result.exit_code == 2
    assert result.output == (
        'HEAD:ke-hoach-hoa-giai.yaml: lỗi [diff.not-in-rev] Phiên bản "HEAD" không có '
        '"ke-hoach-hoa-giai.yaml". Đường dẫn sau "HEAD:" tính từ gốc kho git; để tính từ thư mục '
        'đang đứng, viết "HEAD:./ke-hoach-hoa-giai.yaml".\n')
    assert run("diff", "HEAD:./ke-hoach-hoa-giai.yaml", "ke-hoach-hoa-giai.yaml").exit_code == 0


def test_a_reasons_file_unchanged_since_the_old_version_is_warned(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    monkeypatch.chdir(repo)
    plan = repo / P2025
    reasons = plan.with_name("ke-hoach-hoa-giai.ly-do.yaml")
    reasons.write_text("noi-nhan: Bỏ theo đề nghị của Văn phòng.\n", encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(git + ["add", "-A"], cwd=repo, check=True)
    subprocess.run(git + ["commit", "-qm", "round 1"], cwd=repo, check=True)
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("recipients:\n", "recipients:\n  - Văn phòng Sở\n", 1),
                    encoding="utf-8")
    shown = "plans/quang-binh/2025/ke-hoach-hoa-giai.ly-do.yaml"
    stale = (f"{shown}: cảnh báo [reasons.unchanged] Tệp lý do không đổi so với phiên bản cũ "
             "(HEAD): các lý do trong đó viết cho lần sửa trước, có thể gắn nhầm vào thay đổi "
             "mới cùng mã; xem lại tệp lý do trước khi gửi bảng so sánh.")
    result = run("compare", f"HEAD:{P2025}", P2025, "-o", str(tmp_path / "b.docx"))
    assert result.exit_code == 0, result.output
    assert stale in result.output.splitlines()
    reasons.write_text("noi-nhan: Thêm theo đề nghị của Sở.\n", encoding="utf-8")
    again = run("compare", f"HEAD:{P2025}", P2025, "-o", str(tmp_path / "c.docx"))
    assert again.exit_code == 0 and "[reasons.unchanged]" not in again.output

"""A team of clerks sharing one git repository of plans, as the README sets it up: a bare
"server" repository, clones that pull and push, real merges. Each test acts out one thing that
happens to such a team and reads what vanban then says or writes."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vanban.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SNIPPETS = {m.group(1): m.group(0)[len("```yaml\n"):-3] for m in re.finditer(
    r"```yaml\n# Tệp (plans/\S+\.yaml)\n.*?```", README, re.DOTALL)}
"""The README's example workspace, by path (the one a new office starts from)."""
SETUP = README[README.index("#### Cài đặt git một lần"):README.index("#### Làm việc chung")]
GITATTRIBUTES, GITIGNORE = re.findall(r"\n```\n(.*?)```", SETUP, re.DOTALL)
CONFIG = [shlex.split(line)[2:] for line in re.search(r"```bash\n(.*?)```", SETUP, re.DOTALL)
          .group(1).splitlines()]
"""The repository set-up the README gives: .gitattributes, .gitignore, git config lines."""
CONG_VAN = "plans/2026/cong-van-trien-khai.yaml"
GIT_ENV = {"GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"}

pytestmark = pytest.mark.skipif(subprocess.run(["git", "--version"], check=False,
                                                capture_output=True)
                                .returncode != 0, reason="git is not installed")


def git(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "init.defaultBranch=main", *args], check=False,
                          cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV, **env})


def cli(cwd: Path, *args: str):
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args))
    finally:
        os.chdir(old)


def clone(server: Path, name: str) -> Path:
    where = server.parent / name
    assert git(server.parent, "clone", "-q", str(server), name).returncode == 0
    return where


@pytest.fixture()
def team(tmp_path) -> tuple[Path, Path, Path]:
    """The server and two clones (A, B) of the README's workspace, built and committed by A,
    with .gitattributes and .gitignore as the README says."""
    server = tmp_path / "server.git"
    git(tmp_path, "init", "-q", "--bare", str(server))
    a = clone(server, "a")
    for path, body in SNIPPETS.items():
        (a / path).parent.mkdir(parents=True, exist_ok=True)
        (a / path).write_text(body, encoding="utf-8")
    (a / ".gitattributes").write_text(GITATTRIBUTES)
    (a / ".gitignore").write_text(GITIGNORE)
    assert cli(a, "build").exit_code == 0
    git(a, "add", "-A")
    git(a, "commit", "-qm", "init")
    assert git(a, "push", "-q", "origin", "HEAD").returncode == 0
    b = clone(server, "b")
    assert cli(b, "build").exit_code == 0
    return server, a, b


def edit(where: Path, path: str, old: str, new: str) -> None:
    file = where / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new), encoding="utf-8")


def test_a_plan_left_with_conflict_markers_by_a_pull_is_named_so(team):
    _, a, b = team
    for who, day in ((a, "31"), (b, "20")):
        edit(who, CONG_VAN, "trước ngày 15 tháng 3", f"trước ngày {day} tháng 3")
        assert cli(who, "build").exit_code == 0
        git(who, "commit", "-qam", f"hạn {day}/3")
    assert git(a, "push", "-q").returncode == 0
    pulled = git(b, "pull", "--no-rebase")
    assert "CONFLICT (content): Merge conflict in " + CONG_VAN in pulled.stdout
    before = (b / "outputs/2026/cong-van-trien-khai.docx").read_bytes()
    built = cli(b, "build")
    assert built.exit_code == 1
    assert built.stderr.splitlines() == [
        (f"{CONG_VAN}:14:1: lỗi [git.conflict] Tệp còn dấu xung đột của git (các dòng <<<<<<<, "
        "======= và >>>>>>>): hai người cùng sửa chỗ này và lệnh git pull (merge) chưa gộp được. "
        "Giữ lại nội dung đúng (phần trên ======= là bản trên máy này, phần dưới là "
        "bản vừa kéo về; với git pull --rebase thì ngược lại; có thể gộp cả hai), xóa ba dòng "
        "dấu, lưu tệp rồi chạy lại; xong thì git add tệp này và git commit."),
        "Dừng: 1 lỗi; không ghi tệp nào, các tệp đã có được giữ nguyên."]
    assert (b / "outputs/2026/cong-van-trien-khai.docx").read_bytes() == before


@pytest.mark.parametrize(("text", "lines"), [
    ("a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> 831a821\nc: 4\n", [2]),
    (("<<<<<<< HEAD\nb: 2\n||||||| base\nb: 1\n=======\nb: 3\n>>>>>>> x\n"
      "<<<<<<< HEAD\nd: 2\n=======\nd: 3\n>>>>>>> x\n"), [1, 8]),
    ("a: 1\nb: 2\n=======\nb: 3\n>>>>>>> 831a821\n", [3]),  # the first half deleted by hand
    ("a: 1\r\n<<<<<<< HEAD\r\nb: 2\r\n=======\r\nb: 3\r\n>>>>>>> x\r\n", [2]),  # CRLF
], ids=["merge", "diff3-two-blocks", "half-cleaned", "crlf"])
def test_every_conflict_block_is_one_error_at_its_first_marker(text, lines):
    from vanban.errors import VanbanError
    from vanban.source.loader import load_text

    with pytest.raises(VanbanError) as caught:
        load_text(text, "kh.yaml")
    assert [(d.code, d.span.line, d.span.col) for d in caught.value.diagnostics] == [
        ("git.conflict", line, 1) for line in lines]


def test_marker_like_text_inside_a_block_is_no_conflict():
    from vanban.source.loader import load_text

    text = "intro: |\n  =======\n  <<<<<<< không phải dấu git\n"
    assert load_text(text, "kh.yaml").data == {
        "intro": "=======\n<<<<<<< không phải dấu git\n"}


def test_the_output_of_a_plan_renamed_with_git_mv_is_named_until_removed(team):
    _, a, _ = team
    git(a, "mv", CONG_VAN, "plans/2026/cong-van-ke-hoach.yaml")
    built = cli(a, "build")
    assert built.exit_code == 0
    assert "Đã ghi outputs/2026/cong-van-ke-hoach.docx" in built.stdout
    old = "outputs/2026/cong-van-trien-khai.docx"
    assert built.stderr.splitlines()[0] == (
        f"{old}: cảnh báo [output.orphan] Tệp này được dựng từ {CONG_VAN}, nay không còn tệp kế "
        "hoạch đó (đã đổi tên, chuyển chỗ hoặc xóa): không lệnh dựng nào cập nhật nó nữa. "
        f"Không cần nữa thì xóa tệp; tệp đã commit thì xóa bằng: git rm {old}")
    assert cli(a, "build").stderr.count("[output.orphan]") == 1  # said until it is removed
    assert git(a, "rm", "-q", old).returncode == 0
    again = cli(a, "build")
    assert (again.exit_code, again.stderr.count("[output.orphan]")) == (0, 0)
    book = (a / "outputs" / ".vanban-stamps.json").read_text(encoding="utf-8")
    assert "cong-van-trien-khai" not in book  # the stamp of the removed output is dropped


def test_a_plan_renamed_to_the_same_output_is_no_orphan(team):
    _, a, _ = team
    git(a, "mv", CONG_VAN, CONG_VAN.replace(".yaml", ".yml"))
    built = cli(a, "build")
    assert (built.exit_code, "[output.orphan]" in built.stderr) == (0, False)
    assert "Đã ghi" not in built.stdout  # the same bytes: nothing to write
    other = cli(a, "build", "plans/2026/ke-hoach-pbgdpl.yaml")  # the renamed plan not in it
    assert (other.exit_code, "[output.orphan]" in other.stderr) == (0, False)


def test_git_log_p_goes_on_past_a_committed_file_that_is_no_docx(team):
    """Word's owner file ``~$name.docx`` (beside a DOCX open in Word) committed by ``git add
    -A``: git stops the whole diff at a textconv that fails; with --textconv it shows a line."""
    import vanban

    _, a, _ = team
    src = Path(vanban.__file__).resolve().parents[1]
    for key, value in CONFIG:  # as the README says, with this vanban for "vanban"
        git(a, "config", key, value.replace("vanban", f"PYTHONPATH={src} {sys.executable} -m "
                                            "vanban", 1) if value.startswith("vanban") else value)
    (a / "outputs/2026/~$-hoach-pbgdpl.docx").write_bytes(b"\x04Admin" + b"\x00" * 40)
    assert git(a, "status", "--porcelain").stdout == ""  # the README's .gitignore keeps it out
    git(a, "add", "-f", "outputs")  # a repository set up without it
    git(a, "commit", "-qm", "oops")
    shown = git(a, "log", "-p", "-2")
    assert shown.returncode == 0, shown.stderr
    assert ("+(vanban text: không đọc được tệp này: Tệp ~$-hoach-pbgdpl.docx không phải là tệp "
            "DOCX (không phải tệp nén zip của Word).)") in shown.stdout.splitlines()
    assert "+T1.1.1 [VB Cơ quan ban hành C] <13pt B> SỞ TƯ PHÁP" in shown.stdout  # and on


def _text(where: Path, output: str) -> str:
    shown = cli(where, "text", output)
    assert shown.exit_code == 0
    return shown.output


def test_docx_conflicts_are_resolved_by_building_the_merged_plans(team):
    """A adds a task, B changes the signer in the registry: both rebuild and commit, B's pull
    conflicts in the DOCX (binary, -merge); the README's way out: build, add, commit."""
    server, a, b = team
    plan = "plans/2026/ke-hoach-pbgdpl.yaml"
    edit(a, plan, "        timeline: Quý II năm 2026\n", "        timeline: Quý II năm 2026\n"
         "      - task: Biên soạn tài liệu cho cán bộ cơ sở\n        id: tai-lieu\n"
         "        lead: so-tu-phap\n        timeline: Quý III năm 2026\n")
    edit(b, "plans/_shared/nguoi-ky.yaml", "Nguyễn Văn An", "Lê Văn Cường")
    for who in (a, b):
        assert cli(who, "build").exit_code == 0
        git(who, "add", "plans", "outputs")
        git(who, "commit", "-qm", "sửa")
    assert git(a, "push", "-q").returncode == 0
    pulled = git(b, "pull", "--no-rebase")
    assert "CONFLICT (content): Merge conflict in outputs/2026/ke-hoach-pbgdpl.docx" in (
        pulled.stdout)
    built = cli(b, "build")
    assert "Đã ghi outputs/2026/ke-hoach-pbgdpl.docx" in built.stdout
    git(b, "add", "plans", "outputs")
    assert git(b, "commit", "--no-edit").returncode == 0
    assert git(b, "status", "--porcelain").stdout == ""
    merged = _text(b, "outputs/2026/ke-hoach-pbgdpl.docx")
    assert "2. Biên soạn tài liệu cho cán bộ cơ sở" in merged and "Lê Văn Cường" in merged
    assert git(b, "push", "-q").returncode == 0
    fresh = clone(server, "d")  # a fourth colleague: the committed outputs are current
    rebuilt = cli(fresh, "build")
    assert (rebuilt.exit_code, "Đã ghi" in rebuilt.stdout) == (0, False)
    assert git(fresh, "status", "--porcelain").stdout == ""


def test_a_windows_clone_with_crlf_and_a_bom_builds_the_same_bytes(team):
    server, a, _ = team
    where = server.parent / "w"
    git(server.parent, "-c", "core.autocrlf=true", "clone", "-q", str(server), "w")
    assert b"\r\n" in (where / CONG_VAN).read_bytes()
    registry = where / "plans/_shared/nguoi-ky.yaml"
    registry.write_bytes(b"\xef\xbb\xbf" + registry.read_bytes())  # saved by Notepad
    built = cli(where, "build")
    assert (built.exit_code, "Đã ghi" in built.stdout) == (0, False)
    for docx in sorted((a / "outputs").rglob("*.docx")):
        assert (where / docx.relative_to(a)).read_bytes() == docx.read_bytes()


def _save_in_word(docx: Path, who: str) -> bytes:
    """The DOCX as Word saves it after an edit: its text changed, its last author Word's user."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"<cp:lastModifiedBy>vanban<", f"<cp:lastModifiedBy>{who}<"
                              .encode(), data)
            elif name == "word/document.xml":
                data = data.replace("Giám đốc Sở".encode(), "Giám đốc Sở (sửa trong Word)"
                                    .encode())
            dst.writestr(name, data)
    docx.write_bytes(out.getvalue())
    return out.getvalue()


def test_an_output_saved_in_word_and_built_again_is_said_and_kept_aside(team):
    _, a, _ = team
    docx = a / "outputs/2026/cong-van-trien-khai.docx"
    word = _save_in_word(docx, "Nguyễn Thị C")
    edit(a, CONG_VAN, "trước ngày 15 tháng 3", "trước ngày 20 tháng 3")
    refused = cli(a, "build", "--strict")  # nothing written: no copy either
    assert refused.exit_code == 1 and "[output.edited-in-word]" in refused.stderr
    assert docx.read_bytes() == word and not docx.with_name(docx.name + ".bak").exists()
    built = cli(a, "build")
    assert built.exit_code == 0
    assert built.stderr.splitlines()[0] == (
        "outputs/2026/cong-van-trien-khai.docx: cảnh báo [output.edited-in-word] Tệp này đã được "
        "mở và lưu lại ngoài vanban (người lưu: Nguyễn Thị C); bản dựng mới lấy nội dung từ kế "
        "hoạch nên không còn những chỗ sửa trong Word. Bản đã sửa được giữ ở "
        "outputs/2026/cong-van-trien-khai.docx.bak. Chép những chỗ cần sửa vào tệp kế hoạch "
        "(YAML) rồi dựng lại; không sửa tệp trong outputs/ bằng Word.")
    assert docx.with_name(docx.name + ".bak").read_bytes() == word
    assert "20 tháng 3" in _text(a, str(docx.relative_to(a)))
    assert git(a, "status", "--porcelain").stdout.split() == ["M", str(docx.relative_to(a)),
                                                              "M", CONG_VAN]
    again = cli(a, "build")  # vanban's own file now: nothing more to say
    assert "[output.edited-in-word]" not in again.stderr


def test_an_older_commit_built_outside_the_repository_leaves_it_clean(team):
    """The README's way to look at an older version: checkout, build --out outside, switch
    back; even when that version's outputs were made by another vanban (other bytes), which a
    build into outputs/ would rewrite (and git switch would then refuse)."""
    _, a, _ = team
    (a / "outputs/2026/ke-hoach-pbgdpl.docx").write_bytes(b"made by an older vanban")
    git(a, "commit", "-qam", "older outputs")
    edit(a, CONG_VAN, "trước ngày 15 tháng 3", "trước ngày 20 tháng 3")
    cli(a, "build")
    git(a, "commit", "-qam", "hạn 20/3")
    assert git(a, "checkout", "-q", "HEAD~1").returncode == 0
    built = cli(a, "build", "--out", "../ban-cu")
    assert built.exit_code == 0
    assert git(a, "status", "--porcelain").stdout == ""
    assert "15 tháng 3" in _text(a, "../ban-cu/2026/cong-van-trien-khai.docx")
    assert cli(a, "build").exit_code == 0  # into outputs/: the older bytes are rewritten
    assert git(a, "switch", "-q", "-").returncode != 0
    assert git(a, "restore", "outputs").returncode == 0  # the README's way out
    assert git(a, "switch", "-q", "-").returncode == 0
    assert "20 tháng 3" in _text(a, "outputs/2026/cong-van-trien-khai.docx")


def test_git_diff_of_docx_on_a_windows_code_page(team):
    """On Windows git's pipe to the textconv has the ANSI code page (cp1252, cp1258), which
    has no "ố": vanban text must still give git UTF-8 (PYTHONIOENCODING plays that pipe)."""
    import vanban

    _, a, _ = team
    src = Path(vanban.__file__).resolve().parents[1]
    for key, value in CONFIG:
        git(a, "config", key, value.replace("vanban", f"PYTHONPATH={src} {sys.executable} -m "
                                            "vanban", 1) if value.startswith("vanban") else value)
    edit(a, "plans/_shared/nguoi-ky.yaml", "Trần Thị Bình", "Hồ Thị Bống")
    assert cli(a, "build").exit_code == 0
    shown = git(a, "diff", "outputs/2026/cong-van-trien-khai.docx", PYTHONIOENCODING="cp1252")
    assert shown.returncode == 0, shown.stderr
    assert [line for line in shown.stdout.splitlines() if line[:1] in "+-"][2:] == [
        "-T2.1.2 [VB Người ký C sp=72/0] <14pt B> Trần Thị Bình",
        "+T2.1.2 [VB Người ký C sp=72/0] <14pt B> Hồ Thị Bống"]


def test_a_quyet_dinh_whose_plan_was_renamed_names_the_new_file(team):
    _, a, _ = team
    git(a, "mv", "plans/2026/ke-hoach-pbgdpl.yaml", "plans/2026/ke-hoach-pbgdpl-2026.yaml")
    built = cli(a, "build")
    assert built.exit_code == 1
    assert built.stderr.splitlines()[0] == (
        "plans/2026/quyet-dinh-ban-hanh-ke-hoach.yaml:21:9: lỗi [attachment.not-found] "
        "attachment.plan: Không tìm thấy tệp kèm theo \"ke-hoach-pbgdpl.yaml\" (tính từ thư mục "
        "của tệp này). Có phải \"ke-hoach-pbgdpl-2026.yaml\"? Tệp kế hoạch đã đổi tên (git mv) "
        "thì sửa attachment.plan theo tên mới.")


def _owner_file(path: Path, user: str = "Nguyen Thi C") -> None:
    """The owner file Word writes beside a file it opens: the user's name, padded, twice."""
    data = bytes([len(user)]) + user.encode() + bytes(54 - len(user)) + bytes([len(user), 0])
    path.write_bytes((data + user.encode("utf-16-le")).ljust(162, b"\0"))


def test_word_owner_files_beside_plans_and_registry_are_no_plans(team):
    """A clerk opened the plan and the registry in Word: a build goes on as if they were not
    there (nothing is made again), and the README's .gitignore keeps them out of commits."""
    _, a, _ = team
    _owner_file(a / "plans/2026/~$-hoach-pbgdpl.yaml")
    _owner_file(a / "plans/_shared/~$-vi.yaml")
    built = cli(a, "build")
    assert (built.exit_code, built.stdout, built.stderr) == (
        0, "", ("Các tệp kết quả đã đúng với nguồn, không cần ghi lại: 4 văn bản bỏ qua vì "
                "nguồn không đổi từ lần dựng trước (--force để dựng lại).\n"))
    assert cli(a, "validate").exit_code == 0
    assert git(a, "status", "--porcelain").stdout == ""


def test_a_plan_built_outside_a_workspace_from_another_folder_is_no_orphan(tmp_path):
    """Outside any workspace (no plans/ folder) a stamp names its plan as the working folder
    of its build saw it: built again from another folder, the plan was taken for gone and its
    DOCX warned of as an orphan."""
    shared = tmp_path / "ho-so" / "_shared"
    shared.mkdir(parents=True)
    for name in ("don-vi.yaml", "nguoi-ky.yaml"):
        (shared / name).write_text((ROOT / "plans" / "_shared" / name).read_text("utf-8"),
                                   encoding="utf-8")
    plan = tmp_path / "ho-so" / "kh.yaml"
    plan.write_text((ROOT / "plans/quang-binh/2025/thong-bao-tap-huan.yaml").read_text("utf-8"),
                    encoding="utf-8")
    (tmp_path / "ho-so" / "tb.yaml").write_text(plan.read_text("utf-8"), encoding="utf-8")
    first = cli(tmp_path / "ho-so", "build", "kh.yaml", "--out", str(tmp_path / "out"))
    assert first.exit_code == 0, first.output
    other = cli(tmp_path, "build", "ho-so/tb.yaml", "--out", str(tmp_path / "out"))
    assert other.exit_code == 0, other.output
    assert "[output.orphan]" not in other.output  # kh.yaml is there, beside tb.yaml


def test_the_word_user_is_named_as_word_wrote_it(tmp_path):
    """The name is XML text in docProps/core.xml: "Phòng A &amp; B" was printed so."""
    from vanban.output import saved_by_other

    docx = tmp_path / "x.docx"
    docx.write_bytes((ROOT / "outputs/quang-binh/2025/thong-bao-tap-huan.docx").read_bytes())
    assert saved_by_other(docx) is None  # vanban's own
    _save_in_word(docx, "Phòng A &amp; B")
    assert saved_by_other(docx) == "Phòng A & B"


@pytest.mark.pdf
def test_an_output_saved_by_libreoffice_is_told_apart_from_vanbans_own(tmp_path):
    """LibreOffice keeps the last author it found (vanban): a DOCX opened and saved in it was
    taken for vanban's own, and replaced without a word."""
    from vanban.output import saved_by_other
    from vanban.pdf.convert import find_soffice

    docx = tmp_path / "in" / "tb.docx"
    docx.parent.mkdir()
    docx.write_bytes((ROOT / "outputs/quang-binh/2025/thong-bao-tap-huan.docx").read_bytes())
    subprocess.run([str(find_soffice()), f"-env:UserInstallation=file://{tmp_path / 'p'}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(tmp_path / "out"), str(docx)], check=True, capture_output=True,
                   timeout=180)
    assert saved_by_other(docx) is None
    assert saved_by_other(tmp_path / "out" / "tb.docx") == "LibreOffice"

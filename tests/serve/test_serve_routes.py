"""The routes of ``vanban serve`` through a real HTTP client, without LibreOffice (the
preview then shows the diagnostics and the text view and says what to install): what a page
gets, what no request can reach (paths outside PATH, other hosts, writes)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from tests.serve.helpers import (
    PLAN_2024,
    PLAN_2025,
    TWO_FILES,
    UNKNOWN_LEAD,
    get,
    line_of,
    make_workspace,
    wait_state,
    with_unknown_lead,
)

BAD = "quang-binh/2025/loi.yaml"
ODD = "quang-binh/2025/kế hoạch #2 {{name}} <b>.yaml"  # a name a clerk may give, and worse
SECRET = "BÍ-MẬT-KHÔNG-ĐƯỢC-LỘ"


def _tree(ws: Path) -> dict[str, str]:
    return {p.relative_to(ws).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(ws.rglob("*")) if p.is_file() and ".git" not in p.parts}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A preview of a workspace copy (in git) holding a plan with an error, a secret beside
    PATH and symlinks that point at it; LibreOffice hidden (``VANBAN_SOFFICE``)."""
    from vanban.serve.app import Preview

    ws = make_workspace(tmp_path_factory.mktemp("serve"), git=True)
    plans = ws / "plans"
    good = (plans / PLAN_2025).read_text(encoding="utf-8")
    (plans / BAD).write_text(with_unknown_lead(good),
                             encoding="utf-8")
    (plans / ODD).write_text(good, encoding="utf-8")
    (ws / "secret.yaml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    (ws / "elsewhere").mkdir()
    (ws / "elsewhere" / "plan.yaml").write_text(f"title: {SECRET}\n", encoding="utf-8")
    os.symlink(ws / "secret.yaml", plans / "link.yaml")
    os.symlink(ws / "elsewhere", plans / "outside")
    before = _tree(ws)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VANBAN_SOFFICE", str(ws / "no-libreoffice-here"))
        preview = Preview(plans, workspace=ws)
    preview.start()
    try:
        yield preview, ws, before
    finally:
        preview.close()


def test_index_lists_the_plans_under_path_only(served):
    preview, _, _ = served
    status, headers, body = get(preview.server.port, "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode()
    for key in (PLAN_2024, PLAN_2025, BAD):
        assert f'<a href="/plan/{key}">' in page
    assert "link.yaml" not in page and "outside/" not in page  # symlinks out of PATH
    plans = preview.root
    real = sorted((Path(d) / f).relative_to(plans).as_posix()
                  for d, _, files in os.walk(plans)  # symlinked folders not followed
                  for f in files if f.endswith(".yaml") and "_shared" not in Path(d).parts
                  and not (Path(d) / f).is_symlink())
    assert preview.site.plan_keys() == real and {PLAN_2024, PLAN_2025, BAD, ODD} <= set(real)
    odd = quote(ODD)
    assert f'<a href="/plan/{odd}">quang-binh/2025/kế hoạch #2 {{{{name}}}} &lt;b&gt;.yaml</a>' \
        in page


def test_a_plan_with_an_odd_name_is_reached_and_escaped(served):
    port = served[0].server.port
    status, _, body = get(port, f"/plan/{quote(ODD)}")
    page = body.decode()
    assert status == 200
    assert "<title>kế hoạch #2 {{name}} &lt;b&gt;: vanban</title>" in page
    assert 'data-plan="quang-binh/2025/kế hoạch #2 {{name}} &lt;b&gt;.yaml"' in page
    s = wait_state(port, quote(ODD), lambda s: s["status"] in ("ok", "error"))
    assert s["status"] == "ok" and s["plan"] == ODD
    status, headers, _ = get(port, f"/file/{quote(ODD)}?build={s['build']}&name=document.docx")
    assert status == 200
    assert headers["content-disposition"] == (
        'attachment; filename="k_ ho_ch #2 {{name}} <b>.docx"; '
        "filename*=UTF-8''k%E1%BA%BF%20ho%E1%BA%A1ch%20%232%20%7B%7Bname%7D%7D%20%3Cb%3E.docx")


def test_plan_page_and_its_static_files(served):
    port = served[0].server.port
    status, _, body = get(port, f"/plan/{PLAN_2024}")
    assert status == 200
    assert f'data-plan="{PLAN_2024}"' in body.decode() and 'lang="vi"' in body.decode()
    status, headers, body = get(port, "/static/app.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert "EventSource" in body.decode()
    assert headers["content-security-policy"].startswith("default-src 'self'")
    assert get(port, "/static/style.css")[0] == 200
    status, headers, body = get(port, "/static/icon.svg")  # no 404 in the browser's console
    assert status == 200 and headers["content-type"] == "image/svg+xml" and b"<svg" in body


def test_without_libreoffice_diagnostics_text_and_what_to_install(served):
    port = served[0].server.port
    s = wait_state(port, PLAN_2024, lambda s: s["status"] in ("ok", "error"))
    assert s["status"] == "ok" and s["diagnostics"] == []
    assert s["office"] == "none" and "libreoffice" in s["install"].lower()
    assert s["pages"] == [] and s["files"] == ["document.docx"]
    assert "TRIỂN KHAI THỰC HIỆN" in s["text"].upper()
    status, headers, body = get(port, f"/file/{PLAN_2024}?build={s['build']}&name=document.docx")
    assert status == 200 and body[:2] == b"PK"
    assert headers["content-disposition"] == ('attachment; filename="ke-hoach-hoa-giai.docx"; '
                                              "filename*=UTF-8''ke-hoach-hoa-giai.docx")
    assert get(port, f"/file/{PLAN_2024}?build={s['build']}&name=document.pdf")[0] == 404


def test_a_second_output_is_downloaded_under_its_own_name(served):
    port = served[0].server.port
    s = wait_state(port, TWO_FILES, lambda s: s["status"] in ("ok", "error"))
    assert s["files"] == ["document.docx", "attached.docx"] and s["attached_pages"] == []
    status, headers, body = get(port, f"/file/{TWO_FILES}?build={s['build']}&name=attached.docx")
    assert status == 200 and body[:2] == b"PK"
    assert headers["content-disposition"] == (
        'attachment; filename="du-thao-quyet-dinh-hai-tep-kem-theo.docx"; '
        "filename*=UTF-8''du-thao-quyet-dinh-hai-tep-kem-theo.docx")
    other = wait_state(port, PLAN_2024, lambda s: s["status"] in ("ok", "error"))
    assert get(port, f"/file/{PLAN_2024}?build={other['build']}&name=attached.docx")[0] == 404


def test_a_plan_with_an_error_shows_it_located(served):
    preview, ws, _ = served
    port = preview.server.port
    s = wait_state(port, BAD, lambda s: s["status"] in ("ok", "error"))
    assert s["status"] == "error" and s["build"] is None
    line = line_of(ws / "plans" / BAD, UNKNOWN_LEAD)
    [d] = [d for d in s["diagnostics"] if d["severity"] == "error"]
    assert d["code"] == "task.lead-unknown" and d["line"] == line
    assert d["where"].endswith(f"plans/{BAD}:{line}:{d['column']}")
    assert d["abs"] == str((ws / "plans" / BAD).resolve())
    assert d["link"] == f"vscode://file{(ws / 'plans' / BAD).resolve()}:{line}:{d['column']}"
    assert "Sở Tư Phap" in d["message"]


PATHS_OUTSIDE = [
    "/plan/../../secret.yaml",
    "/plan/..%2f..%2fsecret.yaml",
    "/plan/%2e%2e/%2e%2e/secret.yaml",
    "/plan/link.yaml",
    "/plan/outside/plan.yaml",
    "/api/plan/link.yaml",
    "/api/plan/quang-binh%2f2025%2f..%2f..%2f..%2fsecret.yaml",
    "/api/changes/..%2Fsecret.yaml",
    "/events/..%2f..%2fsecret.yaml",
    f"/file/{PLAN_2024}?build=1&name=../../../secret.yaml",
    f"/file/{PLAN_2024}?build=1&name=..%2f..%2f..%2fsecret.yaml",
    "/file/..%2f..%2fsecret.yaml?build=1&name=document.docx",
    "/static/..%2fserver.py",
    "/static/../site.py",
    "/static/%2e%2e%2fsite.py",
    "/plan/..\\..\\secret.yaml",
    "/plan/%00",
    "/plan/%ff%fe",
    "/etc/passwd",
    "//etc/passwd",
]


@pytest.mark.parametrize("path", PATHS_OUTSIDE, ids=range(len(PATHS_OUTSIDE)))
def test_no_path_leaves_path(served, path):
    status, _, body = get(served[0].server.port, path)
    assert status == 404
    assert SECRET.encode() not in body and b"import" not in body


def test_other_hosts_and_writes_are_refused(served):
    port = served[0].server.port
    assert get(port, "/", host=f"evil.example:{port}")[0] == 403  # DNS rebinding
    assert get(port, "/", host=f"localhost:{port}")[0] == 200
    for method in ("POST", "PUT", "DELETE"):
        status, headers, _ = get(port, f"/api/plan/{PLAN_2024}", method=method)
        assert status == 405 and headers["allow"] == "GET, HEAD"
    assert served[0].server.server_address[0] == "127.0.0.1"


def test_changes_against_the_last_commit(served):
    preview, ws, _ = served
    port = preview.server.port
    plan = ws / "plans" / PLAN_2025
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("date: 2025-01-14", "date: 2025-01-15"), encoding="utf-8")
    try:
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        # vanban diff's own words: the header field by name, and the issued-plan warning
        assert c["ok"] and ("Địa danh, ngày tháng: Quảng Bình, ngày 14 tháng 01 năm 2025 → "
                            "Quảng Bình, ngày 15 tháng 01 năm 2025") in c["text"], c["text"]
        assert "CẢNH BÁO: văn bản đã có số" in c["text"]
        plan.write_text(text.replace("\ntitle:", "\ntitel:"), encoding="utf-8")
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])  # does not validate
        assert c["ok"] and c["text"].startswith("Không so sánh theo nội dung được (")
        assert "-title:" in c["text"] and "+titel:" in c["text"]
        c = json.loads(get(port, f"/api/changes/{BAD}")[2])  # untracked: not in HEAD
        assert not c["ok"] and "HEAD" in c["text"]
        for rev in ("--output=/tmp/x", "HEAD:../secret.yaml", "HEAD%20--help"):
            c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev={rev}")[2])
            assert not c["ok"] and c["text"] == "Tên phiên bản (revision) không hợp lệ.", rev
    finally:
        plan.write_text(text, encoding="utf-8")


def _cli_compare(ws: Path, monkeypatch, *args: str) -> bytes:
    """What ``vanban compare … -o`` writes, run in the workspace as a clerk would."""
    from click.testing import CliRunner

    from vanban.cli import main

    monkeypatch.chdir(ws)
    out = ws.parent / "cli-compare.docx"
    result = CliRunner().invoke(main, ["compare", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    out.unlink()
    return data


def test_changes_tab_documents_are_vanban_compare_s_own(served, monkeypatch):
    """The bảng so sánh and the tracked-changes DOCX of the plan against a revision: made on
    demand into the cache folder, byte for byte what ``vanban compare [--tracked]`` writes."""
    from vanban.ooxml.tracked import revisions

    preview, ws, _ = served
    port = preview.server.port
    plan = ws / "plans" / PLAN_2025
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("date: 2025-01-14", "date: 2025-01-15"), encoding="utf-8")
    try:
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["documents"] is True and c["why"] == ""
        import subprocess

        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ws, check=True,
                              capture_output=True, text=True).stdout.strip()
        [revision] = c["revisions"]  # the commits of this plan, to pick from
        assert revision["rev"] == head and revision["label"].endswith(" start")
        got = {}
        for kind in ("bang-so-sanh", "theo-doi-thay-doi"):
            status, headers, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind={kind}")
            assert status == 200, body.decode()
            assert headers["content-disposition"] == (
                f'attachment; filename="ke-hoach-hoa-giai-{kind}.docx"; '
                f"filename*=UTF-8''ke-hoach-hoa-giai-{kind}.docx")
            got[kind] = body
        made = sorted(p.name for p in (preview.cache / "compare").rglob("*.docx"))
        assert made == ["bang-so-sanh.docx", "theo-doi-thay-doi.docx"]
        old = f"HEAD:plans/{PLAN_2025}"
        assert got["bang-so-sanh"] == _cli_compare(ws, monkeypatch, old, str(plan))
        assert got["theo-doi-thay-doi"] == _cli_compare(ws, monkeypatch, "--tracked", old,
                                                        str(plan))
        assert any(kind == "ins" for kind, _ in revisions(got["theo-doi-thay-doi"]))
        assert get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=bang-so-sanh",
                   method="HEAD")[2] == b""

        # A side that does not validate: no documents, and the page and the link say why.
        plan.write_text(text.replace("\ntitle:", "\ntitel:"), encoding="utf-8")
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["documents"] is False
        assert c["why"].startswith("Bảng so sánh và bản theo dõi thay đổi chỉ lập được khi kế "
                                   "hoạch hợp lệ ở cả hai phiên bản (")
        status, _, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=bang-so-sanh")
        assert status == 409
        why = body.decode()
        assert why.startswith("Bảng so sánh và bản theo dõi thay đổi chỉ lập được khi kế hoạch "
                              "hợp lệ ở cả hai phiên bản:\n")
        assert f"plans/{PLAN_2025}:" in why and "lỗi [" in why
    finally:
        plan.write_text(text, encoding="utf-8")
    for path, why in [
        (f"/compare/{BAD}?rev=HEAD&kind=bang-so-sanh", f"Không có plans/{BAD} ở phiên bản HEAD"),
        (f"/compare/{PLAN_2025}?rev=--output=/tmp/x&kind=bang-so-sanh",
         "Tên phiên bản (revision) không hợp lệ."),
        (f"/compare/{PLAN_2025}?rev=HEAD:../secret.yaml&kind=theo-doi-thay-doi",
         "Tên phiên bản (revision) không hợp lệ."),
        (f"/compare/{PLAN_2025}?rev=khong-co&kind=bang-so-sanh", "phiên bản khong-co"),
    ]:
        status, _, body = get(port, path)
        assert status == 409 and why in body.decode(), (path, body.decode())
    c = json.loads(get(port, f"/api/changes/{BAD}")[2])
    assert c["documents"] is False and c["why"] == c["text"] and c["revisions"] == []



def _table_cells(docx: bytes) -> list[list[str]]:
    """The bảng so sánh's rows, each cell's text, read back from the DOCX."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    tables = [[["".join(t.text or "" for t in tc.iter(f"{w}t")) for tc in tr.findall(f"{w}tc")]
               for tr in tbl.findall(f"{w}tr")] for tbl in root.iter(f"{w}tbl")]
    (table,) = [t for t in tables if t[0][0] == "STT"]  # the frame's tables come first
    return table


def test_the_preview_s_table_has_the_plan_s_reasons_and_the_headers_asked(served, monkeypatch):
    """The reasons of ``<plan>.ly-do.yaml`` beside the plan and the column headers of the
    request: the same bảng so sánh as ``vanban compare`` with the same headers (which takes
    that reasons file by default too); a broken reasons file is named."""
    from vanban.serve.engine import plan_files

    preview, ws, _ = served
    port = preview.server.port
    plan = ws / "plans" / PLAN_2025
    reasons = plan.with_name("ke-hoach-hoa-giai.ly-do.yaml")
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("date: 2025-01-14", "date: 2025-01-15"), encoding="utf-8")
    try:
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["documents"] is True and c["reasons"] == ""
        reasons.write_text("ngay: Lùi một ngày theo lịch họp của UBND tỉnh.\n", encoding="utf-8")
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["reasons"] == "ke-hoach-hoa-giai.ly-do.yaml"
        assert reasons not in plan_files(ws / "plans")  # a reasons file is no plan
        columns = {"old-header": "Dự thảo lần 1", "new-header": "Dự thảo lần 2",
                   "reason-header": "Giải trình"}
        query = "".join(f"&{k}={quote(v)}" for k, v in columns.items())
        status, _, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=bang-so-sanh{query}")
        assert status == 200, body.decode()
        rows = _table_cells(body)
        assert rows[0] == ["STT", "Dự thảo lần 1", "Dự thảo lần 2", "Giải trình"]
        [row] = [r for r in rows[1:] if "15 tháng 01" in r[2]]
        assert "14 tháng 01" in row[1] and row[3] == "Lùi một ngày theo lịch họp của UBND tỉnh."
        args = [arg for k, v in columns.items() for arg in (f"--{k}", v)]
        assert body == _cli_compare(ws, monkeypatch, f"HEAD:plans/{PLAN_2025}", str(plan), *args)

        # Empty headers are the defaults; the tracked-changes document has no reasons.
        status, _, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=bang-so-sanh"
                                    "&old-header=&new-header=%20")
        assert status == 200 and _table_cells(body)[0] == [
            "STT", "Nội dung cũ", "Nội dung mới", "Lý do, giải trình"]
        assert get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=theo-doi-thay-doi")[0] == 200

        reasons.write_text("- ngay\n", encoding="utf-8")
        status, _, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD&kind=bang-so-sanh")
        why = body.decode()
        assert status == 409 and why.startswith(
            f"Tệp lý do plans/{PLAN_2025[:-5]}.ly-do.yaml có lỗi:\n"), why
        assert "[reasons.not-mapping]" in why
    finally:
        plan.write_text(text, encoding="utf-8")
        reasons.unlink(missing_ok=True)

COMPARE_REFUSED = [
    "/compare/..%2f..%2fsecret.yaml?rev=HEAD&kind=bang-so-sanh",
    "/compare/link.yaml?rev=HEAD&kind=bang-so-sanh",
    "/compare/outside/plan.yaml?rev=HEAD&kind=bang-so-sanh",
    f"/compare/{PLAN_2025}?rev=HEAD&kind=..%2f..%2fsecret.yaml",
    f"/compare/{PLAN_2025}?rev=HEAD&kind=document.docx",
    f"/compare/{PLAN_2025}?rev=HEAD",
]


@pytest.mark.parametrize("path", COMPARE_REFUSED, ids=range(len(COMPARE_REFUSED)))
def test_compare_reaches_no_other_file(served, path):
    status, _, body = get(served[0].server.port, path)
    assert status == 404 and SECRET.encode() not in body
    for method in ("POST", "PUT"):
        assert get(served[0].server.port, path, method=method)[0] == 405


def test_nothing_was_written_into_the_source_tree(served):
    _, ws, before = served
    assert _tree(ws) == before


@pytest.mark.pdf
def test_cold_office_and_no_pdftoppm_the_page_gets_the_pdf_itself(tmp_path, monkeypatch):
    """No Python with uno: one LibreOffice per conversion; no pdftoppm: no page images, the
    page shows the PDF (served inline)."""
    import shutil
    import sys

    from vanban.serve import pages, state
    from vanban.serve.app import Preview

    if shutil.which("soffice") is None:
        pytest.skip("no LibreOffice (apt-get install libreoffice-writer-nogui)")
    for module in (pages, state):
        monkeypatch.setattr(module, "rasterizer", lambda: None)
    monkeypatch.setenv("VANBAN_UNO_PYTHON", sys.executable)  # the project's Python: no uno
    ws = make_workspace(tmp_path)
    preview = Preview(ws / "plans", workspace=ws)
    preview.start()
    try:
        assert preview.office.mode == "cold" and preview.office.pid is None
        port = preview.server.port
        s = wait_state(port, PLAN_2025, lambda s: s["status"] in ("ok", "error"))
        assert s["files"] == ["document.docx", "document.pdf"] and s["pages"] == []
        assert s["pages_tool"] is False and s["notice"] == ""
        status, headers, body = get(port, f"/file/{PLAN_2025}?build={s['build']}"
                                          "&name=document.pdf")
        assert status == 200 and body[:5] == b"%PDF-"
        assert headers["content-type"] == "application/pdf"
        assert headers["content-disposition"].startswith('inline; filename="ke-hoach-hoa-giai.pdf"')
    finally:
        preview.close()


def test_events_tell_a_new_page_the_version_at_once(served):
    import http.client

    port = served[0].server.port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", f"/events/{PLAN_2025}?since=0")
        answer = conn.getresponse()
        assert answer.status == 200
        assert answer.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        lines = [answer.fp.readline() for _ in range(4)]
    finally:
        conn.close()
    assert lines[:3] == [b"retry: 1000\n", b"\n", b"event: state\n"]
    assert lines[3].startswith(b"data: ") and int(lines[3][6:]) >= 1


def _plans(port: int) -> dict[str, dict]:
    status, _, body = get(port, "/api/plans")
    assert status == 200
    return {row["plan"]: row for row in json.loads(body)["plans"]}


def _until(port: int, done, timeout: float = 60) -> dict[str, dict]:
    """Poll the list of plans until ``done(rows)`` (a limit for a broken server, not a speed
    check)."""
    import time

    deadline = time.monotonic() + timeout
    while not done(rows := _plans(port)):
        assert time.monotonic() < deadline, rows
        time.sleep(0.1)
    return rows


def test_the_list_of_plans_follows_plans_added_removed_and_broken(served):
    """While a list page follows ``/events/``, every plan is validated (not built) to show its
    errors; a plan saved, added or removed changes the list and tells the page."""
    import http.client

    preview, ws, _ = served
    port = preview.server.port
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    added = ws / "plans" / "quang-binh" / "2025" / "them.yaml"
    try:
        conn.request("GET", "/events/?since=0")
        stream = conn.getresponse()
        assert stream.status == 200
        assert [stream.fp.readline() for _ in range(3)] == [b"retry: 1000\n", b"\n",
                                                            b"event: state\n"]
        version = int(stream.fp.readline()[6:])
        rows = _until(port, lambda rows: all(r["errors"] is not None for r in rows.values()))
        assert rows[BAD]["errors"] == 1 and rows[PLAN_2024]["errors"] == 0
        assert set(rows) == set(preview.site.plan_keys())

        added.write_text((ws / "plans" / BAD).read_text(encoding="utf-8"), encoding="utf-8")
        rows = _until(port, lambda rows: rows.get("quang-binh/2025/them.yaml", {}).get("errors"))
        assert rows["quang-binh/2025/them.yaml"]["errors"] == 1
        assert stream.fp.readline() == b"\n"  # the page was told (a new version)
        assert stream.fp.readline() == b"event: state\n"
        assert int(stream.fp.readline()[6:]) > version

        added.write_text((ws / "plans" / PLAN_2024).read_text(encoding="utf-8"),
                         encoding="utf-8")  # fixed: its error goes
        _until(port, lambda rows: rows["quang-binh/2025/them.yaml"]["errors"] == 0)
        added.unlink()
        _until(port, lambda rows: "quang-binh/2025/them.yaml" not in rows)
    finally:
        conn.close()
        added.unlink(missing_ok=True)
    status, headers, _ = get(port, "/static/index.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert get(port, "/", method="HEAD")[0] == 200
    for path in ("/api/plans/..%2fsecret.yaml", "/api/plansx", "/events/%2e%2e"):
        assert get(port, path)[0] == 404, path
    assert get(port, "/api/plans", method="POST")[0] == 405

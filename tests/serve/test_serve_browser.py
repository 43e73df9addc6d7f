"""End to end: a real headless Chromium (Debian's ``chromium``) against a real ``vanban serve``
with a warm LibreOffice. Open a plan, see its printed pages; save a change on disk and see the
page follow without a reload, scroll position kept; save an error and see it on top, with its
line, over the last good pages greyed. Screenshots go to tests/artifacts/serve/."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from tests.serve.helpers import (
    PLAN_2024,
    ROOT,
    TWO_FILES,
    UNKNOWN_LEAD,
    line_of,
    make_workspace,
    with_unknown_lead,
)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = ROOT / "tests" / "artifacts" / "serve"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FIRST_PAGE_TOP = "() => document.querySelector('#pages img.page').getBoundingClientRect().top"
WAIT_MS = 90_000  # a limit for a broken preview, not a speed check

pytestmark = [
    pytest.mark.pdf,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium)"),
    pytest.mark.skipif(shutil.which("soffice") is None,
                       reason="no LibreOffice (apt-get install libreoffice-writer-nogui)"),
    pytest.mark.skipif(shutil.which("pdftoppm") is None,
                       reason="no pdftoppm (apt-get install poppler-utils)"),
]


def _first_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        with proc.stdout:  # closed here, at the end of the output, when the server is gone
            for line in proc.stdout:
                lines.put(line)

    proc.reader = threading.Thread(target=read, daemon=True)
    proc.reader.start()
    try:
        return lines.get(timeout=timeout)
    except queue.Empty:
        proc.kill()
        pytest.fail("vanban serve printed no address")


def _start(ws: Path, port: str = "0") -> tuple[subprocess.Popen, str]:
    """``vanban serve plans --port PORT`` (the program as installed: ``cli.run``) in ``ws``;
    the process and its address. A given port that another process of the machine (a test
    running beside this one) took meanwhile is tried again for a while: the server says it is
    busy and exits, as it should."""
    import time

    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), PYTHONUNBUFFERED="1")
    deadline = time.monotonic() + 60
    while True:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from vanban.cli import run; run()", "serve", "plans",
             "--port", port], cwd=ws, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL,
            start_new_session=True)
        line = _first_line(proc)
        if "[serve.port-busy]" not in line or port == "0" or time.monotonic() > deadline:
            break
        _end(proc)
        time.sleep(1)
    assert line.startswith("vanban serve: http://127.0.0.1:"), line
    return proc, line.split()[2]


def _end(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    proc.reader.join(timeout=30)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server on a workspace copy; yields (url, workspace, process)."""
    ws = make_workspace(tmp_path_factory.mktemp("browser"), git=True)
    proc, url = _start(ws)
    try:
        yield url, ws, proc
    finally:
        _end(proc)  # the Ctrl+C test stops it; after a failure, this does


@pytest.fixture(scope="module")
def page(server):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as pw:
        # Debian's chromium: a test tool's own browser download is not needed.
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser.new_page(viewport={"width": 1100, "height": 900})
        finally:
            browser.close()


def _pages_of(page, build_not: str | None = None) -> str:
    """Wait until the page images of a build (other than ``build_not``) are all shown."""
    page.wait_for_function(
        "(old) => { const b = document.getElementById('pages').dataset.build;"
        " return b !== undefined && b !== old; }", arg=build_not, timeout=WAIT_MS)
    return page.get_attribute("#pages", "data-build")


def test_open_edit_break(server, page):
    url, ws, _ = server
    plan = ws / "plans" / PLAN_2024
    text = plan.read_text(encoding="utf-8")

    # Open the plan from the list: its printed pages, no problems, the check findings tab.
    page.goto(url)
    page.click(f"text={PLAN_2024}")
    first = _pages_of(page)
    assert page.locator("#pages img.page").count() == 5
    assert page.locator("#problems").is_hidden()
    assert page.locator("#status").inner_text().startswith("Đã cập nhật")
    assert "Tải DOCX" in page.locator("#downloads").inner_text()
    page.wait_for_function("() => document.getElementById('findings-note').textContent"
                           ".includes('--pdf')", timeout=WAIT_MS)  # checked on the PDF too
    assert page.locator("#findings li.finding.ok").count() == 1
    page.screenshot(path=str(ARTIFACTS / "1-opened.png"), full_page=True)

    # Save a new title: the page follows by itself (no reload), at the same scroll position.
    page.evaluate("window.__notReloaded = true; window.scrollTo(0, 1500)")
    scrolled = page.evaluate("window.scrollY")
    new_title = "Thí điểm xem trước bản in khi soạn kế hoạch"
    plan.write_text(_replace_title(text, new_title), encoding="utf-8")
    second = _pages_of(page, first)
    page.wait_for_function("(t) => document.getElementById('text').textContent.includes(t)",
                           arg=new_title, timeout=WAIT_MS)
    assert page.evaluate("window.__notReloaded") is True
    assert page.evaluate("window.scrollY") == scrolled
    sources = page.eval_on_selector_all("#pages img.page", "els => els.map(e => e.src)")
    assert all(f"build={second}&" in s for s in sources)
    page.screenshot(path=str(ARTIFACTS / "2-edited.png"))

    # Save an error: it shows on top with its line; the last good pages stay, greyed, unmoved.
    first_top = page.evaluate(FIRST_PAGE_TOP)
    good = plan.read_text(encoding="utf-8")
    broken = with_unknown_lead(good)
    plan.write_text(broken, encoding="utf-8")
    line = line_of(plan, UNKNOWN_LEAD)
    page.wait_for_selector("#diagnostics li.error", timeout=WAIT_MS)
    item = page.locator("#diagnostics li.error").first
    assert f"plans/{PLAN_2024}:{line}:" in item.inner_text()
    assert "[task.lead-unknown]" in item.inner_text()
    link = item.locator("a").get_attribute("href")
    assert link.startswith(f"vscode://file{plan.resolve()}:{line}:")  # file/tmp/…, one slash
    assert page.locator("#pages").get_attribute("class") == "pages stale"
    assert page.locator("#pages img.page").count() == 5
    assert page.get_attribute("#pages", "data-build") == second
    assert abs(page.evaluate(FIRST_PAGE_TOP) - first_top) < 2  # not pushed down by the errors
    assert page.evaluate("window.scrollY") == scrolled
    assert page.locator("#problems").is_visible()  # over the pages, under the header
    assert page.evaluate("window.__notReloaded") is True
    page.screenshot(path=str(ARTIFACTS / "3-error.png"))
    # The tabs stay in reach over the errors, and the text starts below them (greyed).
    page.click("button[data-tab=text]", timeout=5000)
    top = page.evaluate("() => document.getElementById('text').getBoundingClientRect().top"
                        " + window.scrollY")
    assert top >= page.evaluate("() => document.getElementById('problems')"
                                ".getBoundingClientRect().bottom")
    assert page.locator("#text").get_attribute("class") == "text stale"
    page.click("button[data-tab=pages]", timeout=5000)
    page.evaluate(f"window.scrollTo(0, {scrolled})")

    # Fix it: the errors go, the pages are bright again.
    plan.write_text(good, encoding="utf-8")
    _pages_of(page, second)
    page.wait_for_selector("#problems", state="hidden", timeout=WAIT_MS)
    assert page.locator("#pages").get_attribute("class") == "pages"
    assert page.evaluate("window.__notReloaded") is True


def test_list_two_documents_and_the_changes_tab(server, page):
    """The list shows each plan's errors and follows a plan added and removed; a Quyết định
    in two files shows both documents; the changes tab downloads the bảng so sánh."""
    url, ws, _ = server
    page.goto(url)
    page.wait_for_selector(f'li[data-plan="{PLAN_2024}"] .badge.ok', timeout=WAIT_MS)
    page.evaluate("window.__notReloaded = true")
    added = ws / "plans" / "quang-binh" / "2024" / "them.yaml"
    added.write_text(with_unknown_lead((ws / "plans" / PLAN_2024).read_text(encoding="utf-8")),
                     encoding="utf-8")
    badge = page.locator('li[data-plan="quang-binh/2024/them.yaml"] .badge.error')
    badge.wait_for(timeout=WAIT_MS)
    assert badge.inner_text() == "1 lỗi" and page.evaluate("window.__notReloaded") is True
    page.screenshot(path=str(ARTIFACTS / "6-list.png"))
    added.unlink()
    badge.wait_for(state="detached", timeout=WAIT_MS)

    page.click(f"text={TWO_FILES}")
    page.wait_for_function("() => document.getElementById('attached-pages').dataset.build",
                           timeout=WAIT_MS)
    assert page.locator("#pages img.page").count() == 1  # the decision
    assert page.locator("#attached-pages img.page").count() == 5  # the plan it issues
    assert page.locator("#downloads").inner_text().split("\n") == [
        "Tải DOCX", "Tải PDF", "Tải DOCX kèm theo", "Tải PDF kèm theo"]
    page.locator("#attached h2").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "7-two-documents.png"))

    # PLAN_2024 differs from its commit (its title, saved above): the comparison documents.
    page.goto(f"{url}plan/{PLAN_2024}")
    page.click("button[data-tab=changes]")
    link = page.locator("#compare-links a.bang-so-sanh")
    link.wait_for(timeout=WAIT_MS)
    assert "Trích yếu" in page.locator("#changes").inner_text()
    with page.expect_download(timeout=WAIT_MS) as download:
        link.click()
    assert download.value.suggested_filename == "ke-hoach-hoa-giai-bang-so-sanh.docx"
    assert Path(download.value.path()).read_bytes()[:2] == b"PK"
    assert page.locator("#compare-links .reasons").inner_text().startswith("Chưa có tệp lý do")
    # Column headers typed on the tab go with the bảng so sánh's link (not the tracked one's).
    page.click("#columns summary")
    page.fill("#old-header", "Dự thảo lần 1")
    page.dispatch_event("#old-header", "change")
    page.wait_for_function("() => document.querySelector('#compare-links a.bang-so-sanh')"
                           ".href.includes('old-header=D%E1%BB%B1')", timeout=WAIT_MS)
    assert "header" not in page.locator("#compare-links a.theo-doi-thay-doi").get_attribute(
        "href")
    page.screenshot(path=str(ARTIFACTS / "8-changes.png"))
    page.click("button[data-tab=pages]")
    _pages_of(page)
    page.evaluate("window.__notReloaded = true")  # for the page left open below


def _replace_title(text: str, title: str) -> str:
    """The plan with its trích yếu (the top-level ``title:``, a folded block) replaced."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, ln in enumerate(lines) if ln.startswith("title:"))
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    return "".join(lines[:start] + [f"title: {title}\n"] + lines[end:])


def test_ctrl_c_stops_the_server_and_its_office(server):
    """Ctrl+C ends the server with the LibreOffice it kept warm (no process left behind)."""
    from vanban.serve.office import find_uno_python

    proc = server[2]
    marker = f"name=vanban-serve-{proc.pid}-"  # the pipe of the offices this server started
    if find_uno_python(Path(shutil.which("soffice"))) is None:
        pytest.skip("no Python with uno: no office is kept warm, so none can be left behind")
    assert _wait_for(lambda: any("soffice" in c for c in _cmdlines(marker)))
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    assert _wait_for(lambda: _cmdlines(marker) == []), _cmdlines(marker)


def test_a_page_left_open_follows_the_server_started_again(server, page):
    """After Ctrl+C the page stays open; a server started again on the same port is found by
    it (its builds count from 1 again) and it follows the next save, still without a reload."""
    url, ws, _ = server
    old = page.get_attribute("#pages", "data-build")
    proc, again = _start(ws, url.rsplit(":", 1)[1].strip("/"))
    try:
        assert again == url
        _pages_of(page, old)
        plan = ws / "plans" / PLAN_2024
        title = "Kế hoạch thử sau khi khởi động lại"
        plan.write_text(_replace_title(plan.read_text(encoding="utf-8"), title), encoding="utf-8")
        page.wait_for_function("(t) => document.getElementById('text').textContent.includes(t)",
                               arg=title, timeout=WAIT_MS)
        assert page.evaluate("window.__notReloaded") is True
        page.screenshot(path=str(ARTIFACTS / "4-restarted.png"))
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
    finally:
        _end(proc)


def test_without_libreoffice_the_page_shows_the_text_and_what_to_install(page, tmp_path,
                                                                         monkeypatch):
    from vanban.serve.app import Preview

    ws = make_workspace(tmp_path)
    monkeypatch.setenv("VANBAN_SOFFICE", str(ws / "no-libreoffice-here"))
    preview = Preview(ws / "plans", workspace=ws)
    preview.start()
    try:
        page.goto(f"{preview.url}plan/{PLAN_2024}")
        page.wait_for_function("() => document.getElementById('text').textContent"
                               ".includes('KẾ HOẠCH')", timeout=WAIT_MS)
        assert page.locator("#tab-text").is_visible() and page.locator("#tab-pages").is_hidden()
        assert "apt-get install libreoffice" in page.locator("#install").inner_text()
        assert page.locator("#downloads").inner_text() == "Tải DOCX"
        page.screenshot(path=str(ARTIFACTS / "5-no-libreoffice.png"))
    finally:
        preview.close()


def _wait_for(condition, timeout: float = 60) -> bool:
    """Whether ``condition()`` came true within ``timeout`` seconds."""
    import time

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _cmdlines(marker: str) -> list[str]:
    """The command lines of the running processes that contain ``marker``."""
    out = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_text(errors="replace").replace("\0", " ")
            except OSError:
                continue
            if marker in cmdline:
                out.append(cmdline)
    return out

"""``vanban serve --lang en``: the list and plan pages, the changes tab and the note on what to
install are in English (the plan's own text stays Vietnamese); served without LibreOffice, read
through a real HTTP client, and the page's script read in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from tests.serve.helpers import PLAN_2025, get, make_workspace, wait_state

from vanban.serve.words_en import PAGE_WORDS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Vietnamese words of the pages and scripts (not of a plan, whose name here is ASCII; the
# placeholders "Nội dung cũ", "Nội dung mới" are the comparison table's own Vietnamese titles).
VIETNAMESE = re.compile(r"Đang|Danh sách|Bản in|Nội dung chữ|Kiểm tra|Thay đổi|kèm theo|So sánh|"
                        r"Cột|lỗi|cảnh báo|Tải|Chọn|Không có|Cài|xem trước")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """An English preview of a workspace copy in git; LibreOffice hidden."""
    from vanban.serve.app import Preview

    ws = make_workspace(tmp_path_factory.mktemp("serve-en"), git=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("VANBAN_SOFFICE", str(ws / "no-libreoffice-here"))
        preview = Preview(ws / "plans", workspace=ws, lang="en")
    preview.start()
    try:
        yield preview, ws
    finally:
        preview.close()


def test_the_pages_are_in_english(served):
    preview, _ = served
    port = preview.server.port
    index = get(port, "/")[2].decode()
    assert '<html lang="en">' in index and "<title>vanban: plan preview</title>" in index
    assert "Choose a plan." in index and VIETNAMESE.findall(index) == []
    page = get(port, f"/plan/{PLAN_2025}")[2].decode()
    assert '<html lang="en">' in page and ">Printed pages<" in page
    assert VIETNAMESE.findall(page) == []
    assert [vi for vi, _ in PAGE_WORDS if vi in index + page] == []
    status, _, body = get(port, "/khong-co")
    assert (status, body.decode().strip()) == (404, "No such page.")


def test_the_state_says_what_to_install_in_english(served):
    preview, _ = served
    s = wait_state(preview.server.port, PLAN_2025, lambda s: s["status"] in ("ok", "error"))
    assert s["install"].startswith("Install LibreOffice to see the printed pages: sudo apt-get")


def test_the_changes_tab_speaks_english(served):
    preview, ws = served
    plan = ws / "plans" / PLAN_2025
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("timeline: Quý II, quý III năm 2025",
                                 "timeline: Quý III năm 2025"), encoding="utf-8")
    port = preview.server.port
    try:
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["ok"] and "  2. [tap-huan] Timeline: Quý II, quý III năm 2025 → Quý III năm " \
            "2025" in c["text"].splitlines(), c["text"]
        assert "WARNING: this document has a number (it was issued)" in c["text"]
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=--x")[2])
        assert c["text"] == "Not a valid revision name."
        plan.write_text(text.replace("\ntitle:", "\ntitel:"), encoding="utf-8")
        c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
        assert c["text"].startswith("Cannot compare by content (Unknown field"), c["text"]
    finally:
        plan.write_text(text, encoding="utf-8")
    c = json.loads(get(port, f"/api/changes/{PLAN_2025}?rev=HEAD")[2])
    assert c["text"] == "No difference."


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (apt-get install chromium)")
def test_the_scripts_write_english(served):
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    preview, _ = served
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.goto(preview.url)
            page.wait_for_function("() => document.querySelector('#plans .badge')"
                                   " && !document.querySelector('#plans .badge.busy')",
                                   timeout=90_000)
            badges = page.locator("#plans .badge").all_inner_texts()
            assert badges and all(re.fullmatch(r"valid|checking…|\d+ (error|warning)\(s\)", b)
                                  for b in badges), badges
            page.goto(f"{preview.url}plan/{PLAN_2025}")
            page.wait_for_function("() => document.getElementById('text').textContent"
                                   ".includes('KẾ HOẠCH')", timeout=90_000)
            assert page.locator("#downloads").inner_text() == "Download DOCX"
            assert page.locator("#status").inner_text().startswith("Up to date (built in ")
            assert page.locator("#tab-pages #notice").inner_text().startswith(
                "No printed pages: LibreOffice is not installed")
        finally:
            browser.close()


def test_a_comparison_that_cannot_be_made_says_why_in_english(served):
    preview, _ = served
    port = preview.server.port
    status, _, body = get(port, f"/compare/{PLAN_2025}?rev=HEAD~9&kind=bang-so-sanh")
    assert status == 409
    assert body.decode().strip() == (
        "No plans/quang-binh/2025/ke-hoach-hoa-giai.yaml in revision HEAD~9 (a new file, or no "
        "such revision).")

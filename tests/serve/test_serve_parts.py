"""The parts of ``vanban serve`` under the routes: which plans a saved file affects, the time
limit on helper processes (a hanging build cannot hang the server), the warm LibreOffice
restarting after it died."""

from __future__ import annotations

import os
import shutil
import signal
import struct
import sys
import textwrap
from pathlib import Path

import pytest
from tests.serve.helpers import PLAN_2024, PLAN_2025, ROOT, make_workspace

QT = "quang-trach/2025/ke-hoach-hoa-giai.yaml"

# A helper that says it is ready, then answers {"echo": …} at once or never ("hang").
SLOW_HELPER = textwrap.dedent("""
    import json, sys, time
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if request.get("hang"):
            time.sleep(3600)
        print(json.dumps({"echo": request}), flush=True)
""")


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Path:
    ws = make_workspace(tmp_path_factory.mktemp("parts"))
    (ws / "plans" / "quang-binh" / "_shared").mkdir(exist_ok=True)
    (ws / "plans" / "quang-binh" / "_shared" / "don-vi.yaml").write_text("units: []\n")
    return ws


AFFECTS = [
    ("the plan itself", PLAN_2024, PLAN_2024, True),
    ("another plan", PLAN_2025, PLAN_2024, False),
    ("the shared registry", "_shared/don-vi.yaml", QT, True),
    ("a registry of its folder", "quang-binh/_shared/don-vi.yaml", PLAN_2024, True),
    ("a registry of another folder", "quang-binh/_shared/don-vi.yaml", QT, False),
    ("a template", "../templates/mau-1-4.docx", QT, True),
    ("a DOCX that is no template", "quang-binh/2024/ban-in.docx", PLAN_2024, False),
]


@pytest.mark.parametrize(("changed", "plan", "expected"), [a[1:] for a in AFFECTS],
                         ids=[a[0] for a in AFFECTS])
def test_which_plans_a_save_affects(ws, changed, plan, expected):
    from vanban.serve import engine

    plans = ws / "plans"
    assert engine.affects(plans / plan, plans / changed) is expected


def test_a_save_rebuilds_only_the_plans_looked_at_that_it_affects(ws):
    from vanban.serve.site import Site

    plans = ws / "plans"
    site = Site(plans, ws, ws / "cache-not-used", office=None, worker=_helper())
    for key in (PLAN_2024, QT):
        site.want(key)  # looked at (no builder thread runs: builds stay queued)
    assert site.changed([plans / PLAN_2025]) == []
    assert site.changed([plans / "quang-binh" / "_shared" / "don-vi.yaml"]) == [PLAN_2024]
    assert site.changed([plans / "_shared" / "nguoi-ky.yaml"]) == [PLAN_2024, QT]
    assert site.snapshot(PLAN_2025)["status"] == "new"  # built when it is opened
    site.follow(QT, True)
    site.follow(QT, False)  # its page was closed
    assert site.changed([plans / "_shared" / "nguoi-ky.yaml"]) == [PLAN_2024]
    # A document made from another plan (a Quyết định and the plan it issues) follows it.
    site._states[PLAN_2024].depends = frozenset({(plans / PLAN_2025).resolve()})
    assert site.changed([plans / PLAN_2025]) == [PLAN_2024]


def _helper() -> object:
    from vanban.serve.process import LineProcess

    return LineProcess([sys.executable, "-c", SLOW_HELPER], ready_timeout=30)


def test_a_helper_that_hangs_is_killed_and_started_again():
    from vanban.serve.process import ProcessError

    helper = _helper()
    try:
        assert helper.request({"n": 1}, timeout=30) == {"echo": {"n": 1}}
        first = helper.pid
        with pytest.raises(ProcessError) as caught:
            helper.request({"hang": True}, timeout=0.5)
        assert caught.value.timed_out and not helper.alive
        with pytest.raises(ProcessLookupError):
            os.kill(first, 0)  # killed, not left running
        assert helper.request({"n": 2}, timeout=30) == {"echo": {"n": 2}}
        assert helper.pid != first
    finally:
        helper.stop()


def test_closing_ends_a_request_under_way_and_for_good():
    import threading

    from vanban.serve.process import ProcessError

    helper = _helper()
    helper.start()
    failed = []

    def ask() -> None:
        try:
            helper.request({"hang": True}, timeout=600)
        except ProcessError as exc:
            failed.append(exc)

    asking = threading.Thread(target=ask)
    asking.start()
    while not helper._lock.locked() and asking.is_alive():  # the request is under way
        asking.join(timeout=0.01)
    helper.close()  # as on Ctrl+C while a build hangs
    asking.join(timeout=30)
    assert not asking.is_alive() and len(failed) == 1 and not failed[0].timed_out
    with pytest.raises(ProcessError):
        helper.request({"n": 1}, timeout=30)  # not started again
    assert not helper.alive


def test_closing_while_the_helper_is_being_started_ends_it(monkeypatch):
    """close() while Popen runs sees no process to kill; the starting request must notice
    (before the fix it went on, sent its request and hung until its own time limit)."""
    import subprocess
    import threading
    import time

    from vanban.serve import process

    helper = _helper()
    real = subprocess.Popen
    closers = []

    def popen(*args, **kwargs):
        closer = threading.Thread(target=helper.close)
        closer.start()
        closers.append(closer)
        while not helper._closed:
            time.sleep(0.001)
        return real(*args, **kwargs)

    monkeypatch.setattr(process.subprocess, "Popen", popen)
    with pytest.raises(process.ProcessError) as failed:
        helper.request({"hang": True}, timeout=20)
    assert not failed.value.timed_out
    closers[0].join(timeout=30)
    assert not closers[0].is_alive() and not helper.alive


def test_a_build_that_hangs_becomes_a_located_error_and_the_site_goes_on(ws, tmp_path):
    from vanban.serve.process import LineProcess
    from vanban.serve.site import Site

    # A worker that never answers a build (as a renderer stuck in a loop would).
    hanging = LineProcess([sys.executable, "-c", SLOW_HELPER.replace('request.get("hang")',
                                                                     "True")])
    site = Site(ws / "plans", ws, tmp_path, office=None, worker=hanging, timeout=0.5)
    site.start()
    try:
        site.want(PLAN_2024)
        version = 0
        while site.snapshot(PLAN_2024)["status"] not in ("ok", "error"):
            version = site.wait(PLAN_2024, version, 60)
        s = site.snapshot(PLAN_2024)
        [d] = s["diagnostics"]
        assert s["status"] == "error" and d["code"] == "serve.build-failed"
        assert d["file"].endswith(PLAN_2024) and "0.5 giây" in d["message"]
        assert not hanging.alive  # killed
        assert site.snapshot(PLAN_2025)["status"] == "new"  # the site still answers
    finally:
        site.close()


@pytest.mark.pdf
def test_the_warm_office_starts_again_after_it_died(tmp_path):
    from vanban.serve import engine
    from vanban.serve.office import Office, find_uno_python
    from vanban.serve.pages import DPI, rasterize

    soffice = shutil.which("soffice")
    if soffice is None or find_uno_python(Path(soffice)) is None:
        pytest.skip("no LibreOffice with a Python that has uno (apt-get install python3-uno)")
    docx = tmp_path / "a.docx"
    docx.write_bytes(engine.build_plan(ROOT / "plans" / PLAN_2025, ROOT / "plans", ROOT)["docx"])
    office = Office(tmp_path / "profile")
    try:
        assert office.mode == "warm"
        office.convert(docx, tmp_path / "1.pdf")
        first = office.pid
        os.killpg(first, signal.SIGKILL)  # LibreOffice dies (with its bridge)
        office.convert(docx, tmp_path / "2.pdf")
        assert office.pid != first
        assert (tmp_path / "1.pdf").read_bytes()[:5] == (tmp_path / "2.pdf").read_bytes()[:5] \
            == b"%PDF-"
    finally:
        office.close()
    # The pages as PNG images: A4 at DPI, one per PDF page, nothing else left in the folder.
    (tmp_path / "pages").mkdir()
    names = rasterize(tmp_path / "2.pdf", tmp_path / "pages")
    assert names == [f"page-{n}.png" for n in range(1, len(names) + 1)] and len(names) > 1
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == sorted(names)
    png = (tmp_path / "pages" / "page-1.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))


def test_saving_a_template_or_a_registry_rebuilds_the_open_plan(tmp_path, monkeypatch):
    from vanban.serve.app import Preview

    ws = make_workspace(tmp_path)
    monkeypatch.setenv("VANBAN_SOFFICE", str(ws / "no-libreoffice-here"))
    preview = Preview(ws / "plans", workspace=ws)
    preview.start()
    site = preview.site
    try:
        site.want(PLAN_2024)
        builds = [_next_build(site, None)]
        for saved in (ws / "templates" / "mau-1-4.docx", ws / "plans" / "_shared" / "nguoi-ky.yaml"):
            saved.write_bytes(saved.read_bytes())  # saved again, unchanged: still a save
            builds.append(_next_build(site, builds[-1]))
        assert len(set(builds)) == 3
        assert site.snapshot(PLAN_2025)["status"] == "new"  # not open: not built
    finally:
        preview.close()


def _next_build(site, old: int | None) -> int:
    """Wait for a good build of the 2024 plan other than ``old``; its number."""
    import time

    version, deadline = 0, time.monotonic() + 120  # a limit for a lost save, not a speed check
    while True:
        s = site.snapshot(PLAN_2024)
        if s["status"] == "ok" and s["build"] != old:
            return s["build"]
        assert s["status"] != "error", s["diagnostics"]
        assert time.monotonic() < deadline, "the save was not seen"
        version = site.wait(PLAN_2024, version, 5)
        assert version is not None


PPM = [
    ("grey page", b"P6\n2 1\n255\n" + bytes([0, 0, 0, 200, 200, 200]), 0, bytes([0, 200])),
    ("red ink", b"P6 2 1 255\n" + bytes([255, 0, 0, 255, 255, 255]), 2,
     bytes([255, 0, 0, 255, 255, 255])),
    ("comment", b"P6\n# pdftoppm\n1 2\n255\n" + bytes([9, 9, 9, 7, 7, 7]), 0, bytes([9, 7])),
]


@pytest.mark.parametrize(("ppm", "colour", "pixels"), [p[1:] for p in PPM], ids=[p[0] for p in PPM])
def test_ppm_to_png_keeps_every_pixel(ppm, colour, pixels):
    import zlib

    from vanban.serve.pages import ppm_to_png

    png = ppm_to_png(ppm)
    width, height, depth, kind = struct.unpack(">IIBB", png[16:26])
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and depth == 8 and kind == colour
    idat = png.index(b"IDAT")
    size = struct.unpack(">I", png[idat - 4:idat])[0]
    rows = zlib.decompress(png[idat + 4:idat + 4 + size])
    stride = len(pixels) // height
    assert rows == b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))
    assert width * (3 if colour == 2 else 1) == stride


def test_ppm_that_is_not_rgb_is_refused():
    from vanban.serve.pages import PagesError, ppm_to_png

    with pytest.raises(PagesError, match="không đọc được"):
        ppm_to_png(b"P5\n1 1\n255\n\x00")


LINKS = [
    ("posix", "/home/an/ke hoạch.yaml", "vscode://file/home/an/ke%20ho%E1%BA%A1ch.yaml:3:5"),
    ("windows", "C:/Users/an/kh.yaml", "vscode://file/C:/Users/an/kh.yaml:3:5"),
]


@pytest.mark.parametrize(("path", "link"), [x[1:] for x in LINKS], ids=[x[0] for x in LINKS])
def test_editor_links_have_one_slash_after_file(path, link):
    from pathlib import PurePosixPath

    from vanban.serve.engine import editor_link

    assert editor_link(PurePosixPath(path), 3, 5) == link

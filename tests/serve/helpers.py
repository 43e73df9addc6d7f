"""Helpers of the ``vanban serve`` tests: a copy of the example workspace to edit freely, and
small helpers to talk to the server as a browser would."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAN_2024 = "quang-binh/2024/ke-hoach-hoa-giai.yaml"
PLAN_2025 = "quang-binh/2025/ke-hoach-hoa-giai.yaml"
TWO_FILES = "quang-binh/2025/du-thao-quyet-dinh-hai-tep.yaml"
"""A Quyết định in the two-files layout: a second output, <name>-kem-theo.docx."""


def make_workspace(where: Path, *, git: bool = False) -> Path:
    """A copy of the example workspace (plans/ and templates/) under ``where``."""
    ws = where / "ws"
    shutil.copytree(ROOT / "plans", ws / "plans")
    shutil.copytree(ROOT / "templates", ws / "templates")
    if git:
        for args in (["init", "-q"], ["add", "-A"],
                     ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start"]):
            subprocess.run(["git", *args], cwd=ws, check=True, capture_output=True)
    return ws


def get(port: int, path: str, *, host: str | None = None, method: str = "GET"
        ) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of one request, with ``path`` sent exactly as written."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=True)
        conn.putheader("Host", host or f"127.0.0.1:{port}")
        conn.endheaders()
        answer = conn.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        conn.close()


def state(port: int, key: str) -> dict:
    status, _, body = get(port, f"/api/plan/{key}")
    assert status == 200, body
    return json.loads(body)


def wait_state(port: int, key: str, done, timeout: float = 120) -> dict:
    """Poll a plan's state until ``done(state)``; fails after ``timeout`` seconds (a limit for
    a broken build, not a speed check)."""
    deadline = time.monotonic() + timeout
    while True:
        s = state(port, key)
        if done(s):
            return s
        assert time.monotonic() < deadline, f"no such state in time: {s['status']}"
        time.sleep(0.1)


UNKNOWN_LEAD = "lead: Sở Tư Phap"  # a unit no registry has (a typo of Sở Tư pháp)


def with_unknown_lead(text: str) -> str:
    """The plan with its first ``lead:`` naming a unit that does not exist."""
    return re.sub(r"(?m)^(\s*)lead: .*$", lambda m: m.group(1) + UNKNOWN_LEAD, text, count=1)


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of ``path`` containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")

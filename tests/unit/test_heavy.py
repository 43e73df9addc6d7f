"""Heavy imports with the collector paused: the collector is on again afterwards, what was
imported is frozen once, and a second request neither imports nor freezes again."""

from __future__ import annotations

import gc
import subprocess
import sys

from vanban import heavy


def test_load_imports_once_and_leaves_the_collector_on():
    code = ("import gc, sys\nfrom vanban import heavy\n"
            "assert 'vanban.numbering' not in sys.modules\n"
            "module = heavy.load('vanban.numbering')\n"
            "frozen = gc.get_freeze_count()\n"
            "assert module is sys.modules['vanban.numbering'] and gc.isenabled() and frozen > 0\n"
            "assert heavy.load('vanban.numbering') is module\n"
            "assert gc.get_freeze_count() == frozen\n"
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.stdout.strip() == "ok", out.stderr


def test_first_time_pauses_only_once_per_key():
    states = []
    key = object()
    for _ in range(2):
        with heavy.first_time(key):
            states.append(gc.isenabled())
    gc.unfreeze()  # give the test process's objects back to the collector
    assert states == [False, True]
    assert gc.isenabled()


def test_an_error_in_the_block_still_turns_the_collector_on():
    key = object()
    try:
        with heavy.first_time(key):
            raise ValueError("boom")
    except ValueError:
        pass
    gc.unfreeze()
    assert gc.isenabled()

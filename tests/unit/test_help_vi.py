"""Every help page speaks Vietnamese, click's own words included (usage line, value types,
defaults, ranges, "required"), for every command and sub-command."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from tests.conftest import command_paths

from vanban.cli import main

ENGLISH = re.compile(r"\[OPTIONS\]|COMMAND|\[ARGS\]|INTEGER|DIRECTORY|RANGE|FLOAT|"
                     r"\bdefault:|\brequired\b|<=x|x>=")
OPTION_ROW = re.compile(r"^  (-\S+(?:, --\S+)?) (\S+)")


@pytest.mark.parametrize("path", command_paths(main), ids=lambda p: " ".join(p) or "vanban")
def test_help_has_no_english_words_of_click(path):
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="vanban")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Cách dùng: vanban")
    assert ENGLISH.findall(result.output) == []
    for line in result.output.splitlines():
        if (m := OPTION_ROW.match(line)) and m.group(2).isupper():
            assert m.group(2) not in {"TEXT", "FILE", "PATH"}, line


def test_a_range_and_a_default_read_in_vietnamese():
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    flat = " ".join(out.split())
    assert "--port SỐ" in flat and "[mặc định: 8000; từ 0 đến 65535]" in flat
    out = CliRunner().invoke(main, ["new-year", "--help"]).output
    assert "[từ 1945 đến 2100; bắt buộc]" in " ".join(out.split())

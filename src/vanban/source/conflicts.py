"""Git merge-conflict markers left in a YAML file.

When two clerks edit the same lines and ``git pull`` cannot merge them, git writes both versions
into the file between ``<<<<<<<``, ``=======`` (and ``|||||||`` in the diff3 style) and
``>>>>>>>`` lines. YAML would report the first marker as a line without ":", which sends the
clerk looking for a typo; these markers are named for what they are, once per conflicted block,
before the text is parsed. A marker is one of those runs of seven characters at the very start of
a line: inside a YAML plan that can only come from git (indented text of a block is untouched).
"""

from __future__ import annotations

import re

from vanban.errors import Diagnostic, Span

_MARKER = re.compile(r"(<{7}|\|{7}|>{7})(?: .*)?|={7}")


def markers(text: str) -> list[int]:
    """1-based line numbers of the conflict blocks of ``text``: each ``<<<<<<<`` line, and the
    first marker line of markers left without one (a block half cleaned up)."""
    found: list[int] = []
    opened = False
    for number, line in enumerate(text.split("\n"), 1):
        if not _MARKER.fullmatch(line.rstrip("\r")):
            continue
        if line.startswith("<<<<<<<") or not opened:
            found.append(number)
            opened = True
        if line.startswith(">>>>>>>"):
            opened = False
    return found


def diagnostics(text: str, file: str) -> list[Diagnostic]:
    """One error per conflict block of ``text`` (none when there is none)."""
    return [Diagnostic(
        "git.conflict",
        "Tệp còn dấu xung đột của git (các dòng <<<<<<<, ======= và >>>>>>>): hai người cùng "
        "sửa chỗ này và lệnh git pull (merge) chưa gộp được.", Span(file, line, 1),
        message_en="The file still holds git conflict markers (<<<<<<<, =======, >>>>>>>): two "
                   "people edited these lines and git pull (merge) could not combine them.",
        hint="Giữ lại nội dung đúng (phần trên ======= là bản trên máy này, phần dưới là bản "
             "vừa kéo về; với git pull --rebase thì ngược lại; có thể gộp cả hai), xóa ba dòng "
             "dấu, lưu tệp rồi chạy lại; xong thì git add tệp này và git commit.",
        hint_en="Keep the right text (above ======= is this computer's version, below it the "
                "one just pulled; the other way round with git pull --rebase; you may combine "
                "them), delete the three marker lines, save and run again; then git add the "
                "file and git commit.")
        for line in markers(text)]

"""Mutated valid plans through the whole build: a valid DOCX or located diagnostics, nothing else.

Each example starts from a valid plan (the 2024 Quảng Bình plan, or the small plan of the error
cases), applies a few edits a clerk could make by accident — deleted lines, values of the wrong
type, odd characters, broken indentation, duplicated lines, a truncated file — and runs
``batch.build`` into an outputs folder that already holds a good DOCX. Every run must end in
either a DOCX that opens, or a VanbanError whose diagnostics are all located; the good DOCX is
untouched when the build fails, and no temporary file is ever left behind.
"""

from __future__ import annotations

import os
import shutil
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from vanban.batch import build
from vanban.errors import VanbanError
from vanban.jobs import discover

ROOT = Path(__file__).resolve().parents[2]
# The quick profile runs by default; VANBAN_FUZZ=deep runs the deeper one (same code, more cases).
EXAMPLES = 1500 if os.environ.get("VANBAN_FUZZ") == "deep" else 250  # per seed plan

# Problems about a file as a whole, located by file name only (line 0).
FILE_LEVEL = {"file.too-large", "file.read", "text.encoding", "template.read", "output.write",
              "output.outside", "template.undefined", "template.syntax", "template.unsafe",
              "template.error"}

ODD = ["\x00", "\u200b", "\u2028", "\ufeff", "\x1b", "😀", "&<>\"'", "\u0301", "e\u0301",
       "\t", "\r", "{{ ten_loai }}", "{% if x %}", "\\", ": ", " #", "- ", "*a", "&a ", "!!str ",
       "%", "@", "`", "|", ">", "[", "{", "]", "}", "\ud800", "ü", "Ð", "ǅ",
       # escapes: YAML makes them characters inside double quotes (", " separators, VALUES)
       r"\x01", r"\u200b", r"\uFFFE", r"e\u0301", r"\uD800", r"\x0b", r'"\x01"', r'"\u200b"']
VALUES = ["087", "no", "yes", "2024-02-30", "2024-13-01", "16/01/2024", "[]", "{}", "~", "",
          "1.5", "true", "0x1F", "1:30", "- x", "''", '""', "[a, b]", "{a: 1}", "2024",
          "\"Quý V năm 2024\"", "trước ngày 31/04/2024", "năm 2023", "Theo chỉ đạo", "*x",
          "&x y", "!!int 5", "|", ">-", "KH/UBND", "so-tu-phap", "ubnd-khong-co",
          r'"A\x01B"', r'"A\u200bB"', r'"A\uFFFE"', r'"Ke\u0301 hoa\u0323ch"', r'"\uD800"',
          r'"Bộ\x0bTư pháp"', r'"so-tu\u200b-phap"', r'"\x01"', r'"\u200b"', r'"e\u0301"']


@dataclass
class Seed:
    name: str
    folder: Path       # workspace with plans/ and outputs/
    plan: Path
    target: Path
    text: str
    good: bytes        # the DOCX of the unmutated plan


def _seed(tmp: Path, name: str, plan_text: str, registry: Path) -> Seed:
    folder = tmp / name
    shutil.copytree(registry, folder / "plans" / "_shared")
    plan = folder / "plans" / "ke-hoach.yaml"
    plan.write_text(plan_text, encoding="utf-8")
    jobs = discover([plan], folder / "outputs", folder / "plans")
    build(jobs, workspace=ROOT)
    return Seed(name, folder, plan, jobs[0].target, plan_text, jobs[0].target.read_bytes())


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, Seed]:
    tmp = tmp_path_factory.mktemp("fuzz")
    big = (ROOT / "plans" / "quang-binh" / "2024" / "ke-hoach-hoa-giai.yaml").read_text("utf-8")
    small = (ROOT / "tests" / "cases" / "valid" / "plan.yaml").read_text("utf-8")
    examples = ROOT / "plans" / "quang-binh" / "2025"
    cong_van = (examples / "cong-van-trien-khai-ke-hoach.yaml").read_text("utf-8")
    decision = (examples / "quyet-dinh-ban-hanh-ke-hoach.yaml").read_text("utf-8")
    decision = decision[:decision.index("attachment:")] + decision[decision.index("recipients:"):]
    return {"hoa-giai": _seed(tmp, "hoa-giai", big, ROOT / "plans" / "_shared"),
            "small": _seed(tmp, "small", small, ROOT / "tests" / "cases" / "_shared"),
            "cong-van": _seed(tmp, "cong-van", cong_van, ROOT / "plans" / "_shared"),
            "quyet-dinh": _seed(tmp, "quyet-dinh", decision, ROOT / "plans" / "_shared")}


# --- mutations --------------------------------------------------------------------------------

def _at(lines: list[str], i: int) -> int:
    return i % max(len(lines), 1)


def delete_line(lines, i, _x):
    del lines[_at(lines, i)]


def duplicate_line(lines, i, _x):
    j = _at(lines, i)
    lines.insert(j, lines[j])


def swap_lines(lines, i, x):
    a, b = _at(lines, i), _at(lines, x)
    lines[a], lines[b] = lines[b], lines[a]


def change_value(lines, i, x):
    j = _at(lines, i)
    key, sep, _value = lines[j].partition(": ")
    if sep:
        lines[j] = f"{key}: {VALUES[x % len(VALUES)]}"


def insert_odd(lines, i, x):
    j = _at(lines, i)
    pos = x % (len(lines[j]) + 1)
    lines[j] = lines[j][:pos] + ODD[(x // 7) % len(ODD)] + lines[j][pos:]


def indent(lines, i, x):
    j = _at(lines, i)
    lines[j] = " " * (x % 3 + 1) + lines[j] if x % 2 else lines[j][x % 3 + 1:]


def truncate(lines, i, x):
    j = _at(lines, i)
    del lines[j + 1:]
    lines[j] = lines[j][:x % (len(lines[j]) + 1)]


MUTATIONS = [delete_line, duplicate_line, swap_lines, change_value, insert_odd, indent, truncate]

edits = st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10_000),
                           st.integers(0, 10_000)), min_size=1, max_size=4)


def mutate(text: str, changes) -> str:
    lines = text.split("\n")
    for change, i, x in changes:
        if lines:
            change(lines, i, x)
    return "\n".join(lines)


# --- the property -----------------------------------------------------------------------------

RUNS = {"examples": 0, "built": 0, "refused": 0, "seconds": 0.0}


def _check_one(seed: Seed, text: str, note=event) -> None:
    seed.target.write_bytes(seed.good)
    seed.plan.write_bytes(text.encode("utf-8", "surrogatepass"))
    jobs = discover([seed.plan], seed.folder / "outputs", seed.folder / "plans")
    RUNS["examples"] += 1
    try:
        build(jobs, workspace=ROOT)
    except VanbanError as exc:
        RUNS["refused"] += 1
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.span.file, d
            assert d.span.line >= 1 or d.code in FILE_LEVEL, d.text()
            assert d.message and d.code
        note("refused: " + exc.diagnostics[0].code)
        assert seed.target.read_bytes() == seed.good  # the good output is untouched
    else:
        RUNS["built"] += 1
        note("built")
        with zipfile.ZipFile(seed.target) as docx:
            assert docx.testzip() is None
            ET.fromstring(docx.read("word/document.xml"))
            ET.fromstring(docx.read("docProps/core.xml"))
    leftovers = sorted(p.name for p in seed.target.parent.iterdir())
    assert leftovers == [seed.target.name]


@pytest.mark.parametrize("name", ["hoa-giai", "small", "cong-van", "quyet-dinh"])
def test_mutated_plans_end_in_a_docx_or_located_diagnostics(seeds, name):
    seed = seeds[name]
    start = time.perf_counter()
    # The other document types share most code with the Kế hoạch: fewer cases each.
    count = EXAMPLES if name in ("hoa-giai", "small") else EXAMPLES // 3

    @settings(max_examples=count, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(changes=edits)
    def run(changes):
        _check_one(seed, mutate(seed.text, changes))

    run()
    RUNS["seconds"] += time.perf_counter() - start
    print(f"\nfuzz {name}: {RUNS}")


def test_the_unmutated_seeds_build(seeds):
    for seed in seeds.values():
        _check_one(seed, seed.text, note=lambda _: None)
        assert seed.target.read_bytes() == seed.good


def test_a_title_over_255_characters_builds(seeds):
    """Word keeps 255 characters in a core property: the title property is cut, the text not."""
    seed = seeds["small"]
    long_title = "Tập huấn hòa giải ở cơ sở " * 12
    text = seed.text.replace("title: Tập huấn hòa giải ở cơ sở năm 2024", f"title: {long_title}")
    seed.plan.write_text(text, encoding="utf-8")
    try:
        build(discover([seed.plan], seed.folder / "outputs", seed.folder / "plans"),
              workspace=ROOT)
        with zipfile.ZipFile(seed.target) as docx:
            assert long_title.strip()[:100] in docx.read("word/document.xml").decode()
            assert "…</dc:title>" in docx.read("docProps/core.xml").decode()
    finally:
        seed.plan.write_text(seed.text, encoding="utf-8")
        seed.target.write_bytes(seed.good)

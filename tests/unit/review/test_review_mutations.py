"""Random rounds of comments (seeded): whatever the edits, the tracked document accepts to the
new text and rejects to the old one, and the diff adds and removes exactly the ids that came
and went."""

from __future__ import annotations

import copy
import datetime as dt
import io
import random
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree
from tests.conftest import copy_examples

from vanban.ooxml.tracked import paragraph_text, resolve
from vanban.review.comparison import comparison_docx
from vanban.review.sides import compare_sides
from vanban.review.tracked import tracked_docx
from vanban.review.words import text_key
from vanban.review_inputs import load_side, render_document

ROOT = Path(__file__).resolve().parents[3]
PLANS = ["plans/quang-binh/2024/ke-hoach-hoa-giai.yaml",
         "plans/quang-trach/2025/ke-hoach-hoa-giai.yaml",
         "plans/quang-binh/2025/cong-van-trien-khai-ke-hoach.yaml",
         "plans/quang-binh/2025/quyet-dinh-ban-hanh-ke-hoach.yaml"]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABEL = re.compile(r"^(\d+(\.\d+)*\.?|[a-zđ]\)|[IVX]+\.?)$|^(\d+(\.\d+)*\.|[a-zđ]\)|[IVX]+\.) "
                   r"|Điều \d+\.?")  # numbers, and "Điều N" wherever a Quyết định prints it
WORDS = ["hòa giải", "cơ sở", "năm 2024", "kịp thời", "hoà"]
TEXT_KEYS = ("task", "item", "paragraph", "text", "numbered", "target", "article")
SKIP = ("lead", "support", "unit", "table", "rows")  # unit names and table shapes are not text


def _lists(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in SKIP:
                _lists(value, out)
    elif isinstance(node, list):
        out.append(node)
        for value in node:
            _lists(value, out)


def _texts(node, out):
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key in TEXT_KEYS:
                out.append((node, key))
            elif key not in SKIP:
                _texts(value, out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if isinstance(value, str):
                out.append((node, i))
            else:
                _texts(value, out)


def _has_table(node) -> bool:
    if isinstance(node, dict):
        return "table" in node or any(_has_table(v) for v in node.values())
    return isinstance(node, list) and any(_has_table(v) for v in node)


def _body(data: dict) -> list:
    """Where the type keeps its body: sections (Kế hoạch), content (Công văn), articles."""
    return data.get("sections") or data.get("content") or data["articles"]


def _mutate(data: dict, rng: random.Random) -> dict:
    """Reword, swap, delete or duplicate (with a new id) a few blocks."""
    for _ in range(rng.randint(1, 4)):
        op = rng.choice(["word", "word", "swap", "del", "dup"])
        if op == "word":
            found = []
            _texts(_body(data), found)
            holder, key = rng.choice(found)
            words = holder[key].split(" ")
            words.insert(rng.randrange(len(words)), rng.choice(WORDS))
            holder[key] = " ".join(words)
            continue
        lists = []
        _lists(_body(data), lists)
        # Tables stay where they are: one moved or gone is reported as not marked.
        lists = [x for x in lists if len(x) >= 2 and all(isinstance(y, (dict, str)) for y in x)
                 and not any(_has_table(y) for y in x)]
        if not lists:
            continue
        target = rng.choice(lists)
        i = rng.randrange(len(target) - 1)
        if op == "swap":
            target[i], target[i + 1] = target[i + 1], target[i]
        elif op == "del":
            del target[i]
        else:
            block = copy.deepcopy(target[i])
            if isinstance(block, dict) and "task" in block and not block.get("content"):
                block["id"] += "-moi"
                block["task"] = "Nhiệm vụ mới: " + block["task"]
                target.insert(i + 1, block)
    return data


def _paragraphs(data: bytes) -> list[str]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    return [paragraph_text(p) for p in root.iter(f"{W}p")]


def _plain(lines: list[str]) -> list[str]:
    return [text_key(LABEL.sub("", line)) for line in lines]


@pytest.mark.parametrize("seed", range(12))
def test_random_round_of_comments(seed, tmp_path, monkeypatch):
    # A copy of the example workspace: the mutant sits beside its plan (the same registry)
    # without writing into the repository, which other test processes read at the same time.
    monkeypatch.chdir(copy_examples(tmp_path))
    rng = random.Random(seed)
    source = tmp_path / PLANS[seed % len(PLANS)]
    data = _mutate(yaml.safe_load(source.read_text(encoding="utf-8")), rng)
    new_file = source.parent / f".test-mutation-{seed}.yaml"
    new_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    old, new = load_side(str(source), "old"), load_side(str(new_file), "new")
    diff = compare_sides(old, new).plans[0][2]
    old_ids = {n.key for n in diff.old.nodes if n.key}
    new_ids = {n.key for n in diff.new.nodes if n.key}
    came = {f"{c.kind}:{c.ref}" for c in diff.changes if c.code.endswith(".added") and c.ref}
    went = {f"{c.kind}:{c.ref}" for c in diff.changes if c.code.endswith(".removed") and c.ref}
    assert came & {k for k in new_ids} == new_ids - old_ids
    assert went & {k for k in old_ids} == old_ids - new_ids
    comparison_docx(diff, {}, render_document)  # builds for any diff
    tracked, _, warnings = tracked_docx(diff, "t", dt.datetime(2024, 1, 1), render_document)
    assert warnings == []
    (new_plan,), (old_plan,) = new.plans.values(), old.plans.values()
    assert resolve(tracked, accept=True) == _paragraphs(render_document(new_plan.document))
    assert _plain(resolve(tracked, accept=False)) == _plain(
        _paragraphs(render_document(old_plan.document)))

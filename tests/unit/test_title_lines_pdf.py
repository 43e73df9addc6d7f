"""The trích yếu's lines as LibreOffice sets them (one conversion for the module): the warning
[title.short-last-line] predicts the short last line that is printed, and the break it
suggests (a ``title: |-`` block) prints as even lines."""

from __future__ import annotations

import pytest
from tests.unit.test_compose import PLAN, _compose
from tests.unit.test_footnotes import ROOT

from vanban.pipeline import find_template
from vanban.render.docx import render
from vanban.rules import nd30
from vanban.rules.metrics import balanced, wrap

pytestmark = pytest.mark.pdf

TITLE = ("Tổ chức tập huấn nghiệp vụ hòa giải ở cơ sở cho hòa giải viên mới được công nhận "
         "năm 2024")
WIDTH = nd30.TEXT_WIDTH_MM * 72 / 25.4
SIZE = nd30.SUMMARY.size.default


def _plan(title_yaml: str) -> str:
    lines = PLAN.splitlines(keepends=True)
    (i,) = [k for k, line in enumerate(lines) if line.startswith("title:")]
    return "".join(lines[:i]) + title_yaml + "".join(lines[i + 1:])


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list]:
    """For the title on one line and broken as suggested: its printed lines, top to bottom."""
    from vanban.errors import VanbanError
    from vanban.pdf.convert import convert_to_pdf, find_soffice
    from vanban.pdf.measure import measure
    try:
        find_soffice()
    except VanbanError:
        pytest.skip("LibreOffice (soffice) is not installed")
    even = balanced(TITLE, WIDTH, SIZE, 2, bold=True)
    sources = {"one-line": f"title: {TITLE}\n",
               "broken": "title: |-\n" + "".join(f"  {line}\n" for line in even)}
    files = []
    for name, title in sources.items():
        root = tmp_path_factory.mktemp(name)
        doc = _compose(root, _plan(title))
        files.append(root / f"{name}.docx")
        files[-1].write_bytes(render(doc, find_template(doc.type_key, ROOT)))
    out = {}
    for name, pdf in zip(sources, convert_to_pdf(files)):
        page = measure(pdf).pages[0]
        words = set(TITLE.split())
        out[name] = [ln for ln in page.lines if ln.text.split() and set(ln.text.split()) <= words
                     and ln.size_pt == SIZE]
    return out


def test_the_predicted_short_last_line_is_what_libreoffice_prints(printed):
    predicted = wrap(TITLE, WIDTH, SIZE, bold=True)
    assert predicted[-1] == "nhận năm 2024"
    assert len(printed["one-line"]) == 2
    assert [ln.text for ln in printed["one-line"]] == predicted, printed


def test_the_suggested_break_prints_as_even_lines(printed):
    lines = printed["broken"]
    assert [ln.text for ln in lines] == balanced(TITLE, WIDTH, SIZE, 2, bold=True)
    widths = [ln.x1 - ln.x0 for ln in lines]
    assert min(widths) > 0.7 * max(widths), widths
    short = printed["one-line"][-1]
    assert short.x1 - short.x0 < 0.25 * nd30.TEXT_WIDTH_MM

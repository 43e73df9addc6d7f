"""measure() and the geometry helpers on tiny hand-written PDFs (no LibreOffice needed)."""

from __future__ import annotations

import pytest

from vanban.pdf.measure import (
    MM_PER_PT,
    PageGeometry,
    Rule,
    TextLine,
    line_above,
    measure,
    page_number_candidates,
    text_block_bounds,
)
from vanban.pdf.normalize import normalize_pdf, pdf_date

PAGE_H = 841.89  # A4 height in points


def _pdf(content: str) -> bytes:
    """A one-page A4 PDF with ``content`` as its page stream and Times-Roman/Times-Bold."""
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R"
         b" /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>"),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _mm(pt: float) -> float:
    return pt * MM_PER_PT


CONTENT = """
0 0 0 RG 0 0 0 rg 0.75 w
100 700 m 200 700 l S
100 700 m 200 700 l S
300 700 m 350 700 l S
350 700 m 400 700 l S
100 600 100 1 re f
1 1 1 rg 100 550 100 1 re f 0 0 0 rg
50 100 m 50 300 l S
100 500 m 150 500 l 200 500 l S
BT /F2 14 Tf 1 0 0 1 100 710 Tm (Bold words) Tj ET
BT /F1 14 Tf 1 0 0 1 320 710 Tm (Right) Tj ET
BT /F1 14 Tf 1 0 0 1 290 800 Tm (2) Tj ET
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> PageGeometry:
    path = tmp_path_factory.mktemp("pdf") / "synthetic.pdf"
    path.write_bytes(_pdf(CONTENT))
    geometry = measure(path)
    assert len(geometry.pages) == 1
    return geometry.pages[0]


def test_page_size_is_a4(page):
    assert page.width_mm == pytest.approx(210, abs=0.01)
    assert page.height_mm == pytest.approx(297, abs=0.01)


def test_rules_are_merged_deduplicated_and_filtered(page):
    got = [(r.x0, r.x1, r.y) for r in page.rules]
    expected = [
        (100, 200, 700),   # drawn twice, reported once
        (300, 400, 700),   # two touching pieces
        (100, 200, 500),  # a flat three-point path
        (100, 200, 600.5),  # a 1 pt filled rectangle
    ]
    want = sorted(((_mm(a), _mm(b), _mm(PAGE_H - y)) for a, b, y in expected),
                  key=lambda t: (round(t[2], 1), t[0]))
    assert len(got) == len(want), page.rules  # the white bar and the vertical line are dropped
    for g, w in zip(got, want):
        assert g == pytest.approx(w, abs=0.02)


def test_rule_thickness(page):
    by_y = {round(r.y): r for r in page.rules}
    assert by_y[round(_mm(PAGE_H - 600.5))].thickness_mm == pytest.approx(_mm(1), abs=0.01)
    assert by_y[round(_mm(PAGE_H - 500))].thickness_mm == pytest.approx(_mm(0.75), abs=0.01)


def test_text_lines_split_at_wide_gaps_and_know_bold(page):
    row = [ln for ln in page.lines if ln.baseline == pytest.approx(_mm(PAGE_H - 710), abs=0.01)]
    assert [ln.text for ln in row] == ["Bold words", "Right"]
    left, right = row
    assert (left.font, left.bold, left.italic, left.size_pt) == ("Times-Bold", True, False, 14)
    assert (right.font, right.bold) == ("Times-Roman", False)
    assert left.x0 == pytest.approx(_mm(100), abs=0.01)
    assert left.top < left.baseline < left.bottom


def test_line_above_finds_the_overlapping_text(page):
    first = min(page.rules, key=lambda r: (r.y, r.x0))
    assert line_above(page, first).text == "Bold words"
    second = next(r for r in page.rules if r.x0 > _mm(250))
    assert line_above(page, second).text == "Right"
    far_left = Rule(x0=1, x1=5, y=200, thickness_mm=0.2)
    assert line_above(page, far_left) is None


def test_page_number_candidates(page):
    assert [ln.text for ln in page_number_candidates(page, 20)] == ["2"]
    assert page_number_candidates(page, 10) == []


def test_text_block_bounds_of_literal_page():
    line = TextLine("a", 30, 195, 20, 25, 24, 14, "X", False, False)
    other = TextLine("b", 40, 100, 30, 36, 35, 14, "X", False, False)
    page = PageGeometry(1, 210, 297, (line, other), ())
    bounds = text_block_bounds(page)
    assert (bounds.x0, bounds.x1, bounds.top, bounds.bottom) == (30, 195, 20, 36)
    assert text_block_bounds(PageGeometry(1, 210, 297, (), ())) is None


# --- normalize --------------------------------------------------------------------------------

def _lo_like(date: str, ident: str) -> bytes:
    return (b"%PDF-1.4\n1 0 obj\n<</Producer(LibreOffice)\n/CreationDate(" + date.encode()
            + b")>>\nendobj\ntrailer\n<</Size 2/Root 1 0 R\n/ID [ <" + ident.encode() + b">\n<"
            + ident.encode() + b"> ]\n/DocChecksum /" + ident.encode() + b"\n>>\n%%EOF\n")


def test_normalize_makes_runs_identical_and_keeps_length():
    a = _lo_like("D:20261123185601Z'", "98D76A24FF9FC2971A54C7249F868861")
    b = _lo_like("D:20250101000000Z'", "0123456789ABCDEF0123456789ABCDEF")
    na, nb = normalize_pdf(a, 1700000000), normalize_pdf(b, 1700000000)
    assert na == nb
    assert len(na) == len(a)
    assert b"/CreationDate(D:20231114221320Z')" in na
    assert b"98D76A24" not in na


@pytest.mark.parametrize("length,expected", [
    (16, "D:20231114221320"), (17, "D:20231114221320Z"), (18, "D:20231114221320Z'"),
    (23, "D:20231114221320+00'00'"), (20, None),
], ids=["bare", "Z", "LibreOffice", "offset", "unknown"])
def test_pdf_date_has_requested_length(length, expected):
    got = pdf_date(1700000000, length)
    assert got == (expected.encode() if expected else None)

"""Reading a bảng so sánh cell back with its marks: struck runs written [-…-], bold-underlined
(inserted) runs {+…+}."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cell_marks(tc) -> list[str]:
    """A cell's paragraphs, struck runs written [-…-], underlined runs {+…+}."""
    out = []
    for p in tc.iter(f"{W}p"):
        text = []
        for r in p.iter(f"{W}r"):
            t = "".join(x.text or "" for x in r.iter(f"{W}t"))
            rpr = r.find(f"{W}rPr")
            if rpr is not None and rpr.find(f"{W}strike") is not None:
                t = f"[-{t}-]"
            elif rpr is not None and rpr.find(f"{W}u") is not None:
                t = f"{{+{t}+}}"
            text.append(t)
        out.append("".join(text).replace("-][-", "").replace("+}{+", ""))
    return [x for x in out if x]


def cell_runs(tc) -> tuple[str, list[str], list[str]]:
    """A cell's text, its struck-through runs and its bold-underlined (inserted) runs."""
    struck, inserted, text = [], [], []
    for r in tc.iter(f"{W}r"):
        t = "".join(x.text or "" for x in r.iter(f"{W}t"))
        text.append(t)
        rpr = r.find(f"{W}rPr")
        if rpr is not None and rpr.find(f"{W}strike") is not None:
            struck.append(t)
        if rpr is not None and rpr.find(f"{W}u") is not None and rpr.find(f"{W}b") is not None:
            inserted.append(t)
    return "".join(text), struck, inserted


def comparison_rows(path):
    """The document.xml root of a bảng so sánh and each row of its table (the header row
    first) as :func:`cell_runs` of each cell."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    table = next(t for t in root.iter(f"{W}tbl") if "Lý do, giải trình" in "".join(
        x.text or "" for x in t.iter(f"{W}t")))
    return root, [[cell_runs(c) for c in tr.findall(f"{W}tc")] for tr in table.findall(f"{W}tr")]


def tracked_words(docx) -> tuple[list[str], list[str]]:
    """The text of each deleted and of each inserted revision of a DOCX's body, in order."""
    import zipfile

    from lxml import etree

    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return (["".join(t.text or "" for t in d.iter(f"{W}delText")) for d in root.iter(f"{W}del")],
            ["".join(t.text or "" for t in d.iter(f"{W}t")) for d in root.iter(f"{W}ins")])

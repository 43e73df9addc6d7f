"""The like-for-like baseline: a hand-written python-docx program that makes the same document.

Usage: python bench/baseline_docx.py FRAME.docx PARAS.json OUT.docx

FRAME.docx is vanban's own frame template with its body emptied (same styles, same page setup:
not python-docx's default template, whose ~790 KB of styles would make any program look slow).
PARAS.json lists [style name, text] for every paragraph of vanban's output, so the baseline writes
the same paragraphs with the same styles. It does no validation, no numbering, no layout rules:
it is the floor a hand-made script pays for the same bytes.
"""

from __future__ import annotations

import json
import sys

import docx


def main(frame: str, paras: str, out: str) -> None:
    document = docx.Document(frame)
    with open(paras, encoding="utf-8") as stream:
        rows = json.load(stream)
    for style, text in rows:
        document.add_paragraph(text, style=style)
    document.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])

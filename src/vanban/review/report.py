"""A diff as people and programs read it: text (Vietnamese or English), Markdown and JSON.

Renumbering is listed apart from the real changes ("chỉ đánh số lại"), so a reader sees at
once what was edited and what only moved down a number.
"""

from __future__ import annotations

import json

from vanban.review.diff import Change, PlanDiff
from vanban.review.outline import LINE_LABELS
from vanban.review.places import place
from vanban.review.sides import SideDiff
from vanban.review.words import Segment, diff_words

KINDS = {
    "task": ("nhiệm vụ", "task"), "target": ("chỉ tiêu", "target"), "item": ("mục", "item"),
    "section": ("mục lớn", "section"), "bullet": ('dòng "-"', "bullet line"),
    "sub-bullet": ('dòng "+"', "sub-bullet line"), "paragraph": ("đoạn", "paragraph"),
    "intro": ("đoạn mở đầu", "opening paragraph"), "numbered": ("khoản", "numbered paragraph"),
    "unit": ("nhiệm vụ của đơn vị", "unit's duties"), "group": ("nhóm nhiệm vụ", "task group"),
    "part": ("phần", "part"), "table": ("bảng", "table"), "frame": ("", ""),
    "title": ("trích yếu", "title"),
}
FIELDS = {
    # A task's lines are named as the document prints them (``outline.LINE_LABELS``).
    "lead": (LINE_LABELS["lead"], "Lead unit"),
    "support": (LINE_LABELS["support"], "Coordinating units"),
    "timeline": (LINE_LABELS["timeline"], "Timeline"), "output": (LINE_LABELS["output"], "Output"),
    "value": ("Giá trị chỉ tiêu", "Target value"), "footnote": ("Chú thích", "Footnote"),
}
FRAME = {
    "frame.number": ("Số, ký hiệu", "Number"), "frame.date": ("Địa danh, ngày tháng", "Date"),
    "frame.title": ("Trích yếu", "Title"), "frame.issuer": ("Cơ quan ban hành", "Issuer"),
    "frame.signer": ("Người ký", "Signer"),
    "frame.v-v": ("Trích yếu (V/v)", "Subject line (V/v)"),
    "frame.authority": ("Thẩm quyền ban hành", "Issuing authority"),
    "frame.proposal.added": ("Thêm dòng đề nghị", "Proposal line added"),
    "frame.proposal.removed": ("Bỏ dòng đề nghị", "Proposal line removed"),
    "frame.proposal.wording": ("Sửa dòng đề nghị", "Proposal line reworded"),
    "frame.kinh-gui.added": ("Thêm nơi kính gửi", "Addressee added"),
    "frame.kinh-gui.removed": ("Bỏ nơi kính gửi", "Addressee removed"),
    "frame.kinh-gui.wording": ("Sửa nơi kính gửi", "Addressee reworded"),
    "frame.can-cu.added": ("Thêm căn cứ", "Basis added"),
    "frame.can-cu.removed": ("Bỏ căn cứ", "Basis removed"),
    "frame.can-cu.wording": ("Sửa căn cứ", "Basis reworded"),
    "recipient.added": ("Thêm nơi nhận", "Recipient added"),
    "recipient.removed": ("Bỏ nơi nhận", "Recipient removed"),
    "recipient.wording": ("Sửa nơi nhận", "Recipient reworded"),
}
ACTIONS = {
    "added": ("Thêm", "Added"), "removed": ("Bỏ", "Removed"), "moved": ("Chuyển chỗ", "Moved"),
    "wording": ("Sửa câu chữ", "Wording changed"),
}


def _t(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def title(change: Change, lang: str = "vi") -> str:
    """What happened, in a few words: "Thêm nhiệm vụ", "Đơn vị chủ trì", "Chỉ đánh số lại"."""
    if change.code in FRAME:
        return _t(FRAME[change.code], lang)
    if change.code == "renumbered":
        return "Renumbered only" if lang == "en" else "Chỉ đánh số lại"
    if change.field == "row":
        verb = {"wording": ("Sửa", "Changed"), "added": ("Thêm", "Added"),
                "removed": ("Bỏ", "Removed")}[change.row.action]
        return f"{_t(verb, lang)} {change.row.where(lang)}"
    if change.field == "footnote" and not (change.old and change.new):
        return (("Thêm chú thích", "Footnote added") if change.new else
                ("Bỏ chú thích", "Footnote removed"))[lang == "en"]
    if change.field in FIELDS:
        return _t(FIELDS[change.field], lang)
    action = change.code.rsplit(".", 1)[-1]
    kind = _t(KINDS.get(change.kind, (change.kind, change.kind)), lang)
    verb = _t(ACTIONS[action], lang)
    if action == "wording":
        return f"{verb} ({kind})" if kind else verb
    return f"{verb} {kind}".strip()


def where(change: Change, lang: str = "vi") -> str:
    """The block's number and its key: "3. [tap-huan]"; a frame field: its key ("[noi-nhan]"),
    which the reasons file uses as for any block. A key that is vanban's name of a block
    ("Mục III, đoạn 1") is said in English with ``lang`` "en" ("Section III, paragraph 1")."""
    ref = f"[{place(change.ref, lang)}]" if change.ref else ""
    if change.kind == "frame":
        return ref
    label = change.new_label or change.old_label
    label = "" if label in ("-", "+") else label
    return " ".join(x for x in (label, ref) if x)


def _marked(segments: tuple[Segment, ...], style: str) -> str:
    """The text with deletions and insertions marked: [-…-]{+…+} or ~~…~~**…**."""
    out = []
    for s in segments:
        if s.op == "equal":
            out.append(s.new)
            continue
        if style != "md":
            out.append((f"[-{s.old}-]" if s.old else "") + (f"{{+{s.new}+}}" if s.new else ""))
            continue
        text = s.new or s.old
        lead = text[:len(text) - len(text.lstrip())]
        tail = text[len(text.rstrip()):]
        marks = (f"~~{s.old.strip()}~~" if s.old.strip() else "") + (
            f"**{s.new.strip()}**" if s.new.strip() else "")
        out.append(lead + marks + tail)
    return "".join(out)


def detail(change: Change, style: str = "text", lang: str = "vi") -> str:
    """The change's content: marked wording, "old → new", or the added/removed text."""
    if change.code == "renumbered":
        return f"{change.old} → {change.new}"
    if change.field == "row":
        return row_detail(change.row, style)
    if change.code.endswith(".moved"):
        return f"{change.old_label or '-'} → {change.new_label or '-'}: {change.new}"
    if change.segments and change.old and change.new:
        short = len(change.old.split()) <= 6
        if short and change.field in FIELDS or change.code in ("frame.number", "frame.date",
                                                               "frame.signer"):
            return f"{change.old} → {change.new}"
        return _marked(change.segments, style)
    text = change.new or change.old
    if change.extra:
        text += " (" + "; ".join(f"{_t(FIELDS[k], lang)}: {v}" for k, v in change.extra) + ")"
    return text


def row_detail(edit, style: str = "text") -> str:
    """A table row's cells as listed: each changed cell "Tỉnh: 30 → 35" (a long one marked word
    by word); every cell of a row added or removed."""
    parts = []
    for title, old, new in edit.cells:
        head = f"{title}: " if title else ""
        if edit.action != "wording":
            if old or new:
                parts.append(head + (new or old))
        elif len(old.split()) <= 6 and len(new.split()) <= 6:
            parts.append(f"{head}{old or '∅'} → {new or '∅'}")
        else:
            parts.append(head + _marked(diff_words(old, new), style))
    return "; ".join(parts)


def plan_lines(old: str, new: str, diff: PlanDiff, lang: str, style: str) -> list[str]:
    """One plan's changes, one line each, real changes first and renumbering after."""
    head = f"{old} → {new}" if old != new else old
    lines = [f"## {head}" if style == "md" else head]
    if diff.empty:
        lines.append("  No difference." if lang == "en" else "  Không có thay đổi.")
        return lines
    bullet = "- " if style == "md" else "  "
    counts = diff.summary()
    if any(counts.values()):
        lines.append(bullet + (
            "By id (tasks, targets): {added} added, {removed} removed, {changed} changed."
            if lang == "en" else
            "Theo mã (nhiệm vụ, chỉ tiêu): thêm {added}, bỏ {removed}, sửa {changed}."
        ).format(**counts))
    real = [c for c in diff.changes if not c.renumbering]
    renumbered = [c for c in diff.changes if c.renumbering]
    for c in real:
        at = where(c, lang)
        at = f"{at} " if at else ""
        lines.append(f"{bullet}{at}{title(c, lang)}: {detail(c, style, lang)}")
    if renumbered:
        head = "Renumbered only" if lang == "en" else "Chỉ đánh số lại"
        items = ", ".join(f"{c.old} → {c.new} [{place(c.ref, lang)}]" for c in renumbered)
        lines.append(f"{bullet}{head}: {items}")
    if diff.issued_changed:
        lines.append(f"{bullet}" + (
            "WARNING: this document has a number (it was issued); a change needs an amending "
            "document or a new number." if lang == "en" else
            "CẢNH BÁO: văn bản đã có số (đã ban hành); thay đổi nội dung cần văn bản sửa đổi, "
            "bổ sung hoặc cấp số mới."))
    return lines


def render_text(result: SideDiff, lang: str = "vi", style: str = "text") -> str:
    """The whole diff as text (``style`` "text") or Markdown ("md")."""
    lines: list[str] = []
    for old, new, diff in result.plans:
        if result.plans and len(result.plans) > 1 and diff.empty:
            continue
        lines.extend(plan_lines(old, new, diff, lang, style))
    bullet = "- " if style == "md" else "  "
    for name in result.added:
        lines.append(("New plan: " if lang == "en" else "Kế hoạch mới: ") + name)
    for name in result.removed:
        lines.append(("Plan removed: " if lang == "en" else "Kế hoạch bị bỏ: ") + name)
    unchanged = {(o, n) for o, n, d in result.plans if d.empty}
    for old, new in result.renamed:
        if (old, new) in unchanged:  # a renamed plan with changes is listed with them
            lines.append(("Renamed, its content unchanged: " if lang == "en" else
                          "Đổi tên tệp, nội dung không đổi: ") + f"{old} → {new}")
    for name, files in result.file_effects:
        lines.append((f"Prints differently because a file it takes content from changed: "
                      f"{name} (" if lang == "en" else
                      f"In ra khác đi vì đã sửa tệp mà văn bản này lấy nội dung: {name} (")
                     + ", ".join(files) + ")")
    if result.registry:
        lines.append("Registry:" if lang == "en" else "Danh mục đơn vị, người ký:")
        for r in result.registry:
            what = _t({"unit": ("đơn vị", "unit"), "signer": ("người ký", "signer")}[r.what], lang)
            if not r.old:
                lines.append(f"{bullet}{_t(('Thêm', 'Added'), lang)} {what} {r.id}: {r.new}")
            elif not r.new:
                lines.append(f"{bullet}{_t(('Bỏ', 'Removed'), lang)} {what} {r.id}: {r.old}")
            else:
                lines.append(f"{bullet}{what} {r.id}: {r.old} → {r.new}")
        if result.registry_effects:
            lines.append(("Plans whose printed text this changes: " if lang == "en" else
                          "Kế hoạch in ra khác đi do danh mục: ")
                         + ", ".join(result.registry_effects))
    if not lines or (result.empty and len(result.plans) != 1):
        lines.append("No difference." if lang == "en" else "Không có thay đổi.")
    return "\n".join(lines) + "\n"


def as_json(result: SideDiff, lang: str = "vi") -> str:
    """The whole diff as JSON (stable key order, one change per object); "file_effects" (plans
    printing differently because a file they name changed) only when there are any."""
    def change(c: Change) -> dict:
        return {"code": c.code, "ref": c.ref, "kind": c.kind, "field": c.field,
                "old_label": c.old_label, "new_label": c.new_label, "old": c.old, "new": c.new,
                "title": title(c, lang), "fields": dict(c.extra),
                "segments": [{"op": s.op, "old": s.old, "new": s.new} for s in c.segments],
                **({"row": c.row.where(lang), "cells": [
                    {"column": t, "old": x, "new": y} for t, x, y in c.row.cells]}
                   if c.field == "row" else {})}
    data = {
        "old": result.old_spec, "new": result.new_spec, "different": not result.empty,
        "plans": [{"old": o, "new": n, "issued_changed": d.issued_changed,
                   "summary": d.summary(), "changes": [change(c) for c in d.changes]}
                  for o, n, d in result.plans],
        "added": result.added, "removed": result.removed,
        "registry": [{"what": r.what, "id": r.id, "old": r.old, "new": r.new}
                     for r in result.registry],
        "registry_effects": result.registry_effects,
        "renamed": [{"old": o, "new": n} for o, n in result.renamed],
    }
    if result.file_effects:  # only then: the diffs of plans that name no file keep their keys
        data["file_effects"] = [{"plan": name, "files": list(files)}
                                for name, files in result.file_effects]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

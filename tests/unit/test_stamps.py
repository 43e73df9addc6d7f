"""The stamp book: an output is current only when its inputs and its own bytes are unchanged;
anything missing, corrupt or edited by hand means "build it again"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vanban import stamps
from vanban.errors import Diagnostic, Severity, Span


def any_registry(_stamp) -> bool:
    """The freshness check of a stamp whose registry reads are not at issue here."""
    return True


@pytest.fixture()
def ws(tmp_path: Path) -> Path:
    (tmp_path / "plans" / "_shared").mkdir(parents=True)
    (tmp_path / "plans" / "_shared" / "don-vi.yaml").write_text("units: {}\n", encoding="utf-8")
    (tmp_path / "plans" / "a.yaml").write_text("title: A\n", encoding="utf-8")
    (tmp_path / "outputs").mkdir()
    stamps.reset()
    return tmp_path


def _key(ws: Path, **options) -> str:
    stamps.reset()  # a new process
    return stamps.inputs_key(ws / "plans" / "a.yaml", [ws / "plans" / "_shared"], ws, options)


def _made(ws: Path, data: bytes = b"docx", warnings=()) -> tuple[Path, str]:
    target = ws / "outputs" / "a.docx"
    target.write_bytes(data)
    key = _key(ws)
    book = stamps.StampBook(ws / "outputs")
    book.record(target, key, data, None, list(warnings),
                registry=stamps.registry_key([ws / "plans" / "_shared"], ws))
    book.save()
    return target, key


def test_unchanged_inputs_and_output_are_current(ws):
    target, key = _made(ws)
    assert stamps.StampBook(ws / "outputs").current(target, _key(ws), pdf=False, fresh=any_registry) is not None
    assert key == _key(ws)


@pytest.mark.parametrize("change", ["plan", "registry", "new-registry-file", "options"])
def test_any_input_change_makes_it_stale(ws, change):
    target, key = _made(ws)
    if change == "plan":
        (ws / "plans" / "a.yaml").write_text("title: B\n", encoding="utf-8")
    elif change == "registry":
        (ws / "plans" / "_shared" / "don-vi.yaml").write_text("units: {x: {}}\n", "utf-8")
    elif change == "new-registry-file":
        (ws / "plans" / "_shared" / "nguoi-ky.yaml").write_text("signers: {}\n", "utf-8")
    new_key = _key(ws, pdf=True) if change == "options" else _key(ws)
    registry = stamps.registry_key([ws / "plans" / "_shared"], ws)
    book = stamps.StampBook(ws / "outputs")
    if change in ("registry", "new-registry-file"):
        # The registry is not in the key: its files' digest is, with what the plan asked of
        # them (none recorded here: a changed registry makes it stale).
        assert new_key == key and book.stamps["a.docx"].registry != registry
        assert book.current(target, new_key, pdf=False,
                            fresh=lambda s: s.registry == registry or bool(s.reads)) is None
        return
    assert new_key != key
    assert book.current(target, new_key, pdf=False, fresh=any_registry) is None


def test_output_edited_or_deleted_by_hand_is_stale(ws):
    target, key = _made(ws)
    target.write_bytes(b"edited in Word")
    stamps.reset()
    assert stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry) is None
    target.unlink()
    stamps.reset()
    assert stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry) is None


def test_pdf_asked_but_never_made_is_stale(ws):
    target, key = _made(ws)
    assert stamps.StampBook(ws / "outputs").current(target, key, pdf=True, fresh=any_registry) is None


@pytest.mark.parametrize("content", ["", "{", "[]", '{"format": 99, "outputs": {}}',
                                     '{"format": 2, "outputs": {"a.docx": {"inputs": 1}}}',
                                     '{"format": 2, "outputs": []}', "\x00\xff"])
def test_corrupt_book_means_a_full_build(ws, content):
    target, key = _made(ws)
    (ws / "outputs" / stamps.BOOK_NAME).write_text(content, encoding="latin-1")
    assert stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry) is None


def test_warnings_come_back_as_they_were(ws):
    warning = Diagnostic("text.case", "Viết hoa", Span("plans/a.yaml", 3, 5), "title",
                         Severity.WARNING, "Capitals", "gợi ý", "hint")
    target, key = _made(ws, warnings=[warning])
    stamp = stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry)
    assert stamp is not None and stamps.warnings_of(stamp) == [warning]


def test_book_is_deterministic_and_not_rewritten_when_equal(ws):
    _made(ws)
    book_path = ws / "outputs" / stamps.BOOK_NAME
    first = book_path.read_bytes()
    stamps.StampBook(ws / "outputs").save()
    assert book_path.read_bytes() == first
    assert json.loads(first)["format"] == stamps.FORMAT
    assert list(book_path.parent.glob("*.tmp")) == []


def test_a_file_the_plan_names_is_a_dependency(ws):
    data = ws / "plans" / "so-lieu.csv"
    data.write_text("don_vi,so_to\nA,1\n", encoding="utf-8")
    target = ws / "outputs" / "a.docx"
    target.write_bytes(b"docx")
    key = _key(ws)
    book = stamps.StampBook(ws / "outputs")
    book.record(target, key, b"docx", None, [], "plans/a.yaml",
                stamps.depends_on([data], book))
    book.save()
    assert stamps.StampBook(ws / "outputs").current(target, _key(ws), pdf=False, fresh=any_registry) is not None
    data.write_text("don_vi,so_to\nA,2\n", encoding="utf-8")
    assert stamps.StampBook(ws / "outputs").current(target, _key(ws), pdf=False, fresh=any_registry) is None


def test_a_template_is_a_dependency_not_an_input(ws):
    """Templates are stamped per output (the ones it used and those looked for before them),
    so a template of the workspace that a plan does not use leaves it current."""
    (ws / "templates").mkdir()
    used, override = ws / "templates" / "mau-1-4.docx", ws / "templates" / "ke-hoach.docx"
    used.write_bytes(b"PK frame")
    target, key = _made(ws)
    book = stamps.StampBook(ws / "outputs")
    book.record(target, key, b"docx", None, [], "plans/a.yaml",
                stamps.depends_on([override, used], book))
    book.save()
    assert dict(book.stamps["a.docx"].depends) == {"../templates/ke-hoach.docx": "",
                                                   "../templates/mau-1-4.docx":
                                                   stamps.digest_bytes(b"PK frame")}
    (ws / "templates" / "mau-1-5.docx").write_bytes(b"PK another")
    assert _key(ws) == key
    assert stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry) is not None
    for change in (lambda: used.write_bytes(b"PK edited"), lambda: used.unlink(),
                   lambda: override.write_bytes(b"PK override")):
        change()
        stamps.reset()
        assert stamps.StampBook(ws / "outputs").current(target, key, pdf=False, fresh=any_registry) is None
        used.write_bytes(b"PK frame")
        override.unlink(missing_ok=True)


def test_every_output_of_a_plan_must_be_current(ws):
    main, second = ws / "outputs" / "qd.docx", ws / "outputs" / "qd-kem-theo.docx"
    for path in (main, second):
        path.write_bytes(path.name.encode())
    key = _key(ws)
    book = stamps.StampBook(ws / "outputs")
    for path in (main, second):
        book.record(path, key, path.name.encode(), None, [], "plans/qd.yaml")
    book.save()
    fresh = stamps.StampBook(ws / "outputs")
    assert len(fresh.current_all(main, "plans/qd.yaml", _key(ws), pdf=False,
                                 fresh=lambda _: True) or []) == 2
    second.unlink()
    stamps.reset()
    assert stamps.StampBook(ws / "outputs").current_all(main, "plans/qd.yaml", _key(ws),
                                                        pdf=False, fresh=lambda _: True) is None


def test_code_fingerprint_covers_every_code_file_in_path_order():
    import hashlib

    h = hashlib.sha256()
    for path in sorted(stamps._PACKAGE.rglob("*")):
        if path.suffix in (".py", ".json", ".docx", ".html", ".css", ".js") and path.is_file():
            h.update(path.relative_to(stamps._PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    assert stamps.code_fingerprint() == h.hexdigest()


def test_a_stamp_says_whether_the_file_written_was_issued(ws):
    target, key = _made(ws)
    book = stamps.StampBook(ws / "outputs")
    assert book.was_issued(target) is None  # not recorded: nobody knows
    book.record(target, key, b"docx", None, [], "plans/a.yaml", (), issued=True)
    book.save()
    stamps.reset()
    again = stamps.StampBook(ws / "outputs")
    assert again.was_issued(target) is True
    assert again.was_issued(ws / "outputs" / "b.docx") is None  # never stamped
    target.write_bytes(b"edited by hand")
    stamps.reset()
    assert stamps.StampBook(ws / "outputs").was_issued(target) is None  # not the bytes stamped
    book.record(target, key, b"edited by hand", None, [], "plans/a.yaml", (), issued=False)
    assert book.was_issued(target) is False

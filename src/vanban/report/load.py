"""Read one report completely: its source, its plan, its registry, its data and last year's
report, with every problem of all of them collected before anything is computed."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from pydantic import ValidationError

from vanban.errors import Diagnostic, Severity, Span, VanbanError, display_path
from vanban.report import checks, declared
from vanban.report.columns import ColumnSet
from vanban.report.compute import Results, compute
from vanban.report.coverage import missing_units
from vanban.report.heading import has_header
from vanban.report.issued import named_plan
from vanban.report.model import REPORT_TYPE, Report, default_level, default_scope
from vanban.report.raw import RawTable
from vanban.report.seam import (
    Loaded,
    PlanFacts,
    Registry,
    dotted,
    from_validation_error,
    load_file,
    registry_for,
    shared_dirs,
)
from vanban.report.table import DataTable, validate, validate_all

DATA_SUFFIXES = (".xlsx", ".csv", ".yaml", ".yml")


@dataclass(frozen=True)
class LoadedReport:
    """A report read, checked and computed."""

    source: Path
    display: str
    report: Report
    loaded: Loaded
    facts: PlanFacts
    registry: Registry
    table: DataTable | None
    results: Results
    period: tuple
    columns: ColumnSet
    """The data table's columns: the report's own (``data.columns``) or the hòa giải set."""
    warnings: tuple[Diagnostic, ...] = ()
    files: tuple[Path, ...] = ()
    """Every file read besides the report and the registry: the plan, the data, last year's
    report and its files (a change to any of them changes the report)."""

    @property
    def scope(self) -> str:
        """The subject of the totals sentence: ``data.scope``, else the issuer's territory
        ("Toàn xã" for a UBND xã, "Toàn tỉnh" for a Sở of a province); empty without a data
        table."""
        if self.report.data is None:
            return ""
        if self.report.data.scope:
            return self.report.data.scope
        hit = self.registry.unit(self.report.issuer)
        unit = hit.unit if hit is not None else None
        lines = () if unit is None else (*reversed(unit.header), *reversed(unit.superior_header))
        return default_scope(lines)


@dataclass
class Reads:
    """The files one report build has read, so that each is read and validated once: YAML
    sources by path, registries by their ``_shared`` folders (the build's own registry is put
    in first). A file that cannot be read is not kept: its error is raised where it is asked
    for, and no step asks for it again."""

    registries: dict[tuple[Path, ...], Registry] = field(default_factory=dict)
    sources: dict[Path, Loaded] = field(default_factory=dict)

    def load(self, path: Path, display: str | None = None) -> Loaded:
        """The YAML file at ``path``, read the first time it is asked for (and named
        ``display`` in messages, its path by default)."""
        key = path.resolve()
        if key not in self.sources:
            self.sources[key] = load_file(path, display or display_path(path))
        return self.sources[key]

    def registry(self, source: Path) -> Registry:
        """The registry of the ``_shared`` folders above ``source``, read once."""
        folders = tuple(shared_dirs(source))
        if folders not in self.registries:
            self.registries[folders] = registry_for(source)
        return self.registries[folders]


def is_report(data: object) -> bool:
    """Whether plain YAML data is a report source rather than a plan."""
    return isinstance(data, dict) and data.get("type") == REPORT_TYPE


def read_report(source: Path, display: str | None = None, reads: Reads | None = None
                ) -> tuple[Report, Loaded]:
    """The report source at ``source``, validated; VanbanError with its problems."""
    display = display or display_path(source)
    loaded = reads.load(source, display) if reads is not None else load_file(source, display)
    if not isinstance(loaded.data, dict):
        raise VanbanError([Diagnostic(
            "report.not-mapping", "Tệp báo cáo phải là một nhóm trường (type:, plan:, …).",
            Span(display, 1, 1), message_en="A report file must be a YAML mapping.")])
    try:
        report = Report.model_validate(loaded.data)
    except ValidationError as exc:
        raise VanbanError(loaded.warnings + from_validation_error(exc, loaded, Report, "báo cáo")
                          ) from None
    return report, loaded


def load_report(source: Path, display: str | None = None, *, with_previous: bool = True,
                reads: Reads | None = None) -> LoadedReport:
    """Everything about the report at ``source``; VanbanError with every problem found.
    ``reads`` holds what this build has read already (a new one by default)."""
    reads = reads if reads is not None else Reads()
    report, loaded = read_report(source, display, reads)
    try:
        registry = reads.registry(source)
    except VanbanError as exc:
        raise VanbanError(loaded.warnings + exc.diagnostics) from None
    return complete(report, loaded, source, registry, with_previous=with_previous, reads=reads)


def complete(report: Report, loaded: Loaded, source: Path, registry: Registry, *,
             with_previous: bool = True, reads: Reads | None = None) -> LoadedReport:
    """A validated report with its plan, data and last year's figures read, checked and
    computed; VanbanError with every problem found. ``reads`` holds what this build has read
    already (a new one by default); ``registry`` is the report's own."""
    if reads is None:
        reads = Reads()
    reads.registries.setdefault(tuple(shared_dirs(source)), registry)
    reads.sources.setdefault(source.resolve(), loaded)
    problems: list[Diagnostic] = list(loaded.warnings)
    named = named_plan(_plan_path(report.plan, source, loaded, reads), registry, reads.load,
                       loaded.span(("plan",)))
    facts = named.facts
    problems += named.warnings
    columns = declared.column_set(report)
    found = declared.check(report, loaded)
    declared_ok = not found
    found += checks.check(report, loaded, facts, report.data is not None, columns)
    table = None
    if report.data is not None and declared_ok:  # a table is read by good declarations only
        try:
            level = report.data.level or default_level(checks.period(report, facts)[1])
            table, data_problems = _read_data(report, source, loaded, registry, columns, level)
            found += data_problems
        except VanbanError as exc:
            found += exc.diagnostics
    files = list(named.files)
    if report.data is not None:
        files.append(data := _relative(report.data.file, source))
        if data.is_dir():  # the folder (a file added or removed) and each of its files
            files += data_folder(data, loaded)
    previous: dict[str, Fraction] = {}
    if with_previous:
        if report.previous is not None:
            previous = _previous(report.previous, source, loaded, found, files, reads)
        elif "previous" not in loaded.data and (last := last_years(source, facts.year, reads)):
            previous = _previous(last, source, loaded, found, files, reads)
    errors = [d for d in found if d.severity is Severity.ERROR]
    if errors:
        raise VanbanError(problems + found)
    results = compute(report, facts, table, columns, previous)
    return LoadedReport(source, loaded.file, report, loaded, facts, registry, table, results,
                        checks.period(report, facts), columns, tuple(problems + found),
                        tuple(dict.fromkeys(f for f in files if f.exists())))


def _relative(ref: str, source: Path) -> Path:
    return (source.parent / ref).resolve()


def _plan_path(ref: str, source: Path, loaded: Loaded, reads: Reads) -> Path:
    """A path relative to the report, or the id of a plan in the report's folder."""
    if ref.endswith((".yaml", ".yml")) or "/" in ref:
        path = _relative(ref, source)
        if path.is_file():
            return path
        raise VanbanError([Diagnostic(
            "report.plan-missing", f'Không có tệp kế hoạch "{ref}" (tính từ thư mục của báo cáo).',
            loaded.span(("plan",)), "plan", message_en=f'No plan file "{ref}".')])
    found, ids = [], []
    for candidate in sorted(source.parent.glob("*.y*ml")):
        if candidate.resolve() == source.resolve():
            continue
        try:
            data = reads.load(candidate).data
        except VanbanError:
            continue
        if isinstance(data, dict) and not is_report(data) and isinstance(data.get("id"), str):
            ids.append(data["id"])
            if data["id"] == ref:
                found.append(candidate)
    if len(found) == 1:
        return found[0]
    import difflib

    close = difflib.get_close_matches(ref, ids, n=1, cutoff=0.6)
    message = (f'Có {len(found)} kế hoạch mã "{ref}" trong thư mục này; ghi đường dẫn tệp.'
               if found else f'Không có kế hoạch mã "{ref}" trong thư mục của báo cáo.')
    raise VanbanError([Diagnostic(
        "report.plan-unknown", message, loaded.span(("plan",)), "plan",
        message_en=f'No single plan with id "{ref}" beside the report.',
        hint=f'Có phải "{close[0]}"?' if close and not found else
        "Ghi đường dẫn tệp kế hoạch, ví dụ plan: ke-hoach.yaml.",
        hint_en=f'Did you mean "{close[0]}"?' if close and not found else
        "Write the plan's path, e.g. plan: ke-hoach.yaml.")])


def needed_columns(report: Report, columns: ColumnSet) -> set[str]:
    """The columns the report's rates, targets and indicators read."""
    keys: set[str] = set()
    for item in (*report.rates, *report.targets.values(), *report.indicators):
        for name in ("total", "of", "over", "reaching"):
            value = getattr(item, name, None)
            if value is not None:
                keys.update(columns.parts_of(value))
    return keys


def _read_data(report: Report, source: Path, loaded: Loaded, registry: Registry,
               columns: ColumnSet, level: str) -> tuple[DataTable, list[Diagnostic]]:
    """The data table of ``data.file``: one file, or every data file of a folder (the units'
    own files, merged; the units of ``level`` with no row in any are named in a warning)."""
    ref = report.data
    path = _relative(ref.file, source)
    needed = needed_columns(report, columns)
    if not path.is_dir():
        return validate(_read_raw(path, ref.file, report, loaded), registry, needed, columns)
    found: list[Diagnostic] = []
    raws = []
    for file in data_folder(path, loaded, found):
        try:
            raws.append(_read_raw(file, display_path(file), report, loaded, in_folder=True,
                                  columns=columns))
        except VanbanError as exc:
            found += exc.diagnostics
    if not raws:
        # Files the folder holds but that are not read (ghi-chu.pdf) are only warnings: the
        # error is that it has no data file (else a report would be made without its figures).
        if not any(d.severity is Severity.ERROR for d in found):
            found.append(Diagnostic(
                "data.folder-empty", f'Thư mục số liệu "{ref.file}" không có tệp .xlsx, .csv '
                "hoặc .yaml nào.", loaded.span(("data", "file")), "data.file",
                message_en=f'The data folder "{ref.file}" holds no .xlsx, .csv or .yaml file.',
                hint="Chép các tệp số liệu các đơn vị gửi về vào thư mục này.",
                hint_en="Put the units' data files in this folder."))
        raise VanbanError(found)
    table, problems = validate_all(raws, display_path(path), registry, needed, columns)
    problems += missing_units(registry, level, set(table.named), loaded.span(("data", "file")))
    return table, found + problems


MAX_FOLDER_FILES = 5000
"""A data folder holds at most this many files (a province's communes and wards are ~100–200)."""


def data_folder(folder: Path, loaded: Loaded, found: list[Diagnostic] | None = None
                ) -> list[Path]:
    """The data files of ``folder`` (not below), by name; Excel's lock files ("~$…") and hidden
    files are not data. With ``found``, an old .xls file is an error there (its figures would
    be missing from the totals) and any other file a warning."""
    where = loaded.span(("data", "file"))
    files = []
    try:
        entries = sorted(folder.iterdir())[:MAX_FOLDER_FILES + 1]
    except OSError:
        entries = []
    for path in entries:
        if path.name.startswith(("~$", ".")) or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in DATA_SUFFIXES:
            files.append(path)
        elif found is None:
            continue
        elif suffix == ".xls":
            found.append(Diagnostic(
                "data.file-type", f'Tệp "{path.name}" trong thư mục số liệu là Excel 97–2003 '
                "(.xls): vanban không đọc được, số liệu của nó sẽ thiếu.", where, "data.file",
                message_en=f'"{path.name}" in the data folder is an old .xls workbook.',
                hint="Mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx), "
                     "rồi xóa tệp .xls.",
                hint_en="Open it in Excel, Save As an Excel Workbook (.xlsx), delete the .xls."))
        else:
            found.append(Diagnostic(
                "data.file-ignored", f'Tệp "{path.name}" trong thư mục số liệu không được đọc '
                "(chỉ đọc tệp .xlsx, .csv, .yaml).", where, "data.file", Severity.WARNING,
                message_en=f'"{path.name}" in the data folder is not read (only .xlsx, .csv, '
                           ".yaml).",
                hint="Nếu là số liệu của một đơn vị, nhập vào tệp .xlsx; nếu không, chuyển tệp "
                     "ra khỏi thư mục.",
                hint_en="If it holds a unit's figures, put them in an .xlsx file; else move it."))
    if len(files) > MAX_FOLDER_FILES:
        raise VanbanError([Diagnostic(
            "data.folder-too-big", f"Thư mục số liệu có quá {MAX_FOLDER_FILES} tệp.", where,
            "data.file", message_en=f"The data folder holds over {MAX_FOLDER_FILES} files.")])
    return files


def _read_raw(path: Path, ref: str, report: Report, loaded: Loaded, *, in_folder: bool = False,
              columns: ColumnSet | None = None) -> RawTable:
    """The table of one data file (``in_folder``: one of a data folder's, whose workbook's
    table is on the sheet named ``sheet``, else on the first sheet naming the ``columns``);
    ``ref`` is how messages name it."""
    shown = display_path(path)
    where = loaded.span(("data", "file"))
    if path.suffix.lower() not in DATA_SUFFIXES:
        old_excel = path.suffix.lower() == ".xls"
        raise VanbanError([Diagnostic(
            "data.file-type", f'Tệp số liệu "{ref}" phải là .xlsx, .csv hoặc .yaml.', where,
            "data.file", message_en="The data file must be .xlsx, .csv or .yaml.",
            hint="Mở tệp bằng Excel, chọn Lưu thành (Save As) dạng Excel Workbook (.xlsx), rồi "
                 "sửa đường dẫn thành tệp .xlsx." if old_excel else "",
            hint_en="Open it in Excel and Save As an Excel Workbook (.xlsx), then name the "
                    ".xlsx file." if old_excel else "")])
    if not path.is_file():
        raise VanbanError([Diagnostic(
            "data.file-missing", f'Không có tệp số liệu "{ref}" (tính từ thư mục của báo '
            "cáo).", where, "data.file", message_en=f'No data file "{ref}".')])
    sheet = report.data.sheet
    if sheet is not None and path.suffix.lower() != ".xlsx":
        if in_folder:  # a folder's CSV files have no sheets: the sheet is the workbooks'
            sheet = None
        else:
            raise VanbanError([Diagnostic(
                "data.sheet-not-xlsx", "Chỉ tệp .xlsx mới có trang tính (sheet).",
                loaded.span(("data", "sheet")), "data.sheet",
                message_en="Only .xlsx files have sheets.")])
    # A folder's files are read from their first row: each finds its own header (validate_all).
    header_row = 1 if in_folder else report.data.header_row
    if path.suffix.lower() == ".xlsx":
        from vanban.report import read_xlsx

        try:
            found = None if columns is None else functools.partial(has_header,
                                                                    columns_set=columns)
            return read_xlsx.read(path, shown, sheet, header_row, found)
        except VanbanError as exc:  # a sheet the workbook lacks: said at the sheet: line
            raise VanbanError([
                Diagnostic(d.code, d.message, loaded.span(("data", "sheet")), "data.sheet",
                           d.severity, d.message_en, d.hint, d.hint_en)
                if d.code == "data.sheet-unknown" and not in_folder else d
                for d in exc.diagnostics]) from None
    if path.suffix.lower() == ".csv":
        from vanban.report import read_csv

        return read_csv.read(path, shown, header_row)
    from vanban.report import read_yaml

    return read_yaml.read(path, shown)


def last_years(source: Path, year: int, reads: Reads | None = None) -> str | None:
    """The report of the year before, when the report's folder is named by its year and the
    folder of the year before holds a report of the same name (plans/…/2024/bao-cao.yaml for
    plans/…/2025/bao-cao.yaml); its path relative to the report, else None."""
    if source.parent.name != str(year):
        return None
    candidate = source.parent.parent / str(year - 1) / source.name
    if not candidate.is_file():
        return None
    try:
        data = (reads or Reads()).load(candidate).data
    except VanbanError:
        return None
    return f"../{year - 1}/{source.name}" if is_report(data) else None


def _previous(ref: str, source: Path, loaded: Loaded, found: list[Diagnostic],
              files: list[Path], reads: Reads) -> dict[str, Fraction]:
    path = _relative(ref, source)
    if not path.is_file():
        found.append(Diagnostic(
            "report.previous-missing", f'Không có báo cáo năm trước "{ref}".',
            loaded.span(("previous",)), "previous", message_en=f'No previous report "{ref}".'))
        return {}
    files.append(path)
    try:
        earlier = load_report(path, with_previous=False, reads=reads)
        files.extend(earlier.files)
        return earlier.results.values
    except VanbanError as exc:
        found.extend(exc.diagnostics)
        return {}


__all__ = ["LoadedReport", "Reads", "dotted", "is_report", "load_report", "needed_columns"]

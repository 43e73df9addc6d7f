"""The help pages in English (``vanban COMMAND --help --lang en``): each command's text, its
examples and its options' help, by command path ("" for vanban itself, "report init").

Plain data, read only when an English help page is asked for; the Vietnamese texts stay in the
commands' docstrings and decorators (cli.py and its siblings).
"""

from __future__ import annotations

LANG = "Language of the messages: vi (Vietnamese) or en (English)."

HELP_EN: dict[str, dict] = {
    "": {
        "help": """vanban: Vietnamese administrative plans and the documents they travel with
        (Quyết định, Công văn, Tờ trình, Thông báo, Báo cáo kết quả), written as YAML and made
        into DOCX/PDF laid out as Decree 30/2020/NĐ-CP requires; review of changes between
        versions; a format checker for any DOCX.

        Every command takes --lang en for English messages and help.""",
        "epilog": """\b
Examples:
  vanban build --lang en            build every plan in plans/ into outputs/
  vanban build plans/quang-binh --pdf --lang en
  vanban validate --lang en         check the plans only, write no file
  vanban check outputs/quang-binh/2024/ke-hoach-hoa-giai.docx --pdf --lang en
  vanban text outputs/quang-binh/2024/ke-hoach-hoa-giai.docx
""",
        "options": {"--version": "Show the version and exit."},
    },
    "build": {
        "short": "Build the documents (YAML) into DOCX laid out as the decree requires.",
        "help": """Build the documents (YAML) into DOCX laid out as the decree requires.

        PATHS are plan files or folders (default: plans/). The folder layout is kept:
        plans/quang-binh/2024/ke-hoach.yaml → outputs/quang-binh/2024/ke-hoach.docx.
        Nothing is written if any plan has an error; existing files are kept. A document whose
        sources (plan, registry, template, vanban version) have not changed since the last
        build is not built again; the record is kept in OUT/.vanban-stamps.json.""",
        "epilog": """\b
Examples:
  vanban build --lang en                every .yaml in plans/ → outputs/
  vanban build plans/quang-binh/2025    only the plans of 2025
  vanban build plans --out ban-in --pdf  with PDF (needs LibreOffice)
  vanban build --watch                  build again at each save (while writing)
""",
        "options": {
            "--out": "Folder to write into (default: outputs/ of the project folder, the one "
                     "holding plans/).",
            "--pdf": "Also write a PDF beside each DOCX (through LibreOffice).",
            "--jobs": "Number of documents built in parallel (default: the machine's cores).",
            "--force": "Build every document again, even those whose sources have not changed "
                       "since the last build.",
            "--strict": "Treat warnings as errors.",
            "--watch": "After building, watch plans/ and templates/: each save builds again "
                       "what changed (Ctrl+C to stop).",
        },
    },
    "text": {
        "short": "Print a DOCX as plain text, with each paragraph's formatting.",
        "help": """Print a DOCX as plain text, with each paragraph's formatting (to compare
        versions, see differences).

        Struck-through text (removed in a comparison table) and text deleted with Track
        Changes print as [-…-]; text inserted with Track Changes prints as {+…+}.

        Footnotes: the footnote mark prints as [^1], [^2]… (numbered as Word shows them); each
        paragraph of the footnote follows its paragraph as an indented line,
        [^1] [style] <size> text, including text changed with Track Changes.""",
        "epilog": """\b
Examples:
  vanban text outputs/quang-binh/2024/ke-hoach-hoa-giai.docx
  vanban text ke-hoach.docx > ke-hoach.txt
""",
    },
    "validate": {
        "short": "Check the plans (YAML) without writing any file: one line per problem.",
        "help": """Check the plans (YAML) without writing any file: one line per problem,
        with file:line:column.

        Each template (templates/) is tried once, except one identical to vanban's own. A plan
        whose sources have not changed since the last build is not checked again (its old
        warnings are printed again). An issued document (with a number) that would build
        differently from the one built before gets the warning [output.issued-changed]. Works
        from any subfolder of the project.

        Exit status: 0 valid, 1 errors, 2 wrong use of the command.""",
        "epilog": """\b
Examples:
  vanban validate --lang en             every plan in plans/
  vanban validate plans/quang-binh/2025 --strict --lang en
  vanban validate --format json --lang en > problems.json
""",
        "options": {
            "--strict": "Treat warnings as errors.",
            "--format": "Output: text (one line per problem) or json.",
            "--out": "Output folder of the last build (to know which documents are unchanged; "
                     "default: outputs/ of the project folder).",
        },
    },
    "schema": {
        "short": "Print the JSON Schema of the document files (for VS Code / YAML LS).",
        "help": """Print the JSON Schema of the document files (descriptions in
        Vietnamese), for VS Code / the YAML language server.

        Without --type: one schema for every document type, chosen by the type: field (no
        type: means a Kế hoạch, a plan).""",
        "epilog": """\b
Examples:
  vanban schema > vanban-plan.schema.json
  vanban schema --type cong-van
  vanban schema --registry > vanban-registry.schema.json
""",
        "options": {
            "--registry": "The schema of the registry files (_shared/*.yaml).",
            "--type": "Only the schema of one document type (the value of type:), e.g. "
                      "ke-hoach. Default: one schema for every type, chosen by type:.",
        },
    },
    "check": {
        "short": "Check any DOCX files against the layout of Decree 30/2020/NĐ-CP.",
        "help": """Check one or more DOCX files, made by vanban or typed in Word, against
        the layout of Decree 30/2020/NĐ-CP.

        FILES are .docx files or folders (every .docx in them). One line per finding: rule
        code, severity, place, what is required and what was found, the reference (box
        number, section of Appendix I). Exit status: 0 no error, 1 errors, 2 wrong use of
        the command.""",
        "epilog": """\b
Examples:
  vanban check van-ban.docx --lang en
  vanban check du-thao/ --pdf --lang en  every .docx in the folder (and subfolders)
  vanban check van-ban.docx --json --lang en
""",
        "options": {
            "--pdf": "Convert to PDF with LibreOffice and measure margins, lines, page "
                     "numbers.",
            "--format": "Output (as for vanban diff); JSON: places count from 0 (paragraph 1 "
                        "is 0).",
            "--json": "Same as --format json.",
        },
    },
    "fix-encoding": {
        "short": "Convert a file typed in an old encoding (TCVN3/ABC, VNI, …) to UTF-8.",
        "help": """Convert a file typed in an old Vietnamese encoding (TCVN3/ABC, VNI,
        Windows-1258) or in UTF-16 to Unicode UTF-8; the old file is kept as FILE.bak.""",
        "epilog": """\b
Examples:
  vanban fix-encoding plans/cu/ke-hoach.yaml --lang en   guess the encoding, keep FILE.bak
  vanban fix-encoding ke-hoach.yaml --from tcvn3 -o ke-hoach-moi.yaml
""",
        "options": {
            "--from": "The file's old encoding (default: guessed).",
            "--output": "Write to another file (default: overwrite, keeping the old one as "
                        "FILE.bak).",
        },
    },
    "report": {
        "short": "Year-end report on a plan: figures from the plan and the data tables.",
        "help": """The year-end report on a plan (Báo cáo kết quả thực hiện Kế hoạch): its
        figures are computed from the plan and the data tables.""",
        "epilog": """\b
Examples:
  vanban report init plans/quang-binh/2024/ke-hoach-hoa-giai.yaml --lang en
  vanban report validate plans/quang-binh/2024/bao-cao-hoa-giai.yaml --lang en
""",
    },
    "report init": {
        "short": "Start a report on plan PLAN: every task and target, to be filled in.",
        "help": """Start a report on plan PLAN: every task and every target, results to be
        filled in.

        Never overwrites a file. A plan on grassroots mediation (hòa giải ở cơ sở): the report
        comes with the mediation data table (data:) and the success rate. Other plans take the
        columns (columns:) and rates (rates:) of last year's report of the same name
        (../<last year>/<file name>) when there is one; else they get a warning, and data: with
        its declared columns is only an example in comment lines. Without a data table the
        targets' results are written with value:.""",
        "epilog": """\b
Examples:
  vanban report init plans/quang-binh/2024/ke-hoach-hoa-giai.yaml --lang en
      → plans/quang-binh/2024/bao-cao-hoa-giai.yaml
  vanban report init plans/quang-binh/2025/ke-hoach-hoa-giai.yaml -o bao-cao-2025.yaml
""",
        "options": {
            "--output": "The report file to create (default: beside the plan, ke-hoach-… → "
                        "bao-cao-…).",
        },
    },
    "report validate": {
        "short": "Check a report, its plan and data tables; print the computed figures.",
        "help": """Check a report, its plan and its data tables; print the computed
        figures. Writes no file.

        One line per problem, file:line:column (sheet and cell for .xlsx files). Exit
        status: 0 valid, 1 errors.""",
        "epilog": """\b
Examples:
  vanban report validate plans/quang-binh/2024/bao-cao-hoa-giai.yaml --lang en
""",
    },
    "diff": {
        "short": "Compare two versions of a plan by content: tasks, units, wording, dates.",
        "help": """Compare two versions of a plan by content: tasks added, removed, moved,
        renumbered; lead and coordinating units, timeline, output; wording (marked word by
        word); number, date, signer, recipients (Nơi nhận).

        OLD and NEW are plan files, plan folders, or REVISION:path in git
        (HEAD~1:plans/…). Exit status: 0 no difference, 1 differences, 2 errors.""",
        "epilog": """\b
Examples:
  vanban diff plans/quang-binh/2024/ke-hoach-hoa-giai.yaml plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --lang en
  vanban diff HEAD~1:plans/quang-binh/2025/ke-hoach-hoa-giai.yaml plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --lang en
  vanban diff HEAD~3:plans plans --format markdown --lang en > changes.md
  vanban diff du-thao-1.yaml du-thao-2.yaml --format json
""",
        "options": {"--format": "Output format."},
    },
    "compare": {
        "short": "Make the comparison table (bảng so sánh, DOCX) or a tracked-changes DOCX.",
        "help": """Make the comparison table (bảng so sánh: a landscape DOCX laid out as the
        decree requires): STT | Nội dung cũ | Nội dung mới | Lý do, giải trình (number, old
        text, new text, reason); removed words struck through, added words bold and
        underlined. The table itself is in Vietnamese: it is sent with the document.

        With --tracked: write the NEW document with Word's Track Changes (open it in Word,
        Review → Accept/Reject), marking exactly what was edited; renumbering is not marked.""",
        "epilog": """\b
Examples:
  vanban compare du-thao-1.yaml du-thao-2.yaml -o bang-so-sanh.docx --lang en
  vanban compare HEAD~1:plans/quang-binh/2025/ke-hoach-hoa-giai.yaml \\
      plans/quang-binh/2025/ke-hoach-hoa-giai.yaml -o bang-so-sanh.docx --reasons ly-do.yaml
  vanban compare du-thao-1.yaml du-thao-2.yaml -o bang.docx \\
      --old-header "Dự thảo lần 1" --new-header "Dự thảo lần 2"
\b
The reasons file (--reasons) has one line per changed item, by the task or target id or by
the place vanban diff prints in [...] (in Vietnamese or, from --lang en, in English):
  tap-huan: Theo góp ý của Sở Tài chính
  noi-nhan: Bổ sung theo đề nghị của Văn phòng UBND tỉnh
\b
Without --reasons: the reasons file beside the new plan, named <plan name>.ly-do.yaml
(ke-hoach-hoa-giai.yaml → ke-hoach-hoa-giai.ly-do.yaml), if there is one; the preview
(vanban serve) uses it too. A .ly-do.yaml file is not a plan: vanban build skips it.
""",
        "options": {
            "--output": "The DOCX file to write.",
            "--reasons": "YAML file of reasons, by the id of each item (default: <new plan "
                         "name>.ly-do.yaml beside the new plan, if there is one).",
            "--old-header": "Title of the old-text column.",
            "--new-header": "Title of the new-text column.",
            "--reason-header": "Title of the reasons column.",
            "--tracked": "Write the new document with Word's Track Changes instead of a "
                         "comparison table.",
            "--author": "Name of the reviser in the tracked changes (default: git config "
                        "user.name).",
            "--date": "Date and time of the changes (default: the date of the HEAD commit, or "
                      "of the new document).",
        },
    },
    "new-year": {
        "short": "Draft next year's plan from this year's: number cleared, dates and year "
                 "moved.",
        "help": """Draft next year's plan from this year's: the number is cleared, the
        dates and the plan's year move on, and so does "năm …" (year …) in the title and the
        timelines; task and target ids are kept. Prints the lines changed and what is still
        to decide.

        PLANS is one file, or several files and folders: then every document of the year
        before (--year minus 1) in them moves to the new year, each into its own new year
        folder; all are checked first, and nothing is written if any has an error; a new
        year's file that exists already is kept (skipped).""",
        "epilog": """\b
Examples:
  vanban new-year plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --year 2026 --lang en
  vanban new-year plans/quang-binh/2025/ke-hoach-hoa-giai.yaml --year 2026 -o du-thao-2026.yaml
  vanban new-year plans --year 2026 --lang en   every 2025 document in plans/ (every commune)
""",
        "options": {
            "--year": "Year of the new plan.",
            "--output": "The new plan file (default: the year folder changed, e.g. …/2025/… → "
                        "…/2026/…).",
        },
    },
    "rename-unit": {
        "short": "Rename a unit (or change its id) wherever the draft plans name it.",
        "help": """Rename a unit (or change its id) wherever the draft plans name it:
        issuer, lead and coordinating units, a unit's duties. Prints the lines changed.""",
        "epilog": """\b
Examples:
  vanban rename-unit "Sở Thông tin và Truyền thông" so-khcn --lang en
  vanban rename-unit "UBND các huyện, thị xã, thành phố" "UBND các xã, phường" plans/quang-tri
\b
An issued plan (with a number) is not rewritten: its content is history.
""",
    },
    "serve": {
        "short": "Preview the plans in a browser, updated at each save.",
        "help": """Preview the plans in a browser, updated at each save.

        Opens a web page on this machine (address 127.0.0.1 only) listing the plans in PATH
        (default plans/). Each plan shows: its PDF pages as printed (through LibreOffice), its
        errors with file:line:column (click to open them in VS Code), the format check, and
        DOCX/PDF downloads. When a plan, a registry (_shared) or a template (templates/) is
        saved, the page builds again what changed. Nothing is written into the plans folder.
        Stop with Ctrl+C.""",
        "epilog": """\b
Examples:
  vanban serve --lang en              preview every plan in plans/
  vanban serve plans/quang-binh --open
  vanban serve --port 8765            another port (default 8000)
  vanban serve --out ban-xem-truoc    also write the latest DOCX/PDF into this folder
""",
        "options": {
            "--port": "Port of the server (0: any free port).",
            "--open": "Open the page in the browser.",
            "--out": "Also write the DOCX/PDF of each build into this folder (default: only a "
                     "temporary folder).",
        },
    },
}
"""Each command's English help: "help" (its text), "short" (its line in the list of
commands), "epilog" (examples), "options" (by the option's long name)."""

"""The build worker of ``vanban serve``: a process that builds one plan per request.

Run as ``python -m vanban.serve.worker``; it answers ``{"ready": true}``, then for each request
line ``{"source", "root", "workspace", "lang", "docx_out"}`` builds the plan in memory
(``engine.build_plan``), writes the DOCX (when there is one) to ``docx_out`` (and a second
output, when the plan makes one, to ``attached.docx`` beside it) and answers with the
diagnostics, findings and text; ``{"op": "check-pdf", …}`` checks a build again with its PDF
measured; ``{"op": "validate", "source", "root"}`` only validates (the list of plans shows
the numbers of errors); ``{"op": "compare", "source", "rev", "kind", "workspace", "out",
"columns"}`` writes the bảng so sánh (with those column headers and the plan's reasons file) or
the tracked-changes DOCX of a plan against a revision. The imports are paid
once, when the server starts; a plan that makes the renderer hang only costs this process,
which the server kills and restarts.
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path


def handle(request: dict) -> dict:
    """Build the plan of one request (the DOCX goes to ``request["docx_out"]``), or, for
    ``{"op": "check-pdf", "docx", "pdf"}``, check a built DOCX with its PDF measured."""
    from vanban.serve import engine

    if request.get("op") == "check-pdf":
        docx = Path(request["docx"])
        findings = engine.check(docx.read_bytes(), docx.name, request.get("lang", "vi"),
                                pdf=Path(request["pdf"]))
        if request.get("attached_pdf"):  # the second output, measured on its own PDF
            second = Path(request["attached_docx"])
            findings += engine.attached_findings(engine.check(
                second.read_bytes(), request.get("attached_name", second.name),
                request.get("lang", "vi"), pdf=Path(request["attached_pdf"])),
                request.get("lang", "vi"))
        return {"findings": findings}
    if request.get("op") == "validate":
        return engine.validate_plan(Path(request["source"]), Path(request["root"]),
                                    request.get("lang", "vi"))
    if request.get("op") == "compare":
        from vanban.serve import history

        return history.compare_docx(Path(request["source"]), request["rev"], request["kind"],
                                   Path(request["workspace"]), Path(request["out"]),
                                   tuple(request.get("columns", ())), request.get("lang", "vi"))
    result = engine.build_plan(Path(request["source"]), Path(request["root"]),
                               Path(request["workspace"]), request.get("lang", "vi"))
    data, attached = result.pop("docx"), result.pop("attached")
    if data is not None:
        Path(request["docx_out"]).write_bytes(data)
    result["attached"] = attached is not None
    if attached is not None:
        Path(request["docx_out"]).with_name("attached.docx").write_bytes(attached)
    return result


def main() -> None:
    from vanban.check import api  # noqa: F401
    from vanban.pdf import measure  # noqa: F401
    from vanban.pipeline import render_outputs  # noqa: F401
    from vanban.serve import engine  # noqa: F401  (import the build machinery before "ready")

    out = sys.stdout
    sys.stdout = sys.stderr  # whatever a library prints cannot break the answers' lines
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for line in sys.stdin:
        try:
            answer = handle(json.loads(line))
        except Exception:  # noqa: BLE001  (a bug: its traceback goes back to the server)
            answer = {"bug": traceback.format_exc()}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()

"""A warm LibreOffice for ``vanban serve``: a script run by a Python that has LibreOffice's
``uno`` module (on Debian /usr/bin/python3 with python3-uno, not the project's Python).

It starts ``soffice --headless --accept=pipe,…`` with its own throw-away profile, connects to it,
then converts DOCX files to PDF for as long as it lives: one request per line on standard input
(``{"in": "/x.docx", "out": "/x.pdf"}``), one answer per line on standard output (``{"ok": true}``
or ``{"ok": false, "error": "…"}``). The first line it prints is ``{"ready": true}`` once the
office answers. The caller runs it in a process group of its own and kills the group to stop
the office (it also stops when standard input closes).
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

CONNECT_SECONDS = 60


def _prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def _connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _convert(desktop, src, out):
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                       (_prop("Hidden", True), _prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        doc.storeToURL(uno.systemPathToFileUrl(out), (_prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main():
    soffice, profile, pipe = sys.argv[1:4]
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--nolockcheck", f"--accept=pipe,name={pipe};urp;"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=dict(os.environ, TZ="UTC"))
    try:
        desktop = _connect(pipe)
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                _convert(desktop, request["in"], request["out"])
                answer = {"ok": True}
            except Exception as exc:  # noqa: BLE001  (reported to the caller, who decides)
                answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(answer), flush=True)
    finally:
        office.kill()
        # In our own process group (the server starts us in a new session), end all of it.
        if hasattr(os, "killpg") and os.getpgid(0) == os.getpid():
            os.killpg(0, 9)


if __name__ == "__main__":
    main()

"""What xlwings Lite does with uvp, run inside real Pyodide by tests/js/pyodide_lite.mjs.

Reads ``/job/input.json`` (written by tests/test_pyodide.py), writes ``/job/result.json``:
for each example workbook its plan as JSON, its report, the region view of the two
plans, a dumped JSON file's mode and whether it reads back; and for each script of
``excel/lite/main.py`` the actions it answers on an ``xlwings.Book(json=...)``.
The test compares all of it with CPython.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import sys
from typing import Any


def _lite_scripts() -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": "uvp_lite_main"}
    with open("/job/main.py", encoding="utf-8") as file:
        exec(compile(file.read(), "main.py", "exec"), namespace)
    return namespace


def main() -> None:
    with open("/job/input.json", encoding="utf-8") as file:
        job = json.load(file)
    # xlwings Lite licenses its engine itself; here, as in the CPython tests.
    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")
    import attrs
    import xlwings as xw

    import uvp
    from uvp.workbook import inspect_workbook, validate_result

    result: dict[str, Any] = {
        "platform": platform.system(),
        "python": platform.python_version(),
        "examples": {},
        "scripts": {},
    }
    plans = []
    for name in job["examples"]:
        path = f"/job/{name}.xlsx"
        # One read for both (what uvp.read_workbook and uvp.validate_workbook each do).
        read = inspect_workbook(path)
        plan = read.plan
        plans.append(plan)
        peildatum = dt.date.fromisoformat(job["peildatum"])
        report = attrs.evolve(validate_result(read, peildatum=peildatum), source=path)
        dumped = f"/tmp/{name}.json"
        uvp.dump(plan, dumped)
        entry: dict[str, Any] = {
            "json": uvp.to_json(plan),
            "report": report.to_dict(),
            "mode": oct(os.stat(dumped).st_mode & 0o777),
        }
        try:
            entry["read_back"] = uvp.load(dumped) == plan
        except Exception as error:
            entry["read_back"] = f"{type(error).__name__}: {error}"
        result["examples"][name] = entry
    result["region"] = uvp.compare(plans).to_dict()

    scripts = _lite_scripts()
    for script, payload in job["scripts"].items():
        book = xw.Book(json=payload)
        try:
            scripts[script](book)
            result["scripts"][script] = book.json()
        finally:
            book.close()

    native = ("rapidfuzz", "orjson", "python_calamine", "typer", "rich")
    result["loaded"] = sorted(m for m in native if m in sys.modules)
    with open("/job/result.json", "w", encoding="utf-8") as file:
        json.dump(result, file, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()

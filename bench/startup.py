"""Benchmark: how long uvp takes to start, each command a whole fresh process.

Run by hand from the repository root::

    python bench/startup.py               # 5 rounds
    python bench/startup.py --rounds 9

Like hyperfine: every command runs as its own process, the commands of a round
one after the other (so a busy machine slows them alike), ``--rounds`` rounds
after one untimed warm-up round. For each command it keeps the CPU time the
process used (user + system, from ``os.wait4``) and the wall time, and reports
the best of the first 3 rounds and the median of all. The ratios, against
``python -c 'import openpyxl'`` (issue 16: ``uvp validate`` under 0.6×) and
against ``python -c pass``, are taken from the medians of CPU time, which a
machine shared with other work disturbs less than wall time.

The commands run with bytecode caching on (``PYTHONDONTWRITEBYTECODE`` removed,
the cache in a temporary ``PYTHONPYCACHEPREFIX``), as an installed uvp runs:
without it every start would compile uvp's sources again.

With ``--instructions`` (needs valgrind) each command also runs once under
callgrind, with ``PYTHONHASHSEED=0``: the instructions it executes are the same
on every run whatever else the machine does, so their ratios hold on a busy
machine where CPU times wander.

The figures go to ``bench/results/startup.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _callgrind

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "startup.json"
EXAMPLE = "examples/scherpenzeel-2024.xlsx"

# What the add-in runs on a click (xlwings Server or Lite calls an entry point of
# uvp.addin in a fresh Python), and then checks that the CLI was not loaded.
_ADDIN = (
    "from uvp.addin import validate; import sys; "
    "assert 'uvp.cli' not in sys.modules, 'the add-in loaded the CLI'"
)

_NO_NUMPY = "import sys; sys.modules['numpy'] = None; import openpyxl"

COMMANDS: dict[str, list[str]] = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import openpyxl'": [sys.executable, "-c", "import openpyxl"],
    # openpyxl imports numpy when it is installed (uvp's region view brings it); the
    # same import with numpy hidden is what openpyxl costs where numpy is absent.
    "import openpyxl, numpy hidden": [sys.executable, "-c", _NO_NUMPY],
    # What uvp cannot start without: attrs (its model; a required package), the zip
    # reader and python-calamine. Nothing uvp does can make a start cheaper than this.
    "the floor: import attrs, zipfile, python_calamine": [
        sys.executable,
        "-c",
        "import attrs, zipfile, python_calamine",
    ],
    f"uvp validate {EXAMPLE}": [sys.executable, "-m", "uvp", "validate", EXAMPLE],
    "python -c 'import uvp'": [sys.executable, "-c", "import uvp"],
    "add-in entry (from uvp.addin import validate)": [sys.executable, "-c", _ADDIN],
    # Excel's Python has xlwings loaded before it calls uvp: what the click adds is
    # the entry above less this.
    "python -c 'import xlwings'": [sys.executable, "-c", "import xlwings"],
}


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of *command*, run as a process (its output thrown away)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    error = child.stderr.read() if child.stderr else b""
    if child.stderr:
        child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # validate exits 1: the example has findings of severity error
        raise SystemExit(f"{shlex.join(command)} exited {code}:\n{error.decode()}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--instructions", action="store_true", help="count them (valgrind)")
    args = parser.parse_args()
    counted: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for command in COMMANDS.values():  # the warm-up: bytecode written, files cached
            run(command, env)
        load_before = os.getloadavg()
        wall: dict[str, list[float]] = {name: [] for name in COMMANDS}
        cpu: dict[str, list[float]] = {name: [] for name in COMMANDS}
        for _ in range(args.rounds):
            for name, command in COMMANDS.items():
                w, c = run(command, env)
                wall[name].append(w)
                cpu[name].append(c)
        load_after = os.getloadavg()
        if args.instructions:
            counted = {
                name: _callgrind.instructions(command, cwd=ROOT, env=env)
                for name, command in COMMANDS.items()
            }

    def ms(values: list[float]) -> dict[str, float]:
        return {
            "best_of_3": round(min(values[:3]) * 1000, 1),
            "median": round(statistics.median(values) * 1000, 1),
        }

    medians = {name: statistics.median(values) for name, values in cpu.items()}
    names = list(COMMANDS)
    ratios = {
        name: {
            "to_import_openpyxl": round(medians[name] / medians[names[1]], 3),
            "to_python_pass": round(medians[name] / medians[names[0]], 2),
            "to_import_openpyxl_numpy_hidden": round(medians[name] / medians[names[2]], 3),
            "to_floor": round(medians[name] / medians[names[3]], 3),
        }
        for name in names
    }
    figures = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}",
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "rounds": args.rounds,
        "cpu_ms": {name: ms(values) for name, values in cpu.items()},
        "wall_ms": {name: ms(values) for name, values in wall.items()},
        "ratios_of_median_cpu": ratios,
        "all_cpu_ms": {name: [round(v * 1000, 1) for v in values] for name, values in cpu.items()},
    }
    if counted:
        base = [counted[n] for n in names[:4]]
        figures["instructions"] = counted
        figures["ratios_of_instructions"] = {
            name: {
                "to_import_openpyxl": round(counted[name] / base[1], 3),
                "to_python_pass": round(counted[name] / base[0], 2),
                "to_import_openpyxl_numpy_hidden": round(counted[name] / base[2], 3),
                "to_floor": round(counted[name] / base[3], 3),
            }
            for name in names
        }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    width = max(map(len, names))
    print(
        f"{'command':<{width}}  cpu median  best of 3   wall median  ×openpyxl  ×pass  ×openpyxl-no-numpy  ×floor"
    )
    for name in names:
        print(
            f"{name:<{width}}  {figures['cpu_ms'][name]['median']:>8.1f}ms"
            f"  {figures['cpu_ms'][name]['best_of_3']:>7.1f}ms"
            f"  {figures['wall_ms'][name]['median']:>9.1f}ms"
            f"  {ratios[name]['to_import_openpyxl']:>9.3f}  {ratios[name]['to_python_pass']:>5.1f}"
            f"  {ratios[name]['to_import_openpyxl_numpy_hidden']:>9.3f}"
            f"  {ratios[name]['to_floor']:>6.2f}"
        )
    print(f"load average {figures['load_average_before_after']}")
    if counted:
        print(f"\n{'command':<{width}}  instructions  ×openpyxl  ×pass  ×openpyxl-no-numpy  ×floor")
        for name in names:
            r = figures["ratios_of_instructions"][name]
            print(
                f"{name:<{width}}  {counted[name] / 1e6:>10.1f} M  {r['to_import_openpyxl']:>9.3f}"
                f"  {r['to_python_pass']:>5.1f}  {r['to_import_openpyxl_numpy_hidden']:>9.3f}"
                f"  {r['to_floor']:>6.2f}"
            )


if __name__ == "__main__":
    main()

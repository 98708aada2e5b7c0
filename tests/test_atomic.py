"""One atomic writer for every file uvp writes (uvp.core.write_with): JSON, HTML, workbooks.

The umask is the process's own, so each case runs in a fresh Python process.
"""

from __future__ import annotations

import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from uvp.core import WorkbookError, write_bytes, write_text, write_with

# Writes one file the way uvp writes its JSON/HTML or its workbooks, under a given umask
# (or with os.umask reporting 0o777, as it does in Pyodide), and prints its mode.
_SCRIPT = textwrap.dedent(
    """
    import os, stat, sys
    path, kind, umask, existing = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    if umask == "pyodide":
        os.umask = lambda mask: 0o777  # what Pyodide reports, whatever the mask
    else:
        os.umask(int(umask, 8))
    if existing != "-":
        open(path, "wb").close()
        os.chmod(path, int(existing, 8))
    if kind == "text":
        from uvp.core import write_text
        write_text(path, "{}\\n")
    else:
        from uvp.workbook import Sheet, write_new_workbook
        sheet = Sheet("Blad")
        sheet.put(1, 1, "Hallo")
        write_new_workbook(path, [sheet], overwrite=True)
    print(oct(stat.S_IMODE(os.stat(path).st_mode)))
    """
)


@pytest.mark.parametrize("kind", ["text", "workbook"])
@pytest.mark.parametrize(
    ("umask", "existing", "mode"),
    [
        ("022", "-", 0o644),
        ("077", "-", 0o600),
        ("002", "-", 0o664),
        ("022", "640", 0o640),
        ("077", "664", 0o664),
        ("pyodide", "-", 0o644),
    ],
    ids=[
        "new-under-022",
        "new-under-077",
        "new-under-002",
        "replaced-keeps-0640",
        "replaced-keeps-0664",
        "umask-reported-0777",
    ],
)
def test_file_mode(tmp_path: Path, kind: str, umask: str, existing: str, mode: int) -> None:
    path = tmp_path / ("plan.json" if kind == "text" else "plan.xlsx")
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(path), kind, umask, existing],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == oct(mode)
    left = sorted(p.name for p in tmp_path.iterdir())
    expected = [path.name]
    if kind == "workbook" and existing != "-":
        expected = ["plan.bak.xlsx", path.name]  # the file it replaced, kept
    assert left == expected  # and no temporary file


def test_a_failed_write_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = write_text(tmp_path / "rapport.html", "oud")
    path.chmod(0o640)

    def half(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(WorkbookError) as caught:
        write_with(path, half)
    assert caught.value.message("nl").endswith("(de schijf is vol).")
    assert path.read_text(encoding="utf-8") == "oud"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_bytes_and_text_are_written_as_given(tmp_path: Path) -> None:
    assert write_bytes(tmp_path / "a.bin", b"\x00\r\n").read_bytes() == b"\x00\r\n"
    text = "Ondermijning — één\nregel\n"
    assert write_text(tmp_path / "b.txt", text).read_bytes() == text.encode("utf-8")

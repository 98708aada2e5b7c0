"""Where a command writes: the one meaning of ``-o`` and the one overwrite policy.

Every command that writes files follows the same rules, decided here:

- ``-o`` names a **file** when the command writes one file, and a **folder**
  when it writes one file per input: ``uvp convert plan.json -o plan.xlsx``
  writes that file, ``uvp convert plannen/ -o json/`` writes one file per plan
  in ``json/``. A path with a suffix that is not an existing folder is a file.
- The **suffix decides the format**, and a suffix the command cannot write is
  refused (``uvp agenda ... -o agenda.csv``): nothing is written.
- An existing file is **never replaced without** ``--overwrite``; with it, the
  replaced file is kept as ``name.bak.suffix`` (one generation). Commands that
  edit a workbook in place (``fill``, ``evaluate``, ``validate --write``) keep
  the workbook as it was the same way.
- A plan read is never an output, and missing folders are made when the file
  is written.

>>> from pathlib import Path
>>> [p.as_posix() for p in output_paths([Path("a.json")], "a.xlsx", writes=(".xlsx", ".json"))]
['a.xlsx']
>>> [p.as_posix() for p in output_paths([Path("a.json"), Path("b.json")], "uit", writes=(".json",))]
['uit/a.json', 'uit/b.json']
>>> output_file("agenda.csv", (".xlsx",))
Traceback (most recent call last):
...
uvp.UvpError: agenda.csv: uvp can write only these kinds of file here: .xlsx
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from uvp.core import UvpError, WorkbookError, backup_path, write_with

__all__ = ["backup_path", "keep_backup", "output_file", "output_paths", "writable"]


def _suffixes(writes: Sequence[str]) -> str:
    return ", ".join(writes)


def _is_file(output: Path) -> bool:
    """Whether ``-o`` names a file: it has a suffix and is not a folder that exists."""
    return bool(output.suffix) and not output.is_dir()


def writable(
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """*path*, when a command may write it: not one of the plans it read (*inputs*), and
    not a file that exists unless *overwrite*.

    >>> writable("examples/nijkerk-2024.json")
    Traceback (most recent call last):
    ...
    uvp.WorkbookError: examples/nijkerk-2024.json exists already; choose another name or allow overwriting
    """
    path = Path(path)
    if any(path.resolve() == Path(given).resolve() for given in inputs):
        raise UvpError("output-is-input", path=str(path))
    if path.exists() and not overwrite:
        raise WorkbookError("workbook-exists", source=str(path))
    return path


def output_file(
    path: str | os.PathLike[str],
    writes: Sequence[str],
    *,
    overwrite: bool = False,
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """*path* as the one file a command writes, checked before anything is read or
    written: a file (not a folder) whose suffix is one of *writes*, and
    :func:`writable`.

    >>> output_file("examples", (".html", ".xlsx"))
    Traceback (most recent call last):
    ...
    uvp.UvpError: examples is a folder: give a file name ending in one of .html, .xlsx
    """
    path = Path(path)
    if path.is_dir():
        raise UvpError("output-is-folder", path=str(path), suffixes=_suffixes(writes))
    if path.suffix.lower() not in writes:
        raise UvpError("output-bad-suffix", path=str(path), suffixes=_suffixes(writes))
    return writable(path, overwrite=overwrite, inputs=inputs)


def _same_suffix(source: Path) -> str:
    return source.suffix


def output_paths(
    sources: Sequence[Path],
    output: str | os.PathLike[str] | None,
    *,
    writes: Sequence[str],
    suffix: Callable[[Path], str] = _same_suffix,
) -> list[Path]:
    """Where a command that makes one file of each of *sources* writes them: beside the
    source, or by ``-o`` (*output*) in a file (one source only; its suffix one of
    *writes*) or a folder. Each under the source's name with *suffix* (by default the
    source's own: an edited copy). Existing files are for the writer to refuse.

    >>> output_paths([Path("a.xlsx"), Path("b.xlsx")], "uit.xlsx", writes=(".xlsx",))
    Traceback (most recent call last):
    ...
    uvp.UvpError: uit.xlsx is one file, but there are 2 results: give a folder with -o
    """
    if output is None:
        return [source.with_name(source.stem + suffix(source)) for source in sources]
    output = Path(output)
    if not _is_file(output):
        return [output / (source.stem + suffix(source)) for source in sources]
    if len(sources) > 1:
        raise UvpError("output-one-file", path=str(output), count=len(sources))
    return [output_file(output, writes, overwrite=True)]


def keep_backup(path: str | os.PathLike[str]) -> Path | None:
    """Keep the file at *path*, if there is one, as its :func:`backup_path` before it is
    replaced: written all or nothing (see :func:`uvp.core.write_with`), so a good
    earlier backup is replaced only by a complete new one. The backup's path, or
    ``None`` when there was no file. uvp's own writers make the backup themselves
    (``backup=True``), under the same write lock as the file.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     plan = pathlib.Path(folder) / "plan.json"
    ...     _ = plan.write_text("{}")
    ...     keep_backup(plan).read_text()
    '{}'
    """
    path = Path(path)
    if not path.is_file():
        return None
    data = path.read_bytes()
    return write_with(backup_path(path), lambda temporary: temporary.write_bytes(data))

"""Commands as they are declared, and a quick parser of plain command lines.

A command's parameters are declared once, in its signature:
``Annotated[int | None, option("--jaar", min=1900, max=2999)]``. :func:`quick`
reads such a signature to run a plain command line (known options, once each,
values that convert as typer converts them) without loading typer, rich and
pydantic, which take most of a command's start otherwise (issue 16). Anything
else — help, ``--version``, a usage error — is left to the typer app that
:mod:`uvp.cli._dutch` builds from the same declarations, and answered as it
always was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from inspect import Parameter, signature
from pathlib import Path
from typing import Any, Literal, NamedTuple, get_args, get_origin, get_type_hints

__all__ = ["COMMANDS", "Param", "argument", "command", "option", "quick"]

COMMANDS: dict[str, Callable[..., None]] = {}
"""Every command by name, in the order of ``uvp --help``."""


def command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command; its help is the catalogue's ``cli-help-<name>``."""
    return lambda run: COMMANDS.setdefault(name, run)


class Param(NamedTuple):
    """An argument (no *names*) or option as a command declares it: its help and metavar
    (the catalogue's ``cli-help-<help>``, ``cli-metavar-<metavar>``), whether it is a flag,
    and typer's further settings (*limits*)."""

    names: tuple[str, ...]
    help: str
    metavar: str | None
    flag: bool
    limits: dict[str, Any]


def option(*names: str, key: str | None = None, flag: bool = False, **limits: Any) -> Param:
    """An option whose help is the catalogue's ``cli-help-<key>`` (by default its first
    name) and, unless a *flag*, whose value is shown as ``cli-metavar-<key>``."""
    key = key or names[0][2:]
    return Param(names, key, None if flag else key, flag, limits)


def argument(code: str, metavar: str = "plan") -> Param:
    return Param((), code, metavar, False, {})


def quick(args: Sequence[str]) -> Callable[[], None] | None:
    """The command *args* ask for, ready to run, when they are plain (``validate PLAN
    --jaar 2024``: known options, once each, values that convert as typer converts them);
    None for anything else (help, a usage error), which typer parses and answers."""
    run = COMMANDS.get(args[0]) if args else None
    if run is None:
        return None
    params, hints = signature(run).parameters, get_type_hints(run, include_extras=True)
    declared: dict[str, Param] = {key: hints[key].__metadata__[0] for key in params}
    names = {name: key for key, param in declared.items() for name in param.names}
    given: dict[str, Any] = {}
    loose: list[Any] = []
    words = iter(args[1:])
    for word in words:
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if not word.startswith("-"):
            loose.append(word)
        elif (key := names.get(name)) is None or key in given or (declared[key].flag and equals):
            return None
        else:
            given[key] = True if declared[key].flag else value if equals else next(words, "-")
    arguments = [key for key, param in declared.items() if not param.names]
    if len(arguments) == 1 and hints[arguments[0]].__origin__ == list[Path]:
        loose = [loose] if loose else []
    if len(loose) != len(arguments) or any(
        p.limits.get("envvar", "") in os.environ for p in declared.values()
    ):
        return None
    given.update(zip(arguments, loose, strict=True))
    if any(p.default is Parameter.empty and key not in given for key, p in params.items()):
        return None
    # Parsers last, in the order declared: ``--woordenlijst`` reads a file and may say so or
    # exit, which it does only when all else is as typer would take it.
    for key in sorted(
        (k for k in params if k in given), key=lambda k: "parser" in declared[k].limits
    ):
        if (value := _value(hints[key], given[key])) is _REFUSED:
            return None
        given[key] = value
    return partial(run, **given)


_REFUSED: Any = object()


def _value(hint: Any, given: Any) -> Any:
    """*given* (a word, or the words of a list argument) as typer passes it to the command,
    or ``_REFUSED`` where typer might not take it as it is."""
    param, kind = hint.__metadata__[0], hint.__origin__
    if type(None) in (either := get_args(kind)):
        (kind,) = (k for k in either if k is not type(None))
    if given is True:
        return given
    if isinstance(given, list):
        return [Path(word) for word in given] if all(given) else _REFUSED
    if given.startswith("-"):
        return _REFUSED
    try:
        if param.limits.get("parser"):
            return param.limits["parser"](given)
    except ValueError:
        return _REFUSED
    least, most = param.limits.get("min", 0), param.limits.get("max", sys.maxsize)
    if kind is int and given.isascii() and given.isdigit() and least <= int(given) <= most:
        return int(given)
    if get_origin(kind) is Literal:
        return given if given in get_args(kind) else _REFUSED
    return {str: given, Path: Path(given) if given else _REFUSED}.get(kind, _REFUSED)

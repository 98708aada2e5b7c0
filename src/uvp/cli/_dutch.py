"""Typer in Dutch: help pages, usage lines and usage errors from uvp's catalogue.

Typer (0.26 and later) carries its own copy of click, whose texts are English and
fixed in its code ("Usage:", "Show this message and exit.", "Missing option"),
and shows a parameter's type as ``<list[Path]>``. No translation can reach
them, so uvp writes what a person reads itself: :class:`Group` and
:class:`Command` lay out the help page and the usage line with the catalogue's
``cli-`` texts and each parameter's metavar (``PLAN``, ``MAP``), and
:meth:`Group.main` says a usage error in Dutch (the catalogue reads typer's
English message back: :func:`uvp.messages.translate_usage`), with exit code 2.
``uvp.cli``'s tests check every command's help for English words.

Here too the typer app itself, built from the commands :mod:`uvp.cli._app`
declares: it is loaded only for what a plain command line does not need (help,
``--version``, a usage error to say).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from inspect import Signature, signature
from typing import Annotated, Any, get_type_hints

import typer
from typer import _click
from typer._click import exceptions as errors
from typer.core import TyperCommand, TyperGroup, TyperOption

from uvp.cli._parse import COMMANDS, Param, option
from uvp.core import excerpt
from uvp.messages import render, translate_usage

__all__ = ["Command", "Group", "app"]


def nl(code: str, **params: object) -> str:
    return render("nl", code, **params)


def _name(param: Any) -> str:
    """An argument as the help page shows it (``PLAN``)."""
    return str(param.metavar or param.name).upper()


def _record(param: Any) -> tuple[str, str]:
    """One line of the help page: how to type *param*, and what it is for."""
    if param.param_type_name == "argument":
        names = _name(param)
    else:
        names = " / ".join([", ".join(param.opts), *param.secondary_opts])
        names += "" if param.is_flag else f" {param.metavar or ''}".rstrip()
    extra = ""
    if param.required:
        extra = nl("cli-required")
    elif param.default not in (None, False) and not param.is_flag:
        extra = nl("cli-default", value=getattr(param.default, "value", param.default))
    return names, " ".join(filter(None, (param.help, extra)))


class _Dutch(_click.Command):
    """The help page and usage line of a command or of the group, in Dutch."""

    def get_help_option(self, ctx: _click.Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = nl("cli-help-help")
        return option

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        arguments = [p for p in self.get_params(ctx) if p.param_type_name == "argument"]
        pieces = [_name(p) + ("..." if p.nargs == -1 else "") for p in arguments]
        return [nl("cli-usage-options"), *pieces]

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, prefix=nl("cli-usage") + " ")

    def format_help(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self.format_usage(ctx, formatter)
        self.format_help_text(ctx, formatter)
        params: Sequence[Any] = self.get_params(ctx)
        for kind, title in (("argument", "cli-arguments"), ("option", "cli-options")):
            rows = [_record(p) for p in params if p.param_type_name == kind and not p.hidden]
            if rows:
                with formatter.section(nl(title)):
                    formatter.write_dl(rows)
        commands: dict[str, _click.Command] = getattr(self, "commands", {})
        if commands:  # each on one line, its help cut at a word
            room = formatter.width - 8 - max(map(len, commands))
            rows = [(name, excerpt(c.help or "", room)) for name, c in commands.items()]
            with formatter.section(nl("cli-commands")):
                formatter.write_dl(rows)


class Command(_Dutch, TyperCommand):
    """A command whose help page and usage line are Dutch."""


class Group(_Dutch, TyperGroup):
    """The ``uvp`` group: Dutch help, and usage errors said in Dutch (exit code 2)."""

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return [nl("cli-usage-options"), nl("cli-usage-command")]

    def main(  # the signature of TyperGroup.main
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except errors.NoArgsIsHelpError as error:
            typer.echo(error.format_message(), err=True)
            code = 2
        except errors.UsageError as error:
            context = error.ctx
            if context is not None:
                hint = nl("cli-usage-hint", command=context.command_path)
                typer.echo(f"{context.get_usage()}\n{hint}\n", err=True)
            said = translate_usage(error.format_message(), "nl")
            typer.echo(nl("cli-error", message=said), err=True)
            code = 2
        except typer.Abort:
            typer.echo(nl("cli-aborted"), err=True)
            code = 1
        code = code if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _typer(param: Param) -> Any:
    """The typer argument or option *param* declares."""
    help = nl(f"cli-help-{param.help}")
    metavar = nl(f"cli-metavar-{param.metavar}") if param.metavar else None
    if not param.names:
        return typer.Argument(help=help, metavar=metavar, show_default=False)
    return typer.Option(*param.names, help=help, metavar=metavar, **param.limits)


def _typed(run: Callable[..., None]) -> Callable[..., None]:
    """*run* as typer takes it: its parameters' declarations made typer's."""
    hints = get_type_hints(run, include_extras=True)
    params = [
        p.replace(
            annotation=Annotated[hints[p.name].__origin__, _typer(hints[p.name].__metadata__[0])]
        )
        for p in signature(run).parameters.values()
    ]

    def command(**values: Any) -> None:
        run(**values)

    command.__signature__ = Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


def _version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        typer.echo(nl("cli-version", version=version("uvp")))
        raise typer.Exit()


def _root(
    version: Annotated[
        bool, _typer(option("--version", flag=True, callback=_version, is_eager=True))
    ] = False,
) -> None:
    # A callback keeps every command a sub-command ("uvp show ..."), and takes --version.
    pass


app = typer.Typer(
    name="uvp",
    help=nl("cli-help"),
    cls=Group,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
app.callback()(_root)
for _called, _run in COMMANDS.items():
    app.command(_called, help=nl(f"cli-help-{_called}"), cls=Command)(_typed(_run))

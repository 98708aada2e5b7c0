"""Where something is: a cell of a workbook, a place in the plan, or both.

One format on screen: a cell as Excel writes a reference to it
(``'Ondermijning'!C14``), else the place in the plan as staff name it
(``Ondermijning › Drugs › actie 3``).

>>> Location("Ondermijning", 14, 3).text("nl")
"'Ondermijning'!C14"
>>> sheet_reference("Jan's blad", "A1")
"'Jan''s blad'!A1"
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from uvp.messages import Language, render

if TYPE_CHECKING:  # the model imports the errors, which import this module
    from uvp.core._model import Plan

__all__ = ["Location", "PlanPath", "cell_name", "column_letter", "place", "sheet_reference"]


def column_letter(column: int) -> str:
    """Excel's letters for a 1-based column number.

    >>> column_letter(1), column_letter(26), column_letter(27), column_letter(703)
    ('A', 'Z', 'AA', 'AAA')
    """
    letters = ""
    while column > 0:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """``C14`` for 1-based *row* 14 and *column* 3.

    >>> cell_name(14, 3)
    'C14'
    """
    return f"{column_letter(column)}{row}"


def sheet_reference(sheet: str, cell: str | None = None) -> str:
    """A reference to *sheet* (and *cell* in it) as Excel writes one: the name in
    single quotes, a quote in it doubled.

    The one place uvp quotes a sheet name: for links, messages and locations.

    >>> sheet_reference("Ondermijning", "C14"), sheet_reference("Ondermijning")
    ("'Ondermijning'!C14", "'Ondermijning'")
    """
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"{quoted}!{cell}" if cell else quoted


def place(outer: list[str], theme: str | None, number: int | None, language: Language) -> str:
    """A place as staff name it: the titles (a theme titled as the place above it is
    named once), then the action's number (1-based) when it is one.

    >>> place(["Ondermijning"], "Drugs", 3, "nl"), place(["Vakantieparken"], "Vakantieparken", None, "nl")
    ('Ondermijning › Drugs › actie 3', 'Vakantieparken')
    """
    parts = list(outer)
    if theme is not None and theme != parts[-1]:
        parts.append(theme)
    if number is not None:
        parts.append(render(language, "place-action", number=number))
    return " › ".join(parts)


def _index(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValueError(f"a plan path's {attribute.name} is a 0-based index, not {value!r}")


@attrs.frozen
class PlanPath:
    """A place in a plan: a priority, a theme in it, an action in that theme (0-based).

    ``theme`` and ``action`` are ``None`` for a place that is a whole priority
    or a whole theme.

    >>> path = PlanPath(0, 1, 2)
    >>> path.text("nl"), path.text("en")
    ('prioriteit 1 › thema 2 › actie 3', 'priority 1 › theme 2 › action 3')
    """

    priority: int = attrs.field(validator=_index)
    theme: int | None = attrs.field(default=None, validator=_index)
    action: int | None = attrs.field(default=None, validator=_index)

    def __attrs_post_init__(self) -> None:
        if self.theme is None and self.action is not None:
            raise ValueError("a plan path to an action names its theme")

    def text(self, language: Language, plan: Plan | None = None) -> str:
        """The place as staff name it: ``Ondermijning › Drugs › actie 3``.

        The titles come from *plan* (a theme titled as its priority is named
        once); without the plan, or when the plan has no such place, the
        place is told by numbers.
        """
        priority = _at(plan.priorities, self.priority) if plan else None
        theme = _at(priority.themes, self.theme) if priority and self.theme is not None else None
        number = None if self.action is None else self.action + 1
        if priority is None or (self.theme is not None and theme is None):
            parts = [render(language, "place-priority", number=self.priority + 1)]
            if self.theme is not None:
                parts.append(render(language, "place-theme", number=self.theme + 1))
            return place(parts, None, number, language)
        return place([priority.title], theme.title if theme else None, number, language)

    def to_dict(self) -> dict[str, int | None]:
        """The path as JSON-ready data.

        >>> PlanPath(0, 1).to_dict()
        {'priority': 0, 'theme': 1, 'action': None}
        """
        return {"priority": self.priority, "theme": self.theme, "action": self.action}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanPath:
        """The path in :meth:`to_dict`'s form.

        >>> PlanPath.from_dict({"priority": 0, "theme": 1, "action": 2})
        PlanPath(priority=0, theme=1, action=2)
        """
        return cls(data["priority"], data.get("theme"), data.get("action"))


def _at(items: tuple[Any, ...], index: int) -> Any:
    return items[index] if index < len(items) else None


def _positive(_: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or value < 1):
        raise ValueError(f"a location's {attribute.name} is 1-based, not {value!r}")


@attrs.frozen
class Location:
    """Where a finding is: a workbook's *sheet*, *row* and *column* (1-based), the
    place in the plan (*path*), and the action's *field* it is about.

    Any of them may be unknown (``None``): a finding in a JSON plan has a path
    but no cell; one about a whole sheet has only the sheet. ``field`` names
    an action's part (``lead``, ``quarter``, ``status``, ``text``), so that a
    reader can tell the cell.

    >>> located = Location("Ondermijning", 61, 2, PlanPath(0, 3, 4), "lead")
    >>> located.cell, located.text("nl")
    ('B61', "'Ondermijning'!B61")
    >>> Location(path=PlanPath(0, 3, 4)).text("nl")
    'prioriteit 1 › thema 4 › actie 5'
    """

    sheet: str | None = None
    row: int | None = attrs.field(default=None, validator=_positive)
    column: int | None = attrs.field(default=None, validator=_positive)
    path: PlanPath | None = None
    field: str | None = None

    @property
    def cell(self) -> str | None:
        """The cell in A1 form (``C14``), when row and column are known."""
        if self.row is None or self.column is None:
            return None
        return cell_name(self.row, self.column)

    def text(self, language: Language, plan: Plan | None = None) -> str | None:
        """The location as shown on screen: the cell as Excel references it, else
        the sheet, else the place in the plan (named from *plan*), else ``None``."""
        if self.sheet is not None:
            return sheet_reference(self.sheet, self.cell)
        if self.path is not None:
            return self.path.text(language, plan)
        return None

    def to_dict(self) -> dict[str, Any]:
        """The location as JSON-ready data, the cell in A1 form too.

        >>> Location("Blad1", 3, 2).to_dict()
        {'sheet': 'Blad1', 'row': 3, 'column': 2, 'cell': 'B3', 'path': None, 'field': None}
        """
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "path": self.path.to_dict() if self.path else None,
            "field": self.field,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        """The location in :meth:`to_dict`'s form (``cell`` is derived, so not read).

        >>> Location.from_dict(Location("Blad1", 3, 2).to_dict())
        Location(sheet='Blad1', row=3, column=2, path=None, field=None)
        """
        path = data.get("path")
        return cls(
            data.get("sheet"),
            data.get("row"),
            data.get("column"),
            PlanPath.from_dict(path) if path is not None else None,
            data.get("field"),
        )

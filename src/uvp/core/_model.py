"""The plan model: plans, priorities, themes, goals and actions.

All classes are frozen attrs classes: a plan is a value that can be compared,
hashed and shared. Build new versions with :func:`attrs.evolve`.

>>> from uvp import Action, Plan, Priority, Theme, parse_assignments
>>> action = Action(
...     "We actualiseren het Damocles-beleid.",
...     parse_assignments("Barneveld\\nScherpenzeel", "Q2\\nQ3"),
...     note="Barneveld deelt dit met Scherpenzeel en Nijkerk.",
... )
>>> plan = Plan("Scherpenzeel", 2024, priorities=(
...     Priority("Ondermijning", "joint", (Theme("Drugs", actions=(action,)),)),
... ))
>>> len(plan.actions), action.participants, action.is_joint
(1, ('Scherpenzeel', 'Nijkerk'), True)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, Literal, get_args

import attrs

from uvp.core._assignments import Assignment
from uvp.core._leads import Lead, organisation_name, parse_participants
from uvp.core._status import STATUSES, Status

__all__ = [
    "STATUSES",
    "Action",
    "Definition",
    "Goal",
    "Plan",
    "Priority",
    "PriorityKind",
    "Status",
    "Theme",
]

PriorityKind = Literal["joint", "local"]
"""A *gezamenlijke prioriteit* (from the IVP, shared) or a *lokale prioriteit*."""


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    # Lists become tuples, so that every model value is frozen and hashable.
    # (Typed with Any: mypy's attrs plugin cannot take a generic converter.)
    return tuple(items)


def _text(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty text, not {value!r}")


def _optional_text(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _text(_instance, attribute, value)


def _letter(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not re.fullmatch(r"[A-Z]", value):
        raise ValueError(f"{attribute.name} must be one capital letter (A, B, C), not {value!r}")


def _number(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not re.fullmatch(r"\d{1,4}(?:\.\d{1,4}){0,5}", value):
        raise ValueError(f"{attribute.name} must be a number such as 2 or 2.1.3, not {value!r}")


def _names(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for name in value:
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{attribute.name} must be non-empty texts, not {name!r}")


@attrs.frozen
class Action:
    """A concrete action (*concrete actie*): what, who leads it when, and a note.

    ``participants`` are the organisations the text or note says take part
    (*deelt dit met*, *sluit aan*, *in samenwerking met*). ``goal`` is the
    letter of the goal the action is listed under, where the plan groups its
    actions by goal. ``status`` is where the action stands (``None`` until
    someone tracks it); ``id`` an identifier staff may give it, shared by the
    plans that carry the same joint action.

    ``goal`` refers to a goal of the action's theme by its letter (``A``), its
    number (``2.1``) or, for a goal known only by its title (a *Speerpunt*
    column), its title. ``partners`` are the organisations a *Partners* column
    names; ``result``, ``indicator`` and ``target_value`` what its *Resultaat*,
    *Indicator* and *Streefwaarde* columns say.

    >>> from uvp import parse_assignments
    >>> a = Action("We zetten de ondermijningsbus in.", parse_assignments("Scherpenzeel", "Q2"),
    ...            note="In samenwerking met de gemeente Ede.")
    >>> a.participants, a.is_joint
    (('Ede',), True)
    """

    text: str = attrs.field(validator=_text)
    assignments: tuple[Assignment, ...] = attrs.field(default=(), converter=_tuple)
    note: str | None = attrs.field(default=None, validator=_optional_text)
    goal: str | None = attrs.field(default=None, validator=_optional_text)
    status: Status | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(STATUSES))
    )
    id: str | None = attrs.field(default=None, validator=_optional_text)
    partners: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_names)
    result: str | None = attrs.field(default=None, validator=_optional_text)
    indicator: str | None = attrs.field(default=None, validator=_optional_text)
    target_value: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def leads(self) -> tuple[Lead, ...]:
        """The action's leads, in the order written."""
        return tuple(a.lead for a in self.assignments if a.lead is not None)

    @property
    def quarters(self) -> frozenset[int]:
        """Every quarter any of the action's schedules names."""
        return frozenset(q for a in self.assignments if a.schedule for q in a.schedule.quarters)

    @property
    def participants(self) -> tuple[str, ...]:
        """Organisations taking part (canonical names): those of the Partners column,
        then those the text or note names.

        >>> Action("Een avond.", partners=("politie", "Halt")).participants
        ('Politie', 'Halt')
        """
        named = parse_participants(self.text) + parse_participants(self.note)
        if self.partners:
            named = tuple(organisation_name(p) for p in self.partners) + named
        return tuple(dict.fromkeys(named))

    @property
    def is_joint(self) -> bool:
        """Whether the action involves more than one organisation, judged from the action alone.

        True for a collective lead (gezamenlijk, iedere gemeente), several
        leads, a lead that is not a municipality (an action of Politie's in a
        municipality's plan involves both), or any participant. Whose plan the
        action is in matters too: see :meth:`is_joint_for`.
        """
        return self.is_joint_for(None)

    def is_joint_for(self, municipality: str | None) -> bool:
        """Whether the action is joint in *municipality*'s plan.

        Besides what makes :attr:`is_joint` true, a lead that is another
        municipality makes the action joint.

        >>> from uvp import parse_assignments
        >>> a = Action("IKZ-bijeenkomst", parse_assignments("Scherpenzeel", "Q4"))
        >>> a.is_joint, a.is_joint_for("Nijkerk"), a.is_joint_for("Scherpenzeel")
        (False, True, False)
        """
        organisations = {lead.organisation for lead in self.leads}
        if len(organisations) > 1 or self.participants:
            return True
        own = organisation_name(municipality) if municipality else None
        for lead in self.leads:
            if lead.kind != "municipality":
                return True
            # "Gemeente" read without knowing whose plan it was: the plan's own municipality
            if own is not None and lead.organisation != own and not lead.generic:
                return True
        return False


@attrs.frozen
class Goal:
    """A goal of a theme: a strategic goal from the IVP and the objective for the year.

    ``letter`` and ``title`` are the heading of the goal's group in the per-goal
    planning (``A. Wet goed verhuurderschap``); ``objective`` is the
    *doelstelling* for the year. A plan that numbers its goals
    (``2.1 Minder woninginbraken``) gives a goal its ``number`` instead of a letter.

    >>> Goal("A", "Wet goed verhuurderschap").key, Goal(title="Veilige wijken", number="2.1").key
    ('A', '2.1')
    """

    letter: str | None = attrs.field(default=None, validator=_letter)
    title: str | None = attrs.field(default=None, validator=_optional_text)
    strategic_goal: str | None = attrs.field(default=None, validator=_optional_text)
    objective: str | None = attrs.field(default=None, validator=_optional_text)
    number: str | None = attrs.field(default=None, validator=_number)

    @property
    def key(self) -> str | None:
        """How an action refers to the goal (:attr:`Action.goal`): its letter, else its
        number, else its title."""
        return self.letter or self.number or self.title


@attrs.frozen
class Theme:
    """A theme (or sub-theme) of a priority, with its ambition, goals and actions.

    ``letter`` is the *Subthema* letter the per-quarter layout uses for it.

    >>> Theme("Mensenhandel", letter="B").actions
    ()
    """

    title: str = attrs.field(validator=_text)
    letter: str | None = attrs.field(default=None, validator=_letter)
    ambition: str | None = attrs.field(default=None, validator=_optional_text)
    goals: tuple[Goal, ...] = attrs.field(default=(), converter=_tuple)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=_tuple)

    def goal(self, key: str) -> Goal | None:
        """The goal an action's ``goal`` refers to (its letter, number or title), or ``None``.

        >>> Theme("Drugs", goals=(Goal(number="2.1", title="Minder handel"),)).goal("2.1").title
        'Minder handel'
        """
        return next((g for g in self.goals if g.key == key), None)


@attrs.frozen
class Priority:
    """A priority (*prioriteit*) of the plan: joint (from the IVP) or local.

    >>> Priority("Vakantieparken", "local").is_joint
    False
    """

    title: str = attrs.field(validator=_text)
    kind: PriorityKind = attrs.field(validator=attrs.validators.in_(get_args(PriorityKind)))
    themes: tuple[Theme, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def is_joint(self) -> bool:
        """Whether this is a *gezamenlijke prioriteit*."""
        return self.kind == "joint"

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action of the priority, theme by theme."""
        return tuple(a for theme in self.themes for a in theme.actions)


@attrs.frozen
class Definition:
    """A glossary entry (Bijlage 1, *Definities*).

    >>> Definition("Boa’s", "Buitengewoon opsporingsambtenaar").term
    'Boa’s'
    """

    term: str = attrs.field(validator=_text)
    text: str = attrs.field(validator=_text)
    topic: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen
class Plan:
    """A municipality's Uitvoeringsplan Veiligheid for one year.

    ``partners`` are the organisations the plan was written with, besides the
    municipality itself.

    >>> plan = Plan("Nijkerk", 2024, partners=("Barneveld", "Politie"))
    >>> plan.actions
    ()
    """

    municipality: str = attrs.field(validator=_text)
    year: int = attrs.field(
        validator=attrs.validators.and_(
            attrs.validators.instance_of(int), attrs.validators.ge(1900), attrs.validators.le(2999)
        )
    )
    partners: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    priorities: tuple[Priority, ...] = attrs.field(default=(), converter=_tuple)
    definitions: tuple[Definition, ...] = attrs.field(default=(), converter=_tuple)

    @property
    def themes(self) -> tuple[Theme, ...]:
        """Every theme, priority by priority."""
        return tuple(t for p in self.priorities for t in p.themes)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Every action in plan order."""
        return tuple(a for p in self.priorities for a in p.actions)

    @property
    def joint_actions(self) -> tuple[Action, ...]:
        """The actions that involve other organisations than this municipality."""
        return tuple(a for a in self.actions if a.is_joint_for(self.municipality))

    @property
    def local_actions(self) -> tuple[Action, ...]:
        """The actions this municipality does on its own."""
        return tuple(a for a in self.actions if not a.is_joint_for(self.municipality))

    def walk(self) -> Iterator[tuple[Priority, Theme, Action]]:
        """Every action with the priority and theme it stands under, in plan order."""
        for priority in self.priorities:
            for theme in priority.themes:
                for action in theme.actions:
                    yield priority, theme, action

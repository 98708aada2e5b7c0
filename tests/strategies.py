"""Hypothesis strategies that build every part of a plan."""

from __future__ import annotations

import attrs
from hypothesis import strategies as st

import uvp

LETTERS = st.sampled_from("ABCDEFGH")

# Readable Dutch-ish text, with the characters plans use (accents, quotes, dashes, newlines).
_ALPHABET = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Nd", "Zs", "Pd", "Po", "Ps", "Pe", "Pi", "Pf", "Sm"),
) | st.sampled_from("\n’‘éëï")
TEXT = st.text(_ALPHABET, min_size=1, max_size=60).filter(lambda s: s.strip() != "")
OPTIONAL_TEXT = st.none() | TEXT


@st.composite
def schedules(draw: st.DrawFn, year: int | None = None) -> uvp.Schedule:
    """Every schedule a text can be read as in a plan for *year* (``None``: not known).

    A schedule never carries its plan's own year, and an ongoing one that started
    in an earlier year is simply ongoing in the plan's year.
    """
    kind = draw(st.sampled_from(["range", "moments", "window", "ongoing", "unplanned"]))
    if kind == "unplanned":
        return uvp.Schedule.unplanned()
    other = st.integers(1990, 2100).filter(lambda y: y != year)
    if kind == "ongoing" and year is not None:
        other = st.integers(year + 1, 2999)
    written = draw(st.none() | other) if draw(st.integers(0, 3)) == 0 else None
    approximate = draw(st.integers(0, 3)) == 0
    if kind == "ongoing":
        quarters: set[int] | range = range(draw(st.integers(1, 4)), 5)
    elif kind == "range":
        first = draw(st.integers(1, 4))
        quarters = range(first, draw(st.integers(first, 4)) + 1)
    else:
        quarters = draw(st.sets(st.integers(1, 4), min_size=2))
    return uvp.Schedule(kind, quarters, written, approximate)


_NAME_WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzé"), min_size=2, max_size=10)
_NAMES = st.sampled_from(
    [
        "Nijkerk",
        "Barneveld",
        "Scherpenzeel",
        "Politie",
        "OM",
        "ZV-WVV",
        "Zorg- en Veiligheidshuis WVV",
        "gezamenlijk",
        "Gezamenlijk",
        "Alle partners",
        "Iedere gemeente individueel",
        "Individueel per gemeente",
    ]
) | st.lists(_NAME_WORD, min_size=1, max_size=3).map(
    lambda ws: " ".join(w.capitalize() for w in ws)
)


@st.composite
def leads(draw: st.DrawFn) -> uvp.Lead:
    name = draw(_NAMES)
    unit = draw(st.none() | _NAME_WORD.map(lambda w: w.capitalize() + "-medewerker"))
    return uvp.Lead.parse(f"{name} ({unit})" if unit else name)


@st.composite
def assignments(draw: st.DrawFn, year: int | None = None) -> uvp.Assignment:
    lead = draw(st.none() | leads())
    when = schedules(year)
    schedule = draw(when) if lead is None else draw(st.none() | when)
    return uvp.Assignment(lead, schedule)


actions = st.builds(
    uvp.Action,
    text=TEXT,
    assignments=st.lists(assignments(), max_size=3).map(tuple),
    note=OPTIONAL_TEXT,
    goal=st.none() | LETTERS,
    status=st.none() | st.sampled_from(uvp.STATUSES),
    id=OPTIONAL_TEXT,
)
goals = st.builds(
    uvp.Goal,
    letter=st.none() | LETTERS,
    title=OPTIONAL_TEXT,
    strategic_goal=OPTIONAL_TEXT,
    objective=OPTIONAL_TEXT,
)
themes = st.builds(
    uvp.Theme,
    title=TEXT,
    letter=st.none() | LETTERS,
    ambition=OPTIONAL_TEXT,
    goals=st.lists(goals, max_size=3).map(tuple),
    actions=st.lists(actions, max_size=4).map(tuple),
)
priorities = st.builds(
    uvp.Priority,
    title=TEXT,
    kind=st.sampled_from(["joint", "local"]),
    themes=st.lists(themes, max_size=3).map(tuple),
)
definitions = st.builds(uvp.Definition, term=TEXT, text=TEXT, topic=OPTIONAL_TEXT)
plans = st.builds(
    uvp.Plan,
    municipality=TEXT,
    year=st.integers(1900, 2999),
    partners=st.lists(TEXT, max_size=4).map(tuple),
    priorities=st.lists(priorities, max_size=3).map(tuple),
    definitions=st.lists(definitions, max_size=3).map(tuple),
)


# -- plans a workbook can say exactly ---------------------------------------------------------
# A workbook cell keeps no leading or trailing spaces, and an action's text must not
# read as a heading (a goal row "A. ...", a quarter "Q1", a "Kwartaalplanning" title).

_WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzéëï’'-"), min_size=1, max_size=8)
_LINE = st.lists(_WORD, min_size=1, max_size=6).map(" ".join)
CELL_TEXT = st.lists(_LINE, min_size=1, max_size=3).map("\n".join)
TITLE = st.lists(_WORD, min_size=1, max_size=4).map(lambda ws: " ".join(ws).capitalize())


@st.composite
def formattable_assignments(draw: st.DrawFn, year: int | None = None) -> tuple[uvp.Assignment, ...]:
    """Assignments the Trekker and Kwartaal cells can say in a plan for *year*."""
    items = draw(st.lists(assignments(year), max_size=3).map(tuple))
    try:
        uvp.format_assignments(items)
    except uvp.NotationError:
        return ()
    return items


# Organisations by their canonical names: a Partners cell is read as leads.
_PARTNERS = st.sampled_from(
    ["Politie", "Halt", "Openbaar Ministerie", "RIEC", "GGD", "Veilig Thuis"]
)


@st.composite
def workbook_themes(draw: st.DrawFn, title: str, year: int | None = None) -> uvp.Theme:
    letters = draw(st.lists(LETTERS, max_size=3, unique=True))
    goals = tuple(
        uvp.Goal(
            letter,
            draw(st.none() | TITLE),
            draw(st.none() | CELL_TEXT),
            draw(st.none() | CELL_TEXT),
        )
        for letter in letters
    )
    actions = []
    for goal in [None, *letters]:
        for _ in range(draw(st.integers(0, 2))):
            actions.append(
                uvp.Action(
                    "actie " + draw(CELL_TEXT),
                    draw(formattable_assignments(year)),
                    note=draw(st.none() | CELL_TEXT),
                    goal=goal,
                    status=draw(st.none() | st.sampled_from(uvp.STATUSES)),
                    id=draw(st.none() | _WORD),
                    partners=tuple(draw(st.lists(_PARTNERS, max_size=2, unique=True))),
                    result=draw(st.none() | CELL_TEXT),
                    indicator=draw(st.none() | CELL_TEXT),
                    target_value=draw(st.none() | _WORD),
                )
            )
    return uvp.Theme(
        title, draw(st.none() | LETTERS), draw(st.none() | CELL_TEXT), goals, tuple(actions)
    )


@st.composite
def workbook_plans(draw: st.DrawFn) -> uvp.Plan:
    year = draw(st.integers(2000, 2100))
    titles = draw(st.lists(TITLE, min_size=1, max_size=3, unique_by=str.casefold))
    priorities = []
    for title in titles:
        theme_titles = draw(st.lists(TITLE, max_size=3, unique_by=str.casefold))
        themes = [draw(workbook_themes(t, year)) for t in theme_titles]
        priorities.append(uvp.Priority(title, draw(st.sampled_from(["joint", "local"])), themes))
    return uvp.Plan(
        draw(TITLE),
        year,
        partners=tuple(draw(st.lists(TITLE, max_size=3))),
        priorities=tuple(priorities),
        definitions=tuple(
            draw(
                st.lists(st.builds(uvp.Definition, TITLE, CELL_TEXT, st.none() | TITLE), max_size=2)
            )
        ),
    )


@st.composite
def quarter_plans(draw: st.DrawFn) -> uvp.Plan:
    """Plans the per-quarter layout holds: every theme with a Subthema letter of its own,
    no action grouped under a goal, each lead once in an action (its rows are per lead)."""
    plan = draw(workbook_plans())
    priorities = []
    for priority in plan.priorities:
        themes = [
            attrs.evolve(
                theme,
                letter=chr(ord("A") + number),
                actions=tuple(
                    attrs.evolve(a, goal=None, assignments=_once_each(a.assignments))
                    for a in theme.actions
                ),
            )
            for number, theme in enumerate(priority.themes)
        ]
        priorities.append(attrs.evolve(priority, themes=tuple(themes)))
    return attrs.evolve(plan, priorities=tuple(priorities))


def _once_each(assignments: tuple[uvp.Assignment, ...]) -> tuple[uvp.Assignment, ...]:
    leads = [a.lead for a in assignments]
    return assignments if len(set(leads)) == len(leads) else ()

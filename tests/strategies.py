"""Hypothesis strategies that build every part of a plan."""

from __future__ import annotations

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
def schedules(draw: st.DrawFn) -> uvp.Schedule:
    kind = draw(st.sampled_from(["range", "moments", "window", "ongoing"]))
    if kind == "ongoing":
        return uvp.Schedule.ongoing()
    if kind == "range":
        first = draw(st.integers(1, 4))
        return uvp.Schedule.range(first, draw(st.integers(first, 4)))
    quarters = draw(st.sets(st.integers(1, 4), min_size=2))
    return uvp.Schedule(kind, quarters)


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
def assignments(draw: st.DrawFn) -> uvp.Assignment:
    lead = draw(st.none() | leads())
    schedule = draw(schedules()) if lead is None else draw(st.none() | schedules())
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

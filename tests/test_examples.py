"""The bundled example plans against the seeds they were transcribed from.

The seeds (``../shared/seeds``) are the text of the two published 2024 plans.
Counts below were read from the seeds by hand; the other checks look every
action, lead and quarter up in the seed text itself.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import uvp
from tests.conftest import SEEDS

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(),
    reason=(
        "needs ../shared/seeds, the text of the two published plans the examples were "
        "transcribed from; it lies beside the repository in the project's workspace, "
        "not in a clone"
    ),
)

# Actions per theme, counted in the seeds' planning tables.
NIJKERK_COUNTS = {
    "Productie en handel in drugs": 12,
    "Mensenhandel, gericht op uitbuiting": 5,
    "Zorgfraude": 2,
    "Digitale veiligheid": 6,
    "Personen met onbegrepen gedrag": 6,
    "Nazorg ex-gedetineerden": 2,
    "Vakantieparken": 5,
    "Jongerenoverlast en criminaliteit": 4,
}
SCHERPENZEEL_COUNTS = {
    "Productie en handel in drugs (en ondermijning algemeen)": 13,
    "Mensenhandel": 14,
    "Zorgfraude": 8,
    "Ondermijnende criminaliteit in het buitengebied": 10,
    "Digitale veiligheid": 8,
    "Personen met onbegrepen gedrag": 13,
    "Nazorg ex-gedetineerden": 4,
    "Middelengebruik": 10,
}


def test_nijkerk_structure(nijkerk: uvp.Plan) -> None:
    assert (nijkerk.municipality, nijkerk.year) == ("Nijkerk", 2024)
    assert [(p.title, p.kind) for p in nijkerk.priorities] == [
        ("Ondermijnende criminaliteit", "joint"),
        ("Digitale veiligheid", "joint"),
        ("Zorg en veiligheid", "joint"),
        ("Vakantieparken", "local"),
        ("Jongerenoverlast en criminaliteit", "local"),
    ]
    assert {t.title: len(t.actions) for t in nijkerk.themes} == NIJKERK_COUNTS
    assert len(nijkerk.actions) == 42
    # Ondermijning's sub-themes carry the Subthema letters of the planning.
    assert [t.letter for t in nijkerk.priorities[0].themes] == ["A", "B", "C"]
    assert len(nijkerk.definitions) == 19
    assert nijkerk.definitions[0].term == "Jonge aanwas"


def test_scherpenzeel_structure(scherpenzeel: uvp.Plan) -> None:
    assert (scherpenzeel.municipality, scherpenzeel.year) == ("Scherpenzeel", 2024)
    assert [(p.title, p.kind) for p in scherpenzeel.priorities] == [
        ("Ondermijning", "joint"),
        ("Digitale veiligheid", "joint"),
        ("Zorg en veiligheid", "joint"),
        ("Middelengebruik", "local"),
    ]
    assert {t.title: len(t.actions) for t in scherpenzeel.themes} == SCHERPENZEEL_COUNTS
    assert len(scherpenzeel.actions) == 80
    mensenhandel = scherpenzeel.themes[1]
    assert [(g.letter, g.title) for g in mensenhandel.goals] == [
        ("A", "Wet goed verhuurderschap"),
        ("B", "Sluitende aanpak mensenhandel"),
        ("C", "Samenwerking met uitzendbureaus"),
    ]
    assert Counter(a.goal for a in mensenhandel.actions) == {"A": 5, "B": 8, "C": 1}
    assert scherpenzeel.definitions == ()  # the seed has no glossary


def _cells(action: uvp.Action) -> list[tuple[str | None, str | None]]:
    return [
        (str(a.lead) if a.lead else None, str(a.schedule) if a.schedule else None)
        for a in action.assignments
    ]


def test_scherpenzeel_multi_lead_rows(scherpenzeel: uvp.Plan) -> None:
    several = {
        a.text.split(".")[0][:40]: _cells(a) for a in scherpenzeel.actions if len(a.assignments) > 1
    }
    assert several == {
        "We benutten de mogelijkheden om bestuurl": [
            ("Scherpenzeel", "Q1-Q4"),
            ("Politie", "Q1-Q4"),
        ],
        "We actualiseren het Damoclesbeleid": [("Barneveld", "Q2"), ("Scherpenzeel", "Q3")],
        "We passen de Bibob-toetsing breder binne": [("Scherpenzeel", "Q2-Q4"), ("Nijkerk", "Q4")],
        "We zetten 1 gezamenlijk innovatief proje": [
            ("Scherpenzeel", "Q4"),
            ("Barneveld", "Q4"),
            ("Nijkerk", "Q4"),
        ],
        "Bij elke bestuurlijke rapportage vanuit ": [
            ("Scherpenzeel", "Doorlopend"),
            ("Politie", "Doorlopend"),
        ],
    }


def test_the_row_without_lead_or_quarter(scherpenzeel: uvp.Plan) -> None:
    empty = [a for a in scherpenzeel.actions if not a.assignments]
    assert [a.text for a in empty] == [
        "We houden periodieke bijeenkomsten van de werkgroep met alle partners in het buitengebied."
    ]
    report = uvp.validate_plan(scherpenzeel)
    assert report.codes() == ["missing-lead", "missing-quarter"]
    assert report.where(report.findings[0], "nl") == (
        "Ondermijning › Ondermijnende criminaliteit in het buitengebied › actie 5"
    )


def test_damocles_disagreement_is_in_the_data(nijkerk: uvp.Plan, scherpenzeel: uvp.Plan) -> None:
    def damocles(plan: uvp.Plan) -> list[tuple[str | None, str | None]]:
        (action,) = [a for a in plan.actions if "Damocles" in a.text]
        return _cells(action)

    assert damocles(nijkerk) == [("Barneveld", "Q1")]
    assert ("Barneveld", "Q2") in damocles(scherpenzeel)


def test_lead_and_schedule_variety(nijkerk: uvp.Plan, scherpenzeel: uvp.Plan) -> None:
    leads = {
        str(lead) for plan in (nijkerk, scherpenzeel) for a in plan.actions for lead in a.leads
    }
    assert leads == {
        "Barneveld",
        "Nijkerk",
        "Scherpenzeel",
        "Politie",
        "gezamenlijk",
        "Gezamenlijk",
        "Alle partners",
        "ZV-WVV",
        "Zorg- en Veiligheidshuis WVV",
        "Nijkerk (Bibob-medewerker)",
        "Nijkerk (ODDV)",
        "Iedere gemeente individueel",
        "Individueel per gemeente",
    }
    kinds = Counter(
        a.schedule.kind
        for plan in (nijkerk, scherpenzeel)
        for action in plan.actions
        for a in action.assignments
        if a.schedule
    )
    assert set(kinds) == {"range", "moments", "window", "ongoing"}
    # Nijkerk's per-quarter layout gives every action a single quarter heading.
    assert {str(a.schedule) for action in nijkerk.actions for a in action.assignments} == {
        "Q1",
        "Q2",
        "Q3",
        "Q4",
    }


# -- looking the examples up in the seed text ---------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"[^0-9a-zà-ÿ]", "", text.casefold())


class Seed:
    """A seed's text with letters and digits only, mapped back to its lines."""

    def __init__(self, path: Path) -> None:
        self.lines = path.read_text(encoding="utf-8").splitlines()
        chars: list[str] = []
        self.line_of: list[int] = []
        for number, line in enumerate(self.lines):
            normal = _normal(line)
            chars.append(normal)
            self.line_of.extend([number] * len(normal))
        self.text = "".join(chars)

    def last(self, text: str) -> int:
        position = self.text.rfind(_normal(text))
        assert position >= 0, f"not in the seed: {text!r}"
        return position

    def heading_before(self, position: int) -> str:
        for line in reversed(self.lines[: self.line_of[position]]):
            if re.fullmatch(r"Q[1-4]", line.strip()):
                return line.strip()
        raise AssertionError("no quarter heading before this row")


def _segments(seed: Seed, plan: uvp.Plan) -> list[tuple[uvp.Theme, uvp.Action, int, str, str]]:
    """Each action's place in the seed, and the seed from its end to the next action.

    The seed text comes twice: normalised, and as the lines it stands on.
    """
    placed = []
    for _, theme, action in plan.walk():
        start = seed.last(action.text)
        placed.append((start, start + len(_normal(action.text)), theme, action))
    placed.sort(key=lambda item: item[0])
    segments = []
    for index, (start, end, theme, action) in enumerate(placed):
        stop = placed[index + 1][0] if index + 1 < len(placed) else end + 600
        lines = seed.lines[seed.line_of[end - 1] : seed.line_of[min(stop, len(seed.text)) - 1] + 1]
        segments.append((theme, action, start, seed.text[end:stop], "\n".join(lines)))
    return segments


@needs_seeds
@pytest.mark.parametrize("name", ["nijkerk", "scherpenzeel"])
def test_every_text_and_note_is_in_the_seed(name: str, request: pytest.FixtureRequest) -> None:
    plan: uvp.Plan = request.getfixturevalue(name)
    seed = Seed(SEEDS / f"uvp-2024-{name}.txt")
    for action in plan.actions:
        seed.last(action.text)
        if action.note:
            seed.last(action.note)
    for definition in plan.definitions:
        seed.last(definition.term)
        seed.last(definition.text)
    for theme in plan.themes:
        for goal in theme.goals:
            for text in (goal.title, goal.strategic_goal, goal.objective):
                if text:
                    seed.last(text)


@needs_seeds
@pytest.mark.parametrize("name", ["nijkerk", "scherpenzeel"])
def test_leads_and_quarters_follow_each_action_in_the_seed(
    name: str, request: pytest.FixtureRequest
) -> None:
    plan: uvp.Plan = request.getfixturevalue(name)
    seed = Seed(SEEDS / f"uvp-2024-{name}.txt")
    for theme, action, start, after, raw in _segments(seed, plan):
        for assignment in action.assignments:
            assert assignment.lead is not None
            assert _normal(str(assignment.lead)) in after, (action.text, str(assignment.lead))
            assert assignment.schedule is not None
            if name == "nijkerk":
                # Per-quarter layout: the quarter is the section heading above the row,
                # and the row starts with the theme's Subthema letter.
                assert str(assignment.schedule) == seed.heading_before(start), action.text
                row = seed.lines[seed.line_of[start]]
                assert row.startswith(f"{theme.letter} "), (row, theme.title)
            else:
                # The per-goal layout writes each notation as uvp writes it.
                assert str(assignment.schedule) in raw, (action.text, str(assignment.schedule))

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import uvp
import uvp.core
from tests.strategies import assignments
from uvp import Assignment, Lead, Schedule, parse_assignments
from uvp.core import leads_text, schedules_text


def _pairs(result: tuple[uvp.Assignment, ...]) -> list[tuple[str | None, str | None]]:
    return [
        (str(a.lead) if a.lead else None, str(a.schedule) if a.schedule else None) for a in result
    ]


# Trekker/Kwartaal cells as the plans write them.
CELLS = [
    ("Barneveld\nScherpenzeel", "Q2\nQ3", [("Barneveld", "Q2"), ("Scherpenzeel", "Q3")]),
    ("Scherpenzeel \nNijkerk ", "Q2-Q4 \nQ4", [("Scherpenzeel", "Q2-Q4"), ("Nijkerk", "Q4")]),
    (
        "Scherpenzeel\n\nPolitie",
        "Q1-Q4\n\nQ1-Q4",
        [("Scherpenzeel", "Q1-Q4"), ("Politie", "Q1-Q4")],
    ),
    (
        "Scherpenzeel\nBarneveld\nNijkerk",
        "Q4",
        [("Scherpenzeel", "Q4"), ("Barneveld", "Q4"), ("Nijkerk", "Q4")],
    ),
    (
        "Scherpenzeel\nPolitie",
        "Doorlopend",
        [("Scherpenzeel", "Doorlopend"), ("Politie", "Doorlopend")],
    ),
    ("Gezamenlijk", "Q1-Q4", [("Gezamenlijk", "Q1-Q4")]),
    ("Nijkerk (Bibob-medewerker)", "Q4", [("Nijkerk (Bibob-medewerker)", "Q4")]),
    ("Scherpenzeel", "Q1 en Q4", [("Scherpenzeel", "Q1 en Q4")]),
    ("Alle partners", "Q3/Q4", [("Alle partners", "Q3/Q4")]),
    ("Nijkerk", None, [("Nijkerk", None)]),
    ("Nijkerk", "", [("Nijkerk", None)]),
    ("Barneveld\nNijkerk", None, [("Barneveld", None), ("Nijkerk", None)]),
    (None, "Q2", [(None, "Q2")]),
    (None, None, []),
    ("", "  ", []),
    ("Barneveld\r\nScherpenzeel", "Q2\r\nQ3", [("Barneveld", "Q2"), ("Scherpenzeel", "Q3")]),
]


@pytest.mark.parametrize(
    ("trekker", "kwartaal", "expected"), CELLS, ids=[repr(c[:2]) for c in CELLS]
)
def test_parse_assignments(
    trekker: str | None, kwartaal: str | None, expected: list[tuple[str, str]]
) -> None:
    assert _pairs(uvp.parse_assignments(trekker, kwartaal)) == expected


def test_misaligned_cells_name_both_texts() -> None:
    with pytest.raises(uvp.AlignmentError) as caught:
        uvp.parse_assignments("Barneveld\nNijkerk\nScherpenzeel", "Q1\nQ2")
    error = caught.value
    assert isinstance(error, uvp.NotationError)
    assert "Barneveld\\nNijkerk\\nScherpenzeel" in str(error)
    assert "Q1\\nQ2" in str(error)
    assert "Barneveld\nNijkerk\nScherpenzeel" in error.message("nl")


def test_several_quarters_without_lead() -> None:
    with pytest.raises(uvp.AlignmentError) as caught:
        uvp.parse_assignments(None, "Q1\nQ2")
    assert caught.value.code == "quarter-without-lead"


@pytest.mark.parametrize(
    ("trekker", "kwartaal"), [("Nijkerk", "Q5"), ("Q2", "Nijkerk"), ("Nijkerk (", "Q1")]
)
def test_bad_line_raises_notation_error(trekker: str, kwartaal: str) -> None:
    with pytest.raises(uvp.NotationError):
        uvp.parse_assignments(trekker, kwartaal)


def test_assignment_needs_lead_or_schedule() -> None:
    with pytest.raises(ValueError, match="a lead, a schedule, or both"):
        uvp.Assignment(None, None)


@given(st.lists(assignments(), max_size=4).map(tuple))
def test_format_then_parse_gives_the_same_assignments(items: tuple[uvp.Assignment, ...]) -> None:
    try:
        trekker, kwartaal = uvp.format_assignments(items)
    except uvp.NotationError:
        # Only what the two cells cannot say is refused: a mix of present and missing parts.
        leads = [a.lead is None for a in items]
        schedules = [a.schedule is None for a in items]
        assert len(items) > 1
        assert len(set(leads)) > 1 or len(set(schedules)) > 1 or all(leads)
        return
    assert uvp.parse_assignments(trekker, kwartaal) == items


# -- said to people: one schedule-to-text, one lead-to-text ------------------------------


@pytest.mark.parametrize(
    ("trekker", "kwartaal", "separator", "by_lead", "said"),
    [
        ("Nijkerk", "Q2-Q4", ", ", False, "Q2-Q4"),
        ("Barneveld\nNijkerk", "Q2\nQ4", ", ", False, "Q2, Q4"),
        ("Barneveld\nNijkerk", "Q2\nQ4", "\n", False, "Q2\nQ4"),
        ("Barneveld\nNijkerk", "Q1 en Q4", ", ", False, "Q1 en Q4, Q1 en Q4"),
        ("Barneveld\nNijkerk", "Q2\nQ4", "; ", True, "Barneveld: Q2; Nijkerk: Q4"),
        ("Barneveld\nNijkerk", "Q3/Q4", "; ", True, "Q3/Q4"),
        ("Nijkerk", "doorlopend", "; ", True, "Doorlopend"),
        ("Nijkerk", None, ", ", False, None),
        ("Nijkerk", None, "; ", True, None),
        (None, None, ", ", False, None),
    ],
    ids=[
        "one",
        "per-lead-on-a-line",
        "per-lead-per-line",
        "shared-said-per-lead",
        "by-lead-different",
        "by-lead-shared-once",
        "canonical-notation",
        "no-quarter",
        "no-quarter-by-lead",
        "nothing",
    ],
)
def test_schedules_text(
    trekker: str | None, kwartaal: str | None, separator: str, by_lead: bool, said: str | None
) -> None:
    assignments = parse_assignments(trekker, kwartaal)
    assert schedules_text(assignments, separator, by_lead=by_lead) == said


def test_schedules_text_by_lead_names_a_lead_without_quarter() -> None:
    assignments = (
        Assignment(Lead.parse("Nijkerk"), Schedule.parse("Q1")),
        Assignment(Lead.parse("Politie"), None),
    )
    assert schedules_text(assignments, "; ", by_lead=True) == "Nijkerk: Q1; Politie: ?"
    assert schedules_text(assignments) == "Q1"


@pytest.mark.parametrize(
    ("trekker", "separator", "units", "said"),
    [
        ("Nijkerk (ODDV)\nNijkerk\nPolitie", "\n", True, "Nijkerk (ODDV)\nNijkerk\nPolitie"),
        ("Nijkerk (ODDV)\nNijkerk\nPolitie", ", ", False, "Nijkerk, Politie"),
        ("Iedere gemeente individueel", ", ", False, "Iedere gemeente"),
        (None, ", ", True, None),
    ],
    ids=["in-full-per-line", "organisations-once", "collective", "nobody"],
)
def test_leads_text(trekker: str | None, separator: str, units: bool, said: str | None) -> None:
    leads = [a.lead for a in parse_assignments(trekker, "Q1") if a.lead is not None]
    assert leads_text(leads, separator, units=units) == said


# Trekker/Kwartaal cells as other municipalities write them, in Nijkerk's 2024 plan.
CELLS_IN_CONTEXT = [
    ("Politie & Halt", "Q2", [("Politie", "Q2"), ("Halt", "Q2")], [("several-leads", "lead", 1)]),
    (
        "Gemeente / Politie\nHalt",
        "Q1\nQ3",
        [("Nijkerk", "Q1"), ("Politie", "Q1"), ("Halt", "Q3")],
        [("several-leads", "lead", 1)],
    ),
    (
        "politie, OM en gemeente",
        "medio 2024",
        [("politie", "ca. Q2/Q3"), ("OM", "ca. Q2/Q3"), ("Nijkerk", "ca. Q2/Q3")],
        [("several-leads", "lead", 1), ("approximate-quarter", "quarter", 1)],
    ),
    (
        "Team Veiligheid",
        "n.v.t.",
        [("Nijkerk (Team Veiligheid)", "Niet gepland")],
        [("unplanned", "quarter", 1)],
    ),
    (
        "Boa's\nPolitie",
        "Q2 2024\nQ1 2025",
        [("Nijkerk (Boa's)", "Q2"), ("Politie", "Q1 2025")],
        [("other-year", "quarter", 2)],
    ),
    ("driehoek", "2023-2026", [("driehoek", "Doorlopend")], [("beyond-year", "quarter", 1)]),
    ("gemeente (OOV)", "tweede kwartaal", [("Nijkerk (OOV)", "Q2")], []),
]


@pytest.mark.parametrize(
    ("trekker", "kwartaal", "expected", "notes"),
    CELLS_IN_CONTEXT,
    ids=[repr(c[:2]) for c in CELLS_IN_CONTEXT],
)
def test_read_assignments_in_a_plan(
    trekker: str,
    kwartaal: str,
    expected: list[tuple[str, str]],
    notes: list[tuple[str, str, int]],
) -> None:
    reading = uvp.read_assignments(trekker, kwartaal, municipality="Nijkerk", year=2024)
    assert _pairs(reading.value) == expected
    assert [(n.code, n.field, n.line) for n in reading.notes] == notes
    assert (
        uvp.parse_assignments(trekker, kwartaal, municipality="Nijkerk", year=2024) == reading.value
    )
    # What uvp writes back reads as the same assignments.
    written = uvp.format_assignments(reading.value)
    assert uvp.parse_assignments(*written, municipality="Nijkerk", year=2024) == reading.value


def test_a_line_of_several_organisations_counts_as_one_line() -> None:
    # Two lines of leads and two quarters align, though the first line names two organisations.
    found = uvp.parse_assignments("Politie & Halt\nNijkerk", "Q1\nQ2")
    assert _pairs(found) == [("Politie", "Q1"), ("Halt", "Q1"), ("Nijkerk", "Q2")]
    with pytest.raises(uvp.AlignmentError) as caught:
        uvp.parse_assignments("Politie & Halt", "Q1\nQ2")
    assert caught.value.params["leads"] == 1


def test_unplanned_is_not_a_missing_quarter() -> None:
    action = uvp.Action("Iets.", uvp.parse_assignments("Politie", "ad hoc"))
    plan = uvp.Plan(
        "Ede", 2024, priorities=(uvp.Priority("P", "joint", (uvp.Theme("T", actions=(action,)),)),)
    )
    assert "missing-quarter" not in uvp.validate_plan(plan).codes()
    assert uvp.core.due_date(action, 2024) is None

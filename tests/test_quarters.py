from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

import uvp
from tests.strategies import schedules

# Every notation found in the two 2024 plans, and the variants the issue names.
NOTATIONS = [
    # text, kind, quarters, canonical text
    ("Q1", "range", {1}, "Q1"),
    ("Q2", "range", {2}, "Q2"),
    ("Q3", "range", {3}, "Q3"),
    ("Q4", "range", {4}, "Q4"),
    ("q3", "range", {3}, "Q3"),
    (" Q4 ", "range", {4}, "Q4"),
    ("Q1-Q4", "range", {1, 2, 3, 4}, "Q1-Q4"),
    ("Q1-Q2", "range", {1, 2}, "Q1-Q2"),
    ("Q1-Q3", "range", {1, 2, 3}, "Q1-Q3"),
    ("Q2-Q3", "range", {2, 3}, "Q2-Q3"),
    ("Q2-Q4", "range", {2, 3, 4}, "Q2-Q4"),
    ("Q3-Q4", "range", {3, 4}, "Q3-Q4"),
    ("Q2 - Q3", "range", {2, 3}, "Q2-Q3"),
    ("Q1–Q4", "range", {1, 2, 3, 4}, "Q1-Q4"),
    ("Q1 — Q2", "range", {1, 2}, "Q1-Q2"),
    ("Q1 t/m Q4", "range", {1, 2, 3, 4}, "Q1-Q4"),
    ("Q2 tot en met Q3", "range", {2, 3}, "Q2-Q3"),
    ("Q1 en Q4", "moments", {1, 4}, "Q1 en Q4"),
    ("Q2 en Q4", "moments", {2, 4}, "Q2 en Q4"),
    ("Q3 en Q4", "moments", {3, 4}, "Q3 en Q4"),
    ("Q2 & Q4", "moments", {2, 4}, "Q2 en Q4"),
    ("Q1, Q2 en Q4", "moments", {1, 2, 4}, "Q1, Q2 en Q4"),
    ("Q1,Q3", "moments", {1, 3}, "Q1 en Q3"),
    ("Q3/Q4", "window", {3, 4}, "Q3/Q4"),
    ("Q3 / Q4", "window", {3, 4}, "Q3/Q4"),
    ("Q3 of Q4", "window", {3, 4}, "Q3/Q4"),
    ("Q2, Q3 of Q4", "window", {2, 3, 4}, "Q2/Q3/Q4"),
    ("Doorlopend", "ongoing", {1, 2, 3, 4}, "Doorlopend"),
    ("doorlopend", "ongoing", {1, 2, 3, 4}, "Doorlopend"),
    ("DOORLOPEND ", "ongoing", {1, 2, 3, 4}, "Doorlopend"),
    ("continu", "ongoing", {1, 2, 3, 4}, "Doorlopend"),
    ("Q2\xa0en\xa0Q4", "moments", {2, 4}, "Q2 en Q4"),
]


@pytest.mark.parametrize(
    ("text", "kind", "quarters", "canonical"), NOTATIONS, ids=[n[0] for n in NOTATIONS]
)
def test_parse_notation(text: str, kind: str, quarters: set[int], canonical: str) -> None:
    schedule = uvp.Schedule.parse(text)
    assert schedule.kind == kind
    assert schedule.quarters == quarters
    assert str(schedule) == canonical
    assert uvp.Schedule.parse(canonical) == schedule


REJECTED = [
    ("Q5", "unknown-quarter"),
    ("Q0", "unknown-quarter"),
    ("Q1-Q5", "unknown-quarter"),
    ("Q4-Q2", "reversed-range"),
    ("Q1 en Q1", "repeated-quarter"),
    ("Q3/Q3", "repeated-quarter"),
    ("volgend jaar", "bad-schedule"),
    ("", "empty-schedule"),
    ("   ", "empty-schedule"),
    ("2024", "bad-schedule"),
    ("Q1-Q2-Q3", "bad-schedule"),
    ("Q1/Q2 en Q4", "bad-schedule"),
    ("Q2 (mei)", "bad-schedule"),
    ("eind Q2", "bad-schedule"),
    ("Q", "bad-schedule"),
]


@pytest.mark.parametrize(("text", "code"), REJECTED, ids=[r[0] or "empty" for r in REJECTED])
def test_reject_notation(text: str, code: str) -> None:
    with pytest.raises(uvp.NotationError) as caught:
        uvp.Schedule.parse(text)
    error = caught.value
    assert error.code == code
    assert isinstance(error, ValueError)
    assert isinstance(error, uvp.UvpError)
    # The message quotes the text, in both languages, and says what is accepted or wrong.
    if text.strip():
        assert repr(text) in str(error)
        assert f"'{text}'" in error.message("nl")
    if code in ("bad-schedule", "empty-schedule"):
        assert "Q2-Q4" in str(error)
        assert "Doorlopend" in error.message("nl")


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        uvp.Schedule.parse(3)  # type: ignore[arg-type]


@given(schedules())
def test_parse_inverts_str(schedule: uvp.Schedule) -> None:
    assert uvp.Schedule.parse(str(schedule)) == schedule


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Q1", dt.date(2024, 3, 31)),
        ("Q2", dt.date(2024, 6, 30)),
        ("Q3", dt.date(2024, 9, 30)),
        ("Q4", dt.date(2024, 12, 31)),
        ("Q1-Q2", dt.date(2024, 6, 30)),
        ("Q1 en Q3", dt.date(2024, 9, 30)),
        ("Q2/Q3", dt.date(2024, 9, 30)),
        ("Q1-Q4", dt.date(2024, 12, 31)),
        ("Doorlopend", None),
    ],
)
def test_due(text: str, due: dt.date | None) -> None:
    assert uvp.Schedule.parse(text).due(2024) == due


def test_due_in_leap_year_february() -> None:
    assert uvp.Schedule.parse("Q1").due(2023) == dt.date(2023, 3, 31)


@pytest.mark.parametrize(
    ("kind", "quarters"),
    [
        ("range", {1, 3}),
        ("moments", {2}),
        ("window", {4}),
        ("ongoing", {1, 2}),
        ("range", set()),
        ("range", {5}),
        ("sometimes", {1}),
    ],
)
def test_invalid_schedules_cannot_be_built(kind: str, quarters: set[int]) -> None:
    with pytest.raises(ValueError, match=r"quarters|range|moments|window|ongoing|kind"):
        uvp.Schedule(kind, quarters)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("month", "quarter"), [(1, 1), (3, 1), (4, 2), (6, 2), (7, 3), (10, 4), (12, 4)]
)
def test_quarter_of(month: int, quarter: int) -> None:
    assert uvp.quarter_of(dt.date(2024, month, 15)) == quarter

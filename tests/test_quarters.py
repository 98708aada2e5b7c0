from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    ("Q5 2024", "unknown-quarter"),
    ("Q4-Q2", "reversed-range"),
    ("Q4 - Q2 2024", "reversed-range"),
    ("Q1 en Q1", "repeated-quarter"),
    ("Q3/Q3", "repeated-quarter"),
    ("volgend jaar", "bad-schedule"),
    ("", "empty-schedule"),
    ("   ", "empty-schedule"),
    ("Q1-Q2-Q3", "bad-schedule"),
    ("Q1/Q2 en Q4", "bad-schedule"),
    ("Q", "bad-schedule"),
    ("binnenkort", "bad-schedule"),
    ("32 mei", "bad-schedule"),
    ("31-02-2024", "bad-schedule"),
    ("week 60", "bad-schedule"),
    ("voor Q1", "bad-schedule"),
    ("na Q4", "bad-schedule"),
    ("vanaf", "bad-schedule"),
    ("begin", "bad-schedule"),
    ("ca.", "bad-schedule"),
    ("ca. n.v.t.", "bad-schedule"),
    ("Q2 2024 2025", "bad-schedule"),
    ("laatste trimester", "bad-schedule"),
    ("2026-2023", "reversed-years"),
    ("Q1 2024 en Q1 2025", "mixed-years"),
    ("Q4 2024 of Q1 2025", "mixed-years"),
    ("Q2 (september)", "disagreeing-schedule"),
    ("Q2 (Q3)", "disagreeing-schedule"),
    ("winter", "ambiguous-winter"),
    ("in de winter", "ambiguous-winter"),
    ("tweejaarlijks", "biennial-schedule"),
]


@pytest.mark.parametrize(("text", "code"), REJECTED, ids=[r[0] or "empty" for r in REJECTED])
def test_reject_notation(text: str, code: str) -> None:
    with pytest.raises(uvp.NotationError) as caught:
        uvp.Schedule.parse(text, year=2024)
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


# -- the vocabulary of other municipalities' plans (docs/notations.md) -----------------------
# text, the plan's year, what uvp writes, the codes of the notes (in order)
A = "approximate-quarter"
OTHER = "other-year"
BEYOND = "beyond-year"
NONE = "unplanned"

FAMILIES: dict[str, list[tuple[str, int | None, str, tuple[str, ...]]]] = {
    "quarter with its year": [
        ("Q2 2024", 2024, "Q2", ()),
        ("Q3 – 2024", 2024, "Q3", ()),
        ("2024-Q3", 2024, "Q3", ()),
        ("2024 Q1-Q2", 2024, "Q1-Q2", ()),
        ("2024/Q2", 2024, "Q2", ()),
        ("Q2 '24", 2024, "Q2", ()),
        ("q4 2024", 2024, "Q4", ()),
        ("Q1-Q2 2024", 2024, "Q1-Q2", ()),
        ("Q1 en Q4 2024", 2024, "Q1 en Q4", ()),
        ("Q3/Q4 2024", 2024, "Q3/Q4", ()),
        ("Q1 tm Q4", 2024, "Q1-Q4", ()),
        ("Q1 tot Q3", 2024, "Q1-Q3", ()),
        ("Q2 + Q4", 2024, "Q2 en Q4", ()),
        ("Q2; Q4", 2024, "Q2 en Q4", ()),
        ("Q2 2024", None, "Q2 2024", ()),
    ],
    "quarters in words": [
        ("eerste kwartaal", 2024, "Q1", ()),
        ("2e kwartaal", 2024, "Q2", ()),
        ("tweede kwartaal", 2024, "Q2", ()),
        ("het derde kwartaal van 2024", 2024, "Q3", ()),
        ("3e kw.", 2024, "Q3", ()),
        ("4e kw", 2024, "Q4", ()),
        ("kwartaal 2", 2024, "Q2", ()),
        ("kw3", 2024, "Q3", ()),
        ("laatste kwartaal", 2024, "Q4", ()),
        ("1e en 2e kwartaal", 2024, "Q1 en Q2", ()),
        ("2e of 3e kwartaal", 2024, "Q2/Q3", ()),
        ("eerste twee kwartalen", 2024, "Q1-Q2", ()),
        ("laatste twee kwartalen", 2024, "Q3-Q4", ()),
        ("In het Eerste Kwartaal", 2024, "Q1", ()),
    ],
    "begin medio eind": [
        ("begin 2024", 2024, "ca. Q1", (A,)),
        ("begin dit jaar", 2024, "ca. Q1", (A,)),
        ("vroeg in 2024", 2024, "ca. Q1", (A,)),
        ("medio 2024", 2024, "ca. Q2/Q3", (A,)),
        ("halverwege 2024", 2024, "ca. Q2/Q3", (A,)),
        ("midden 2024", 2024, "ca. Q2/Q3", (A,)),
        ("eind 2024", 2024, "ca. Q4", (A,)),
        ("einde 2024", 2024, "ca. Q4", (A,)),
        ("ultimo 2024", 2024, "ca. Q4", (A,)),
        ("eind dit jaar", 2024, "ca. Q4", (A,)),
        ("aan het einde van het jaar", 2024, "ca. Q4", (A,)),
        ("begin Q2", 2024, "Q2", ()),
        ("eind Q2", 2024, "Q2", ()),
        ("medio juni", 2024, "Q2", ()),
        ("eind oktober 2024", 2024, "Q4", ()),
        ("begin april", 2024, "Q2", ()),
        ("voor de zomer", 2024, "ca. Q1/Q2", (A,)),
        ("vóór de zomervakantie", 2024, "ca. Q1/Q2", (A,)),
        ("voor het zomerreces", 2024, "ca. Q1/Q2", (A,)),
        ("na de zomer", 2024, "ca. Q3/Q4", (A,)),
        ("na de zomervakantie", 2024, "ca. Q3/Q4", (A,)),
        ("eerste helft 2024", 2024, "ca. Q1/Q2", (A,)),
        ("tweede helft", 2024, "ca. Q3/Q4", (A,)),
        ("H2", 2024, "ca. Q3/Q4", (A,)),
    ],
    "months and dates": [
        ("maart", 2024, "Q1", ()),
        ("mrt", 2024, "Q1", ()),
        ("mei en juni", 2024, "Q2", ()),
        ("in mei en juni 2023", 2024, "Q2 2023", (OTHER,)),
        ("maart en september", 2024, "Q1 en Q3", ()),
        ("maart of april", 2024, "Q1/Q2", ()),
        ("september t/m december", 2024, "Q3-Q4", ()),
        ("januari tot en met april", 2024, "Q1-Q2", ()),
        ("sep-okt", 2024, "Q3-Q4", ()),
        ("1 juli 2024", 2024, "Q3", ()),
        ("op 9 november 2023", 2024, "Q4 2023", (OTHER,)),
        ("15 mei en 16 oktober 2024", 2024, "Q2 en Q4", ()),
        ("tussen 22 januari en 15 maart", 2024, "Q1", ()),
        ("15-05-2024", 2024, "Q2", ()),
        ("15/5/24", 2024, "Q2", ()),
        ("2024-05-15", 2024, "Q2", ()),
        ("week 12", 2024, "Q1", ()),
        ("wk 40", 2024, "Q4", ()),
        ("oktober t/m maart", 2024, "Doorlopend vanaf Q4", (BEYOND,)),
    ],
    "seasons and events": [
        ("voorjaar", 2024, "ca. Q1/Q2", (A,)),
        ("in het voorjaar", 2024, "ca. Q1/Q2", (A,)),
        ("lente", 2024, "ca. Q1/Q2", (A,)),
        ("zomer", 2024, "ca. Q3", (A,)),
        ("in de zomer", 2024, "ca. Q3", (A,)),
        ("zomervakantie", 2024, "Q3", ()),
        ("najaar", 2024, "ca. Q3/Q4", (A,)),
        ("in het najaar 2024", 2024, "ca. Q3/Q4", (A,)),
        ("herfst", 2024, "ca. Q3/Q4", (A,)),
        ("najaar 2025", 2024, "ca. Q3/Q4 2025", (A, OTHER)),
        ("jaarwisseling", 2024, "ca. Q4", (A,)),
        ("rond de jaarwisseling", 2024, "ca. Q4", (A,)),
        ("oud en nieuw", 2024, "ca. Q4", (A,)),
        ("herfstvakantie", 2024, "Q4", ()),
        ("carnaval", 2024, "Q1", ()),
    ],
    "the whole year": [
        ("2024", 2024, "Q1/Q2/Q3/Q4", ()),
        ("in 2024", 2024, "Q1/Q2/Q3/Q4", ()),
        ("in de loop van 2024", 2024, "Q1/Q2/Q3/Q4", ()),
        ("dit jaar", 2024, "Q1/Q2/Q3/Q4", ()),
        ("heel 2024", 2024, "Q1-Q4", ()),
        ("gehele jaar", 2024, "Q1-Q4", ()),
        ("het gehele jaar", 2024, "Q1-Q4", ()),
        ("jaarrond", 2024, "Q1-Q4", ()),
        ("het hele jaar door", 2024, "Q1-Q4", ()),
        ("het jaar door", 2024, "Q1-Q4", ()),
        ("2025", 2024, "Q1/Q2/Q3/Q4 2025", (OTHER,)),
    ],
    "ongoing": [
        ("doorlopend", 2024, "Doorlopend", ()),
        ("Doorlopende activiteit", 2024, "Doorlopend", ()),
        ("doorlopende activiteiten", 2024, "Doorlopend", ()),
        ("lopend", 2024, "Doorlopend", ()),
        ("structureel", 2024, "Doorlopend", ()),
        ("continu", 2024, "Doorlopend", ()),
        ("permanent", 2024, "Doorlopend", ()),
        ("voortdurend", 2024, "Doorlopend", ()),
        ("regulier", 2024, "Doorlopend", ()),
        ("doorlopend 2024", 2024, "Doorlopend", ()),
        ("doorlopend in 2025", 2024, "Doorlopend 2025", (OTHER,)),
        ("doorlopend vanaf Q2", 2024, "Doorlopend vanaf Q2", ()),
    ],
    "spans over years": [
        ("2023-2026", 2024, "Doorlopend", (BEYOND,)),
        ("2023 – 2026", 2024, "Doorlopend", (BEYOND,)),
        ("2023 t/m 2026", 2024, "Doorlopend", (BEYOND,)),
        ("2023-2026", 2026, "Q1-Q4", (BEYOND,)),
        ("2023-2026", 2022, "Doorlopend 2023", (OTHER,)),
        ("2020-2023", 2024, "Q1-Q4 2023", (OTHER,)),
        ("2023-2026", None, "Doorlopend 2023", ()),
        ("t/m 2025", 2024, "Doorlopend", (BEYOND,)),
        ("tot en met 2024", 2024, "Q1-Q4", ()),
        ("vanaf 2023", 2024, "Doorlopend", (BEYOND,)),
        ("sinds mei 2018", 2024, "Doorlopend", (BEYOND,)),
        ("vanaf 2025", 2024, "Doorlopend 2025", (OTHER,)),
        ("2024 e.v.", 2024, "Doorlopend", ()),
        ("2024 en verder", 2024, "Doorlopend", ()),
        ("Q4 2024 - Q1 2025", 2024, "Doorlopend vanaf Q4", (BEYOND,)),
        ("Q3 2023 t/m Q2 2024", 2024, "Q1-Q2", (BEYOND,)),
    ],
    "from and deadlines": [
        ("vanaf Q2", 2024, "Doorlopend vanaf Q2", ()),
        ("vanaf april", 2024, "Doorlopend vanaf Q2", ()),
        ("per 1 april", 2024, "Doorlopend vanaf Q2", ()),
        ("met ingang van 1 oktober", 2024, "Doorlopend vanaf Q4", ()),
        ("m.i.v. juli", 2024, "Doorlopend vanaf Q3", ()),
        ("t/m Q3", 2024, "Q1-Q3", ()),
        ("uiterlijk Q3", 2024, "Q1/Q2/Q3", ()),
        ("uiterlijk eind Q2", 2024, "Q1/Q2", ()),
        ("voor 1 juli", 2024, "Q1/Q2", ()),
        ("vóór 1 oktober", 2024, "Q1/Q2/Q3", ()),
        ("voor september", 2024, "Q1/Q2/Q3", ()),
        ("voor eind 2024", 2024, "Q1/Q2/Q3/Q4", ()),
        ("uiterlijk maart", 2024, "Q1", ()),
        ("na Q2", 2024, "Q3/Q4", ()),
        ("na september", 2024, "Q4", ()),
        ("doorgeschoven naar 2025", 2024, "Q1/Q2/Q3/Q4 2025", (OTHER,)),
    ],
    "recurring": [
        ("per kwartaal", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("elk kwartaal", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("ieder kwartaal", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("driemaandelijks", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("minimaal vier keer per jaar", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("4x per jaar", 2024, "Q1, Q2, Q3 en Q4", ()),
        ("halfjaarlijks", 2024, "ca. Q2 en Q4", (A,)),
        ("per jaargetijde", 2024, "ca. Q1, Q2, Q3 en Q4", (A,)),
        ("twee keer per jaar", 2024, "ca. Q2 en Q4", (A,)),
        ("2x per jaar", 2024, "ca. Q2 en Q4", (A,)),
        ("twee maal per jaar", 2024, "ca. Q2 en Q4", (A,)),
        ("halfjaarlijks (Q2 en Q4)", 2024, "Q2 en Q4", ()),
        ("maandelijks", 2024, "Doorlopend", ()),
        ("wekelijks", 2024, "Doorlopend", ()),
        ("6-wekelijks", 2024, "Doorlopend", ()),
        ("periodiek", 2024, "Doorlopend", ()),
        ("jaarlijks", 2024, "Q1/Q2/Q3/Q4", ()),
        ("1x per jaar", 2024, "Q1/Q2/Q3/Q4", ()),
        ("eens per jaar", 2024, "Q1/Q2/Q3/Q4", ()),
    ],
    "not planned": [
        ("n.v.t.", 2024, "Niet gepland", (NONE,)),
        ("nvt", 2024, "Niet gepland", (NONE,)),
        ("NVT", 2024, "Niet gepland", (NONE,)),
        ("niet van toepassing", 2024, "Niet gepland", (NONE,)),
        ("n.n.b.", 2024, "Niet gepland", (NONE,)),
        ("NNB", 2024, "Niet gepland", (NONE,)),
        ("nog niet bekend", 2024, "Niet gepland", (NONE,)),
        ("n.t.b.", 2024, "Niet gepland", (NONE,)),
        ("nog te bepalen", 2024, "Niet gepland", (NONE,)),
        ("nader te bepalen", 2024, "Niet gepland", (NONE,)),
        ("p.m.", 2024, "Niet gepland", (NONE,)),
        ("ad hoc", 2024, "Niet gepland", (NONE,)),
        ("ad-hoc", 2024, "Niet gepland", (NONE,)),
        ("indien nodig", 2024, "Niet gepland", (NONE,)),
        ("zo nodig", 2024, "Niet gepland", (NONE,)),
        ("op afroep", 2024, "Niet gepland", (NONE,)),
        ("afhankelijk van de subsidie", 2024, "Niet gepland", (NONE,)),
        ("-", 2024, "Niet gepland", (NONE,)),
        ("?", 2024, "Niet gepland", (NONE,)),
        ("Niet gepland", 2024, "Niet gepland", (NONE,)),
    ],
    "another year": [
        ("Q1 2025", 2024, "Q1 2025", (OTHER,)),
        ("2025-Q1", 2024, "Q1 2025", (OTHER,)),
        ("laatste kwartaal van 2020", 2024, "Q4 2020", (OTHER,)),
        ("Q2 '25", 2024, "Q2 2025", (OTHER,)),
        ("medio 2025", 2024, "ca. Q2/Q3 2025", (A, OTHER)),
    ],
    "brackets and approximations": [
        ("Q2 (mei)", 2024, "Q2", ()),
        ("Q2 en Q4 (15 mei en 16 oktober 2024)", 2024, "Q2 en Q4", ()),
        ("medio 2024 (Q3)", 2024, "Q3", ()),
        ("Q1-Q4 (maandelijks)", 2024, "Q1-Q4", ()),
        ("Q2 (na vaststelling van het beleid)", 2024, "Q2", ("quarter-comment",)),
        ("Q3 (n.v.t.)", 2024, "Q3", ("quarter-comment",)),
        ("ca. Q2/Q3", 2024, "ca. Q2/Q3", ()),
        ("circa Q2", 2024, "ca. Q2", ()),
        ("± Q3", 2024, "ca. Q3", ()),
        ("ca. Q2 2025", 2024, "ca. Q2 2025", (OTHER,)),
        ("ca. Doorlopend vanaf Q2", 2024, "ca. Doorlopend vanaf Q2", ()),
    ],
}
CASES = [(family, *case) for family, cases in FAMILIES.items() for case in cases]


@pytest.mark.parametrize(
    ("family", "text", "year", "canonical", "codes"),
    CASES,
    ids=[f"{c[0]}: {c[1]} ({c[2]})" for c in CASES],
)
def test_vocabulary(
    family: str, text: str, year: int | None, canonical: str, codes: tuple[str, ...]
) -> None:
    reading = uvp.Schedule.read(text, year=year)
    assert str(reading.value) == canonical
    assert tuple(n.code for n in reading.notes) == codes
    assert uvp.Schedule.parse(text, year=year) == reading.value
    # What uvp writes reads back as the same schedule, without notes but the year's own.
    again = uvp.Schedule.read(canonical, year=year)
    assert again.value == reading.value
    assert {n.code for n in again.notes} <= {OTHER, NONE}
    for note in reading.notes:
        assert note.severity == ("warning" if note.code == OTHER else "info")
        assert f"'{text}'" in note.message("nl")
        assert note.message("en") != note.message("nl")


NOTE_MESSAGES = [
    ("medio 2024", 2024, "Kwartaal 'medio 2024' is gelezen als ca. Q2/Q3 (bij benadering)"),
    ("Q1 2025", 2024, "noemt 2025, niet het planjaar 2024: gelezen als Q1 2025"),
    ("2023-2026", 2024, "loopt over meer dan één jaar: voor dit plan gelezen als Doorlopend"),
    ("n.v.t.", 2024, "de actie is (nog) niet gepland"),
]


@pytest.mark.parametrize(("text", "year", "says"), NOTE_MESSAGES, ids=[m[0] for m in NOTE_MESSAGES])
def test_notes_say_how_the_text_was_read(text: str, year: int, says: str) -> None:
    [note] = uvp.Schedule.read(text, year=year).notes
    assert says in note.message("nl")


def test_kinds_of_the_new_readings() -> None:
    assert uvp.Schedule.parse("n.v.t.").kind == "unplanned"
    assert not uvp.Schedule.parse("n.v.t.").planned
    assert uvp.Schedule.parse("medio 2024", year=2024).approximate
    assert not uvp.Schedule.parse("maart").approximate  # a month is exact about its quarter
    assert uvp.Schedule.parse("Q1 2025", year=2024).year == 2025
    assert uvp.Schedule.parse("Q1 2024", year=2024).year is None  # never the plan's own year
    assert uvp.Schedule.parse("Q1 2025", year=2024).in_year(2025)
    assert not uvp.Schedule.parse("Q1 2025", year=2024).in_year(2024)
    vanaf = uvp.Schedule.parse("vanaf Q3")
    assert (vanaf.kind, sorted(vanaf.quarters)) == ("ongoing", [3, 4])


def test_parse_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        uvp.Schedule.parse(3)  # type: ignore[arg-type]


@given(schedules())
def test_parse_inverts_str(schedule: uvp.Schedule) -> None:
    assert uvp.Schedule.parse(str(schedule)) == schedule


@given(st.data(), st.none() | st.integers(1990, 2100))
def test_parse_inverts_str_in_a_plan_year(data: st.DataObject, year: int | None) -> None:
    schedule = data.draw(schedules(year))
    assert uvp.Schedule.parse(str(schedule), year=year) == schedule


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
        ("Doorlopend vanaf Q3", None),
        ("n.v.t.", None),
        ("ca. Q2/Q3", dt.date(2024, 9, 30)),
        ("Q1 2025", dt.date(2025, 3, 31)),
        ("Q4 2023", dt.date(2023, 12, 31)),
        ("Q1/Q2/Q3/Q4 2025", dt.date(2025, 12, 31)),
        ("medio 2024", dt.date(2024, 9, 30)),
        ("uiterlijk Q3", dt.date(2024, 9, 30)),
        ("2023-2026", None),
        ("2020-2023", dt.date(2023, 12, 31)),
    ],
)
def test_due(text: str, due: dt.date | None) -> None:
    assert uvp.Schedule.parse(text, year=2024).due(2024) == due


def test_due_in_leap_year_february() -> None:
    assert uvp.Schedule.parse("Q1").due(2023) == dt.date(2023, 3, 31)


@pytest.mark.parametrize(
    ("kind", "quarters"),
    [
        ("range", {1, 3}),
        ("moments", {2}),
        ("window", {4}),
        ("ongoing", {1, 2}),
        ("ongoing", {2, 4}),
        ("unplanned", {1}),
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

"""Findings as data: made with their code's params, located, rendered in each language,
and the same after a trip through JSON; a read workbook without sentinels."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

import uvp
from tests.conftest import EXAMPLES
from tests.strategies import TEXT
from uvp.core import Location, PlanPath, check_plan, sheet_reference
from uvp.messages import FINDINGS, LANGUAGES, TEXTS, When, placeholders
from uvp.workbook import (
    CellRange,
    ReadResult,
    SheetInfo,
    checked,
    quarter_matrix,
    read_values,
    validate_result,
)

TITLE = ["Uitvoeringsplan Veiligheid 2024 gemeente Nijkerk"]
HEADER: list[object] = ["Acties", "Trekker", "Kwartaal", "Toelichting", "Status"]


def _read(*rows: list[object], header: list[object] = HEADER) -> ReadResult:
    return read_values({"Ondermijning": [TITLE, ["Drugs (lokale prioriteit)"], header, *rows]})


def _validated(*rows: list[object], header: list[object] = HEADER) -> uvp.Report:
    return validate_result(_read(*rows, header=header), peildatum=dt.date(2024, 10, 1))


def _plan(*actions: uvp.Action, goals: tuple[uvp.Goal, ...] = ()) -> uvp.Plan:
    theme = uvp.Theme("Drugs", goals=goals, actions=actions)
    return uvp.Plan("Nijkerk", 2024, priorities=(uvp.Priority("Ondermijning", "joint", (theme,)),))


def _checked(plan: uvp.Plan) -> uvp.Report:
    return uvp.validate_plan(plan, peildatum=dt.date(2024, 10, 1))


def _read_only(result: ReadResult) -> uvp.Report:
    return uvp.Report(result.findings)


def _action(text: str, cells: tuple[str | None, str | None], **kw: Any) -> uvp.Action:
    return uvp.Action(text, uvp.parse_assignments(*cells), **kw)


class Scenario(NamedTuple):
    """A real way to meet a finding code: what makes the report, and where it is."""

    code: str
    make: Callable[[], uvp.Report]
    where: str


SCENARIOS = [
    Scenario(
        "invalid-year",
        lambda: _read_only(read_values({"Plan": [["Jaar", "twintig"]]})),
        "'Plan'!B1",
    ),
    Scenario("missing-text", lambda: _validated([None, "Nijkerk", "Q1"]), "'Ondermijning'!A4"),
    Scenario(
        "invalid-status",
        lambda: _validated(["Iets.", "Nijkerk", "Q1", None, "Bijna"]),
        "'Ondermijning'!E4",
    ),
    Scenario(
        "lead-quarter-mismatch",
        lambda: _validated(["Iets.", "Nijkerk\nBarneveld\nEde", "Q1\nQ2"]),
        "'Ondermijning'!C4",
    ),
    Scenario(
        "invalid-lead", lambda: _validated(["Iets.", "Nijkerk (Bibob", "Q1"]), "'Ondermijning'!B4"
    ),
    Scenario(
        "invalid-quarter", lambda: _validated(["Iets.", "Nijkerk", "Q5"]), "'Ondermijning'!C4"
    ),
    Scenario(
        "invalid-subtheme",
        lambda: _validated(
            ["12", "Iets.", "Nijkerk"], header=["Subthema", "Activiteit", "Trekker"]
        ),
        "'Ondermijning'!A4",
    ),
    Scenario(
        "no-action-table",
        lambda: _read_only(read_values({"Blad1": [["Niets"]]}, source="leeg.xlsx")),
        "",
    ),
    Scenario(
        "unknown-priority-kind",
        lambda: _read_only(
            read_values({"Ondermijning": [TITLE, HEADER, ["Iets.", "Nijkerk", "Q1"]]})
        ),
        "'Ondermijning'",
    ),
    Scenario("missing-lead", lambda: _validated(["Iets.", None, "Q1"]), "'Ondermijning'!B4"),
    Scenario(
        "missing-quarter",
        lambda: _checked(_plan(_action("Iets.", ("Nijkerk\nPolitie", None)))),
        "Ondermijning › Drugs › actie 1",
    ),
    Scenario("unknown-lead", lambda: _validated(["Iets.", "Klaas", "Q4"]), "'Ondermijning'!B4"),
    Scenario(
        "duplicate-action",
        lambda: _checked(
            _plan(_action("Iets.", ("Nijkerk", "Q4")), _action("iets", ("Nijkerk", "Q4")))
        ),
        "Ondermijning › Drugs › actie 2",
    ),
    Scenario(
        "goal-without-actions",
        lambda: _checked(
            _plan(
                _action("Iets.", ("Nijkerk", "Q4"), goal="A"),
                goals=(uvp.Goal("A", "Een"), uvp.Goal("B", "Twee")),
            )
        ),
        "Ondermijning › Drugs",
    ),
    Scenario("overdue", lambda: _validated(["Iets.", "Nijkerk", "Q1"]), "'Ondermijning'!E4"),
    # How a cell was read (issue 11): notes of the core's readings, located by the reader
    Scenario(
        "approximate-quarter",
        lambda: _validated(["Iets.", "Nijkerk", "medio 2024"]),
        "'Ondermijning'!C4",
    ),
    Scenario(
        "other-year", lambda: _validated(["Iets.", "Nijkerk", "Q1 2025"]), "'Ondermijning'!C4"
    ),
    Scenario(
        "beyond-year", lambda: _validated(["Iets.", "Nijkerk", "2023-2026"]), "'Ondermijning'!C4"
    ),
    Scenario("unplanned", lambda: _validated(["Iets.", "Nijkerk", "n.v.t."]), "'Ondermijning'!C4"),
    Scenario(
        "quarter-comment",
        lambda: _validated(["Iets.", "Nijkerk", "Q4 (na het besluit)"]),
        "'Ondermijning'!C4",
    ),
    Scenario(
        "several-leads", lambda: _validated(["Iets.", "Politie & Halt", "Q4"]), "'Ondermijning'!B4"
    ),
    Scenario(
        "lead-partners",
        lambda: _validated(["Iets.", "Gemeente i.s.m. politie", "Q4"]),
        "'Ondermijning'!B4",
    ),
    Scenario(
        "generic-municipality",
        lambda: _read_only(
            read_values({"Blad1": [HEADER, ["Iets.", "Team Veiligheid", "Q4"]]}, year=2024)
        ),
        "'Blad1'!B2",
    ),
    Scenario(
        "ambiguous-municipality",
        lambda: _validated(["Iets.", "Bergen", "Q4"]),
        "'Ondermijning'!B4",
    ),
    Scenario(
        "merged-municipality",
        lambda: _validated(["Iets.", "Leerdam", "Q4"]),
        "'Ondermijning'!B4",
    ),
    # The workbook's layout (issue 11)
    Scenario(
        "unreadable-column",
        lambda: _validated(
            ["Iets.", "Nijkerk", "volgend voorjaar misschien"],
            ["Nog iets.", "Nijkerk", "zodra het budget rond is"],
            header=["Maatregel", "Wie", "Planning"],
        ),
        "'Ondermijning'!C3",
    ),
    Scenario(
        "invalid-vocabulary",
        lambda: _read_only(
            read_values(
                {
                    "Woordenlijst": [["Term", "Soort", "Betekenis"], ["blauw", "Kleur", "Gereed"]],
                    "Ondermijning": [TITLE, HEADER, ["Iets.", "Nijkerk", "Q1"]],
                }
            )
        ),
        "'Woordenlijst'!B2",
    ),
    # Reading without loss (issue 13): what is not read is reported
    Scenario(
        "unread-cell",
        lambda: _validated(["Iets.", "Nijkerk", "Q1", None, None, "een notitie ernaast"]),
        "'Ondermijning'!F4",
    ),
    Scenario(
        "unread-column",
        lambda: _validated(
            ["Iets.", "Nijkerk", "Q1", 500], header=["Acties", "Trekker", "Kwartaal", "Budget"]
        ),
        "'Ondermijning'!D3",
    ),
    Scenario(
        "merged-cells",
        lambda: _read_only(
            read_values(
                {"Ondermijning": [TITLE, ["Drugs"], ["Acties"], ["Iets.", "Nijkerk", "Q1"]]},
                info={"Ondermijning": SheetInfo(merged=(CellRange(3, 1, 3, 3),))},
            )
        ),
        "'Ondermijning'!A3",
    ),
    Scenario(
        "hidden-sheet",
        lambda: _read_only(
            read_values(
                {"Ondermijning": [TITLE, ["Drugs"], HEADER, ["Iets.", "Nijkerk", "Q1"]]},
                info={"Ondermijning": SheetInfo(hidden=True)},
            )
        ),
        "'Ondermijning'",
    ),
    Scenario(
        "hidden-rows",
        lambda: _read_only(
            read_values(
                {"Ondermijning": [TITLE, ["Drugs"], HEADER, ["Iets.", "Nijkerk", "Q1"]]},
                info={"Ondermijning": SheetInfo(hidden_rows=frozenset({4}))},
            )
        ),
        "'Ondermijning'!A4",
    ),
    Scenario(
        "hidden-columns",
        lambda: _read_only(
            read_values(
                {"Ondermijning": [TITLE, ["Drugs"], HEADER, ["Iets.", "Nijkerk", "Q1"]]},
                info={"Ondermijning": SheetInfo(hidden_columns=frozenset({2}))},
            )
        ),
        "'Ondermijning'!B1",
    ),
    Scenario(
        "quarter-matrix-mismatch",
        lambda: _validated(
            ["Iets.", "Nijkerk", "Q1", None, "x", None, None],
            header=["Acties", "Trekker", "Kwartaal", "Q1", "Q2", "Q3", "Q4"],
        ),
        "'Ondermijning'!D4",
    ),
    Scenario(
        "quarter-matrix-kept",
        lambda: uvp.Report(
            quarter_matrix(
                _read(
                    ["Iets.", "Nijkerk", "Q5", "x", None, None, None],
                    header=["Acties", "Trekker", "Kwartaal", "Q1", "Q2", "Q3", "Q4"],
                )
            )[1].findings
        ),
        "'Ondermijning'!D4",
    ),
    Scenario(
        "invalid-order",
        lambda: _read_only(
            _read(
                ["A", "Iets.", "Nijkerk", "eerst"],
                header=["Subthema", "Activiteit", "Trekker", "Volgorde"],
            )
        ),
        "'Ondermijning'!D4",
    ),
]


def test_every_finding_code_has_a_scenario() -> None:
    assert {s.code for s in SCENARIOS} == set(FINDINGS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.code for s in SCENARIOS])
def test_each_code_is_made_with_the_params_its_texts_need(scenario: Scenario) -> None:
    report = scenario.make()
    findings = [f for f in report.findings if f.code == scenario.code]
    assert findings, f"no {scenario.code} finding"
    finding = findings[0]
    assert finding.severity == FINDINGS[finding.code].severity  # nobody overrides it
    for language in LANGUAGES:
        text = finding.message(language)
        assert text.strip()
        assert "{" not in text
        assert finding.title(language)
    assert finding.message("nl") != finding.message("en")
    assert (report.where(finding, "nl") or "") == scenario.where
    data = json.loads(json.dumps(finding.to_dict()))
    assert uvp.Finding.from_dict(data) == finding


def test_a_nested_reason_is_the_notation_s_own_message() -> None:
    found = _validated(["Iets.", "Nijkerk", "Q5"]).findings
    (finding,) = [f for f in found if f.code == "invalid-quarter"]
    assert finding.params == {
        "text": "Q5",
        "reason": "unknown-quarter",
        "reason_text": "Q5",
        "reason_quarter": 5,
    }
    with pytest.raises(uvp.NotationError) as caught:
        uvp.Schedule.parse("Q5")
    error = caught.value
    assert finding.message("nl") == "Kwartaal 'Q5' is niet te lezen. " + error.message("nl")
    assert finding.message("en") == "Kwartaal 'Q5' cannot be read: " + str(error)


# -- made wrongly ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "error", "match"),
    [
        (lambda: uvp.Finding("no-such-code"), ValueError, "unknown finding code"),
        (lambda: uvp.Finding("missing-lead"), ValueError, "lacks params: action"),
        (
            lambda: uvp.Finding("missing-lead", "fatal", {"action": "x"}),  # type: ignore[arg-type]
            ValueError,
            "severity",
        ),
        (
            lambda: uvp.Finding("missing-lead", params={"action": dt.date(2024, 1, 1)}),
            TypeError,
            "'action' is date",
        ),
        (lambda: Location("Blad1", 0, 1), ValueError, "1-based"),
        (lambda: PlanPath(-1), ValueError, "0-based"),
        (lambda: PlanPath(0, None, 2), ValueError, "names its theme"),
    ],
    ids=[
        "unknown-code",
        "missing-param",
        "bad-severity",
        "not-json",
        "row-0",
        "index-1",
        "no-theme",
    ],
)
def test_a_finding_made_wrongly_fails_where_it_is_made(
    make: Callable[[], object], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        make()


# -- locations ---------------------------------------------------------------------------


def test_a_place_in_the_plan_is_named_as_staff_name_it() -> None:
    drugs = uvp.Theme("Drugs", actions=(uvp.Action("Een."), uvp.Action("Twee.")))
    same = uvp.Theme("Vakantieparken", actions=(uvp.Action("Drie."),))
    plan = uvp.Plan(
        "Nijkerk",
        2024,
        priorities=(
            uvp.Priority("Ondermijning", "joint", (drugs,)),
            uvp.Priority("Vakantieparken", "local", (same,)),
        ),
    )
    assert PlanPath(0, 0, 1).text("nl", plan) == "Ondermijning › Drugs › actie 2"
    assert PlanPath(0, 0, 1).text("en", plan) == "Ondermijning › Drugs › action 2"
    assert PlanPath(1, 0, 0).text("nl", plan) == "Vakantieparken › actie 1"  # theme named once
    assert PlanPath(1, 0).text("nl", plan) == uvp.core.where(plan.priorities[1], same)
    assert (
        PlanPath(5, 0, 0).text("nl", plan) == "prioriteit 6 › thema 1 › actie 1"
    )  # not in the plan
    assert PlanPath(0, 0, 1).text("nl", plan) == uvp.core.where(
        plan.priorities[0], drugs, drugs.actions[1]
    )


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (Location("Ondermijning", 14, 3), "'Ondermijning'!C14"),
        (Location("Jan's plan", 1, 28), "'Jan''s plan'!AB1"),
        (Location("Ondermijning"), "'Ondermijning'"),
        (Location("Ondermijning", 14, 3, PlanPath(0, 0, 0)), "'Ondermijning'!C14"),
        (Location(path=PlanPath(0, 1)), "prioriteit 1 › thema 2"),
        (Location(), None),
    ],
    ids=["cell", "quote-in-name", "sheet", "cell-before-path", "path", "nowhere"],
)
def test_one_location_format_on_screen(location: Location, shown: str | None) -> None:
    assert location.text("nl") == shown
    assert Location.from_dict(json.loads(json.dumps(location.to_dict()))) == location


def test_the_one_sheet_quoting_is_the_error_s_too() -> None:
    error = uvp.WorkbookError("empty-lead", sheet="Jan's plan", cell="B4")
    assert error.where == sheet_reference("Jan's plan", "B4") == "'Jan''s plan'!B4"


# -- JSON --------------------------------------------------------------------------------


def _template_params(draw: st.DrawFn, code: str) -> dict[str, object]:
    entry = FINDINGS[code]
    names = set().union(*(placeholders(t) for t in entry.text.values())) - entry.parts.keys()
    value = st.one_of(TEXT, st.integers(-5, 3000), st.floats(allow_nan=False), st.booleans())
    params: dict[str, object] = {name: draw(value) for name in names}
    for name, part in entry.parts.items():
        if isinstance(part, When):
            params[part.param] = draw(st.none() | TEXT)
        else:
            nested = draw(st.sampled_from(["unknown-quarter", "lead-too-long", "bad-schedule"]))
            params[name] = nested
            for inner in placeholders(TEXTS["nl"][nested]):
                params[f"{name}_{inner}"] = draw(value)
    params.update(draw(st.dictionaries(st.sampled_from(["extra", "more"]), st.lists(TEXT))))
    return params


@st.composite
def findings(draw: st.DrawFn) -> uvp.Finding:
    code = draw(st.sampled_from(sorted(FINDINGS)))
    path = draw(
        st.none()
        | st.builds(PlanPath, st.integers(0, 9), st.none(), st.none())
        | st.builds(PlanPath, st.integers(0, 9), st.integers(0, 9), st.none() | st.integers(0, 99))
    )
    location = Location(
        draw(st.none() | TEXT),
        draw(st.none() | st.integers(1, 10**6)),
        draw(st.none() | st.integers(1, 16384)),
        path,
        draw(st.none() | st.sampled_from(["text", "lead", "quarter", "status"])),
    )
    severity: uvp.Severity = draw(st.sampled_from(["error", "warning", "info"]))
    return uvp.Finding(code, severity, _template_params(draw, code), location)


@given(st.lists(findings(), max_size=5))
def test_findings_come_back_from_json_as_they_were(made: list[uvp.Finding]) -> None:
    report = uvp.Report(tuple(made), source="plan.xlsx")
    data = json.loads(json.dumps(report.to_dict()))
    assert tuple(uvp.Finding.from_dict(f) for f in data["findings"]) == report.findings
    for finding, shown in zip(made, data["findings"], strict=True):
        assert shown["message"] == finding.message("nl")
        assert shown["location"]["cell"] == finding.location.cell
        assert shown["where"] == finding.where("nl")


def test_the_json_of_a_finding_has_its_fields() -> None:
    report = uvp.workbook.validate_workbook(EXAMPLES / "scherpenzeel-2024.xlsx")
    first = report.to_dict()["findings"][0]
    assert first == {
        "code": "missing-lead",
        "severity": "error",
        "params": {"action": "We houden periodieke bijeenkomsten van de werkgroep met…"},
        "location": {
            "sheet": "Ondermijning",
            "row": 61,
            "column": 2,
            "cell": "B61",
            "path": {"priority": 0, "theme": 3, "action": 4},
            "field": "lead",
        },
        "message": 'Actie "We houden periodieke bijeenkomsten van de werkgroep met…" heeft '
        "geen trekker: vul in wie de actie trekt.",
        "where": "'Ondermijning'!B61",
    }


# -- plan checks and read workbooks --------------------------------------------------------


def test_plan_findings_name_the_action_and_field_they_are_about() -> None:
    plan = uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    found = list(check_plan(plan, peildatum=dt.date(2024, 10, 1)))
    assert found
    for finding in found:
        path = finding.location.path
        assert path is not None
        if path.action is None:
            continue
        assert path.theme is not None
        action = plan.priorities[path.priority].themes[path.theme].actions[path.action]
        assert finding.params["action"] == uvp.core.excerpt(action.text)
        assert finding.location.field in {"text", "lead", "quarter", "status"}


def test_each_read_action_carries_its_own_source() -> None:
    result = uvp.workbook.inspect_workbook(EXAMPLES / "nijkerk-2024.xlsx")
    assert tuple(read.action for read in result.actions) == result.plan.actions
    for read in result.actions:
        assert read.path.theme is not None
        assert read.path.action is not None
        theme = result.plan.priorities[read.path.priority].themes[read.path.theme]
        assert theme.actions[read.path.action] == read.action
        assert read.source.row in read.source.rows
        assert result.value(read.source.sheet, read.source.row, read.source.table.columns["text"])
    assert not any(read.unreadable for read in result.actions)


def test_an_unreadable_cell_is_on_its_action_s_record() -> None:
    result = _read(["Iets.", "Nijkerk", "Q5", None, "Bijna"], ["Meer.", "Nijkerk", "Q1"])
    assert [read.unreadable for read in result.actions] == [
        frozenset({"quarter", "status"}),
        frozenset(),
    ]


@pytest.mark.parametrize(
    ("sheets", "municipality", "year", "code"),
    [
        ({"Blad1": [["Drugs"], HEADER, ["Iets.", "Ede", "Q1"]]}, None, 2024, "municipality"),
        ({"Blad1": [["Drugs"], HEADER, ["Iets.", "Ede", "Q1"]]}, "Ede", None, "year"),
    ],
    ids=["no-municipality", "no-year"],
)
def test_an_unknown_municipality_or_year_is_none_not_a_sentinel(
    sheets: dict[str, list[list[object]]], municipality: str | None, year: int | None, code: str
) -> None:
    result = read_values(sheets, municipality=municipality, year=year, source="plan.xlsx")
    assert (result.municipality, result.year) == (municipality, year)
    assert [a.action.text for a in result.actions] == ["Iets."]
    with pytest.raises(uvp.WorkbookError) as caught:
        result.plan  # noqa: B018 - reading it is the test
    assert caught.value.code == f"workbook-unknown-{code}"
    with pytest.raises(uvp.WorkbookError) as again:
        checked(result, "plan.xlsx")
    assert again.value.code == caught.value.code
    assert "plan.xlsx" in again.value.message("nl")

"""A partner's agenda across the region's plans, on the example plans and constructed ones."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from tests.test_region import _follow
from uvp.cli import app
from uvp.region import BUCKETS, agenda, named_organisations


def _plan(municipality: str, *actions: uvp.Action, partners: tuple[str, ...] = ()) -> uvp.Plan:
    return uvp.Plan(
        municipality,
        2024,
        partners=partners,
        priorities=[uvp.Priority("P", "joint", [uvp.Theme("T", actions=actions)])],
    )


def _action(text: str, lead: str, quarter: str | None) -> uvp.Action:
    return uvp.Action(text, uvp.parse_assignments(lead, quarter))


def test_every_police_action_of_the_example_plans_is_on_its_agenda(
    nijkerk: uvp.Plan, scherpenzeel: uvp.Plan
) -> None:
    police = agenda([nijkerk, scherpenzeel], "de politie")
    assert police.partner == "Politie"
    listed = {(i.municipality, i.index): i for item in police.items for i in item.involvements}
    # Each plan's action is on the agenda once at most, whatever the merging did.
    assert len(listed) == sum(len(item.involvements) for item in police.items)
    for plan in (nijkerk, scherpenzeel):
        for index, action in enumerate(plan.actions):
            trekker = uvp.format_assignments(action.assignments)[0] or ""
            said = f"{action.text} {action.note or ''}".casefold()
            expected = (
                "politie" in trekker.casefold()
                or "gezamenlijk" in trekker.casefold()
                or "alle partners" in trekker.casefold()
                or ("politie" in said and "Politie" in action.participants)
            )
            assert ((plan.municipality, index) in listed) == expected, action.text[:60]
            if (plan.municipality, index) in listed and "politie" in trekker.casefold():
                assert listed[plan.municipality, index].role == "lead"


def test_the_damocles_update_stands_under_both_quarters(
    nijkerk: uvp.Plan, scherpenzeel: uvp.Plan
) -> None:
    barneveld = agenda([nijkerk, scherpenzeel], "Barneveld")
    (damocles,) = [i for i in barneveld.items if "Damocles" in i.title]
    assert damocles.municipalities == ("Nijkerk", "Scherpenzeel")  # one line for both plans
    assert damocles.role == "lead"
    assert damocles.placements() == {1: ("Nijkerk",), 2: ("Scherpenzeel",)}
    assert not damocles.agrees
    assert damocles.schedules_text() == "Nijkerk: Q1; Scherpenzeel: Q2"
    assert damocles in barneveld.in_bucket(1)
    assert damocles in barneveld.in_bucket(2)
    assert damocles not in barneveld.in_bucket(3)


def test_windows_ongoing_and_unplanned_actions() -> None:
    plan = _plan(
        "Ede",
        _action("We houden een bijeenkomst.", "Politie", "Q3/Q4"),
        _action("We surveilleren.", "Politie", "Doorlopend"),
        _action("We schrijven een plan.", "Politie", None),
        _action("We doen iets zelf.", "Ede", "Q1"),
    )
    police = agenda([plan], "Politie")
    by_text = {item.title: item for item in police.items}
    assert set(by_text) == {
        "We houden een bijeenkomst.",
        "We surveilleren.",
        "We schrijven een plan.",
    }
    window = by_text["We houden een bijeenkomst."]
    assert window.window
    assert window.placements() == {3: ("Ede",), 4: ("Ede",)}
    assert by_text["We surveilleren."].placements() == {"ongoing": ("Ede",)}
    assert by_text["We schrijven een plan."].placements() == {"none": ("Ede",)}
    assert [len(police.in_bucket(b)) for b in BUCKETS] == [0, 0, 1, 1, 1, 1]


def test_roles_each_municipality_joint_and_participants() -> None:
    each = _action("We actualiseren het draaiboek.", "Iedere gemeente individueel", "Q2")
    joint = _action("We houden een integrale controle.", "Gezamenlijk", "Q1")
    joins = _action("Ede organiseert een avond. Renswoude sluit hierbij aan.", "Ede", "Q4")
    plan = _plan("Ede", each, joint, joins, partners=("Renswoude", "Politie"))
    roles = {i.title: i.role for i in agenda([plan], "Renswoude").items}
    assert roles == {each.text: "each", joint.text: "joint", joins.text: "participant"}
    # The police is an IVP partner (joint actions) but not a municipality (each its own).
    assert [i.title for i in agenda([plan], "Politie").items] == [joint.text]
    # An organisation outside the IVP is not part of "gezamenlijk".
    assert agenda([plan], "ZV-WVV").items == ()
    # A municipality leading in its own plan is its lead.
    assert {i.title: i.role for i in agenda([plan], "Ede").items}[joins.text] == "lead"


def test_uvp_agenda_text_json_and_workbook(tmp_path: Path) -> None:
    files = [str(EXAMPLES / "nijkerk-2024.xlsx"), str(EXAMPLES / "scherpenzeel-2024.xlsx")]
    out = tmp_path / "politie"
    runner = CliRunner()
    result = runner.invoke(
        app, ["agenda", "--partner", "Politie", *files, "-o", str(out / "a.xlsx")]
    )
    assert result.exit_code == 0, result.output
    expected = agenda([uvp.read_workbook(f) for f in files], "Politie")
    assert f"Agenda Politie 2024: {len(expected.items)} acties" in result.stdout
    assert "Q1 (januari – maart)" in result.stdout
    assert "plannen verschillen" in result.stdout  # the integrale controles: Q1 vs Q1-Q4
    ws = openpyxl.load_workbook(out / "a.xlsx")["Agenda"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4)]
    lines = [r for r in rows if r[2]]
    assert len(lines) == sum(len(expected.in_bucket(b)) for b in BUCKETS)
    for row in ws.iter_rows(min_row=4):
        if row[2].value and row[7].hyperlink is not None:
            # The first plan's text of a merged line is the text in the cell linked to.
            assert _follow(row[7], out) == row[2].value
    assert any(r[4] and "plannen verschillen" in r[4] for r in lines)
    data = json.loads(
        runner.invoke(app, ["agenda", "--partner", "politie", *files, "--format", "json"]).stdout
    )
    assert data["partner"] == "Politie"
    assert len(data["items"]) == len(expected.items)
    assert {p["cell"] is not None for item in data["items"] for p in item["plans"]} == {True}


def test_uvp_agenda_unknown_partner_and_one_plan() -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["agenda", "--partner", "Polite", str(EXAMPLES / "nijkerk-2024.json")]
    )
    assert result.exit_code == 2
    assert "Bedoelt u Politie?" in result.stderr
    result = runner.invoke(
        app, ["agenda", "--partner", "OddV", str(EXAMPLES / "nijkerk-2024.json")]
    )
    assert result.exit_code == 0  # a known organisation with nothing to do in this plan
    assert "trekt geen actie" in result.stdout


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+31 6 1234", "@SUM(A1)"])
def test_formula_like_text_stays_text(tmp_path: Path, text: str) -> None:
    from uvp.region import write_agenda_workbook

    plan = _plan("Ede", _action(text, "Politie", "Q1"))
    write_agenda_workbook(agenda([plan], "Politie"), tmp_path / "a.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["Agenda"]
    cells = [c for row in ws.iter_rows() for c in row if c.value == text]
    assert cells
    assert all(c.data_type == "s" for c in cells)


@pytest.mark.parametrize("command", [["agenda", "--partner", "Politie"], ["compare"]])
def test_output_over_a_plan_is_refused(tmp_path: Path, command: list[str]) -> None:
    import shutil

    plans = [
        shutil.copy(EXAMPLES / f"{m}-2024.xlsx", tmp_path) for m in ("nijkerk", "scherpenzeel")
    ]
    before = [Path(p).read_bytes() for p in plans]
    result = CliRunner().invoke(app, [*command, *map(str, plans), "-o", str(plans[1])])
    assert result.exit_code == 2
    assert "een van de plannen" in result.stderr
    assert [Path(p).read_bytes() for p in plans] == before
    assert not list(tmp_path.glob("*.bak.xlsx"))


def test_an_action_two_plans_share_and_a_third_lacks_is_one_line() -> None:
    controle = _action(
        "We houden een integrale controle bij bedrijventerreinen.", "Gezamenlijk", "Q2"
    )
    partners = ("Barneveld", "Nijkerk", "Scherpenzeel", "Politie")
    plans = [
        _plan(m, *([controle] if m != "Scherpenzeel" else []), partners=partners)
        for m in ("Barneveld", "Nijkerk", "Scherpenzeel")
    ]
    (item,) = agenda(plans, "Politie").items
    assert item.municipalities == ("Barneveld", "Nijkerk")
    assert item.role == "joint"


@pytest.mark.parametrize(
    "command",
    [
        ["compare", "{bad}", "{good}", "-o", "{out}/regio.xlsx"],
        ["agenda", "--partner", "Politie", "{good}", "{bad}", "-o", "{out}/a.xlsx"],
        ["report", "{bad}", "-o", "{out}/rapport.html"],
        ["diff", "{good}", "{bad}"],
        ["next-year", "{bad}", "-o", "{out}/plan-2025.xlsx"],
    ],
)
def test_a_hostile_workbook_is_refused_by_the_region_commands(
    tmp_path: Path, command: list[str]
) -> None:
    from tests.test_workbook_hostile import XXE, plan_sheet, write_zip

    bad = write_zip(tmp_path / "kwaadaardig.xlsx", plan_sheet(sheet_prologue=XXE))
    good = EXAMPLES / "nijkerk-2024.xlsx"
    out = tmp_path / "uit"
    args = [a.format(bad=bad, good=good, out=out) for a in command]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "kwaadaardig.xlsx" in result.stderr
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing written, not even the folder


# -- a partner no plan names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("partner", "code", "suggestion"),
    [
        ("Polite", "agenda-unknown-partner-suggestion", "Politie"),
        ("Barnveld", "agenda-unknown-partner-suggestion", "Barneveld"),
        ("Xyzzy", "agenda-unknown-partner", None),
    ],
    ids=["typo-partner", "typo-municipality", "nothing-alike"],
)
def test_strict_agenda_refuses_a_partner_no_plan_names(
    nijkerk: uvp.Plan, partner: str, code: str, suggestion: str | None
) -> None:
    with pytest.raises(uvp.UvpError) as caught:
        agenda([nijkerk], partner, strict=True)
    assert caught.value.code == code
    assert caught.value.params.get("suggestion") == suggestion
    assert caught.value.params["known"] == ", ".join(named_organisations([nijkerk]))
    assert agenda([nijkerk], partner).items == ()  # without strict: an empty agenda


@pytest.mark.parametrize(
    "partner",
    ["Politie", "politie", "OddV", "gezamenlijk"],
    ids=["named", "other-case", "known-with-nothing-to-do", "collective"],
)
def test_strict_agenda_takes_any_organisation_a_plan_names_or_uvp_knows(
    nijkerk: uvp.Plan, partner: str
) -> None:
    agenda([nijkerk], partner, strict=True)


def test_named_organisations_leave_collectives_out() -> None:
    plan = _plan(
        "Ede",
        _action("Een.", "Gezamenlijk", "Q1"),
        _action("Twee.", "Iedere gemeente individueel", "Q2"),
        uvp.Action(
            "Drie, in samenwerking met Halt.", uvp.parse_assignments("Politie\nEde (Boa's)", "Q3")
        ),
        partners=("OM",),
    )
    assert named_organisations([plan]) == ["Ede", "OM", "Politie", "Halt"]


def test_three_plans_one_agenda_line_per_joint_action() -> None:
    def plan(municipality: str, quarter: str) -> uvp.Plan:
        return _plan(
            municipality,
            _action("We organiseren een integrale controle op vakantieparken.", "Politie", quarter),
        )

    plans = [plan("Nijkerk", "Q1"), plan("Barneveld", "Q1"), plan("Scherpenzeel", "Q2")]
    (item,) = agenda(plans, "Politie").items
    assert item.municipalities == ("Nijkerk", "Barneveld", "Scherpenzeel")
    assert item.placements() == {1: ("Nijkerk", "Barneveld"), 2: ("Scherpenzeel",)}

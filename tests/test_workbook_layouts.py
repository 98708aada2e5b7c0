"""Planning workbooks as other municipalities keep them (issue 11): their own headings,
timing words, leads and traffic lights, numbered goals or a goal column, a title on
every sheet and a sheet per theme; and the words staff teach uvp in a Woordenlijst.

Each test reads a real .xlsx file written by openpyxl, and follows the plan through
validate, fill, evaluate and the quarterly report where it matters.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.workbooks import make_workbook
from uvp.cli import app
from uvp.region import agenda, compare, quarterly_report
from uvp.workbook import (
    MATRIX_MARKS,
    evaluate_workbook,
    fill_workbook,
    inspect_workbook,
    read_values,
    read_vocabulary,
    validate_workbook,
)
from uvp.workbook._headers import field_of
from uvp.workbook._plan_names import municipality_in_file_name, municipality_in_title

runner = CliRunner()

TITLE = ["Jaarplan Veiligheid 2024 gemeente Heerlen"]
HEADINGS = [
    "Nr.",
    "Maatregel",
    "Wie?",
    "Planning",
    "Partners",
    "Stand van zaken",
    "Resultaat",
    "Indicator",
    "Streefwaarde",
]

# Heerlen's plan as its staff might keep it: a sheet per theme, the plan's title on
# each, numbered goals, their own words for when, who and how far.
HEERLEN = {
    "Ondermijning": [
        TITLE,
        [],
        HEADINGS,
        ["2.1", "Minder drugshandel in de wijken"],
        [
            "2.1.1",
            "We voeren integrale controles uit in bedrijfspanden.",
            "Team Veiligheid",
            "medio 2024",
            "Politie, RIEC",
            "groen",
            "Vier controles",
            "Aantal controles",
            "4",
        ],
        [
            "2.1.2",
            "We sluiten drugspanden op grond van de Opiumwet.",
            "Burgemeester",
            "doorlopend",
            None,
            "oranje",
        ],
        ["2.2", "Weerbare ondernemers"],
        [
            "2.2.1",
            "We lichten ondernemers voor over ondermijning.",
            "Gemeente / Politie",
            "najaar",
            "Ondernemersvereniging",
            "rood",
        ],
    ],
    "Jeugd": [
        TITLE,
        [],
        HEADINGS,
        ["3.1", "Minder overlast van jongeren"],
        [
            "3.1.1",
            "Jongerenwerkers gaan de straat op bij de hotspots.",
            "Boa's",
            "2e kwartaal",
            "jongerenwerk",
            "op schema",
        ],
        [
            "3.1.2",
            "We pakken problematische jeugdgroepen groepsgericht aan.",
            "Politie & Halt",
            "n.v.t.",
            None,
            "gerealiseerd",
        ],
        [
            "3.1.3",
            "We evalueren de groepsaanpak met de partners.",
            "afdeling OOV",
            "Q1 2025",
            None,
            "uitgesteld (naar 2025)",
        ],
    ],
    "Zorg en veiligheid": [
        TITLE,
        [],
        HEADINGS,
        ["4.1", "Personen met onbegrepen gedrag"],
        [
            "4.1.1",
            "We richten een meldpunt onbegrepen gedrag in.",
            "GGD",
            "voor de zomer",
            "Veilig Thuis",
            "60%",
        ],
    ],
}


@pytest.fixture
def heerlen(tmp_path: Path) -> Path:
    return make_workbook(tmp_path / "jaarplan.xlsx", HEERLEN)


def _actions(plan: uvp.Plan) -> dict[str, uvp.Action]:
    return {a.id or "": a for a in plan.actions}


def test_another_municipality_s_plan_reads_as_its_staff_meant_it(heerlen: Path) -> None:
    result = inspect_workbook(heerlen)
    plan = result.plan
    # The title on every sheet says whose plan and which year; each sheet is a theme.
    assert (plan.municipality, plan.year) == ("Heerlen", 2024)
    assert [p.title for p in plan.priorities] == ["Ondermijning", "Jeugd", "Zorg en veiligheid"]
    drugs = plan.themes[0]
    assert [(g.number, g.title) for g in drugs.goals] == [
        ("2.1", "Minder drugshandel in de wijken"),
        ("2.2", "Weerbare ondernemers"),
    ]
    actions = _actions(plan)
    assert sorted(actions) == ["2.1.1", "2.1.2", "2.2.1", "3.1.1", "3.1.2", "3.1.3", "4.1.1"]
    reading = {
        key: ([str(a) for a in action.assignments], action.status, action.goal)
        for key, action in actions.items()
    }
    assert reading == {
        "2.1.1": (["Heerlen (Team Veiligheid): ca. Q2/Q3"], "running", "2.1"),
        "2.1.2": (["Heerlen (Burgemeester): Doorlopend"], "at-risk", "2.1"),
        "2.2.1": (["Heerlen: ca. Q3/Q4", "Politie: ca. Q3/Q4"], "at-risk", "2.2"),
        "3.1.1": (["Heerlen (Boa's): Q2"], "running", "3.1"),
        "3.1.2": (["Politie: Niet gepland", "Halt: Niet gepland"], "done", "3.1"),
        "3.1.3": (["Heerlen (afdeling OOV): Q1 2025"], "postponed", "3.1"),
        "4.1.1": (["GGD: ca. Q1/Q2"], "running", "4.1"),
    }
    first = actions["2.1.1"]
    assert first.partners == ("Politie", "RIEC")
    assert (first.result, first.indicator, first.target_value) == (
        "Vier controles",
        "Aantal controles",
        "4",
    )
    assert first.participants == ("Politie", "RIEC")
    assert first.is_joint_for("Heerlen")
    # What was read approximately, in another year or as not planned: said at its cell.
    said = {(f.code, f.location.sheet, f.location.cell) for f in result.findings}
    assert {
        ("approximate-quarter", "Ondermijning", "D5"),
        ("approximate-quarter", "Ondermijning", "D8"),
        ("unplanned", "Jeugd", "D6"),
        ("other-year", "Jeugd", "D7"),
        ("several-leads", "Jeugd", "C6"),
    } <= said


def test_the_same_plan_through_validate_fill_evaluate_and_report(heerlen: Path) -> None:
    report = validate_workbook(heerlen, peildatum=dt.date(2024, 7, 1))
    codes = report.codes()
    # n.v.t. is a plan decision, not a missing quarter; nothing here is an error.
    assert "missing-quarter" not in codes
    assert "missing-lead" not in codes
    assert report.errors == ()
    assert [f.location.cell for f in report.findings if f.code == "unplanned"] == ["D6"]

    fill_workbook(heerlen)
    book = openpyxl.load_workbook(heerlen)
    sheet = book["Ondermijning"]
    header = [c.value for c in sheet[3]]
    q1 = header.index("Q1") + 1
    matrix = {row: [sheet.cell(row, q1 + q).value for q in range(4)] for row in (5, 6, 8)}
    window, fixed, ongoing = MATRIX_MARKS["window"], MATRIX_MARKS["fixed"], MATRIX_MARKS["ongoing"]
    assert matrix == {
        5: [None, window, window, None],  # medio 2024: read approximately, a window
        6: [ongoing] * 4,
        8: [None, None, window, window],  # najaar
    }
    youth = book["Jeugd"]
    q1 = [c.value for c in youth[3]].index("Q1") + 1
    assert [youth.cell(5, q1 + q).value for q in range(4)] == [None, fixed, None, None]
    # n.v.t. and Q1 2025 are not quarters of this year: no marks.
    assert [youth.cell(6, q1 + q).value for q in range(4)] == [None] * 4
    assert [youth.cell(7, q1 + q).value for q in range(4)] == [None] * 4

    evaluation = evaluate_workbook(heerlen, dt.date(2024, 12, 31))
    assert (evaluation.total.actions, evaluation.total.done) == (7, 1)
    goals = {g.goal: (g.done, g.total) for g in evaluation.goals}
    assert goals["3.1 Minder overlast van jongeren"] == (1, 3)

    plan = uvp.read_workbook(heerlen)
    quarterly = quarterly_report(plan, dt.date(2024, 4, 1))
    assert quarterly.total.actions == 7
    upcoming = [i.text for p in quarterly.priorities for i in p.upcoming]
    assert "We voeren integrale controles uit in bedrijfspanden." in upcoming  # ca. Q2/Q3


HEADING_CASES = [
    ("Planning", "quarter"),
    ("Wanneer?", "quarter"),
    ("Termijn:", "quarter"),
    ("Tijdpad", "quarter"),
    ("Periode ", "quarter"),
    ("Wie", "lead"),
    ("Verantwoordelijke", "lead"),
    ("EIGENAAR", "lead"),
    ("Uitvoerder", "lead"),
    ("Maatregel(en)", "text"),
    ("Maatregelen", "text"),
    ("Activiteit(en)", "text"),
    ("Inspanningen", "text"),
    ("Actiepunt", "text"),
    ("Wat?", "text"),
    ("Partners", "partners"),
    ("Betrokken partners", "partners"),
    ("Samen met", "partners"),
    ("Speerpunt", "goal"),
    ("Doel", "goal"),
    ("Subdoel", "goal"),
    ("Nr.", "id"),
    ("Nummer", "id"),
    ("Code", "id"),
    ("Stand van zaken", "status"),
    ("Voortgang", "status"),
    ("Afgerond?", "status"),
    ("Afgerond (ja/nee)", "status"),
    ("Status", "status"),
    ("%", "status"),
    ("Resultaat", "result"),
    ("Indicator", "indicator"),
    ("Streefwaarde", "target_value"),
    ("Stand van zaken 2024", "status"),
    ("Budget", None),
    ("Projectleider Financiën", None),
]


@pytest.mark.parametrize(("heading", "field"), HEADING_CASES, ids=[c[0] for c in HEADING_CASES])
def test_headings_of_real_plans(heading: str, field: str | None) -> None:
    assert field_of(heading) == field


def test_a_goal_column_groups_the_actions_under_its_goals(tmp_path: Path) -> None:
    rows = [
        ["Veiligheid in de wijk (lokale prioriteit)"],
        ["Speerpunt", "Activiteit", "Verantwoordelijke", "Wanneer", "Afgerond?"],
        ["Minder woninginbraken", "Buurtpreventie-app uitbreiden.", "Gemeente", "Q1", "ja"],
        [None, "Inbraakpreventie-avond.", "Politie", "Q4", "nee"],
        ["B. Veilig uitgaan", "Keurmerk Veilig Uitgaan.", "Gemeente", "Q2", "Nee"],
    ]
    path = make_workbook(tmp_path / "plan.xlsx", {"Wijk": rows})
    plan = uvp.read_workbook(path, municipality="Ede", year=2024)
    (theme,) = plan.themes
    assert [(g.letter, g.title) for g in theme.goals] == [
        (None, "Minder woninginbraken"),
        ("B", "Veilig uitgaan"),
    ]
    assert [(a.goal, a.status) for a in theme.actions] == [
        ("Minder woninginbraken", "done"),
        ("Minder woninginbraken", "planned"),  # the empty cell: the goal above
        ("B", "planned"),
    ]
    evaluation = uvp.core.evaluate_plan(plan, dt.date(2024, 12, 31))
    assert [(g.goal, g.achieved) for g in evaluation.goals] == [
        ("Minder woninginbraken", False),
        ("B. Veilig uitgaan", False),
    ]


def test_a_title_on_every_sheet_is_the_plan_s_not_a_priority(tmp_path: Path) -> None:
    # Before: five sheets with the same title became one priority of that title.
    title = ["Veiligheid 2024 – samen werken aan een veilig Kerkrade"]
    header = ["Activiteit", "Trekker", "Kwartaal"]
    themes = ["Ondermijning", "Jeugd", "Cyber", "Zorg", "Evenementen"]
    sheets = {t: [title, header, [f"Actie voor {t}.", "Politie", "Q2"]] for t in themes}
    path = make_workbook(tmp_path / "plan.xlsx", sheets)
    plan = uvp.read_workbook(path, municipality="Kerkrade")
    assert plan.year == 2024
    assert [p.title for p in plan.priorities] == themes
    assert [len(p.actions) for p in plan.priorities] == [1] * 5


def test_a_column_that_cannot_be_read_is_named_as_staff_headed_it(tmp_path: Path) -> None:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Maatregel", "Wie", "Planning", "Voortgang"],
        ["Een.", "Politie", "Q2", "groen"],
        ["Twee.", "Politie", "in het voorjaar van volgend jaar misschien", "blauw"],
        ["Drie.", "Politie", "Q3"],
    ]
    path = make_workbook(tmp_path / "plan.xlsx", {"Drugs": rows})
    report = validate_workbook(path, municipality="Ede", year=2024)
    by_code = {f.code: f for f in report.findings}
    assert "(kolom 'Planning')" in by_code["invalid-quarter"].message("nl")
    assert "(kolom 'Voortgang')" in by_code["invalid-status"].message("nl")
    # A whole column that reads as no quarter at all: one finding at its header.
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Maatregel", "Wie", "Planning"],
        ["Een.", "Politie", "budget aangevraagd"],
        ["Twee.", "Politie", "offerte volgt"],
        ["Drie.", "Politie", "budget rond"],
    ]
    path = make_workbook(tmp_path / "plan2.xlsx", {"Drugs": rows})
    report = validate_workbook(path, municipality="Ede", year=2024)
    assert [f.code for f in report.findings if f.severity == "error"] == ["unreadable-column"]
    (column,) = report.errors
    assert column.location.cell == "C2"
    assert column.message("nl").startswith(
        "De kolom 'Planning' is niet te lezen als kwartaal: geen van de 3 cellen"
    )
    assert "missing-quarter" not in report.codes()


def test_a_line_of_several_organisations_is_split_even_when_the_cells_do_not_pair_up() -> None:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal"],
        ["Iets.", "Politie & Halt\nNijkerk\nEde", "Q1\nQ2"],
    ]
    result = read_values({"Blad1": rows}, municipality="Nijkerk", year=2024)
    codes = [f.code for f in result.findings]
    assert "lead-quarter-mismatch" in codes
    assert "invalid-lead" not in codes
    (read,) = result.actions
    assert [str(lead) for lead in read.action.leads] == ["Politie", "Halt", "Nijkerk", "Ede"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Uitvoeringsplan Veiligheid 2024 gemeente Scherpenzeel", "Scherpenzeel"),
        ("UITVOERINGSPLAN VEILIGHEID 2024 GEMEENTE BERGEN OP ZOOM", "Bergen op Zoom"),
        ("Jaarplan Veiligheid 2024 Heerlen", "Heerlen"),
        ("Uitvoeringsplan Veiligheid Nijkerk 2024", "Nijkerk"),
        ("Uitvoeringsprogramma veiligheid 2024 gemeente 's-Hertogenbosch", "'s-Hertogenbosch"),
        ("UVP 2024: Best practices uit de regio", None),
        ("Uitvoeringsplan Veiligheid 2024: de beste aanpak", None),
        ("Uitvoeringsplan Veiligheid 2024 – goede buren", None),
        ("Uitvoeringsplan Veiligheid 2024 Urk en omgeving", None),
        ("Veiligheid in Putten en Ermelo", None),
        ("Uitvoeringsplan Veiligheid 2024 gemeente Bergen", None),  # which Bergen?
    ],
)
def test_a_municipality_in_a_title_needs_a_clear_signal(title: str, expected: str | None) -> None:
    assert municipality_in_title(title) == expected


def test_no_municipality_s_name_is_read_from_ordinary_text() -> None:
    # Every one of the 342 names, written as a word in running text (lower case), and
    # capitalised in the middle of a sentence: no title names a municipality that way.
    for municipality in uvp.core.municipalities():
        name = municipality.name
        for text in (
            f"Uitvoeringsplan Veiligheid 2024: over {name.lower()} en zo",
            f"Uitvoeringsplan Veiligheid 2024: {name} practices voor iedereen",
        ):
            assert municipality_in_title(text) is None, text
        assert municipality_in_title(f"Uitvoeringsplan Veiligheid 2024 gemeente {name}") == name


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("uvp-2024-nijkerk", "Nijkerk"),
        ("UVP_2024_Bergen_op_Zoom", "Bergen op Zoom"),
        ("jaarplan veiligheid súdwest-fryslân 2024", "Súdwest-Fryslân"),
        ("uvp-2024-ede-en-nijkerk", None),
        ("beste-plan-2024", None),
        ("plan", None),
    ],
)
def test_a_municipality_in_a_file_name(stem: str, expected: str | None) -> None:
    assert municipality_in_file_name(stem) == expected


def test_the_plan_s_own_municipality_and_year_come_before_its_tables_are_read() -> None:
    # The title is on the last sheet; "Gemeente" in the first sheet's table is read as
    # Heerlen and "Q1 2025" as another year, because both are known before reading.
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal"],
        ["Iets.", "Gemeente", "Q1 2025"],
    ]
    cover = [["Uitvoeringsplan Veiligheid 2024 gemeente Heerlen"]]
    result = read_values({"Drugs": rows, "Voorblad": cover})
    (read,) = result.actions
    assert str(read.action.assignments[0]) == "Heerlen: Q1 2025"
    assert "generic-municipality" not in [f.code for f in result.findings]
    assert "other-year" in [f.code for f in result.findings]


# -- the Woordenlijst -----------------------------------------------------------------------

WORDS = [
    ["Woordenlijst: uw eigen woorden"],
    ["Zet hier de woorden die uvp niet kent."],
    [],
    ["Term", "Soort", "Betekenis"],
    ["na de kermis", "Kwartaal", "Q3"],
    ["WOP", "Trekker", "Politie en Halt"],
    ["blauw", "Status", "Gereed"],
    ["groen", "Status", "Gereed"],  # this workbook's legend: green is done
    ["zwart", "Kleur", "Vervallen"],
    ["later", "Kwartaal", "volgend jaar ergens"],
]


def _with_words(tmp_path: Path, words: list[list[object]] | None = WORDS) -> Path:
    rows = [
        ["Drugs (lokale prioriteit)"],
        ["Acties", "Trekker", "Kwartaal", "Status"],
        ["Een.", "WOP", "Na de kermis", "blauw"],
        ["Twee.", "Nijkerk", "Q1", "groen"],
    ]
    sheets: dict[str, list[list[object]]] = {"Drugs": rows}
    if words is not None:
        sheets["Woordenlijst"] = words
    tmp_path.mkdir(parents=True, exist_ok=True)
    return make_workbook(tmp_path / "uvp-2024-nijkerk.xlsx", sheets)


def test_staff_teach_uvp_their_words_in_a_woordenlijst(tmp_path: Path) -> None:
    result = inspect_workbook(_with_words(tmp_path))
    one, two = result.plan.actions
    assert [str(a) for a in one.assignments] == ["Politie: Q3", "Halt: Q3"]
    assert (one.status, two.status) == ("done", "done")  # groen: done, as the legend says
    bad = [
        (f.code, f.location.sheet, f.location.cell)
        for f in result.findings
        if f.code == "invalid-vocabulary"
    ]
    assert bad == [
        ("invalid-vocabulary", "Woordenlijst", "B9"),
        ("invalid-vocabulary", "Woordenlijst", "C10"),
    ]
    # The built-in words are the default, and a read with words leaves others alone.
    plain = inspect_workbook(_with_words(tmp_path / "zonder", None))
    assert plain.plan.actions[1].status == "running"
    assert {"invalid-quarter", "invalid-status"} <= {f.code for f in plain.findings}


def test_a_region_shares_its_words_in_a_file(tmp_path: Path) -> None:
    shared = make_workbook(tmp_path / "woorden.xlsx", {"Woordenlijst": WORDS[3:8]})
    words, report = read_vocabulary(shared)
    assert [w.term for w in words.words] == ["na de kermis", "WOP", "blauw", "groen"]
    assert report.findings == ()
    plan_path = _with_words(tmp_path, None)
    plan = uvp.read_workbook(plan_path, vocabulary=words)
    assert [str(a) for a in plan.actions[0].assignments] == ["Politie: Q3", "Halt: Q3"]
    # The workbook's own Woordenlijst wins over the shared one.
    own = _with_words(
        tmp_path / "eigen", [["Term", "Soort", "Betekenis"], ["groen", "Status", "Loopt"]]
    )
    assert uvp.read_workbook(own, vocabulary=words).actions[1].status == "running"
    result = runner.invoke(app, ["show", "--woordenlijst", str(shared), str(plan_path)])
    assert result.exit_code == 0, result.output
    assert "invalid-quarter" not in result.stdout
    missing = runner.invoke(app, ["show", "--woordenlijst", str(plan_path), str(plan_path)])
    assert missing.exit_code == 2
    assert "geen Woordenlijst gevonden" in missing.output


def test_new_fields_round_trip_through_json_and_the_schema() -> None:
    action = uvp.Action(
        "Een.",
        uvp.parse_assignments("Ede", "Q2"),
        goal="2.1",
        partners=("Politie", "Halt"),
        result="Vier",
        indicator="Aantal",
        target_value="4",
    )
    theme = uvp.Theme("T", goals=(uvp.Goal(number="2.1", title="Minder"),), actions=(action,))
    plan = uvp.Plan("Ede", 2024, priorities=(uvp.Priority("P", "local", (theme,)),))
    text = uvp.to_json(plan)
    jsonschema.validate(json.loads(text), uvp.json_schema())
    assert uvp.from_json(text) == plan
    assert '"number": "2.1"' in text
    assert '"partners": [' in text
    # A plan that does not use them writes none of them.
    bare = uvp.to_json(
        uvp.Plan(
            "Ede",
            2024,
            priorities=(
                uvp.Priority("P", "local", (uvp.Theme("T", actions=(uvp.Action("Een."),)),)),
            ),
        )
    )
    assert all(f'"{name}"' not in bare for name in ("number", "result", "target_value"))
    assert bare.count('"partners"') == 1  # the plan's own, as ever


def test_a_json_plan_says_what_is_unplanned_or_in_another_year() -> None:
    actions = (
        uvp.Action("Een.", uvp.parse_assignments("Ede", "n.v.t.", year=2024)),
        uvp.Action("Twee.", uvp.parse_assignments("Ede", "Q1 2025", year=2024)),
    )
    plan = uvp.Plan(
        "Ede", 2024, priorities=(uvp.Priority("P", "local", (uvp.Theme("T", actions=actions),)),)
    )
    report = uvp.validate_plan(plan)
    assert [(f.code, f.severity) for f in report.findings] == [
        ("unplanned", "info"),
        ("other-year", "warning"),
    ]


# -- the region is whoever's plans are given ------------------------------------------------

PARKSTAD = ("Heerlen", "Kerkrade", "Landgraaf", "Brunssum", "Simpelveld")


def _parkstad_plan(municipality: str, quarter: str = "Q2", *, joint: bool = True) -> uvp.Plan:
    actions = [
        uvp.Action(
            "We delen signalen van ondermijning met het RIEC.", uvp.parse_assignments("RIEC", "Q3")
        ),
        uvp.Action(
            f"{municipality} pakt woninginbraak in de eigen wijken aan.",
            uvp.parse_assignments(municipality, "Q1"),
        ),
    ]
    if joint:
        actions.insert(
            0,
            uvp.Action(
                "We houden integrale controles op bedrijventerreinen.",
                uvp.parse_assignments("Gezamenlijk", quarter),
            ),
        )
    if municipality == "Heerlen":
        actions.append(
            uvp.Action(
                "Heerlen organiseert een bijeenkomst over jeugd; Kerkrade sluit hierbij aan.",
                uvp.parse_assignments("Heerlen", "Q4"),
            )
        )
    partners = (*(m for m in PARKSTAD if m != municipality), "Politie", "OM")
    theme = uvp.Theme("Ondermijning", actions=tuple(actions))
    return uvp.Plan(
        municipality, 2024, partners, (uvp.Priority("Ondermijning", "joint", (theme,)),)
    )


def test_five_limburg_municipalities_sharing_an_ivp_compare_and_gather() -> None:
    plans = [
        _parkstad_plan("Heerlen"),
        _parkstad_plan("Kerkrade", "Q3"),
        _parkstad_plan("Landgraaf"),
        _parkstad_plan("Brunssum", joint=False),
        _parkstad_plan("Simpelveld"),
    ]
    comparison = compare(plans)
    assert comparison.municipalities == PARKSTAD
    controls = next(
        i
        for i in comparison.items
        if i.actions.get("Heerlen") and "controles" in i.actions["Heerlen"].text
    )
    assert controls.kind == "missing"
    assert set(controls.reasons) == {"Brunssum"}
    assert [(d.field, dict(d.values)["Kerkrade"]) for d in controls.differences] == [
        ("schedule", "Q3")
    ]
    joins = next(
        i
        for i in comparison.items
        if "bijeenkomst" in (i.actions.get("Heerlen") or uvp.Action("-")).text
    )
    assert joins.kind == "missing"
    assert set(joins.reasons) == {"Kerkrade"}
    # What Kerkrade leads or takes part in, across the five plans.
    gathered = agenda(plans, "Kerkrade")
    titles = [item.title for item in gathered.items]
    assert any("controles" in t for t in titles)
    assert any("bijeenkomst" in t for t in titles)
    riec = agenda(plans, "RIEC")
    assert [item.municipalities for item in riec.items] == [PARKSTAD]


def test_numbered_goals_round_trip_through_a_workbook(tmp_path: Path) -> None:
    actions = (
        uvp.Action("Een.", uvp.parse_assignments("Ede", "Q1"), goal="2.1"),
        uvp.Action("Twee.", uvp.parse_assignments("Ede", "Q2"), goal="2.2"),
    )
    goals = (
        uvp.Goal(number="2.1", title="Minder inbraken"),
        uvp.Goal(number="2.2", title="Veilig uitgaan"),
    )
    theme = uvp.Theme("Wijk", goals=goals, actions=actions)
    plan = uvp.Plan("Ede", 2024, priorities=(uvp.Priority("Veilig wonen", "local", (theme,)),))
    path = uvp.write_workbook(plan, tmp_path / "plan.xlsx", layout="goal")
    assert uvp.read_workbook(path) == plan

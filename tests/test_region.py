"""The region view on the two real 2024 plans, each item checked by reading the seeds."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import openpyxl
import pytest

import uvp
from tests.conftest import EXAMPLES
from uvp.region import compare, describe, similarity, write_region_workbook


def _key(item: object) -> tuple[str, str, str]:
    nijkerk = item.actions.get("Nijkerk")  # type: ignore[attr-defined]
    scherpenzeel = item.actions.get("Scherpenzeel")  # type: ignore[attr-defined]
    return (
        item.kind,
        (nijkerk.text[:30] if nijkerk else "-"),  # type: ignore[attr-defined]
        (scherpenzeel.text[:30] if scherpenzeel else "-"),
    )


def test_the_two_example_plans(nijkerk: uvp.Plan, scherpenzeel: uvp.Plan) -> None:
    comparison = compare([nijkerk, scherpenzeel])
    counts = {k: len(comparison.of_kind(k)) for k in ("match", "mismatch", "missing")}
    assert counts == {"match": 9, "mismatch": 9, "missing": 4}
    differences = {
        item.actions["Nijkerk"].text[:25]: [
            (d.field, d.organisation, dict(d.values)) for d in item.differences
        ]  # type: ignore[union-attr]
        for item in comparison.of_kind("mismatch")
    }
    assert differences == {
        "We actualiseren het Damoc": [
            ("schedule", "Barneveld", {"Nijkerk": "Q1", "Scherpenzeel": "Q2"})
        ],
        "We organiseren vijf (them": [
            ("schedule", "Gezamenlijk", {"Nijkerk": "Q1", "Scherpenzeel": "Q1-Q4"})
        ],
        "De gemeente Scherpenzeel ": [
            ("schedule", "Scherpenzeel", {"Nijkerk": "Q3", "Scherpenzeel": "Q2"})
        ],
        "We creëren in samenwerkin": [
            ("schedule", "Scherpenzeel", {"Nijkerk": "Q4", "Scherpenzeel": "Q1 en Q4"})
        ],
        "Politie zet cyberspecials": [
            ("schedule", "Politie", {"Nijkerk": "Q2", "Scherpenzeel": "Doorlopend"})
        ],
        "We organiseren regionale ": [
            ("lead", None, {"Nijkerk": "Gezamenlijk", "Scherpenzeel": "ZV-WVV"})
        ],
        "De gemeente Nijkerk stelt": [
            ("lead", None, {"Nijkerk": "Nijkerk", "Scherpenzeel": "Politie"}),
            # "Nijkerk deelt dit met Barneveld en Scherpenzeel"; Scherpenzeel's plan is silent.
            ("participants", None, {"Nijkerk": "Barneveld", "Scherpenzeel": None}),
        ],
        # "Barneveld en Nijkerk sluiten hierbij aan" (Scherpenzeel); Nijkerk's plan names
        # no Barneveld.
        "We organiseren een bijeen": [
            ("participants", None, {"Nijkerk": None, "Scherpenzeel": "Barneveld"})
        ],
        "We organiseren minimaal v": [
            ("schedule", "Gezamenlijk", {"Nijkerk": "Q4", "Scherpenzeel": "Q2-Q4"})
        ],
    }
    missing = sorted(
        (next(m for m, a in i.actions.items() if a is None), " ".join(i.title.split()[:5]))
        for i in comparison.of_kind("missing")
    )
    assert missing == [
        ("Nijkerk", "We zetten 1 gezamenlijk innovatief"),  # Scherpenzeel's plan: Nijkerk leads too
        ("Scherpenzeel", "De gemeente Barneveld stelt een"),  # bestuurlijke rapportages, shared
        ("Scherpenzeel", "We maken een koppeling tussen"),  # digitale meldkamer, gezamenlijk
        ("Scherpenzeel", "We organiseren één thematische integrale"),  # uitbuiting, gezamenlijk
    ]
    assert not comparison.ok


def test_dutch_variants_are_the_same_text() -> None:
    names = frozenset({"nijkerk"})
    assert (
        similarity("We actualiseren het Damoclesbeleid.", "We actualiseren het Damocles-beleid.")
        == 100
    )
    assert similarity("We organiseren vijf controles.", "We organiseren 5 controles.") == 100
    assert similarity("We organiseren een avond.", "Nijkerk organiseert een avond.", names) == 100
    assert similarity("We organiseren een avond.", "We stellen een Handhavingsbeleid op.") < 60


def _plan(municipality: str, *actions: uvp.Action) -> uvp.Plan:
    return uvp.Plan(
        municipality,
        2024,
        priorities=[uvp.Priority("P", "joint", [uvp.Theme("T", actions=actions)])],
    )


def test_constructed_pairs() -> None:
    same = uvp.Action(
        "We organiseren een bijeenkomst met de twee grootste uitzendbureaus.",
        uvp.parse_assignments("Nijkerk", "Q2"),
    )
    worded = uvp.Action(
        "Nijkerk organiseert een bijeenkomst met de 2 grootste uitzendbureaus. Ede sluit aan.",
        uvp.parse_assignments("Nijkerk", "Q3"),
    )
    local_a = uvp.Action(
        "We stellen een handhavingsplan op.", uvp.parse_assignments("Nijkerk", "Q1")
    )
    local_b = uvp.Action("We stellen een handhavingsplan op.", uvp.parse_assignments("Ede", "Q2"))
    comparison = compare([_plan("Nijkerk", same, local_a), _plan("Ede", worded, local_b)])
    (item,) = comparison.items  # the local plans of each are not one joint action
    assert item.kind == "mismatch"
    assert [(d.field, dict(d.values)) for d in item.differences] == [
        ("schedule", {"Nijkerk": "Q2", "Ede": "Q3"})
    ]


def test_who_takes_part_differs_only_where_a_plan_is_silent() -> None:
    def action(text: str, lead: str = "Ede") -> uvp.Action:
        return uvp.Action(text, uvp.parse_assignments(lead, "Q2"))

    base = "Ede organiseert een avond over ondermijning voor ondernemers."
    joins = action(base + " Nijkerk en Samen Weerbaar sluiten hierbij aan.")
    silent = action(base + " Nijkerk sluit aan.")
    other_words = action(base + " Nijkerk sluit aan, met de mensen van samen weerbaar.")
    each = action(base + " Samen Weerbaar sluit aan.", "Iedere gemeente individueel")

    def fields(first: uvp.Action, second: uvp.Action) -> list[str]:
        (item,) = compare([_plan("Ede", first), _plan("Nijkerk", second)]).items
        return [d.field for d in item.differences]

    assert fields(joins, silent) == ["participants"]
    assert fields(joins, other_words) == []  # said in other words: the same
    assert fields(joins, joins) == []
    # Each municipality its own: whom each works with is its own business.
    assert fields(each, action(base + " Nijkerk sluit aan.", "Iedere gemeente individueel")) == []


def test_an_explicit_id_decides() -> None:
    a = uvp.Action("Tekst A.", uvp.parse_assignments("Gezamenlijk", "Q1"), id="ivp-7")
    b = uvp.Action("Heel andere tekst.", uvp.parse_assignments("Gezamenlijk", "Q1"), id="ivp-7")
    c = uvp.Action("Tekst A.", uvp.parse_assignments("Gezamenlijk", "Q1"), id="ivp-8")
    comparison = compare([_plan("Nijkerk", a), _plan("Ede", b, c)])
    kinds = sorted(i.kind for i in comparison.items)
    assert kinds == ["match", "missing"]  # ivp-8 is gezamenlijk, so Nijkerk's plan should have it


def test_uvp_compare_text_json_and_regio_workbook(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from uvp.cli import app

    runner = CliRunner()
    files = [str(EXAMPLES / "nijkerk-2024.xlsx"), str(EXAMPLES / "scherpenzeel-2024.json")]
    result = runner.invoke(app, ["compare", *files, "-o", str(tmp_path / "regio.xlsx")])
    assert result.exit_code == 1  # there are differences
    assert "9 gelijk, 9 met verschillen, 4 ontbrekend" in result.stdout
    assert "kwartaal van Barneveld: Nijkerk: Q1; Scherpenzeel: Q2" in result.stdout
    ws = openpyxl.load_workbook(tmp_path / "regio.xlsx")["Regio"]
    kinds = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    assert kinds.count("verschil") == 9
    # Where the plans differ in lead or quarter, those cells are yellow in each plan.
    damocles = next(r for r in range(4, ws.max_row + 1) if "Damocles" in str(ws.cell(r, 3).value))
    assert ws.cell(damocles, 4).fill.fgColor.rgb.endswith("FFEB9C")
    assert ws.cell(damocles, 7).fill.fgColor.rgb.endswith("FFEB9C")
    assert ws.cell(damocles, 3).fill.fill_type is None  # the texts do not differ
    same = kinds.index("gelijk") + 4
    assert ws.cell(same, 4).fill.fill_type is None
    assert kinds.count("ontbreekt") == 4
    assert ws.cell(3, 3).value == "Nijkerk: actie"
    result = runner.invoke(app, ["compare", *files, "--format", "json"])
    data = json.loads(result.stdout)
    assert data["counts"] == {"match": 9, "mismatch": 9, "missing": 4}
    result = runner.invoke(app, ["compare", files[0]])
    assert result.exit_code == 2
    assert "minstens twee" in result.stderr


def _follow(ws_link: object, folder: Path) -> object:
    """The value of the cell a Regio/Agenda link points at, opened like Excel would."""
    link = ws_link.hyperlink  # type: ignore[attr-defined]
    book = openpyxl.load_workbook(folder / link.target, read_only=False)
    sheet, cell = link.location.rsplit("!", 1)
    return book[sheet.strip("'").replace("''", "'")][cell].value


def test_regio_workbook_links_to_each_action_cell(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from uvp.cli import app

    files = [str(EXAMPLES / "nijkerk-2024.xlsx"), str(EXAMPLES / "scherpenzeel-2024.xlsx")]
    out = tmp_path / "vergadering"
    result = CliRunner().invoke(app, ["compare", *files, "-o", str(out / "regio.xlsx")])
    assert result.exit_code == 1, result.output
    assert "Nijkerk 'Ondermijnende criminaliteit'!" in result.stdout
    ws = openpyxl.load_workbook(out / "regio.xlsx")["Regio"]
    followed = 0
    for row in range(4, ws.max_row + 1):
        for column in (5, 8):  # Nijkerk's and Scherpenzeel's "in het plan"
            cell = ws.cell(row, column)
            action_text = ws.cell(row, column - 2).value
            if action_text == "— ontbreekt —":
                assert cell.hyperlink is None
                continue
            # The link is relative to the Regio workbook's folder, and lands on the action.
            assert not Path(cell.hyperlink.target).is_absolute()
            assert _follow(cell, out) == action_text
            followed += 1
    assert followed == 2 * (10 + 8) + 4
    data = json.loads(CliRunner().invoke(app, ["compare", *files, "--format", "json"]).stdout)
    damocles = next(i for i in data["items"] if "Damocles" in (i["actions"]["Nijkerk"] or ""))
    assert damocles["sources"]["Nijkerk"]["file"].endswith("nijkerk-2024.xlsx")
    assert damocles["sources"]["Scherpenzeel"]["cell"].startswith("'Ondermijning'!")


def test_two_workbooks_of_one_municipality_are_refused(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from uvp.cli import app

    copy = shutil.copy(EXAMPLES / "nijkerk-2024.xlsx", tmp_path / "nijkerk-kopie.xlsx")
    result = CliRunner().invoke(app, ["compare", str(EXAMPLES), str(copy)])
    assert result.exit_code == 2
    assert "twee keer" in result.stderr
    assert "nijkerk-kopie" in result.stderr


def test_three_plans_one_row_per_joint_action(tmp_path: Path) -> None:
    def action(text: str, lead: str, quarter: str) -> uvp.Action:
        return uvp.Action(text, uvp.parse_assignments(lead, quarter))

    def plan(municipality: str, *actions: uvp.Action) -> uvp.Plan:
        others = tuple(m for m in ("Barneveld", "Nijkerk", "Scherpenzeel") if m != municipality)
        return attrs.evolve(_plan(municipality, *actions), partners=(*others, "Politie"))

    damocles = "We actualiseren het Damoclesbeleid, Barneveld trekt dit."
    controle = "We houden een integrale controle bij bedrijventerreinen."
    avond = "Nijkerk organiseert een avond over fraude. Barneveld en Scherpenzeel sluiten aan."
    plans = [
        plan(
            "Barneveld", action(damocles, "Barneveld", "Q1"), action(controle, "Gezamenlijk", "Q2")
        ),
        plan(
            "Nijkerk",
            action(damocles, "Barneveld", "Q1"),
            action(controle, "Gezamenlijk", "Q2"),
            action(avond, "Nijkerk", "Q3"),
        ),
        plan("Scherpenzeel", action(damocles.replace("Damocles", "Damocles-"), "Barneveld", "Q2")),
    ]
    comparison = compare(plans)
    by_text = {item.title[:20]: item for item in comparison.items}
    assert len(comparison.items) == 3  # one item per joint action, not one per pair of plans
    first = by_text[damocles[:20]]
    assert first.kind == "mismatch"
    assert list(first.actions) == ["Barneveld", "Nijkerk", "Scherpenzeel"]
    assert [(d.field, d.organisation, dict(d.values)) for d in first.differences] == [
        ("schedule", "Barneveld", {"Barneveld": "Q1", "Nijkerk": "Q1", "Scherpenzeel": "Q2"})
    ]
    second = by_text[controle[:20]]
    assert second.kind == "missing"
    assert second.actions["Scherpenzeel"] is None
    assert second.reasons == {"Scherpenzeel": "gezamenlijke actie"}
    third = by_text[avond[:20]]
    assert third.kind == "missing"
    assert {m for m, a in third.actions.items() if a is None} == {"Barneveld", "Scherpenzeel"}
    assert "ontbreekt in het plan van Barneveld" in describe(third)
    assert "ontbreekt in het plan van Scherpenzeel" in describe(third)
    write_region_workbook(comparison, tmp_path / "regio.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "regio.xlsx")["Regio"]
    assert ws.max_row == 3 + 3  # title, blank, header, one row per joint action
    assert [ws.cell(3, c).value for c in (3, 6, 9)] == [
        "Barneveld: actie",
        "Nijkerk: actie",
        "Scherpenzeel: actie",
    ]


# -- "Gezamenlijk": the plan's own IVP partners, not every plan compared ------------------

CONTROLE = "We houden een integrale controle bij bedrijventerreinen in de regio."


def _ivp_plan(municipality: str, partners: tuple[str, ...], lead: str = "Gezamenlijk") -> uvp.Plan:
    action = uvp.Action(CONTROLE, uvp.parse_assignments(lead, "Q2"))
    return attrs.evolve(_plan(municipality, action), partners=partners)


def _kinds(plans: list[uvp.Plan]) -> list[tuple[str, dict[str, bool]]]:
    return [
        (item.kind, {m: a is not None for m, a in item.actions.items()})
        for item in compare(plans).items
    ]


def test_a_joint_action_of_two_ivp_regions_is_not_one_action() -> None:
    # Nijkerk's IVP is Barneveld and Scherpenzeel; Ede's is Wageningen: each
    # "Gezamenlijk" is its own region's, though the texts are the same.
    nijkerk = _ivp_plan("Nijkerk", ("Barneveld", "Scherpenzeel", "Politie"))
    ede = _ivp_plan("Ede", ("Wageningen", "Politie"))
    assert _kinds([nijkerk, ede]) == []  # no joint action, and none missing


def test_a_joint_action_of_one_ivp_region_is_one_action() -> None:
    nijkerk = _ivp_plan("Nijkerk", ("Barneveld", "Scherpenzeel", "Politie"))
    scherpenzeel = _ivp_plan("Scherpenzeel", ("Barneveld", "Nijkerk", "Politie"))
    assert _kinds([nijkerk, scherpenzeel]) == [("match", {"Nijkerk": True, "Scherpenzeel": True})]
    # and a partner's plan that lacks it is told so
    missing = _ivp_plan("Scherpenzeel", ("Barneveld", "Nijkerk"), lead="Scherpenzeel")
    missing = attrs.evolve(missing, priorities=[uvp.Priority("P", "joint", [uvp.Theme("T")])])
    assert _kinds([nijkerk, missing]) == [("missing", {"Nijkerk": True, "Scherpenzeel": False})]


def test_two_ivp_regions_compared_at_once_are_each_region_compared_alone() -> None:
    # The same "Gezamenlijk" action in two regions of two plans: compared together,
    # each region keeps its own joint action (two items, not one of four plans), so
    # the comparison of a country grows with its regions, not with their pairs.
    first = [
        _ivp_plan("Nijkerk", ("Barneveld", "Scherpenzeel", "Politie")),
        _ivp_plan("Scherpenzeel", ("Barneveld", "Nijkerk", "Politie")),
    ]
    second = [
        _ivp_plan("Ede", ("Wageningen", "Politie")),
        _ivp_plan("Wageningen", ("Ede", "Politie")),
    ]

    def found(plans: list[uvp.Plan]) -> set[tuple[str, frozenset[tuple[str, bool]]]]:
        return {(kind, frozenset(present.items())) for kind, present in _kinds(plans)}

    assert found(first + second) == found(first) | found(second)
    assert found(second + first) == found(first + second)
    assert len(found(first + second)) == 2


POLITIE = "We houden integrale controles bij bedrijventerreinen, in samenwerking met de politie."


@pytest.mark.parametrize(
    ("nijkerk_partners", "one_action"),
    [
        (("Barneveld", "Scherpenzeel", "Politie"), False),  # two IVP regions
        (("Ede", "Politie"), True),  # Nijkerk names Ede: one region
        (("Politie",), True),  # Nijkerk does not say its region
    ],
    ids=["two-regions", "one-region", "region-unknown"],
)
def test_a_third_organisation_joins_plans_of_one_region_only(
    nijkerk_partners: tuple[str, ...], one_action: bool
) -> None:
    # Both plans do "integrale controles" with the Politie, each led by itself: one
    # joint action only where the plans are of one IVP region.
    nijkerk = attrs.evolve(
        _plan("Nijkerk", uvp.Action(POLITIE, uvp.parse_assignments("Nijkerk", "Q2"))),
        partners=nijkerk_partners,
    )
    ede = attrs.evolve(
        _plan("Ede", uvp.Action(POLITIE, uvp.parse_assignments("Ede", "Q3"))),
        partners=("Wageningen", "Politie"),
    )
    expected = [("mismatch", {"Nijkerk": True, "Ede": True})] if one_action else []
    assert _kinds([nijkerk, ede]) == expected


@pytest.mark.parametrize(
    "partners",
    [(), ("Politie", "OM"), ("Nijkerk", "Politie")],
    ids=["no-partners", "no-municipal-partners", "only-itself"],
)
def test_a_plan_that_does_not_say_its_region_shares_with_every_plan(
    partners: tuple[str, ...],
) -> None:
    # Without a municipality among its partners a plan does not say its IVP region:
    # its "Gezamenlijk" involves every plan compared, as before.
    nijkerk = _ivp_plan("Nijkerk", partners)
    ede = _ivp_plan("Ede", ("Wageningen", "Politie"))
    assert _kinds([nijkerk, ede]) == [("match", {"Nijkerk": True, "Ede": True})]
    empty = attrs.evolve(ede, priorities=[uvp.Priority("P", "joint", [uvp.Theme("T")])])
    assert _kinds([nijkerk, empty]) == [("missing", {"Nijkerk": True, "Ede": False})]


def test_the_order_of_the_plans_does_not_matter(nijkerk: uvp.Plan, scherpenzeel: uvp.Plan) -> None:
    def found(plans: list[uvp.Plan]) -> set[tuple[str, frozenset[tuple[str, int]]]]:
        return {(item.kind, frozenset(item.positions.items())) for item in compare(plans).items}

    assert found([nijkerk, scherpenzeel]) == found([scherpenzeel, nijkerk])


# -- one plan per municipality -------------------------------------------------------------


SAME_MUNICIPALITY = [
    # (files, kept, refused): a file twice is one plan; a plan as JSON and as workbook
    # is read from the workbook; two workbooks, or plans of two years, are refused.
    ("same-file", ["nijkerk-2024.json", "nijkerk-2024.json"], ["nijkerk-2024.json"], False),
    ("json-then-xlsx", ["nijkerk-2024.json", "nijkerk-2024.xlsx"], ["nijkerk-2024.xlsx"], False),
    ("xlsx-then-json", ["nijkerk-2024.xlsx", "nijkerk-2024.json"], ["nijkerk-2024.xlsx"], False),
    ("two-workbooks", ["nijkerk-2024.xlsx", "kopie/nijkerk-2024.xlsx"], [], True),
    ("other-year", ["nijkerk-2024.xlsx", "nijkerk-2025.json"], [], True),
]


@pytest.mark.parametrize(
    ("files", "kept", "refused"),
    [c[1:] for c in SAME_MUNICIPALITY],
    ids=[c[0] for c in SAME_MUNICIPALITY],
)
def test_one_plan_each(tmp_path: Path, files: list[str], kept: list[str], refused: bool) -> None:
    from uvp.core import plain
    from uvp.region import next_year, one_plan_each
    from uvp.workbook import read_located

    (tmp_path / "kopie").mkdir()
    for name in ("nijkerk-2024.json", "nijkerk-2024.xlsx"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
        shutil.copy(EXAMPLES / name, tmp_path / "kopie" / name)
    uvp.dump(next_year(uvp.load(EXAMPLES / "nijkerk-2024.json")), tmp_path / "nijkerk-2025.json")
    sources = [read_located(tmp_path / name) for name in files]
    scherpenzeel = read_located(EXAMPLES / "scherpenzeel-2024.json")
    if refused:
        with pytest.raises(uvp.UvpError) as twice:
            one_plan_each([*sources, scherpenzeel], least=2)
        assert twice.value.code == "duplicate-plan"
        assert "twee keer" in twice.value.message("nl")
        return
    plans, said = one_plan_each([*sources, scherpenzeel], least=2)
    assert [p.path for p in plans] == [tmp_path / kept[0], scherpenzeel.path]
    assert len(said) == len(set(files)) - 1
    assert all("leest de werkmap" in plain(line) for line in said)


def test_plans_of_one_municipality_are_not_enough() -> None:
    from uvp.region import one_plan_each
    from uvp.workbook import read_located

    with pytest.raises(uvp.UvpError) as alone:
        one_plan_each([read_located(EXAMPLES / "nijkerk-2024.json")], least=2)
    assert alone.value.code == "compare-needs-two"


# -- the same action in several plans: one grouping ----------------------------------------


def test_groups_keep_one_action_per_plan() -> None:
    from uvp.region._groups import Groups

    groups = Groups()
    groups.join(("A", 1), ("B", 1))
    groups.join(("C", 1), ("D", 1))
    groups.join(("B", 1), ("C", 1))  # two groups without a plan in common merge
    (merged,) = [m for m in groups.members if m]
    assert merged == {"A": 1, "B": 1, "C": 1, "D": 1}
    groups.join(("A", 2), ("B", 1))  # A's action 1 is in the group: A's action 2 stays apart
    assert groups.members[groups.of(("A", 2))[0]] == {"A": 2, "B": 1}
    assert groups.of(("B", 1))[0] == groups.of(("A", 1))[0]
    groups.add(("E", 1))
    assert groups.members[groups.of(("E", 1))[0]] == {"E": 1}


# -- what the region view says -------------------------------------------------------------


def test_comparison_lines_say_the_verdict_and_where(nijkerk: uvp.Plan) -> None:
    from uvp.core import plain
    from uvp.region import comparison_lines
    from uvp.workbook import read_located

    sources = [read_located(EXAMPLES / f"{n}-2024.xlsx") for n in ("nijkerk", "scherpenzeel")]
    comparison = compare([s.plan for s in sources])
    lines = comparison_lines(comparison, sources)
    assert plain(lines[0]) == (
        "Gezamenlijke acties van Nijkerk, Scherpenzeel: 9 gelijk, 9 met verschillen, 4 ontbrekend"
    )
    verdicts = [
        line[0] for line in lines[1:] if line[0].text.strip() in ("gelijk", "verschil", "ontbreekt")
    ]
    assert len(verdicts) == len(comparison.items)
    assert {v.text.strip(): v.tone for v in verdicts} == {
        "gelijk": "good",
        "verschil": "warning",
        "ontbreekt": "bad",
    }
    # A match says nothing more; a difference says what and where, the cells muted.
    said = [plain(line) for line in lines]
    match = next(i for i, line in enumerate(lines) if line[0].tone == "good")
    assert lines[match + 1][0].tone in ("good", "warning", "bad")
    damocles = next(i for i, text in enumerate(said) if "Damocles" in text)
    assert said[damocles + 1] == "      kwartaal van Barneveld: Nijkerk: Q1; Scherpenzeel: Q2"
    assert lines[damocles + 2][0].tone == "muted"
    assert comparison_lines(comparison)[damocles + 2] != lines[damocles + 2]  # no sources

"""Plans over time: ``uvp diff`` and ``uvp next-year`` on real workbooks."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path
from random import Random

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from uvp.cli import app
from uvp.core import plain
from uvp.region import (
    CHANGE_KINDS,
    carry_over,
    default_target,
    describe_change,
    diff_lines,
    diff_plans,
    draft_next_year,
    next_year,
    next_year_lines,
    replace_action,
)
from uvp.workbook import inspect_workbook

runner = CliRunner()


def _filled(tmp_path: Path, name: str) -> Path:
    """A copy of an example workbook with the quarter matrix and Status column added."""
    path = tmp_path / f"{name}.xlsx"
    shutil.copy(EXAMPLES / f"{name}.xlsx", path)
    result = runner.invoke(app, ["fill", str(path)])
    assert result.exit_code == 0, result.output
    return path


def _edit(path: Path, target: Path, cells: dict[tuple[int, str], str]) -> None:
    """Copy *path* to *target*, setting (action index, field) cells, found by reading it."""
    read = inspect_workbook(path)
    book = openpyxl.load_workbook(path)
    for (index, field), value in cells.items():
        source = read.actions[index].source
        book[source.sheet].cell(source.row, source.table.columns[field]).value = value
    book.save(target)


def _single(action: uvp.Action) -> bool:
    return len(action.assignments) == 1 and action.assignments[0].lead is not None


# -- diff ------------------------------------------------------------------------------------


def test_diff_reports_exactly_the_edits_made_in_excel(tmp_path: Path) -> None:
    old = _filled(tmp_path, "scherpenzeel-2024")
    plan = inspect_workbook(old).plan
    simple = [
        i
        for i, a in enumerate(plan.actions)
        if _single(a) and a.assignments[0].schedule and a.assignments[0].schedule.kind == "range"
    ]
    done, running, cancelled, quarter, lead = simple[:5]
    old_schedule = plan.actions[quarter].assignments[0].schedule
    new_schedule = "Q1" if str(old_schedule) != "Q1" else "Q4"
    old_lead = str(plan.actions[lead].leads[0])
    new_lead = "Politie" if old_lead != "Politie" else "Scherpenzeel"
    new = tmp_path / "scherpenzeel-juni.xlsx"
    _edit(
        old,
        new,
        {
            (done, "status"): "Gereed",
            (running, "status"): "Loopt",
            (cancelled, "status"): "Vervallen",
            (quarter, "quarter"): new_schedule,
            (lead, "lead"): new_lead,
        },
    )

    result = runner.invoke(app, ["diff", "--format", "json", str(old), str(new)])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    found = {(c["kind"], c["new_index"], c["old"], c["new"]) for c in data["changes"]}
    assert found == {
        ("status", done, None, "done"),
        ("status", running, None, "running"),
        ("status", cancelled, None, "cancelled"),
        ("moved", quarter, str(old_schedule), new_schedule),
        ("lead", lead, old_lead, new_lead),
    }
    assert all(c["old_index"] == c["new_index"] for c in data["changes"])
    assert data["matched"] == len(plan.actions)
    moved = next(c for c in data["changes"] if c["kind"] == "moved")
    cell = inspect_workbook(new).actions[quarter].source.cell("text")
    assert moved["new_source"] == {"file": str(new), "cell": f"'Ondermijning'!{cell}"}
    assert moved["where"].startswith(plan.priorities[0].title)

    text = runner.invoke(app, ["diff", str(old), str(new)])
    assert text.exit_code == 1
    for heading in ("andere status (3)", "ander kwartaal (1)", "andere trekker (1)"):
        assert heading in text.stdout
    assert f"{old_schedule} → {new_schedule}" in text.stdout
    assert "geen → Gereed" in text.stdout
    assert "toegevoegd" not in text.stdout
    assert "verwijderd" not in text.stdout


def test_filling_a_workbook_changes_nothing_in_its_plan(tmp_path: Path) -> None:
    filled = _filled(tmp_path, "nijkerk-2024")
    result = runner.invoke(app, ["diff", str(EXAMPLES / "nijkerk-2024.xlsx"), str(filled)])
    assert result.exit_code == 0, result.output
    assert "Geen verschillen." in result.stdout


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"])
def test_workbook_and_json_of_the_same_plan_do_not_differ(name: str) -> None:
    result = runner.invoke(
        app, ["diff", "--format", "json", f"examples/{name}.xlsx", f"examples/{name}.json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["changes"] == []
    assert data["ok"] is True
    assert data["counts"] == dict.fromkeys(CHANGE_KINDS, 0)


def test_two_municipalities_are_not_two_versions() -> None:
    result = runner.invoke(
        app, ["diff", "examples/nijkerk-2024.json", "examples/scherpenzeel-2024.xlsx"]
    )
    assert result.exit_code == 2
    assert "plannen van twee gemeenten (Nijkerk en Scherpenzeel)" in result.stderr
    assert "uvp compare" in result.stderr
    assert "Traceback" not in result.output


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", "examples/nijkerk-2024.json", str(tmp_path / "weg.xlsx")])
    assert result.exit_code == 2
    assert "weg.xlsx" in result.stderr
    assert "Traceback" not in result.output


def test_added_removed_reworded_and_moved_actions(nijkerk: uvp.Plan) -> None:
    first, second = nijkerk.priorities[0], nijkerk.priorities[1]
    reworded = attrs.evolve(
        first.themes[0].actions[1],
        text=first.themes[0].actions[1].text.replace("vijf", "5") + " Met de politie.",
    )
    new_action = uvp.Action("We openen een meldpunt voor sextortion.", reworded.assignments)
    gone = first.themes[0].actions[0]
    themes = list(first.themes)
    themes[0] = attrs.evolve(themes[0], actions=themes[0].actions[2:])
    target = attrs.evolve(second.themes[0], actions=(*second.themes[0].actions, reworded))
    changed = attrs.evolve(
        nijkerk,
        priorities=(
            attrs.evolve(first, themes=themes),
            attrs.evolve(second, themes=(target, *second.themes[1:])),
            attrs.evolve(
                nijkerk.priorities[2],
                themes=(
                    attrs.evolve(
                        nijkerk.priorities[2].themes[0],
                        actions=(*nijkerk.priorities[2].themes[0].actions, new_action),
                    ),
                    *nijkerk.priorities[2].themes[1:],
                ),
            ),
            *nijkerk.priorities[3:],
        ),
    )
    result = diff_plans(nijkerk, changed)
    kinds = Counter(c.kind for c in result.changes)
    assert kinds == {"added": 1, "removed": 1, "text": 1, "moved-theme": 1}
    assert result.of_kind("added")[0].action == "We openen een meldpunt voor sextortion."
    assert result.of_kind("removed")[0].action == uvp.core.excerpt(gone.text)
    (moved,) = result.of_kind("moved-theme")
    assert moved.old == uvp.core.where(first, first.themes[0])
    assert moved.new == uvp.core.where(second, second.themes[0])
    (text,) = result.of_kind("text")
    assert "vijf" in describe_change(text)
    assert "→ We organiseren 5 (thematische)" in describe_change(text)
    assert result.matched == len(nijkerk.actions) - 1


def test_an_id_matches_whatever_the_text(scherpenzeel: uvp.Plan) -> None:
    old = replace_action(scherpenzeel, 4, attrs.evolve(scherpenzeel.actions[4], id="S-05"))
    new = replace_action(old, 4, attrs.evolve(old.actions[4], text="Iets heel anders.", id="s-05"))
    assert [c.kind for c in diff_plans(old, new).changes] == ["text"]


@settings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_reordering_actions_within_themes_is_no_change(rng: Random) -> None:
    plan = uvp.load(EXAMPLES / "scherpenzeel-2024.json")

    def shuffled(theme: uvp.Theme) -> uvp.Theme:
        actions = list(theme.actions)
        rng.shuffle(actions)
        return attrs.evolve(theme, actions=actions)

    reordered = attrs.evolve(
        plan,
        priorities=[
            attrs.evolve(p, themes=[shuffled(t) for t in p.themes]) for p in plan.priorities
        ],
    )
    result = diff_plans(plan, reordered)
    assert result.ok
    assert result.matched == len(plan.actions)


def test_another_year_is_a_difference_even_without_changes(nijkerk: uvp.Plan) -> None:
    result = diff_plans(nijkerk, attrs.evolve(nijkerk, year=2025))
    assert result.changes == ()
    assert not result.ok


# -- next year -------------------------------------------------------------------------------


def test_next_year_drops_done_and_cancelled_and_carries_the_rest(tmp_path: Path) -> None:
    source = _filled(tmp_path, "nijkerk-2024")
    statuses = {0: "Gereed", 1: "Loopt", 5: "Vervallen", 7: "Gereed", 12: "Uitgesteld"}
    evaluated = tmp_path / "nijkerk-evaluatie-2024.xlsx"
    _edit(source, evaluated, {(i, "status"): s for i, s in statuses.items()})
    plan = uvp.read_workbook(evaluated)
    target = tmp_path / "plan-2025.xlsx"

    result = runner.invoke(app, ["next-year", str(evaluated), "-o", str(target)])
    assert result.exit_code == 0, result.output

    new = uvp.read_workbook(target)
    assert new == next_year(plan)
    assert {t.layout for t in inspect_workbook(target).tables} == {"quarter"}
    dropped = {i for i, s in statuses.items() if s in ("Gereed", "Vervallen")}
    kept = [a for i, a in enumerate(plan.actions) if i not in dropped]
    assert new.year == plan.year + 1
    assert [a.text for a in new.actions] == [a.text for a in kept]
    assert [a.leads for a in new.actions] == [a.leads for a in kept]
    assert all(a.status is None and not a.quarters for a in new.actions)
    assert new.actions[0].note == "Overgenomen uit UVP 2024 (status: Loopt)."
    assert new.actions[1].note == "Overgenomen uit UVP 2024 (zonder status)."
    assert [t.goals for t in new.themes] == [t.goals for t in plan.themes]
    assert (new.partners, new.definitions) == (plan.partners, plan.definitions)

    # The new plan's findings are its to-do list: a missing quarter per carried-over action.
    findings = uvp.validate_plan(new).findings
    assert {f.code for f in findings} == {"missing-quarter"}
    assert len(findings) == sum(len(a.assignments) for a in kept)

    out = result.stdout
    assert "plan-2025.xlsx: UVP 2025 van Nijkerk." in out
    assert f"{len(kept)} acties overgenomen; weggelaten: 2 gereed, 1 vervallen;" in out
    assert f"{len(kept)} acties zonder kwartaal: zet per actie een kruisje in Q1-Q4" in out
    assert "Let op" not in result.stderr


def test_next_year_keeps_doorlopend_and_the_existing_note(scherpenzeel: uvp.Plan) -> None:
    result = carry_over(scherpenzeel)
    for old, new in zip(scherpenzeel.actions, result.plan.actions, strict=True):
        ongoing = bool(old.assignments) and all(
            a.schedule is not None and a.schedule.kind == "ongoing" for a in old.assignments
        )
        if ongoing:
            assert new.assignments == old.assignments
        else:
            assert all(a.schedule is None for a in new.assignments)
            assert new.leads == tuple(dict.fromkeys(old.leads))
        if old.note:
            assert new.note == old.note + "\nOvergenomen uit UVP 2024 (zonder status)."
    assert result.ongoing == 10
    assert result.unplanned == len(scherpenzeel.actions) - 10
    # A carried-over action that names the old year is pointed out.
    assert any("2024" in a.text for a in scherpenzeel.actions)
    assert len(result.dated) == sum("2024" in f"{a.text} {a.note}" for a in scherpenzeel.actions)


def test_next_year_of_a_plan_without_statuses_warns_and_keeps_the_layout(tmp_path: Path) -> None:
    source = tmp_path / "scherpenzeel-2024.xlsx"
    shutil.copy(EXAMPLES / "scherpenzeel-2024.xlsx", source)
    result = runner.invoke(app, ["next-year", str(source)])
    assert result.exit_code == 0, result.output
    target = tmp_path / "scherpenzeel-2025.xlsx"
    assert "geen enkele actie" in result.stderr
    assert "Gereed of Vervallen" in result.stderr
    assert "10 acties blijven Doorlopend." in result.stdout
    assert uvp.read_workbook(target) == next_year(uvp.read_workbook(source))
    assert {t.layout for t in inspect_workbook(target).tables} == {"goal"}

    again = runner.invoke(app, ["next-year", str(source)])
    assert again.exit_code == 2
    assert "scherpenzeel-2025.xlsx bestaat al" in again.stderr
    forced = runner.invoke(app, ["next-year", str(source), "--overwrite"])
    assert forced.exit_code == 0, forced.output


def test_next_year_to_json_reads_back(tmp_path: Path, nijkerk: uvp.Plan) -> None:
    target = tmp_path / "nijkerk-2025.json"
    result = runner.invoke(app, ["next-year", "examples/nijkerk-2024.json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert uvp.load(target) == next_year(nijkerk)
    exists = runner.invoke(app, ["next-year", "examples/nijkerk-2024.json", "-o", str(target)])
    assert exists.exit_code == 2
    bad = runner.invoke(app, ["next-year", "examples/nijkerk-2024.json", "-o", "plan.txt"])
    assert bad.exit_code == 2
    assert "alleen deze soorten bestanden schrijven: .xlsx, .json" in bad.output


def test_default_target() -> None:
    assert default_target(Path("a/uvp-2024-def.xlsm"), 2025) == Path("a/uvp-2025-def.xlsx")
    assert default_target(Path("plan.xlsx"), 2025) == Path("plan-2025.xlsx")
    assert default_target(Path("plan-v12345.json"), 2025) == Path("plan-v12345-2025.json")


# -- drafting next year's plan from a file (what uvp next-year runs) -------------------------


@pytest.mark.parametrize(
    ("name", "layout"),
    [("nijkerk-2024", "quarter"), ("scherpenzeel-2024", "goal")],
    ids=["per-quarter", "per-goal"],
)
def test_draft_next_year_keeps_the_source_s_layout(tmp_path: Path, name: str, layout: str) -> None:
    source = tmp_path / f"{name}.xlsx"
    shutil.copy(EXAMPLES / f"{name}.xlsx", source)
    draft = draft_next_year(source)
    assert draft.target == default_target(source, 2025)
    assert inspect_workbook(source).layout == layout
    assert inspect_workbook(draft.target).layout == layout
    assert uvp.read_workbook(draft.target) == draft.carried.plan


def test_draft_next_year_separates_what_reading_and_the_draft_found(tmp_path: Path) -> None:
    source = _filled(tmp_path, "scherpenzeel-2024")
    broken = tmp_path / "kapot-2024.xlsx"
    _edit(source, broken, {(0, "quarter"): "Q5", (1, "status"): "Gereed"})
    draft = draft_next_year(broken, tmp_path / "uit.json")
    # Reading: only errors (a quarter that cannot be read), each in its cell.
    assert draft.read_findings.codes() == ["invalid-quarter"]
    assert all(f.severity == "error" for f in draft.read_findings.findings)
    # The draft: everything validation finds but the quarters still to plan.
    expected = uvp.validate_plan(draft.carried.plan).findings
    assert "missing-quarter" in {f.code for f in expected}
    assert list(draft.findings.findings) == [f for f in expected if f.code != "missing-quarter"]
    assert draft.findings.codes() == ["missing-lead"]  # the row with neither lead nor quarter
    assert draft.carried.done == 1


def test_next_year_lines_say_and_warn_apart(tmp_path: Path) -> None:
    draft = draft_next_year("examples/scherpenzeel-2024.json", tmp_path / "uit.json")
    said, warned = next_year_lines(draft)
    said_text = "\n".join(plain(line) for line in said)
    assert said_text.startswith("examples/scherpenzeel-2024.json → ")
    assert "10 acties blijven Doorlopend." in said_text
    assert "Verder vond uvp in het nieuwe plan:" in said_text
    assert plain(warned[0]).startswith("Let op: geen enkele actie")
    assert all(span.tone == "warning" for line in warned for span in line)


def test_diff_lines_name_each_change_with_its_cell(tmp_path: Path) -> None:
    from uvp.workbook import read_located

    source = _filled(tmp_path, "nijkerk-2024")
    edited = tmp_path / "nijkerk-2024-juni.xlsx"
    _edit(source, edited, {(0, "status"): "Gereed"})
    before, after = read_located(source), read_located(edited)
    lines = [plain(line) for line in diff_lines(diff_plans(before.plan, after.plan), before, after)]
    assert lines[0].endswith("1 wijziging bij 1 actie")
    assert lines[1] == "andere status (1)"
    assert lines[3].startswith("      geen → Gereed  (")
    assert after.cell(0) in lines[3]


# -- next year's draft is planned in its quarter matrix ---------------------------------------


def _matrix_of(path: Path) -> dict[str, tuple[dict[str, int], list[int]]]:
    """Per planning sheet: the columns of the action table (Kwartaal, Q1..Q4) and its
    action rows."""
    book = openpyxl.load_workbook(path)
    found = {}
    for ws in book.worksheets:
        for row in ws.iter_rows():
            names = {c.value: c.column for c in row if isinstance(c.value, str)}
            if {"Activiteit", "Acties"} & names.keys() and "Q1" in names:
                text = names.get("Activiteit") or names["Acties"]
                rows = [
                    r
                    for r in range(row[0].row + 1, ws.max_row + 1)
                    if ws.cell(r, text).value
                    and ws.cell(r, names["Trekker"]).value not in (None, "Trekker")
                ]
                found[ws.title] = (names, rows)
                break
    return found


@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"], ids=["quarter", "goal"])
def test_next_year_is_planned_by_marking_the_matrix(tmp_path: Path, name: str) -> None:
    """Each carried-over action has its row with an empty Kwartaal and an empty matrix;
    a quarter marked in the matrix becomes its Kwartaal on fill, in either layout."""
    from uvp.workbook import fill_workbook

    draft = draft_next_year(EXAMPLES / f"{name}.xlsx", tmp_path / "plan-2025.xlsx")
    sheets = _matrix_of(draft.target)
    sheet, (columns, rows) = next(iter(sheets.items()))
    book = openpyxl.load_workbook(draft.target)
    ws = book[sheet]
    quarters = [columns[f"Q{q}"] for q in range(1, 5)]
    assert "Kwartaal" in columns
    # Still to plan: all but the ongoing actions (Doorlopend stays), whose marks are ↻.
    unplanned = [r for r in rows if ws.cell(r, columns["Kwartaal"]).value is None]
    assert {ws.cell(r, columns["Kwartaal"]).value for r in rows} <= {None, "Doorlopend"}
    assert len(unplanned) > len(rows) / 2
    assert all(ws.cell(r, c).value is None for r in unplanned for c in quarters)
    first = unplanned[0]
    text = ws.cell(first, columns.get("Activiteit") or columns["Acties"]).value
    ws.cell(first, columns["Q2"]).value = "x"
    book.save(draft.target)

    filled = fill_workbook(draft.target)

    assert filled.quarters_written == 1
    assert filled.findings == ()
    ws = openpyxl.load_workbook(draft.target)[sheet]
    assert ws.cell(first, columns["Kwartaal"]).value == "Q2"
    assert ws.cell(first, columns["Q2"]).value == "●"
    action = next(a for a in inspect_workbook(draft.target).plan.actions if a.text == text)
    assert action.quarters == {2}


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        # A per-quarter table without a Kwartaal column: nowhere to put Q2.
        ([["Geen kwartaal"], ["Subthema", "Activiteit", "Trekker", "Q1", "Q2", "Q3", "Q4"],
          ["A", "Iets.", "Nijkerk", None, "x", None, None]], "Q2"),
        # Per goal, a Kwartaal uvp cannot read: it is not overwritten.
        ([["Acties", "Trekker", "Kwartaal", "Q1", "Q2", "Q3", "Q4"],
          ["Iets.", "Nijkerk", "Q5", "x", None, None, None]], "Q1"),
    ],
    ids=["no-kwartaal-column", "unreadable-kwartaal"],
)  # fmt: skip
def test_fill_keeps_marks_it_cannot_take_over(
    tmp_path: Path, rows: list[list[object]], kept: str
) -> None:
    from tests.workbooks import make_workbook
    from uvp.workbook import fill_workbook

    path = make_workbook(tmp_path / "plan.xlsx", {"Drugs": rows})
    before = openpyxl.load_workbook(path)["Drugs"]
    cells = {(c.row, c.column): c.value for row in before.iter_rows() for c in row if c.value}
    filled = fill_workbook(path, municipality="Nijkerk", year=2024)
    assert [f.code for f in filled.findings] == ["quarter-matrix-kept"]
    assert kept in filled.findings[0].message("nl")
    after = openpyxl.load_workbook(path)["Drugs"]
    assert {k: after.cell(*k).value for k in cells} == cells  # nothing the user typed is gone


_BASES: dict[tuple[str, bool], Path] = {}


def _marked_base(factory: pytest.TempPathFactory, name: str, planned: bool) -> Path:
    """A filled example (*planned*) or its next year's draft, made once per session."""
    if (name, planned) not in _BASES:
        from uvp.workbook import fill_workbook

        folder = factory.mktemp("base")
        if planned:
            path = Path(shutil.copy(EXAMPLES / f"{name}.xlsx", folder / "plan.xlsx"))
            fill_workbook(path, backup=False)
        else:
            path = draft_next_year(EXAMPLES / f"{name}.xlsx", folder / "plan-2025.xlsx").target
        _BASES[name, planned] = path
    return _BASES[name, planned]


@settings(max_examples=15, deadline=None)
@given(data=st.data())
@pytest.mark.parametrize("name", ["nijkerk-2024", "scherpenzeel-2024"], ids=["quarter", "goal"])
def test_fill_never_clears_a_mark_it_did_not_write(
    tmp_path_factory: pytest.TempPathFactory, name: str, data: st.DataObject
) -> None:
    """Marks put anywhere in the matrix of a planned or a still-to-plan workbook are all
    still there after fill (taken over, or left with a finding)."""
    from uvp.workbook import fill_workbook

    planned = data.draw(st.booleans(), label="planned")
    base = _marked_base(tmp_path_factory, name, planned)
    path = Path(shutil.copy(base, tmp_path_factory.mktemp("marks") / base.name))
    sheets = _matrix_of(path)
    sheet = data.draw(st.sampled_from(sorted(sheets)), label="sheet")
    columns, rows = sheets[sheet]
    cells = st.tuples(st.sampled_from(rows), st.sampled_from([f"Q{q}" for q in range(1, 5)]))
    marks = data.draw(st.sets(cells, min_size=1, max_size=6), label="marks")
    book = openpyxl.load_workbook(path)
    for row, quarter in marks:
        book[sheet].cell(row, columns[quarter]).value = "x"
    book.save(path)
    fill_workbook(path, backup=False)
    ws = openpyxl.load_workbook(path)[sheet]
    assert all(ws.cell(row, columns[quarter]).value for row, quarter in marks)

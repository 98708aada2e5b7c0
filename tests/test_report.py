"""The quarterly report for the driehoeksoverleg (uvp.report and ``uvp report``)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES
from uvp import Action, Plan, Priority, Theme, parse_assignments
from uvp.cli import app
from uvp.core import Status, Tally, evaluate_plan, plain
from uvp.region import (
    SHEET,
    QuarterlyReport,
    quarterly_report,
    render_report_html,
    report_lines,
    write_report_html,
    write_report_workbook,
)

runner = CliRunner()

JULY = dt.date(2024, 7, 1)  # Q3: the next quarter is Q4
OCTOBER = dt.date(2024, 10, 1)  # Q4: the next quarter is in next year's plan
HOSTILE = '<script>alert("x")</script> & <img src="http://evil.example/x.png">'
FORMULA = '=HYPERLINK("http://evil.example","klik")'


def _action(text: str, lead: str | None, quarter: str | None, status: Status | None) -> Action:
    return Action(text, parse_assignments(lead, quarter), status=status)


def small_plan() -> Plan:
    """A plan whose report on 1 July 2024 can be read off by eye."""
    first = Theme(
        "Drugs",
        actions=(
            _action("Klaar", "Nijkerk", "Q1", "done"),
            _action("Laat, loopt nog", "Nijkerk", "Q1", "running"),
            _action("Loopt, op tijd", "Nijkerk", "Q3", "running"),
            _action("Volgend kwartaal", "Politie", "Q4", "planned"),
            _action("Venster", "Nijkerk", "Q3/Q4", None),
            _action("Doorlopend", "Nijkerk", "Doorlopend", "running"),
            _action("Vervallen", "Nijkerk", "Q4", "cancelled"),
        ),
    )
    second = Theme(
        "Jeugd",
        actions=(
            _action("Gedeeld", "Barneveld\nNijkerk", "Q2\nQ4", None),
            _action("Periode", "Nijkerk", "Q2-Q4", "planned"),
            _action("Uitgesteld", "Nijkerk", "Q2", "postponed"),
            _action("Zonder kwartaal", "Nijkerk", None, None),
            _action(FORMULA, "Nijkerk", "Q1", "done"),
            _action(HOSTILE, "Nijkerk", "Q1", None),
        ),
    )
    return Plan(
        "Testdorp",
        2024,
        priorities=(
            Priority("Ondermijning", "joint", (first,)),
            Priority("Jongeren <&> overlast", "local", (second,)),
        ),
    )


def with_statuses(plan: Plan) -> Plan:
    """*plan* with a status on each action, cycling through every status (and none)."""
    cycle: list[Status | None] = ["done", "running", None, "postponed", "cancelled", "planned"]
    counter = iter(range(10_000))

    def status(action: Action) -> Action:
        return attrs.evolve(action, status=cycle[next(counter) % len(cycle)])

    return attrs.evolve(
        plan,
        priorities=[
            attrs.evolve(
                p,
                themes=[attrs.evolve(t, actions=[status(a) for a in t.actions]) for t in p.themes],
            )
            for p in plan.priorities
        ],
    )


def texts(items: tuple[object, ...]) -> list[str]:
    return [item.text for item in items]  # type: ignore[attr-defined]


# -- the report ---------------------------------------------------------------------------------


def test_small_plan_lists_read_off_by_eye() -> None:
    report = quarterly_report(small_plan(), JULY)
    assert (report.quarter, report.next_quarter, report.following) == (3, 4, (2024, 4))
    first, second = report.priorities
    assert texts(first.done) == ["Klaar"]
    assert texts(first.overdue) == ["Laat, loopt nog"]
    # A window counts when the next quarter is one of its quarters; ongoing never does;
    # a cancelled action is never due.
    assert texts(first.upcoming) == ["Volgend kwartaal", "Venster"]
    assert texts(second.done) == [FORMULA]
    assert texts(second.overdue) == ["Uitgesteld", HOSTILE]
    assert texts(second.upcoming) == ["Gedeeld", "Periode"]
    # Of a shared action, only the lead whose part falls in the next quarter is named.
    assert second.upcoming[0].leads == ("Nijkerk",)
    assert second.upcoming[0].schedule == "Barneveld: Q2; Nijkerk: Q4"
    assert first.upcoming[0].leads == ("Politie",)


def test_small_plan_counts() -> None:
    report = quarterly_report(small_plan(), JULY)
    first, second = report.priorities
    assert first.tally == Tally(actions=7, done=1, running=2, overdue=1, other=2, cancelled=1)
    # The late running action counts once: as late, not as running too.
    assert second.tally == Tally(actions=6, done=1, running=0, overdue=2, other=3, cancelled=0)
    assert report.total == Tally(actions=13, done=2, running=2, overdue=3, other=5, cancelled=1)


@pytest.mark.parametrize("peildatum", [dt.date(2024, m, 1) for m in (1, 4, 7, 10)] + [JULY])
def test_report_and_evaluation_count_alike(nijkerk: Plan, peildatum: dt.date) -> None:
    """The quarterly report and the Evaluatie sheet count the same plan on the same date
    the same way, per priority and in total."""
    for plan in (small_plan(), with_statuses(nijkerk)):
        report = quarterly_report(plan, peildatum)
        evaluation = evaluate_plan(plan, peildatum)
        per_priority = [row.tally for row in evaluation.rows if row.theme is None]
        assert [p.tally for p in report.priorities] == per_priority
        assert report.total == evaluation.total
        for tally in (*per_priority, evaluation.total):
            parts = tally.done + tally.running + tally.overdue + tally.other + tally.cancelled
            assert parts == tally.actions


def test_q4_peildatum_lists_what_is_due_in_q4_and_points_to_next_year_s_plan() -> None:
    # Q4's work is not "overig" and forgotten: the next quarter is next year's plan, so
    # the report lists what this plan still has in Q4, the quarter it is in.
    report = quarterly_report(small_plan(), OCTOBER)
    assert (report.quarter, report.next_quarter, report.following) == (4, None, (2025, 1))
    assert report.ahead == 4
    first, second = report.priorities
    assert texts(first.upcoming) == ["Volgend kwartaal", "Venster"]
    assert texts(second.upcoming) == ["Gedeeld", "Periode"]
    assert "Q1 2025, hoort bij het plan voor 2025" in report.next_quarter_text
    assert "buiten" not in report.next_quarter_text
    assert report.upcoming_label == "Dit kwartaal (Q4, het laatste van het plan)"
    data = report.to_dict()
    assert (data["next_quarter"], data["upcoming_quarter"]) == (None, 4)
    page = render_report_html(report)
    assert "Dit kwartaal (Q4, het laatste van het plan)" in page
    assert "Dit kwartaal</th>" in page


def test_a_peildatum_after_the_plan_year_lists_nothing_ahead() -> None:
    report = quarterly_report(small_plan(), dt.date(2025, 2, 1))
    assert (report.next_quarter, report.ahead) == (None, None)
    assert all(not p.upcoming for p in report.priorities)
    assert "valt buiten het plan voor 2024" in report.next_quarter_text


def test_peildatum_before_the_plan_year_looks_at_its_first_quarter() -> None:
    report = quarterly_report(small_plan(), dt.date(2023, 12, 15))
    assert report.next_quarter == 1
    assert all(not p.overdue for p in report.priorities)
    first, second = report.priorities
    assert texts(first.upcoming) == ["Laat, loopt nog"]
    assert texts(second.upcoming) == [HOSTILE]


@pytest.mark.parametrize("peildatum", [dt.date(2024, m, 1) for m in (1, 4, 7, 10)])
def test_example_counts_agree_with_a_count_by_quarters(
    nijkerk: Plan, scherpenzeel: Plan, peildatum: dt.date
) -> None:
    """Derive each list from the schedules' quarters, not from due dates."""
    current = (peildatum.month - 1) // 3 + 1
    for plan in (with_statuses(nijkerk), with_statuses(scherpenzeel)):
        report = quarterly_report(plan, peildatum)
        assert [p.title for p in report.priorities] == [p.title for p in plan.priorities]
        for priority, part in zip(plan.priorities, report.priorities, strict=True):
            done, late, upcoming = [], [], []
            for action in priority.actions:
                timed = [
                    s
                    for s in (a.schedule for a in action.assignments)
                    if s is not None and s.kind != "ongoing"
                ]
                last = max((max(s.quarters) for s in timed), default=None)
                if action.status == "done":
                    done.append(action.text)
                elif action.status == "cancelled":
                    continue
                elif last is not None and last < current:
                    late.append(action.text)
                elif any(min(current + 1, 4) in s.quarters for s in timed):
                    upcoming.append(action.text)  # in Q4: Q4 itself, the plan's last
            assert texts(part.done) == done
            assert texts(part.overdue) == late
            assert texts(part.upcoming) == upcoming
            tally = part.tally
            assert tally.counted + tally.cancelled == len(priority.actions)
            assert tally.cancelled == sum(a.status == "cancelled" for a in priority.actions)
            assert part.tally.overdue == len(late)


def test_example_without_statuses_at_year_end(scherpenzeel: Plan) -> None:
    timed = [
        [x.schedule for x in a.assignments if x.schedule and x.schedule.kind != "ongoing"]
        for a in scherpenzeel.actions
    ]
    # After the year every action with a quarter is late; ongoing ones and those
    # without a quarter never are.
    after = quarterly_report(scherpenzeel, dt.date(2025, 1, 2))
    assert after.total.overdue == sum(1 for t in timed if t)
    assert after.total.other == sum(1 for t in timed if not t)
    assert after.next_quarter is None
    # On the year's last day, Q4 is not over yet.
    last_day = quarterly_report(scherpenzeel, dt.date(2024, 12, 31))
    assert last_day.total.overdue == sum(1 for t in timed if t and max(s.last for s in t) < 4)


def test_to_dict_is_json(nijkerk: Plan) -> None:
    data = quarterly_report(with_statuses(nijkerk), JULY).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["peildatum"] == "2024-07-01"
    assert [p["title"] for p in data["priorities"]] == [p.title for p in nijkerk.priorities]
    first = data["priorities"][0]
    assert set(first) >= {"counts", "chart", "done", "overdue", "upcoming"}
    assert first["counts"]["upcoming"] == len(first["upcoming"])


# -- the web page -------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_escapes_hostile_plan_text() -> None:
    page = render_report_html(quarterly_report(small_plan(), JULY))
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags
    assert "img" not in parser.tags
    assert HOSTILE in "".join(parser.text)  # shown as text, exactly
    assert "Jongeren <&> overlast" in "".join(parser.text)
    assert "&lt;script&gt;" in page


def test_html_is_standalone_and_printable(nijkerk: Plan) -> None:
    page = render_report_html(quarterly_report(with_statuses(nijkerk), JULY))
    parser = _Tags()
    parser.feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert not {"script", "link", "img", "iframe", "object"} & set(parser.tags)
    linked = [v for k, v in parser.attributes if k in ("src", "href")]
    assert linked == []
    assert "http" not in page
    assert "@import" not in page
    assert "url(" not in page.replace("url(#hatch", "")  # only the SVG's own patterns
    assert "@media print" in page
    assert "@page" in page
    assert "A4" in page
    assert "page-break-inside: avoid" in page
    # One bar chart per priority, and one for the total.
    assert parser.tags.count("svg") - 5 == len(nijkerk.priorities) + 1  # 5 legend swatches
    assert parser.tags.count("section") == len(nijkerk.priorities)
    for label in ("Gereed", "Te laat", "Volgend kwartaal (Q4)", "Peildatum 01-07-2024"):
        assert label in page


def test_write_report_html_replaces_the_file(tmp_path: Path, nijkerk: Plan) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("oud", encoding="utf-8")
    report = quarterly_report(nijkerk, JULY)
    assert write_report_html(report, target) == target
    assert target.read_text(encoding="utf-8") == render_report_html(report)
    # The page it replaced is kept, as every file uvp replaces.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.bak.html", "rapport.html"]
    assert (tmp_path / "rapport.bak.html").read_text(encoding="utf-8") == "oud"


def test_write_report_html_failure_is_a_uvp_error(tmp_path: Path, nijkerk: Plan) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(uvp.WorkbookError) as caught:
        write_report_html(quarterly_report(nijkerk, JULY), blocker / "rapport.html")
    assert "rapportage" in caught.value.message("nl")


# -- the workbook -------------------------------------------------------------------------------


def _column_a(path: Path) -> list[object]:
    ws = openpyxl.load_workbook(path)[SHEET]
    return [ws.cell(row, 1).value for row in range(1, ws.max_row + 1)]


def test_workbook_has_counts_chart_and_lists(tmp_path: Path) -> None:
    report = quarterly_report(small_plan(), JULY)
    path = write_report_workbook(report, tmp_path / "uit" / "rapport.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SHEET]
    ws = book[SHEET]
    assert ws["A1"].value == report.title
    assert len(ws._charts) == 1
    chart = ws._charts[0]
    assert chart.grouping == "stacked"
    # One series per segment, each in uvp's colour for it (Te laat red, not Excel's pick).
    colours = [s.graphicalProperties.solidFill.srgbClr for s in chart.series]
    assert colours == ["14532D", "5B9BD5", "F39C12", "D64541", "D9D9D9"]
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    headers = [ws.cell(5, c).value for c in range(1, 11)]
    assert headers[:7] == [
        "Prioriteit",
        "Acties",
        "Gereed",
        "Loopt",
        "Aandacht",
        "Te laat",
        "Overig",
    ]
    # The figures' headers stand right, over their figures.
    assert {ws.cell(5, c).alignment.horizontal for c in range(2, 11)} == {"right"}
    first = [ws.cell(6, c).value for c in range(2, 10)]
    assert first == [
        7,
        1,
        2,
        0,
        1,
        2,
        1,
        2,
    ]  # acties, gereed, loopt, aandacht, te laat, overig, vervallen, Q4
    column = _column_a(path)
    for heading in ("Gereed (1)", "Te laat (1)", "Volgend kwartaal (Q4) (2)", "Te laat (2)"):
        assert heading in column
    assert "Venster" in column
    assert HOSTILE in column


def test_workbook_writes_formula_like_text_as_text(tmp_path: Path) -> None:
    path = write_report_workbook(quarterly_report(small_plan(), JULY), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(path)[SHEET]
    cells = [c for row in ws.iter_rows() for c in row if c.value == FORMULA]
    assert cells
    assert all(c.data_type == "s" for c in cells)
    # and in the file itself: no formula element anywhere
    import zipfile

    with zipfile.ZipFile(path) as archive:
        sheet = next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        assert "<f>" not in archive.read(sheet).decode()


def test_workbook_in_q4_lists_this_quarter(tmp_path: Path) -> None:
    report = quarterly_report(small_plan(), dt.date(2024, 12, 1))
    column = _column_a(write_report_workbook(report, tmp_path / "r.xlsx"))
    assert "Dit kwartaal (Q4, het laatste van het plan) (2)" in column
    assert any(isinstance(v, str) and "Q1 2025" in v for v in column)


# -- the command --------------------------------------------------------------------------------


def test_cli_text_summary_exit_0() -> None:
    result = runner.invoke(
        app, ["report", str(EXAMPLES / "nijkerk-2024.json"), "--peildatum", "2024-07-01"]
    )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Nijkerk" in out
    assert "Volgend kwartaal: Q4 2024." in out
    assert "1. Ondermijnende criminaliteit" in out
    assert "te laat" in out


def test_cli_writes_html_and_xlsx_from_a_workbook_with_statuses(
    tmp_path: Path, scherpenzeel: Plan
) -> None:
    plan_path = uvp.write_workbook(with_statuses(scherpenzeel), tmp_path / "plan.xlsx")
    expected = quarterly_report(with_statuses(scherpenzeel), JULY)
    for name in ("rapport.html", "rapport.xlsx"):
        result = runner.invoke(
            app, ["report", str(plan_path), "--peildatum", "2024-07-01", "-o", str(tmp_path / name)]
        )
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).is_file()
        assert name in result.stdout
    page = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert f"{expected.total.done}</td>" in page
    ws = openpyxl.load_workbook(tmp_path / "rapport.xlsx")[SHEET]
    total_row = 6 + len(expected.priorities)
    assert ws.cell(total_row, 1).value == "Totaal"
    assert ws.cell(total_row, 3).value == expected.total.done > 0


def test_cli_json(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "report",
            str(EXAMPLES / "scherpenzeel-2024.json"),
            *("--peildatum", "2024-10-01", "--format", "json"),
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["municipality"] == "Scherpenzeel"
    assert data["next_quarter"] is None
    assert data["upcoming_quarter"] == 4
    assert data["following"] == {"year": 2025, "quarter": 1}
    assert sum(len(p["upcoming"]) for p in data["priorities"]) == 34


def test_cli_without_peildatum_uses_today() -> None:
    result = runner.invoke(app, ["report", str(EXAMPLES / "nijkerk-2024.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["peildatum"] == dt.date.today().isoformat()


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (["-o", "rapport.pdf"], "alleen deze soorten bestanden schrijven: .html, .htm, .xlsx"),
        (["-o", "rapport"], "alleen deze soorten bestanden schrijven: .html, .htm, .xlsx"),
        (["--peildatum", "1-13-2024"], "'1-13-2024' is geen datum"),
    ],
    ids=["pdf", "no-suffix", "no-date"],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, args: list[str], text: str) -> None:
    args = [a if not a.startswith("rapport") else str(tmp_path / a) for a in args]
    result = runner.invoke(app, ["report", str(EXAMPLES / "nijkerk-2024.json"), *args])
    assert result.exit_code == 2
    assert text in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_cli_unreadable_or_missing_file_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.json"
    bad.write_text("{niet json", encoding="utf-8")
    for path in (bad, tmp_path / "bestaat-niet.json"):
        result = runner.invoke(app, ["report", str(path), "--peildatum", "2024-07-01"])
        assert result.exit_code == 2
        assert path.name in result.output
        assert "Traceback" not in result.output


def test_cli_refuses_to_write_over_the_plan(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.xlsx"
    plan_path.write_bytes((EXAMPLES / "nijkerk-2024.xlsx").read_bytes())
    before = plan_path.read_bytes()
    result = runner.invoke(app, ["report", str(plan_path), "-o", str(plan_path)])
    assert result.exit_code == 2
    assert "een van de plannen" in result.output
    assert plan_path.read_bytes() == before


def test_report_types_are_frozen(nijkerk: Plan) -> None:
    report = quarterly_report(nijkerk, JULY)
    assert isinstance(report, QuarterlyReport)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.year = 2025  # type: ignore[misc]
    assert re.fullmatch(r"Q[1-4]", report.priorities[0].overdue[0].schedule)


def test_the_page_template_ships_with_the_package() -> None:
    from importlib import resources

    template = resources.files("uvp.region").joinpath("templates", "report.html.j2")
    assert template.is_file()
    assert "<script" not in template.read_text(encoding="utf-8")


# -- what the report says on a terminal -----------------------------------------------------


def test_report_lines_list_late_and_next_quarter_actions() -> None:
    lines = report_lines(quarterly_report(small_plan(), JULY))
    said = [plain(line) for line in lines]
    assert said[:3] == [
        "Kwartaalrapportage Uitvoeringsplan Veiligheid 2024 — Testdorp",
        "Peildatum 01-07-2024 (Q3)",
        "Volgend kwartaal: Q4 2024.",
    ]
    first = said.index("") + 1
    assert said[first].startswith("1. Ondermijning (gezamenlijke prioriteit): 7 acties — 1 gereed")
    items = [line for line in lines if line and line[0].text.startswith("  ")]
    assert [(line[0].text.strip(), line[1].text) for line in items[:3]] == [
        ("te laat", "Laat, loopt nog"),
        ("Q4", "Volgend kwartaal"),
        ("Q4", "Venster"),
    ]
    assert [line[0].tone for line in items[:3]] == ["bad", "plain", "plain"]
    assert items[1][2].text == "  [Politie; Q4]"
    # Longer texts are cut at 80 characters; the first line only.
    assert all(len(line[1].text) <= 80 and "\n" not in line[1].text for line in items)


def test_report_lines_in_q4_list_this_quarter_and_note_another_year() -> None:
    october = [plain(line) for line in report_lines(quarterly_report(small_plan(), OCTOBER))]
    assert [text.split("  [")[0] for text in october if text.startswith("  Q")] == [
        "  Q4       Volgend kwartaal",
        "  Q4       Venster",
        "  Q4       Gedeeld",
        "  Q4       Periode",
    ]
    assert any(text.startswith("  te laat") for text in october)
    later = [
        plain(line) for line in report_lines(quarterly_report(small_plan(), dt.date(2025, 2, 1)))
    ]
    assert later[3] == "Let op: de peildatum 01-02-2025 valt niet in het planjaar 2024."
    assert not any(text.startswith("  Q") for text in later)

"""The command line speaks Dutch and behaves the same in every command (issue 14).

Each table below is a list of problems a newcomer met, one case each: the help
pages, usage errors, ``-o``, the overwrite policy, dates, exit codes, the text
cut in lines. Every command runs for real on copies of the examples.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

import uvp
from tests.conftest import EXAMPLES, ROOT
from uvp.cli import app
from uvp.core import excerpt

runner = CliRunner()

COMMANDS = [
    "show", "validate", "fill", "evaluate", "new", "convert", "serve",
    "compare", "agenda", "report", "diff", "next-year",
]  # fmt: skip

# Words of typer/click's own English that must not reach staff (help, errors, types).
ENGLISH = re.compile(
    r"(?<![\w-])(Usage|Options|Arguments|Commands|Show|this|message|exit|required|default"
    r"|Error|Missing|Invalid|Try|No such|Got unexpected|Value error|Input should|Aborted"
    r"|Path|str|int|float|list|env var)(?![\w-])"
)


def english(text: str) -> list[str]:
    return ENGLISH.findall(text)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with copies of the example plans, as JSON and as workbooks."""
    folder = tmp_path / "plannen"
    shutil.copytree(EXAMPLES, folder)
    return folder


# -- help pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["uvp", *COMMANDS])
def test_every_help_page_is_dutch(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Gebruik: uvp")
    assert "Toon deze hulp en stop." in result.output
    assert not english(result.output), result.output
    assert "<" not in result.output  # no <list[Path]>, <str>, <int>


def test_new_does_not_call_a_required_option_optional() -> None:
    said = " ".join(runner.invoke(app, ["new", "--help"]).output.split())
    assert "--gemeente NAAM De gemeente van wie het plan is. [verplicht]" in said
    assert "als de werkmap" not in said


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"uvp {uvp.__version__}\n")


# -- usage errors ----------------------------------------------------------------------------

USAGE_ERRORS = [
    ("no-command", ["frobnicate"], "Onbekende opdracht 'frobnicate'."),
    ("missing-argument", ["show"], "Argument PLAN ontbreekt."),
    ("missing-option", ["new", "x.xlsx", "--jaar", "2025"], "Optie --gemeente ontbreekt."),
    ("unknown-option", ["show", "examples", "--frob"], "Onbekende optie --frob."),
    ("did-you-mean", ["show", "examples", "--formaat", "json"], "Bedoelt u --format?"),
    ("needs-value", ["show", "examples", "--gemeente"], "Optie --gemeente heeft een waarde nodig"),
    ("takes-no-value", ["new", "x.xlsx", "--overwrite=ja"], "Optie --overwrite neemt geen waarde"),
    ("extra-argument", ["diff", "a.json", "b.json", "c.json"], "Te veel argumenten: c.json."),
    ("choice", ["show", "examples", "--format", "xml"], "'xml' kan niet: kies uit"),
    ("not-a-number", ["show", "examples", "--jaar", "x"], "--jaar: dit is geen geheel getal"),
    ("year-25", ["new", "x.xlsx", "--gemeente", "Ede", "--jaar", "25"], "minstens 1900"),
    ("port-0", ["serve", "--port", "0"], "--port: dit moet minstens 1 zijn"),
    ("bad-date", ["report", "examples/nijkerk-2024.json", "--peildatum", "31-02-2024"],
     "'31-02-2024' is geen datum"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "said"), [c[1:] for c in USAGE_ERRORS], ids=[c[0] for c in USAGE_ERRORS]
)
def test_usage_errors_are_dutch_and_exit_2(args: list[str], said: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split())
    assert "Fout: " in result.output
    assert not english(result.output), result.output
    assert "Traceback" not in result.output
    assert not Path("x.xlsx").exists()


# -- -o: a file for one output, a folder for many; the suffix decides --------------------------


def test_convert_to_a_named_file_writes_that_file(work: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    result = runner.invoke(app, ["convert", str(work / "nijkerk-2024.json"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert uvp.read_workbook(target) == uvp.load(EXAMPLES / "nijkerk-2024.json")
    back = tmp_path / "terug.json"
    result = runner.invoke(app, ["convert", str(target), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert uvp.load(back) == uvp.load(EXAMPLES / "nijkerk-2024.json")


REFUSED_OUTPUTS = [
    ("convert-csv", ["convert", "{w}/nijkerk-2024.json", "-o", "{t}/plan.csv"], ".json, .xlsx"),
    ("convert-many-to-one-file", ["convert", "{w}", "-o", "{t}/plan.xlsx"], "geef met -o een map"),
    ("new-csv", ["new", "{t}/plan.csv", "--gemeente", "Ede", "--jaar", "2025"], ": .xlsx."),
    ("agenda-csv", ["agenda", "{w}/nijkerk-2024.json", "--partner", "Politie", "-o",
                    "{t}/agenda.csv"], ": .xlsx."),
    ("compare-html", ["compare", "{w}/nijkerk-2024.json", "{w}/scherpenzeel-2024.json", "-o",
                      "{t}/regio.html"], ": .xlsx."),
    ("report-csv", ["report", "{w}/nijkerk-2024.json", "-o", "{t}/rapport.csv"],
     ".html, .htm, .xlsx"),
    ("report-folder", ["report", "{w}/nijkerk-2024.json", "-o", "{w}"], "is een map"),
    ("next-year-txt", ["next-year", "{w}/nijkerk-2024.json", "-o", "{t}/plan.txt"],
     ".xlsx, .json"),
    ("fill-xlsm", ["fill", "{w}/nijkerk-2024.xlsx", "-o", "{t}/plan.xlsm"], ": .xlsx."),
    ("fill-many-to-one-file", ["fill", "{w}", "-o", "{t}/plan.xlsx"], "geef met -o een map"),
    ("report-over-the-plan", ["report", "{w}/nijkerk-2024.xlsx", "-o", "{w}/nijkerk-2024.xlsx",
                              "--overwrite"], "uvp schrijft niet over een plan heen"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "said"), [c[1:] for c in REFUSED_OUTPUTS], ids=[c[0] for c in REFUSED_OUTPUTS]
)
def test_an_output_uvp_cannot_write_is_refused_before_anything_is_written(
    work: Path, tmp_path: Path, args: list[str], said: str
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    before = {p: p.read_bytes() for p in work.iterdir()}
    argv = [a.format(w=work, t=out) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert said in " ".join(result.output.split())
    assert list(out.iterdir()) == []
    assert {p: p.read_bytes() for p in work.iterdir()} == before


# -- one overwrite policy: refuse without --overwrite, keep the old one as .bak with it ---------

OUTPUTS = [
    ("compare", ["compare", "{w}/nijkerk-2024.xlsx", "{w}/scherpenzeel-2024.xlsx", "-o",
                 "{t}/regio.xlsx"], "regio.xlsx", 1),
    ("report-html", ["report", "{w}/nijkerk-2024.xlsx", "-o", "{t}/rapport.html"],
     "rapport.html", 0),
    ("report-xlsx", ["report", "{w}/nijkerk-2024.xlsx", "-o", "{t}/rapport.xlsx"],
     "rapport.xlsx", 0),
    ("agenda", ["agenda", "{w}/nijkerk-2024.xlsx", "--partner", "Politie", "-o",
                "{t}/agenda.xlsx"], "agenda.xlsx", 0),
    ("new", ["new", "{t}/nieuw.xlsx", "--gemeente", "Ede", "--jaar", "2025"], "nieuw.xlsx", 0),
    ("next-year", ["next-year", "{w}/nijkerk-2024.xlsx", "-o", "{t}/plan-2025.json"],
     "plan-2025.json", 0),
    ("convert", ["convert", "{w}/nijkerk-2024.xlsx", "-o", "{t}"], "nijkerk-2024.json", 0),
    ("fill", ["fill", "{w}/nijkerk-2024.xlsx", "-o", "{t}"], "nijkerk-2024.xlsx", 0),
    ("evaluate", ["evaluate", "{w}/nijkerk-2024.xlsx", "-o", "{t}/geevalueerd.xlsx"],
     "geevalueerd.xlsx", 0),
]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "name", "code"), [c[1:] for c in OUTPUTS], ids=[c[0] for c in OUTPUTS]
)
def test_an_existing_file_is_replaced_only_with_overwrite_and_kept_as_bak(
    work: Path, tmp_path: Path, args: list[str], name: str, code: int
) -> None:
    out = tmp_path / "uit"
    argv = [a.format(w=work, t=out) for a in args]
    assert runner.invoke(app, argv).exit_code == code
    target = out / name
    first = target.read_bytes()
    again = runner.invoke(app, argv)
    assert again.exit_code == 2, again.output
    assert "bestaat al" in again.output
    assert "--overwrite" in again.output
    assert target.read_bytes() == first
    replaced = runner.invoke(app, [*argv, "--overwrite"])
    assert replaced.exit_code == code, replaced.output
    assert (out / f"{target.stem}.bak{target.suffix}").read_bytes() == first


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2024-10-01", "1-10-2024", "01-10-2024"])
def test_peildatum_in_both_forms(date: str) -> None:
    result = runner.invoke(app, ["report", "examples/nijkerk-2024.json", "--peildatum", date])
    assert result.exit_code == 0, result.output
    assert "Peildatum 01-10-2024 (Q4)" in result.output


# -- exit codes: 2 for anything that cannot be read ---------------------------------------------

MISSING = [
    ("show", ["show", "{m}"]),
    ("validate", ["validate", "{m}"]),
    ("fill", ["fill", "{m}"]),
    ("evaluate", ["evaluate", "{m}"]),
    ("convert", ["convert", "{m}"]),
    ("compare", ["compare", "{m}", "examples/nijkerk-2024.json"]),
    ("agenda", ["agenda", "{m}", "--partner", "Politie"]),
    ("report", ["report", "{m}"]),
    ("diff", ["diff", "{m}", "examples/nijkerk-2024.json"]),
    ("next-year", ["next-year", "{m}"]),
]


@pytest.mark.parametrize("missing", ["geen-plan.xlsx", "geen-map"], ids=["file", "folder"])
@pytest.mark.parametrize("args", [c[1] for c in MISSING], ids=[c[0] for c in MISSING])
def test_a_missing_file_or_folder_exits_2_and_says_it_does_not_exist(
    tmp_path: Path, args: list[str], missing: str
) -> None:
    argv = [a.format(m=tmp_path / missing) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert "bestaat niet" in result.output
    assert "geen uvp-plan" not in result.output


def test_a_batch_with_a_bad_file_exits_2_after_doing_the_others(work: Path, tmp_path: Path) -> None:
    (work / "kapot.xlsx").write_bytes(b"geen werkmap")
    result = runner.invoke(app, ["fill", str(work), "-o", str(tmp_path / "uit")])
    assert result.exit_code == 2
    assert "1 van de 3 bestanden is mislukt" in result.output
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == [
        "nijkerk-2024.xlsx",
        "scherpenzeel-2024.xlsx",
    ]


def test_a_broken_workbook_leaves_no_copy_behind(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen werkmap")
    result = runner.invoke(app, ["fill", str(broken), "-o", str(tmp_path / "k")])
    assert result.exit_code == 2
    assert "kapot.xlsx" in result.output
    assert not (tmp_path / "k").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["new", "{t}/nieuw/map/plan.xlsx", "--gemeente", "Ede", "--jaar", "2025"],
        ["next-year", "examples/nijkerk-2024.xlsx", "-o", "{t}/nieuw/map/plan-2025.json"],
        ["next-year", "examples/nijkerk-2024.xlsx", "-o", "{t}/nieuw/map/plan-2025.xlsx"],
        ["report", "examples/nijkerk-2024.xlsx", "-o", "{t}/nieuw/map/rapport.html"],
    ],
    ids=["new", "next-year-json", "next-year-xlsx", "report"],
)
def test_a_missing_folder_for_an_output_is_made(tmp_path: Path, args: list[str]) -> None:
    argv = [a.format(t=tmp_path) for a in args]
    result = runner.invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert Path(argv[-1] if "-o" in argv else argv[1]).is_file()
    assert "origineel" not in result.output


def test_a_file_that_cannot_be_made_does_not_speak_of_an_original(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("een bestand, geen map")
    result = runner.invoke(
        app, ["new", str(tmp_path / "bestand" / "plan.xlsx"), "--gemeente", "Ede", "--jaar", "2025"]
    )
    assert result.exit_code == 2
    assert "kon niet worden opgeslagen" in result.output
    assert "origineel" not in result.output


# -- the region reads each plan once -------------------------------------------------------------


def test_compare_a_folder_with_each_plan_as_json_and_workbook_takes_the_workbooks() -> None:
    result = runner.invoke(app, ["compare", "examples"])
    assert result.exit_code == 1, result.output  # 1: the plans differ; 2 was a refusal
    assert "staat twee keer" not in result.output
    said = " ".join(result.stderr.split())
    for name in ("nijkerk", "scherpenzeel"):
        assert (
            f"leest de werkmap examples/{name}-2024.xlsx en laat examples/{name}-2024.json weg"
            in said
        )
    assert "Gezamenlijke acties van Nijkerk, Scherpenzeel" in result.stdout


# -- what lines say ----------------------------------------------------------------------------


def test_lines_are_cut_at_a_word_with_an_ellipsis() -> None:
    from uvp.region import compare

    result = runner.invoke(
        app, ["compare", "examples/nijkerk-2024.xlsx", "examples/scherpenzeel-2024.xlsx"]
    )
    plans = [uvp.load(EXAMPLES / f"{n}-2024.json") for n in ("nijkerk", "scherpenzeel")]
    titles = [item.title.split("\n")[0] for item in compare(plans).items]
    shown = [line[12:] for line in result.stdout.splitlines()[1:] if line[:1] not in (" ", "")]
    assert len(shown) == len(titles)
    for title, line in zip(titles, shown, strict=True):
        assert line == excerpt(title, 90)
    assert any(line.endswith("…") for line in shown)


def test_agenda_names_a_lead_once_whatever_its_case(tmp_path: Path) -> None:
    target = tmp_path / "agenda.xlsx"
    args = ["agenda", "examples/nijkerk-2024.xlsx", "examples/scherpenzeel-2024.xlsx"]
    result = runner.invoke(app, [*args, "--partner", "Politie", "-o", str(target)])
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target)["Agenda"]
    leads = [str(c.value) for c in sheet["D"] if c.value]
    assert any("gezamenlijk" in cell.casefold() for cell in leads)
    for cell in leads:
        names = [n.strip().casefold() for n in cell.split(",")]
        assert len(names) == len(set(names)), cell
    headings = [str(c.value) for c in sheet["A"][3:] if c.value and ": " in str(c.value)]
    assert headings
    assert all(re.search(r": (1 actie|\d+ acties)$", h) for h in headings)


def test_plan_summary_says_one_in_the_singular(tmp_path: Path) -> None:
    plan = uvp.Plan(
        "Ede",
        2025,
        priorities=[
            uvp.Priority("Drugs", "local", [uvp.Theme("Drugs", actions=[uvp.Action("Een.")])])
        ],
    )
    path = tmp_path / "ede.json"
    uvp.dump(plan, path)
    result = runner.invoke(app, ["show", str(path)])
    assert "1 prioriteit, 1 thema, 1 actie (0 gezamenlijk, 1 lokaal)" in result.stdout
    assert "Bevindingen: 2 fouten, 0 waarschuwingen, 0 info" in result.stdout


def test_serve_without_the_server_extra_says_what_to_install() -> None:
    # Python as it is without the extra: FastAPI cannot be imported.
    code = (
        "import sys; sys.modules['fastapi'] = None; sys.argv = ['uvp', 'serve']; "
        "from uvp.cli import main; main()"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 2, completed.stderr
    assert 'python -m pip install "uvp[server]"' in " ".join(completed.stderr.split())

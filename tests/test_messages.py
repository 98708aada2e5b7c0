"""The catalogue of texts: every code the source uses is there, in every language.

The source is read as Python (its syntax tree), so a code used in a call that no
test happens to run is checked all the same: a missing text would otherwise be a
``KeyError`` in front of a user.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from uvp.messages import (
    FINDINGS,
    LANGUAGES,
    TEXTS,
    USAGE_TEXTS,
    Language,
    Nested,
    When,
    missing_params,
    placeholders,
    plural,
    render,
    translate_usage,
)

SRC = Path(__file__).parent.parent / "src" / "uvp"
TEXT_MAKERS = {
    "render",
    "_nl",
    "nl",
    "Phrase",
}  # whose first text argument (after a language) is a key
FINDING_MAKERS = {
    "Finding",
    "finding",
    "Note",
}  # Finding(code, ...), the reader's self.finding(code, ...), a reading's Note(code, ...)


class Use(NamedTuple):
    """A code the source uses: its text (or an f-string's fixed start) and where."""

    code: str
    prefix: bool  # an f-string: some key must start with *code*
    kind: str  # "text", "error" or "finding"
    where: str


def _name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _literal(node: ast.expr) -> tuple[str, bool] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, False
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value, True
    return None


def _is_error_class(name: str) -> bool:
    return name.endswith("Error") and not hasattr(builtins, name)


def uses() -> Iterator[Use]:
    """Every code used in src/uvp (outside the catalogue itself)."""
    for path in sorted(SRC.rglob("*.py")):
        if "messages" in path.relative_to(SRC).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node) or ""
            where = f"{path.relative_to(SRC.parent)}:{node.lineno}"
            # render(language, code, ...): the code comes second; elsewhere first.
            arguments = node.args[1:] if name == "render" else node.args
            first = _literal(arguments[0]) if arguments else None
            if name in TEXT_MAKERS and first:
                yield Use(first[0], first[1], "text", where)
            elif _is_error_class(name) and first:
                yield Use(first[0], first[1], "error", where)
            elif name in FINDING_MAKERS and first:
                yield Use(first[0], first[1], "finding", where)
            for keyword in node.keywords:
                given = _literal(keyword.value) if keyword.arg == "code" else None
                if given:
                    yield Use(given[0], given[1], "finding", where)


USES = list(uses())


def test_the_scan_sees_every_kind_of_use() -> None:
    # A scan that finds nothing would pass everything: it must see each kind of call.
    kinds = {(u.kind, u.prefix) for u in USES}
    assert {("text", False), ("text", True), ("error", False), ("finding", False)} <= kinds
    assert {"missing-lead", "invalid-lead", "quarter-matrix-mismatch"} <= {u.code for u in USES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_code_used_has_a_text_in_every_language(language: Language) -> None:
    missing = []
    for use in USES:
        if use.kind == "finding":
            found = use.code in FINDINGS
        elif use.prefix:
            found = any(key.startswith(use.code) for key in TEXTS[language])
        else:
            found = use.code in TEXTS[language] or use.code in FINDINGS
        if not found:
            missing.append(f"{use.where}: {use.code!r} ({use.kind})")
    assert not missing, "no text for:\n" + "\n".join(missing)


def test_every_language_has_every_text_with_the_same_placeholders() -> None:
    for language in LANGUAGES:
        assert TEXTS[language].keys() == TEXTS["nl"].keys(), language
    differ = [
        key
        for key, dutch in TEXTS["nl"].items()
        for language in LANGUAGES
        if placeholders(TEXTS[language][key]) != placeholders(dutch)
    ]
    assert not differ


@pytest.mark.parametrize("code", sorted(FINDINGS))
def test_every_finding_has_a_title_and_a_text_in_every_language(code: str) -> None:
    entry = FINDINGS[code]
    for language in LANGUAGES:
        assert entry.title[language].strip()
        assert entry.text[language].strip()
        for part in entry.parts.values():
            if isinstance(part, When):
                assert part.text[language].strip()
    wording = {language: placeholders(entry.text[language]) for language in LANGUAGES}
    assert len(set(wording.values())) == 1, wording
    # A part is named in the text, and a When part's param is not a placeholder of its own.
    assert entry.parts.keys() <= wording["nl"]


def test_every_text_in_the_catalogue_is_used() -> None:
    used = {u.code for u in USES if not u.prefix}
    prefixes = tuple(u.code for u in USES if u.prefix)
    constants = {
        node.value
        for path in SRC.rglob("*.py")
        # the catalogue's own table of typer's messages (uvp.messages._usage) uses codes too
        if "messages" not in path.relative_to(SRC).parts or path.name == "_usage.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    unused = [
        key
        for key in TEXTS["nl"]
        if key not in used and key not in constants and not key.startswith(prefixes)
    ]
    assert not unused
    assert not set(FINDINGS) - {u.code for u in USES if u.kind == "finding"}


@pytest.mark.parametrize(
    ("prefix", "homes"),
    [
        ("cli-", ("cli",)),
        ("addin-", ("addin",)),
        # the server and its connections (uvp.addin._http, which answers 400/408/503 itself)
        ("server-", ("addin/server.py", "addin/_http.py")),
    ],
    ids=["cli", "addin", "server"],
)
def test_a_layer_s_keys_are_used_by_that_layer_only(prefix: str, homes: tuple[str, ...]) -> None:
    # Keys say which layer shows them; a text two layers show has no layer in its name.
    places = tuple(f"uvp/{home}" for home in homes)
    strays = [u.where for u in USES if u.code.startswith(prefix) and not u.where.startswith(places)]
    assert not strays


# -- rendering ---------------------------------------------------------------------------


class Case(NamedTuple):
    code: str
    params: dict[str, object]
    nl: str


RENDERED = [
    Case(
        "missing-quarter",
        {"action": "Een actie.", "lead": None},
        'Actie "Een actie." heeft geen kwartaal: vul in wanneer de actie gepland is '
        "(bijv. Q2, Q2-Q4 of Doorlopend).",
    ),
    Case(
        "missing-quarter",
        {"action": "Een actie.", "lead": "Politie"},
        'Actie "Een actie." heeft geen kwartaal voor Politie: vul in wanneer de actie gepland '
        "is (bijv. Q2, Q2-Q4 of Doorlopend).",
    ),
    Case(
        "invalid-quarter",
        {"text": "Q5", "reason": "unknown-quarter", "reason_text": "Q5", "reason_quarter": 5},
        "Kwartaal 'Q5' is niet te lezen. 'Q5' is geen kwartaalplanning: Q5 bestaat niet "
        "(een jaar heeft Q1 tot en met Q4).",
    ),
    Case(
        "duplicate-action",
        {"action": "Een actie.", "other_place": "Ondermijning › Drugs", "other_number": 2},
        'Actie "Een actie." staat meer dan één keer in het plan (ook bij Ondermijning › Drugs '
        "› actie 2): voeg de regels samen of maak het verschil duidelijk.",
    ),
]


@pytest.mark.parametrize("case", RENDERED, ids=lambda c: f"{c.code}-{len(c.params)}")
def test_parts_of_a_finding_s_text_render_in_each_language(case: Case) -> None:
    assert render("nl", case.code, **case.params) == case.nl
    english = render("en", case.code, **case.params)
    assert english != case.nl
    assert "{" not in english


@pytest.mark.parametrize(
    ("code", "params", "missing"),
    [
        ("overdue", {"action": "x", "due": "31-03-2024"}, ["peildatum"]),
        ("missing-quarter", {"action": "x"}, ["lead"]),
        ("invalid-lead", {"text": "x"}, ["reason"]),
        (
            "invalid-lead",
            {"text": "x", "reason": "lead-too-long", "reason_text": "x"},
            ["reason_length"],
        ),
        ("invalid-lead", {"text": "x", "reason": "no-such-text"}, None),
        ("missing-lead", {"action": "x"}, []),
    ],
    ids=["plain", "when-part", "nested-code", "nested-params", "nested-unknown", "complete"],
)
def test_missing_params_are_named(
    code: str, params: dict[str, object], missing: list[str] | None
) -> None:
    found = missing_params(code, params)
    if missing is None:
        assert found
        assert all("no-such-text" in m for m in found)
    else:
        assert found == missing


def test_an_unknown_code_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown finding code 'no-such-finding'"):
        missing_params("no-such-finding", {})
    with pytest.raises(KeyError, match="no-such-text"):
        render("nl", "no-such-text")
    assert isinstance(FINDINGS["invalid-lead"].parts["reason"], Nested)


def test_the_findings_table_in_the_docs_lists_every_code_with_its_severity() -> None:
    text = (SRC.parent.parent / "docs" / "workbooks.md").read_text(encoding="utf-8")
    section = text.split("\n## Findings\n", 1)[1].split("\n## ", 1)[0]
    rows = [line.split("|") for line in section.splitlines() if line.startswith("| `")]
    documented = {cells[1].strip(" `"): cells[2].strip() for cells in rows}
    assert documented == {code: entry.severity for code, entry in FINDINGS.items()}


# -- plurals -------------------------------------------------------------------------------------

# A count before a plural noun, or a noun with its plural in brackets: "1 acties", "actie(s)".
_PSEUDO_PLURAL = re.compile(r"\w\((?:s|en|n|len|men|es)\)|\w/\w+en\b")
_COUNTED_NOUN = re.compile(
    r"\{(\w+)\} (acties|cellen|cells|prioriteiten|thema's|doelen|kwartalen|fouten|waarschuwingen|regels"
    r"|bestanden|plannen|wijzigingen|seconden|rijen|kolommen|bladen|verzoeken|actions"
    r"|priorities|themes|goals|quarters|errors|warnings|lines|files|plans|changes|seconds"
    r"|rows|columns|sheets|requests)\b"
)


def _templates() -> list[tuple[str, str]]:
    found = [(f"{lang}:{key}", text) for lang in LANGUAGES for key, text in TEXTS[lang].items()]
    for code, entry in FINDINGS.items():
        found += [(f"{lang}:{code}", text) for lang, text in entry.text.items()]
        for part in entry.parts.values():
            if isinstance(part, When):
                found += [(f"{lang}:{code}", text) for lang, text in part.text.items()]
    return found


def test_no_text_counts_in_the_plural_whatever_the_number() -> None:
    wrong = [
        f"{key}: {text}"
        for key, text in _templates()
        if _PSEUDO_PLURAL.search(text) or _COUNTED_NOUN.search(text)
    ]
    assert not wrong, "use {count:plural:# actie|# acties}:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    ("code", "params", "said"),
    [
        ("plan-summary", {"priorities": 1, "themes": 1, "actions": 1, "joint": 0, "local": 1},
         "1 prioriteit, 1 thema, 1 actie (0 gezamenlijk, 1 lokaal)"),
        ("plan-summary", {"priorities": 2, "themes": 0, "actions": 3, "joint": 1, "local": 2},
         "2 prioriteiten, 0 thema's, 3 acties (1 gezamenlijk, 2 lokaal)"),
        ("findings-summary", {"errors": 1, "warnings": 1, "infos": 0},
         "Bevindingen: 1 fout, 1 waarschuwing, 0 info"),
        ("cli-failed", {"count": 1, "total": 3}, "1 van de 3 bestanden is mislukt:"),
        ("cli-failed", {"count": 2, "total": 3}, "2 van de 3 bestanden zijn mislukt:"),
        ("history-next-year-ongoing", {"count": 1}, "1 actie blijft Doorlopend."),
        ("lead-quarter-mismatch",
         {"leads": 1, "quarters": 2, "lead_column": "Trekker", "quarter_column": "Kwartaal"},
         "Trekker heeft 1 regel en Kwartaal 2: geef één kwartaal voor alle trekkers, of één "
         "kwartaal per trekkerregel."),
    ],
    ids=["one", "several", "finding-counts", "failed-one", "failed-two", "verb", "finding"],
)  # fmt: skip
def test_counts_say_their_noun_in_the_right_number(
    code: str, params: dict[str, object], said: str
) -> None:
    assert render("nl", code, **params) == said


def test_a_plural_without_two_forms_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="two forms"):
        plural(2, "acties")


# -- typer's own words -----------------------------------------------------------------------------

TYPER_SAYS = [
    ("Missing argument 'PLAN'.", "Argument PLAN ontbreekt."),
    ("Missing option '--gemeente'.", "Optie --gemeente ontbreekt."),
    ("Missing option '-o' / '--output'.", "Optie --output ontbreekt."),
    ("No such option: --frob", "Onbekende optie --frob."),
    ("No such option: --formaat (Possible options: --format)",
     "Onbekende optie --formaat. Bedoelt u --format?"),
    ("Option '--jaar' requires an argument.", "Optie --jaar heeft een waarde nodig."),
    ("Option '--overwrite' does not take a value.", "Optie --overwrite neemt geen waarde."),
    ("Got unexpected extra argument (c)", "Te veel argumenten: c."),
    ("Got unexpected extra argument(s) (c d)", "Te veel argumenten: c d."),
    ("No such command 'nope'.", "Onbekende opdracht 'nope'."),
    ("Missing command.", "Geef een opdracht."),
    ("Invalid value for '--jaar': Input should be a valid integer, unable to parse string as an "
     "integer", "Ongeldige waarde voor --jaar: dit is geen geheel getal."),
    ("Invalid value for '--request-timeout': Input should be a valid number, unable to parse "
     "string as a number", "Ongeldige waarde voor --request-timeout: dit is geen getal."),
    ("Invalid value for '--port': Input should be greater than or equal to 1",
     "Ongeldige waarde voor --port: dit moet minstens 1 zijn."),
    ("Invalid value for '--port': Input should be less than or equal to 65535",
     "Ongeldige waarde voor --port: dit mag hoogstens 65535 zijn."),
    ("Invalid value for '--format': Value error, 'xml' is not one of 'text', 'json'.",
     "Ongeldige waarde voor --format: 'xml' kan niet: kies uit 'text', 'json'."),
    ("Invalid value for '--peildatum': Value error, not a date: '1-13-2024' (write 1-10-2024 "
     "or 2024-10-01)",
     "Ongeldige waarde voor --peildatum: '1-13-2024' is geen datum: schrijf bijvoorbeeld "
     "1-10-2024 of 2024-10-01."),
]  # fmt: skip


@pytest.mark.parametrize(("english", "dutch"), TYPER_SAYS, ids=[e[:28] for e, _ in TYPER_SAYS])
def test_typer_s_usage_errors_are_said_in_dutch(english: str, dutch: str) -> None:
    assert translate_usage(english, "nl") == dutch
    assert translate_usage(english, "en") != english or english == "Missing command."


def _patterns_used(english: str) -> set[str]:
    """The codes whose patterns read *english*: the message's, and its reason's."""
    for pattern, code in USAGE_TEXTS:
        if match := pattern.fullmatch(english):
            reason = match.groupdict().get("reason")
            return {code} | (_patterns_used(reason) if reason else set())
    return set()


def test_every_pattern_of_typer_s_words_is_tested() -> None:
    used = set().union(*(_patterns_used(english) for english, _ in TYPER_SAYS))
    assert used == {code for _, code in USAGE_TEXTS}

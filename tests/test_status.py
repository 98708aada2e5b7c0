"""Status words of real progress reports, read as the statuses uvp counts."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import uvp
from tests.conftest import ROOT

# text, the column's heading (None: any), the status; per family, as docs/notations.md lists them
STATUS_FAMILIES: dict[str, list[tuple[str, str | None, str]]] = {
    "the drop-down": [
        ("Gepland", None, "planned"),
        ("Loopt", None, "running"),
        ("Aandacht", None, "at-risk"),
        ("Gereed", None, "done"),
        ("Uitgesteld", None, "postponed"),
        ("Vervallen", None, "cancelled"),
        ("at-risk", None, "at-risk"),
    ],
    "traffic lights": [
        ("groen", None, "running"),
        ("Groen", None, "running"),
        ("G", None, "running"),
        ("oranje", None, "at-risk"),
        ("O", None, "at-risk"),
        ("geel", None, "at-risk"),
        ("rood", None, "at-risk"),
        ("R", None, "at-risk"),
        ("grijs", None, "planned"),
        ("groen: loopt volgens planning", None, "running"),
    ],
    "under way": [
        ("op schema", None, "running"),
        ("ligt op schema", None, "running"),
        ("op koers", None, "running"),
        ("loopt", None, "running"),
        ("lopend", None, "running"),
        ("in uitvoering", None, "running"),
        ("In volle gang", None, "running"),
        ("gestart", None, "running"),
        ("in voorbereiding", None, "running"),
        ("deels gerealiseerd", None, "running"),
        ("gedeeltelijk gerealiseerd", None, "running"),
        ("continueren", None, "running"),
    ],
    "needs attention": [
        ("vraagt aandacht", None, "at-risk"),
        ("vertraagd", None, "at-risk"),
        ("vertraging opgelopen", None, "at-risk"),
        ("loopt achter", None, "at-risk"),
        ("niet op schema", None, "at-risk"),
        ("niet gerealiseerd", None, "at-risk"),
        ("niet behaald", None, "at-risk"),
        ("risico", None, "at-risk"),
    ],
    "done": [
        ("gerealiseerd", None, "done"),
        ("afgerond", None, "done"),
        ("Afgerond.", None, "done"),
        ("behaald", None, "done"),
        ("doel is behaald", None, "done"),
        ("uitgevoerd", None, "done"),
        ("vastgesteld", None, "done"),
        ("✓", None, "done"),
        ("afgerond (mei 2024)", None, "done"),
    ],
    "afgerond ja/nee": [
        ("ja", "Afgerond", "done"),
        ("Ja", "Afgerond?", "done"),
        ("x", "Afgerond (ja/nee)", "done"),
        ("nee", "Afgerond", "planned"),
        ("Nee", "Gereed?", "planned"),
        ("ja", "Gerealiseerd", "done"),
    ],
    "percentages": [
        ("0%", None, "planned"),
        ("60%", None, "running"),
        ("60 %", None, "running"),
        ("60% gereed", None, "running"),
        ("100%", None, "done"),
        ("0,75", None, "running"),
        ("0.6", None, "running"),
        ("1", "Voortgang (%)", "done"),
        ("0", "Voortgang", "planned"),
        ("75", "Voortgang", "running"),
        ("100", "% gereed", "done"),
    ],
    "postponed": [
        ("uitgesteld", None, "postponed"),
        ("uitgesteld (naar 2025)", None, "postponed"),
        ("uitgesteld naar 2025", None, "postponed"),
        ("doorgeschoven", None, "postponed"),
        ("doorgeschoven naar Q3", None, "postponed"),
        ("verschoven", None, "postponed"),
        ("on hold", None, "postponed"),
    ],
    "cancelled": [
        ("vervallen", None, "cancelled"),
        ("komt te vervallen", None, "cancelled"),
        ("geannuleerd", None, "cancelled"),
        ("geschrapt", None, "cancelled"),
        ("gestopt", None, "cancelled"),
        ("n.v.t.", None, "cancelled"),
    ],
}
STATUS_CASES = [(f, *case) for f, cases in STATUS_FAMILIES.items() for case in cases]


@pytest.mark.parametrize(
    ("family", "text", "heading", "status"),
    STATUS_CASES,
    ids=[f"{c[0]}: {c[1]} [{c[2]}]" for c in STATUS_CASES],
)
def test_status_vocabulary(family: str, text: str, heading: str | None, status: str) -> None:
    assert uvp.parse_status(text, heading=heading) == status
    # What the drop-down shows for it reads back as the same status.
    assert uvp.parse_status(uvp.STATUS_LABELS[status]) == status  # type: ignore[index]


UNREAD = [
    ("misschien", None),
    ("", None),
    ("ja", None),  # yes to what? only under an Afgerond heading
    ("nee", "Status"),
    ("1", None),
    ("150%", None),
    ("75", None),
    ("blauw", None),
]


@pytest.mark.parametrize(("text", "heading"), UNREAD, ids=[f"{t!r} [{h}]" for t, h in UNREAD])
def test_words_that_are_no_status(text: str, heading: str | None) -> None:
    assert uvp.parse_status(text, heading=heading) is None


def test_one_label_per_status_in_the_catalogue() -> None:
    assert list(uvp.STATUS_LABELS) == list(uvp.STATUSES)
    assert list(uvp.STATUS_LABELS.values()) == [
        "Gepland",
        "Loopt",
        "Aandacht",
        "Gereed",
        "Uitgesteld",
        "Vervallen",
    ]


def test_no_second_table_of_status_labels_in_the_code() -> None:
    # The labels live in the message catalogue; uvp.STATUS_LABELS is read from it.
    for path in (ROOT / "src" / "uvp").rglob("*.py"):
        if path.name == "messages.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r'"(?:planned|running)":\s*"(?:Gepland|Loopt)"', text), path


def _plan(*statuses: str | None) -> uvp.Plan:
    actions = [
        uvp.Action(f"Actie {i}.", uvp.parse_assignments("Ede", "Q4"), status=s)  # type: ignore[arg-type]
        for i, s in enumerate(statuses)
    ]
    return uvp.Plan(
        "Ede", 2024, priorities=(uvp.Priority("P", "joint", (uvp.Theme("T", actions=actions),)),)
    )


def test_at_risk_counts_as_running_that_needs_attention() -> None:
    plan = _plan("running", "at-risk", "done", None, "cancelled")
    before, after = dt.date(2024, 11, 1), dt.date(2025, 1, 2)
    tally = uvp.core.Tally.of(plan.actions, 2024, before)
    assert (tally.running, tally.at_risk, tally.done, tally.cancelled) == (2, 1, 1, 1)
    assert tally.other == 1
    # Once overdue, an action that needs attention is overdue, like a running one.
    late = uvp.core.Tally.of(plan.actions, 2024, after)
    assert (late.running, late.at_risk, late.overdue) == (0, 0, 3)


def test_the_schema_knows_every_status() -> None:
    enum = uvp.json_schema()["$defs"]["action"]["properties"]["status"]["anyOf"][0]["enum"]
    assert enum == list(uvp.STATUSES)


def test_docs_list_every_status_label() -> None:
    notations = (ROOT / "docs" / "notations.md").read_text(encoding="utf-8")
    for label in uvp.STATUS_LABELS.values():
        assert label in notations

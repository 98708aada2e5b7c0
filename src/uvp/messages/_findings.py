"""The finding catalogue: one entry per finding code, with its severity and its texts.

Each entry gives the code's default severity and, per language, a short title
and the template of its message. A template's ``{placeholders}`` are the
finding's params, or one of the entry's *parts*: a piece of text shown only
when a param has a value (:class:`When`), or another message whose code a param
holds (:class:`Nested`). Render a finding with :func:`uvp.messages.render`.

>>> FINDINGS["missing-lead"].severity, FINDINGS["missing-lead"].title["en"]
('error', 'Missing lead')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal

import attrs

from uvp.messages._texts import Language

__all__ = ["FINDINGS", "FindingEntry", "Nested", "Severity", "When"]

Severity = Literal["error", "warning", "info"]
"""How bad a finding is: an ``error`` must be fixed, a ``warning`` should be looked at."""


@attrs.frozen
class When:
    """A part of a message shown only when the param *param* has a value.

    >>> When("lead", {"nl": " voor {lead}", "en": " for {lead}"}).param
    'lead'
    """

    param: str
    text: Mapping[Language, str]


@attrs.frozen
class Nested:
    """A part of a message that is another message: the param of the part's own name
    holds that message's code, and the params named ``<part>_<name>`` fill it in.

    A finding about a cell that cannot be read says why with the reading error's
    own message: ``{"reason": "lead-no-letters", "reason_text": "123"}``.

    >>> Nested()
    Nested()
    """


Part = When | Nested


@attrs.frozen
class FindingEntry:
    """A finding code's catalogue entry: default severity, title and message template.

    >>> entry = FINDINGS["overdue"]
    >>> entry.severity, entry.title["nl"]
    ('warning', 'Te laat')
    """

    severity: Severity
    title: Mapping[Language, str]
    text: Mapping[Language, str]
    parts: Mapping[str, Part] = attrs.field(factory=dict)


def _entry(
    severity: Severity,
    title: tuple[str, str],
    nl: str,
    en: str,
    parts: Mapping[str, Part] | None = None,
) -> FindingEntry:
    return FindingEntry(
        severity, {"nl": title[0], "en": title[1]}, {"nl": nl, "en": en}, dict(parts or {})
    )


FINDINGS: Final[Mapping[str, FindingEntry]] = {
    # Met when reading a workbook
    "invalid-year": _entry(
        "error",
        ("Onleesbaar jaartal", "Unreadable year"),
        "'{text}' is geen jaartal: vul een jaar in, zoals 2024.",
        "'{text}' is not a year: write a year, such as 2024.",
    ),
    "missing-text": _entry(
        "warning",
        ("Regel zonder actie", "Row without an action"),
        "Deze regel heeft een trekker ('{lead}') of kwartaal ('{quarter}') maar geen actie: "
        "vul de actie in of maak de regel leeg.",
        "This row has a lead ('{lead}') or a quarter ('{quarter}') but no action: "
        "fill in the action or empty the row.",
    ),
    "invalid-status": _entry(
        "error",
        ("Onbekende status", "Unknown status"),
        "Status '{text}' is onbekend: kies Gepland, Loopt, Gereed, Uitgesteld of Vervallen.",
        "Status '{text}' is unknown: choose Gepland, Loopt, Gereed, Uitgesteld or Vervallen.",
    ),
    "lead-quarter-mismatch": _entry(
        "error",
        ("Trekker en Kwartaal passen niet", "Lead and quarter lines do not pair up"),
        "Trekker heeft {leads} regel(s) en Kwartaal {quarters}: geef één kwartaal voor alle "
        "trekkers, of één kwartaal per trekkerregel.",
        "Trekker has {leads} line(s) and Kwartaal {quarters}: give one quarter for all "
        "leads, or one quarter per lead line.",
    ),
    "invalid-lead": _entry(
        "error",
        ("Onleesbare trekker", "Unreadable lead"),
        "Trekker '{text}' is niet te lezen. {reason}",
        "Trekker '{text}' cannot be read: {reason}",
        {"reason": Nested()},
    ),
    "invalid-quarter": _entry(
        "error",
        ("Onleesbaar kwartaal", "Unreadable quarter"),
        "Kwartaal '{text}' is niet te lezen. {reason}",
        "Kwartaal '{text}' cannot be read: {reason}",
        {"reason": Nested()},
    ),
    "invalid-subtheme": _entry(
        "warning",
        ("Subthema is geen letter", "Subtheme is not a letter"),
        "Subthema '{text}' is geen letter: gebruik A, B, C, …",
        "Subthema '{text}' is not a letter: use A, B, C, …",
    ),
    "no-action-table": _entry(
        "error",
        ("Geen actietabel", "No action table"),
        "{source}: geen actietabel gevonden (een kopregel met Actie/Activiteit en Trekker "
        "of Kwartaal).",
        "{source}: no action table found (a header with Actie/Activiteit and Trekker or Kwartaal).",
    ),
    "unknown-priority-kind": _entry(
        "info",
        ("Soort prioriteit onbekend", "Kind of priority unknown"),
        'Van prioriteit "{priority}" staat niet of het een gezamenlijke of lokale prioriteit '
        "is; uvp neemt gezamenlijk aan. Vul de soort in op het blad Plan.",
        'Priority "{priority}" does not say whether it is a joint or a local priority; '
        "uvp takes it as joint. Fill in its kind on the Plan sheet.",
    ),
    # The plan's content (uvp.core.validate_plan)
    "missing-lead": _entry(
        "error",
        ("Geen trekker", "Missing lead"),
        'Actie "{action}" heeft geen trekker: vul in wie de actie trekt.',
        'Action "{action}" has no lead (trekker): fill in who leads the action.',
    ),
    "missing-quarter": _entry(
        "error",
        ("Geen kwartaal", "Missing quarter"),
        'Actie "{action}" heeft geen kwartaal{lead_part}: vul in wanneer de actie '
        "gepland is (bijv. Q2, Q2-Q4 of Doorlopend).",
        'Action "{action}" has no quarter{lead_part}: fill in when the action is planned '
        "(e.g. Q2, Q2-Q4 or Doorlopend).",
        {"lead_part": When("lead", {"nl": " voor {lead}", "en": " for {lead}"})},
    ),
    "unknown-lead": _entry(
        "warning",
        ("Onbekende trekker", "Unknown lead"),
        'Trekker "{lead}" van actie "{action}" is geen partner van het plan en geen '
        "bekende organisatie: controleer de schrijfwijze of voeg de partner toe.",
        'Lead "{lead}" of action "{action}" is neither a partner of the plan nor a known '
        "organisation: check the spelling or add the partner.",
    ),
    "duplicate-action": _entry(
        "warning",
        ("Dubbele actie", "Duplicate action"),
        'Actie "{action}" staat meer dan één keer in het plan (ook bij {other_place} › '
        "actie {other_number}): voeg de regels samen of maak het verschil duidelijk.",
        'Action "{action}" is in the plan more than once (also at {other_place} › '
        "action {other_number}): merge the rows or make the difference clear.",
    ),
    "goal-without-actions": _entry(
        "warning",
        ("Doel zonder acties", "Goal without actions"),
        'Doel {letter} van thema "{theme}" heeft geen acties: voeg een actie toe '
        "of schrap het doel.",
        'Goal {letter} of theme "{theme}" has no actions: add an action or drop the goal.',
    ),
    "overdue": _entry(
        "warning",
        ("Te laat", "Overdue"),
        'Actie "{action}" moest op {due} klaar zijn en staat op de peildatum ({peildatum}) '
        "niet op Gereed: zet de status bij, of plan de actie opnieuw.",
        'Action "{action}" was due on {due} and is not Gereed on the peildatum ({peildatum}): '
        "bring its status up to date, or plan the action again.",
    ),
    # The quarter matrix beside an action table (uvp fill)
    "quarter-matrix-mismatch": _entry(
        "error",
        ("Kwartaal en kwartaalkolommen verschillen", "Quarter and quarter columns disagree"),
        "Kwartaal '{kwartaal}' zegt {quarters}, maar in de kwartaalkolommen is {marked} "
        "aangekruist: maak ze gelijk (uvp verandert geen van beide).",
        "Kwartaal '{kwartaal}' says {quarters}, but the quarter columns mark {marked}: "
        "make them agree (uvp changes neither).",
    ),
}
"""Every finding code uvp reports, with its entry."""

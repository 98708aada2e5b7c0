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

    The param must be given (``None`` leaves the part out), unless the part is
    *optional*: then a finding made without it reads, and its params stay, as
    they were before the part was added.

    >>> When("lead", {"nl": " voor {lead}", "en": " for {lead}"}).param
    'lead'
    """

    param: str
    text: Mapping[Language, str]
    optional: bool = False


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


# A column headed otherwise than uvp's own word for it (Planning for Kwartaal, Wie for
# Trekker): the finding names it as staff headed it.
_COLUMN_PART: Final[Mapping[str, Part]] = {
    "column_part": When(
        "column", {"nl": " (kolom '{column}')", "en": " (column '{column}')"}, optional=True
    )
}

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
        "Status '{text}'{column_part} is onbekend: kies Gepland, Loopt, Aandacht, Gereed, "
        "Uitgesteld of Vervallen.",
        "Status '{text}'{column_part} is unknown: choose Gepland, Loopt, Aandacht, Gereed, "
        "Uitgesteld or Vervallen.",
        _COLUMN_PART,
    ),
    "lead-quarter-mismatch": _entry(
        "error",
        ("Trekker en Kwartaal passen niet", "Lead and quarter lines do not pair up"),
        "{lead_column} heeft {leads:plural:# regel|# regels} en {quarter_column} {quarters}: "
        "geef één kwartaal voor alle trekkers, of één kwartaal per trekkerregel.",
        "{lead_column} has {leads:plural:# line|# lines} and {quarter_column} {quarters}: give "
        "one quarter for all leads, or one quarter per lead line.",
    ),
    "invalid-lead": _entry(
        "error",
        ("Onleesbare trekker", "Unreadable lead"),
        "Trekker '{text}'{column_part} is niet te lezen. {reason}",
        "Trekker '{text}'{column_part} cannot be read: {reason}",
        {"reason": Nested(), **_COLUMN_PART},
    ),
    "invalid-quarter": _entry(
        "error",
        ("Onleesbaar kwartaal", "Unreadable quarter"),
        "Kwartaal '{text}'{column_part} is niet te lezen. {reason}",
        "Kwartaal '{text}'{column_part} cannot be read: {reason}",
        {"reason": Nested(), **_COLUMN_PART},
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
        'Actie "{action}" heeft geen trekker{column_part}: vul in wie de actie trekt.',
        'Action "{action}" has no lead (trekker){column_part}: fill in who leads the action.',
        _COLUMN_PART,
    ),
    "missing-quarter": _entry(
        "error",
        ("Geen kwartaal", "Missing quarter"),
        'Actie "{action}" heeft geen kwartaal{lead_part}{column_part}: vul in wanneer de '
        "actie gepland is (bijv. Q2, Q2-Q4 of Doorlopend).",
        'Action "{action}" has no quarter{lead_part}{column_part}: fill in when the action '
        "is planned (e.g. Q2, Q2-Q4 or Doorlopend).",
        {"lead_part": When("lead", {"nl": " voor {lead}", "en": " for {lead}"}), **_COLUMN_PART},
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
    "invalid-order": _entry(
        "warning",
        ("Volgorde is geen getal", "Order is not a number"),
        "Volgorde '{text}' is geen getal: de actie staat in de volgorde van het blad.",
        "Volgorde '{text}' is not a number: the action keeps its place in the sheet.",
    ),
    "quarter-matrix-kept": _entry(
        "warning",
        ("Kwartaalkolommen niet overgenomen", "Quarter columns not taken over"),
        "In de kwartaalkolommen is {marked} aangekruist, maar uvp kan dat niet in Kwartaal "
        "zetten ({reason}): vul Kwartaal zelf in. De kruisjes blijven staan.",
        "The quarter columns mark {marked}, but uvp cannot put that in Kwartaal ({reason}): "
        "fill in Kwartaal yourself. The marks stay.",
        {"reason": Nested()},
    ),
    # -- vocabulary (issue 11): how a cell was read, noted by uvp.core's readings (Note)
    "approximate-quarter": _entry(
        "info",
        ("Kwartaal bij benadering", "Approximate quarter"),
        "Kwartaal '{text}' is gelezen als {reading} (bij benadering): vul een kwartaal in "
        "als u het precies weet.",
        "Kwartaal '{text}' was read as {reading} (approximately): write a quarter if you "
        "know it exactly.",
    ),
    "other-year": _entry(
        "warning",
        ("Ander jaar", "Another year"),
        "Kwartaal '{text}' noemt {year}, niet het planjaar {plan_year}: gelezen als "
        "{reading}. Hoort de actie in dit plan?",
        "Kwartaal '{text}' names {year}, not the plan's year {plan_year}: read as {reading}. "
        "Does the action belong in this plan?",
    ),
    "beyond-year": _entry(
        "info",
        ("Over meer jaren", "Over several years"),
        "Kwartaal '{text}' loopt over meer dan één jaar: voor dit plan gelezen als {reading}.",
        "Kwartaal '{text}' runs over more than one year: read for this plan as {reading}.",
    ),
    "unplanned": _entry(
        "info",
        ("Niet gepland", "Not planned"),
        "Kwartaal '{text}': de actie is (nog) niet gepland. Vul een kwartaal in zodra dat "
        "bekend is.",
        "Kwartaal '{text}': the action is not planned (yet). Write a quarter once it is known.",
    ),
    "quarter-comment": _entry(
        "info",
        ("Toelichting in Kwartaal", "Comment in Kwartaal"),
        "Kwartaal '{text}': '{comment}' tussen haakjes is gelezen als toelichting; het "
        "kwartaal is {reading}.",
        "Kwartaal '{text}': '{comment}' in brackets was read as a comment; the quarter is "
        "{reading}.",
    ),
    "several-leads": _entry(
        "info",
        ("Meer trekkers in één regel", "Several leads on one line"),
        "Trekker '{text}' noemt {count} organisaties: gelezen als {leads}.",
        "Trekker '{text}' names {count} organisations: read as {leads}.",
    ),
    "lead-partners": _entry(
        "info",
        ("Partner in Trekker", "Partner in Trekker"),
        "Trekker '{text}' noemt wie meedoet maar niet trekt ({partners}); de trekker is {leads}. Zet "
        "partners in de Toelichting (of een kolom Partners).",
        "Trekker '{text}' names who takes part but does not lead ({partners}); the lead is {leads}. "
        "Put partners in Toelichting (or a Partners column).",
    ),
    "generic-municipality": _entry(
        "warning",
        ("Welke gemeente?", "Which municipality?"),
        "Trekker '{text}' is een onderdeel van de gemeente, maar uvp weet niet welke "
        "gemeente: zet de gemeente op het blad Plan.",
        "Trekker '{text}' is part of a municipality, but uvp does not know which: write the "
        "municipality on the Plan sheet.",
    ),
    "ambiguous-municipality": _entry(
        "warning",
        ("Meer gemeenten met die naam", "Several municipalities of that name"),
        "Trekker '{text}' kan meerdere gemeenten zijn ({candidates}): schrijf de gemeente voluit.",
        "Trekker '{text}' can be any of several municipalities ({candidates}): write the "
        "municipality in full.",
    ),
    "merged-municipality": _entry(
        "info",
        ("Heringedeelde gemeente", "Merged municipality"),
        "Trekker '{text}': deze gemeente is in {year} opgegaan in {successor}; gelezen als "
        "{successor}.",
        "Trekker '{text}': this municipality became part of {successor} in {year}; read as "
        "{successor}.",
    ),
    # -- end of vocabulary (issue 11)
    # -- workbook layout (issue 11) and reading without loss (issue 13)
    "unreadable-column": _entry(
        "error",
        ("Kolom niet te lezen", "Column cannot be read"),
        "De kolom '{column}' is niet te lezen als {what}: geen van de {count:plural:# cel|# cellen} "
        "eronder is dat (zoals '{example}'). Schrijf ze zoals in docs/notations.md, of leer "
        "uvp de woorden in een blad Woordenlijst.",
        "Column '{column}' cannot be read as {what}: none of its {count:plural:# cell|# cells} is one "
        "(such as '{example}'). Write them as in docs/notations.md, or teach uvp the words "
        "in a Woordenlijst sheet.",
        {"what": Nested()},
    ),
    "invalid-vocabulary": _entry(
        "error",
        ("Woordenlijst niet te lezen", "Woordenlijst row cannot be read"),
        "Deze regel van de Woordenlijst is niet gebruikt: {reason}",
        "This row of the Woordenlijst is not used: {reason}",
        {"reason": Nested()},
    ),
    "unread-cell": _entry(
        "warning",
        ("Cel niet gelezen", "Cell not read"),
        "'{text}'{more_part} staat buiten de actietabellen en is niet in het plan gelezen: "
        "zet het in een kolom van de tabel (zoals Toelichting), of op een ander blad.",
        "'{text}'{more_part} stands outside the action tables and was not read into the "
        "plan: put it in a column of the table (such as Toelichting), or on another sheet.",
        {
            "more_part": When(
                "more",
                {
                    "nl": " (en {more:plural:# cel|# cellen} rechts ervan)",
                    "en": " (and {more:plural:# cell|# cells} right of it)",
                },
                optional=True,
            )
        },
    ),
    "unread-column": _entry(
        "info",
        ("Kolom niet gelezen", "Column not read"),
        "De kolom '{column}' ({count:plural:# cel|# cellen} eronder) hoort niet bij het plan en is niet "
        "gelezen.",
        "Column '{column}' ({count:plural:# cell|# cells} below it) is not part of the plan and was not read.",
    ),
    "merged-cells": _entry(
        "error",
        ("Samengevoegde cellen", "Merged cells"),
        "De cellen {range} zijn samengevoegd{text_part}; uvp leest {what}. Maak de "
        "samenvoeging ongedaan, zodat elke kolom een eigen kop en elke regel een eigen "
        "actie heeft.",
        "Cells {range} are merged{text_part}; uvp reads {what}. Unmerge them, so that each "
        "column has its own heading and each row its own action.",
        {
            "text_part": When("text", {"nl": " ('{text}')", "en": " ('{text}')"}),
            "what": Nested(),
        },
    ),
    "hidden-sheet": _entry(
        "info",
        ("Verborgen blad", "Hidden sheet"),
        "Het blad is verborgen; uvp leest het toch mee in het plan.",
        "The sheet is hidden; uvp reads it into the plan all the same.",
    ),
    "hidden-rows": _entry(
        "info",
        ("Verborgen rijen", "Hidden rows"),
        "Verborgen rijen van dit blad: {rows}; uvp leest ze toch mee in het plan.",
        "Hidden rows of this sheet: {rows}; uvp reads them into the plan all the same.",
    ),
    "hidden-columns": _entry(
        "info",
        ("Verborgen kolommen", "Hidden columns"),
        "Verborgen kolommen van dit blad: {columns}; uvp leest ze toch mee in het plan.",
        "Hidden columns of this sheet: {columns}; uvp reads them into the plan all the same.",
    ),
    # -- end of workbook layout (issue 11) and reading without loss (issue 13)
}
"""Every finding code uvp reports, with its entry."""

"""A partner's agenda: everything one organisation leads or takes part in, across the plans.

The police, the Zorg- en Veiligheidshuis and each municipality have a part in
actions that are written in several municipalities' plans. :func:`agenda`
collects, per quarter, what *partner* has to do this year: the actions it
leads (*trekker*), the joint actions of all IVP partners (*gezamenlijk*), the
actions each municipality does for itself (*iedere gemeente*, for a
municipality) and the actions it joins (*sluit aan*, *deelt met*, *in
samenwerking met*).

The same joint action written in two plans is one line of the agenda, found
with :func:`uvp.compare`; where the plans put it in different quarters, the
line says so and stands under each of them.

>>> import uvp
>>> plans = [uvp.load("examples/nijkerk-2024.json"), uvp.load("examples/scherpenzeel-2024.json")]
>>> police = agenda(plans, "politie")
>>> police.partner, len(police.items) > 0
('Politie', True)
>>> damocles = next(i for i in agenda(plans, "Barneveld").items if "Damocles" in i.title)
>>> damocles.role, damocles.placements()
('lead', {1: ('Nijkerk',), 2: ('Scherpenzeel',)})
>>> damocles.agrees
False
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from uvp.core import (
    BUCKETS,
    Action,
    Assignment,
    Bucket,
    Plan,
    Schedule,
    UvpError,
    distinct_names,
    identify,
    organisation_name,
    quarter_buckets,
    schedules_text,
    where,
)
from uvp.messages import Language, render
from uvp.region._groups import Groups, Key
from uvp.region._match import Participants, participants_of
from uvp.workbook import (
    TITLE,
    WRAP,
    Located,
    PageSetup,
    Sheet,
    Style,
    write_new_workbook,
)

__all__ = [
    "Agenda",
    "AgendaItem",
    "Involvement",
    "Role",
    "agenda",
    "agenda_sheet",
    "bucket_label",
    "named_organisations",
    "role_label",
    "write_agenda_workbook",
]

Role = Literal["lead", "each", "joint", "participant"]
"""How a partner has a part in an action: it leads it; each municipality does its own;
all IVP partners do it together; it joins another's action."""


def role_label(role: Role, language: Language = "nl") -> str:
    """The partner's part as staff say it.

    >>> role_label("participant")
    'doet mee'
    """
    return render(language, f"agenda-role-{role}")


def bucket_label(bucket: Bucket, language: Language = "nl") -> str:
    """A quarter (or *Doorlopend*, *Zonder kwartaal*) as the agenda heads it.

    >>> bucket_label(3), bucket_label("ongoing")
    ('Q3 (juli – september)', 'Doorlopend')
    """
    return render(language, f"agenda-bucket-{bucket}")


_RANK: Final[Mapping[Role, int]] = {"lead": 0, "each": 1, "joint": 2, "participant": 3}


@attrs.frozen
class Involvement:
    """A partner's part in one action of one municipality's plan.

    ``assignments`` are the partner's own part: its assignments where it
    leads, else the whole action's.
    """

    municipality: str
    index: int
    action: Action
    role: Role
    assignments: tuple[Assignment, ...]
    place: str = ""

    @property
    def schedules(self) -> tuple[Schedule | None, ...]:
        """The quarters of the partner's part, one per assignment (``None`` where not given)."""
        return tuple(a.schedule for a in self.assignments)

    @property
    def buckets(self) -> frozenset[Bucket]:
        """The quarters this plan puts the partner's part in (or ongoing, or none), as
        :func:`uvp.core.quarter_buckets` says."""
        return quarter_buckets(self.assignments)

    @property
    def schedule_text(self) -> str:
        """The quarters as the plan writes them (``Q2-Q3``, ``Doorlopend``), or ``—``."""
        return schedules_text(self.assignments) or "—"


@attrs.frozen
class AgendaItem:
    """One action on the agenda, as one or more plans write it."""

    involvements: tuple[Involvement, ...]

    @property
    def title(self) -> str:
        """The action's text in the first plan that has it."""
        return self.involvements[0].action.text

    @property
    def role(self) -> Role:
        """The partner's largest part, as any plan says it (lead before joining)."""
        return min((i.role for i in self.involvements), key=_RANK.__getitem__)

    @property
    def municipalities(self) -> tuple[str, ...]:
        """The plans the action is in."""
        return tuple(i.municipality for i in self.involvements)

    def placements(self) -> dict[Bucket, tuple[str, ...]]:
        """Bucket (quarter, ``"ongoing"`` or ``"none"``) -> the plans that put the action there."""
        placed: dict[Bucket, tuple[str, ...]] = {}
        for bucket in BUCKETS:
            plans = tuple(i.municipality for i in self.involvements if bucket in i.buckets)
            if plans:
                placed[bucket] = plans
        return placed

    @property
    def agrees(self) -> bool:
        """Whether every plan puts the partner's part in the same quarters."""
        return len({i.buckets for i in self.involvements}) <= 1

    @property
    def window(self) -> bool:
        """Whether a plan leaves the choice between quarters open (``Q3/Q4``)."""
        return any(
            s is not None and s.kind == "window" for i in self.involvements for s in i.schedules
        )

    def schedules_text(self) -> str:
        """Each plan's quarters for the partner's part: ``Nijkerk: Q1; Scherpenzeel: Q2``."""
        if len(self.involvements) == 1:
            return self.involvements[0].schedule_text
        return "; ".join(f"{i.municipality}: {i.schedule_text}" for i in self.involvements)


@attrs.frozen
class Agenda:
    """Everything *partner* leads or takes part in across the plans of the region."""

    partner: str
    municipalities: tuple[str, ...]
    years: tuple[int, ...]
    items: tuple[AgendaItem, ...]

    def in_bucket(self, bucket: Bucket) -> tuple[AgendaItem, ...]:
        """The items a plan puts in *bucket*: a quarter 1..4, ``"ongoing"`` or ``"none"``."""
        return tuple(item for item in self.items if bucket in item.placements())

    def to_dict(self, sources: Sequence[Located] = ()) -> dict[str, Any]:
        """The agenda as JSON-ready data; with *sources*, each action's file and cell."""
        located = {source.plan.municipality: source for source in sources}

        def involvement(i: Involvement) -> dict[str, Any]:
            source = located.get(i.municipality)
            return {
                "municipality": i.municipality,
                "text": i.action.text,
                "role": i.role,
                "leads": [str(lead) for lead in i.action.leads],
                "schedule": i.schedule_text,
                "place": i.place,
                "file": str(source.path) if source else None,
                "cell": source.cell(i.index) if source else None,
            }

        return {
            "partner": self.partner,
            "municipalities": list(self.municipalities),
            "years": list(self.years),
            "quarters": {
                str(bucket): [self.items.index(item) for item in self.in_bucket(bucket)]
                for bucket in BUCKETS
            },
            "items": [
                {
                    "title": item.title,
                    "role": item.role,
                    "agrees": item.agrees,
                    "plans": [involvement(i) for i in item.involvements],
                }
                for item in self.items
            ],
        }


def _involvement(
    plan: Plan, index: int, action: Action, partner: str, place: str, cache: Participants
) -> Involvement | None:
    """The partner's part in *action* of *plan*, or None when it has none."""
    is_municipality = (org := identify(partner)) is not None and org.kind == "municipality"
    ivp = {organisation_name(n) for n in (plan.municipality, *plan.partners)}
    parts: dict[Role, list[Assignment]] = {}
    for assignment in action.assignments:
        lead = assignment.lead
        if lead is None:
            continue
        role: Role | None = None
        if lead.organisation == partner:
            role = "lead"
        elif lead.kind == "each-municipality" and (is_municipality or partner == plan.municipality):
            role = "each"
        elif lead.kind == "joint" and partner in ivp:
            role = "joint"
        if role is not None:
            parts.setdefault(role, []).append(assignment)
    if not parts and partner in participants_of(action, cache):
        parts["participant"] = list(action.assignments)
    if not parts:
        return None
    first: Role = min(parts, key=_RANK.__getitem__)
    return Involvement(plan.municipality, index, action, first, tuple(parts[first]), place)


def agenda(plans: Sequence[Plan], partner: str, *, strict: bool = False) -> Agenda:
    """What *partner* (``Politie``, a municipality, ``ZV-WVV``; any way of writing the
    name) leads or takes part in across *plans*, the same action in several plans once.

    With *strict*, a partner with no part in any plan that no plan names (see
    :func:`named_organisations`) and uvp does not know either is taken for a
    typing error: a :class:`~uvp.UvpError` (``agenda-unknown-partner``) names the
    organisations the plans do name, and the likeliest one when there is one.

    >>> import uvp
    >>> agenda([uvp.load("examples/nijkerk-2024.json")], "Polite", strict=True)
    Traceback (most recent call last):
    ...
    uvp.UvpError: 'Polite' appears in none of the plans. Did you mean Politie? ...
    """
    from uvp.region._compare import _comparison

    name = organisation_name(partner)
    cache: Participants = {}  # each action's participants, once for the whole agenda
    found: dict[Key, Involvement] = {}
    for plan in plans:
        for index, (priority, theme, action) in enumerate(plan.walk()):
            involvement = _involvement(plan, index, action, name, where(priority, theme), cache)
            if involvement is not None:
                found[plan.municipality, index] = involvement
    # The same joint action in several plans: one line, through the region view's matching.
    groups = Groups()
    if len({p.municipality for p in plans}) > 1:
        for item in _comparison(plans, cache).items:  # positions: the plans that have the action
            keys = [k for k in item.positions.items() if k in found]
            for key in keys[1:]:
                groups.join(keys[0], key)
    members: dict[int | Key, list[Involvement]] = {}
    for key, involvement in found.items():  # plan order, first plan first
        line: int | Key = next(iter(groups.of(key)), key)
        members.setdefault(line, []).append(involvement)
    if strict and not members:
        _check_known(plans, partner, name)
    return Agenda(
        name,
        tuple(p.municipality for p in plans),
        tuple(sorted({p.year for p in plans})),
        tuple(AgendaItem(tuple(m)) for m in members.values()),
    )


def named_organisations(plans: Sequence[Plan]) -> list[str]:
    """Every organisation the plans name: municipalities, partners, leads and participants
    (collectives such as *gezamenlijk* aside), in the order first named.

    >>> import uvp
    >>> named_organisations([uvp.load("examples/nijkerk-2024.json")])[:3]
    ['Nijkerk', 'Barneveld', 'Scherpenzeel']
    """
    names: dict[str, None] = {}
    for plan in plans:
        names.update(dict.fromkeys((plan.municipality, *plan.partners)))
        for action in plan.actions:
            names.update(dict.fromkeys(lead.organisation for lead in action.leads))
            names.update(dict.fromkeys(action.participants))
    collectives = ("joint", "each-municipality")
    return [n for n in names if (org := identify(n)) is None or org.kind not in collectives]


def _check_known(plans: Sequence[Plan], partner: str, name: str) -> None:
    """A UvpError when no plan names *partner* and uvp does not know it."""
    known = named_organisations(plans)
    if name in known or identify(partner) is not None:
        return
    try:
        from rapidfuzz import process
    except ImportError:  # Excel's own Python (Pyodide) has no rapidfuzz: no suggestion
        best = None
    else:
        best = process.extractOne(name, known, score_cutoff=60)
    if best is None:
        raise UvpError("agenda-unknown-partner", partner=partner, known=", ".join(known))
    raise UvpError(
        "agenda-unknown-partner-suggestion",
        partner=partner,
        suggestion=best[0],
        known=", ".join(known),
    )


_BUCKET: Final = Style(bold=True, size=12)
_DIFFERS: Final = Style(fill="FFEB9C")


def agenda_sheet(agenda: Agenda, sources: Sequence[Located] = (), folder: Path = Path()) -> Sheet:
    """The ``Agenda`` sheet: per quarter the partner's actions, with its part, the leads,
    each plan's quarters (yellow where the plans differ) and a link to the plan's cell
    (relative to *folder*, where the sheet's workbook is saved)."""
    from uvp.region._compare import put_link

    located = {source.plan.municipality: source for source in sources}
    years = "/".join(map(str, agenda.years))
    plans = ", ".join(agenda.municipalities)
    sheet = Sheet("Agenda", freeze="A4", page=PageSetup(repeat_rows=(3, 3)))
    sheet.set_widths([10, 12, 46, 18, 22, 16, 26, 14])
    sheet.put(1, 1, f"Agenda {agenda.partner} {years}: acties in de plannen van {plans}", TITLE)
    headers = [
        "Kwartaal",
        "Rol",
        "Actie",
        "Trekker",
        "Kwartaal volgens de plannen",
        "Plannen",
        "Prioriteit / thema",
        "Vindplaats",
    ]
    sheet.header(3, headers)
    row = 4
    for bucket in BUCKETS:
        items = agenda.in_bucket(bucket)
        if not items:
            continue
        heading = render(
            "nl", "agenda-bucket-heading", bucket=bucket_label(bucket), count=len(items)
        )
        sheet.put(row, 1, heading, _BUCKET)
        row += 1
        for item in items:
            first = item.involvements[0]
            leads = distinct_names(str(lead) for i in item.involvements for lead in i.action.leads)
            short = f"Q{bucket}" if isinstance(bucket, int) else bucket_label(bucket)
            sheet.put(row, 1, short)
            sheet.put(row, 2, role_label(item.role))
            sheet.put(row, 3, item.title)
            sheet.put(row, 4, ", ".join(leads) or None)
            sheet.put(
                row,
                5,
                item.schedules_text()
                + ("" if item.agrees else f" ({render('nl', 'agenda-differs')})"),
                None if item.agrees else _DIFFERS,
            )
            sheet.put(row, 6, ", ".join(item.municipalities))
            sheet.put(row, 7, first.place)
            put_link(
                sheet, row, 8, located.get(first.municipality), first.index, folder, whose=True
            )
            for column in range(1, len(headers) + 1):
                sheet.style(row, column, WRAP)
            row += 1
        row += 1
    sheet.fit_width(8, least=14, most=40)
    sheet.fit_rows()
    return sheet


def write_agenda_workbook(
    agenda: Agenda, path: str | Path, sources: Sequence[Located] = ()
) -> Path:
    """The ``Agenda`` workbook (:func:`agenda_sheet`) at *path*, replacing a file there
    (kept as ``name.bak.xlsx``)."""
    target = Path(path)
    sheet = agenda_sheet(agenda, sources, target.parent)
    return write_new_workbook(target, [sheet], overwrite=True)

"""The region view: the same joint action in several municipalities' plans, compared.

The municipalities of one IVP region each write the joint actions into their
own plan, in their own words, and the plans disagree in places. :func:`compare`
finds the same action across plans (by an explicit ``id`` where both have one,
else by who is involved and how alike the texts are), compares it lead by
lead, and lists what one plan says involves another municipality but that
municipality's plan lacks.

Precision comes first: a false mismatch wastes a mayors' meeting. Two actions
are only taken for the same one when the texts are alike *and* each plan says
the other municipality, or a third organisation both name, takes part.

>>> import uvp
>>> comparison = compare([uvp.load("examples/nijkerk-2024.json"),
...                       uvp.load("examples/scherpenzeel-2024.json")])
>>> damocles = next(i for i in comparison.items if "Damocles" in i.title)
>>> damocles.kind, [(d.field, d.organisation, dict(d.values)) for d in damocles.differences]
('mismatch', [('schedule', 'Barneveld', {'Nijkerk': 'Q1', 'Scherpenzeel': 'Q2'})])
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Literal

import attrs

from uvp.core import (
    Action,
    Assignment,
    Plan,
    identify,
    leads_text,
    organisation_name,
    schedules_text,
)
from uvp.region._groups import Groups
from uvp.region._match import Matcher, Participants, own_regions, participants_of
from uvp.workbook import (
    LINK,
    TITLE,
    WRAP,
    Link,
    Located,
    PageSetup,
    Sheet,
    Style,
    write_new_workbook,
)

__all__ = [
    "Comparison",
    "Difference",
    "DifferenceField",
    "Item",
    "ItemKind",
    "compare",
    "describe",
    "region_sheet",
    "similarity",
    "write_region_workbook",
]

ItemKind = Literal["match", "mismatch", "missing"]
DifferenceField = Literal["schedule", "lead", "participants"]
"""What a :class:`Difference` is about."""
"""``match``: the plans agree; ``mismatch``: they differ; ``missing``: a plan lacks it."""

MATCH_SCORE: Final = 75.0
"""How alike (0-100) two actions' texts must be to be taken for the same action."""
COVERED_SCORE: Final = 90.0
"""An action contained this well in another plan's action is not missing there."""

_NUMBERS: Final = {
    "één": "1",
    "twee": "2",
    "drie": "3",
    "vier": "4",
    "vijf": "5",
    "zes": "6",
    "zeven": "7",
    "acht": "8",
    "negen": "9",
    "tien": "10",
}
_STOP: Final = frozenset(
    [
        "we",
        "wij",
        "de",
        "het",
        "een",
        "van",
        "en",
        "in",
        "op",
        "te",
        "voor",
        "met",
        "om",
        "die",
        "dat",
        "dit",
        "deze",
        "zijn",
        "is",
        "wordt",
        "worden",
        "gemeente",
        "gemeenten",
        "onze",
        "ons",
        "bij",
        "aan",
        "naar",
        "als",
        "ook",
        "zo",
        "door",
        "of",
    ]
)
_JOINT: Final = "Gezamenlijk"  # all IVP partners together (not "Alle partners" of one theme)


@functools.lru_cache(maxsize=65536)
def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


@functools.lru_cache(maxsize=65536)
def _long_words(text: str | None) -> frozenset[str]:
    """The long, specific words of a text ("kennisdelingsbijeenkomsten", "leerlingalert"),
    which two plans only share when they speak of the same thing."""
    if not text:
        return frozenset()
    lowered = re.sub(r"(?<=\w)-(?=\w)", "", text.casefold())
    return frozenset(w for w in re.findall(r"\w+", lowered) if len(w) >= 12)


@functools.lru_cache(maxsize=65536)
def _words(text: str | None, names: frozenset[str]) -> str:
    """A text reduced to what matters for comparing: no capitals, no hyphens inside
    words ("Damocles-beleid"), numbers as digits ("vijf"), no small words nor the
    municipalities' names ("We organiseren" ~ "Nijkerk organiseert"), words cut to
    six letters (a poor man's stemmer for Dutch verb forms)."""
    if not text:
        return ""
    lowered = re.sub(r"(?<=\w)-(?=\w)", "", text.casefold())
    words = []
    for word in re.findall(r"\w+", lowered):
        word = _NUMBERS.get(word, word)
        if word in _STOP or word in names:
            continue
        words.append(word[:6])
    return " ".join(words)


_Ratio = Callable[[str, str], float]


@functools.cache
def _ratios() -> tuple[_Ratio, _Ratio]:
    """rapidfuzz's token set and token sort ratios; in Excel's own Python (Pyodide),
    which has no rapidfuzz, the same numbers from :mod:`uvp.region._fuzz`."""
    try:
        from rapidfuzz import fuzz
    except ImportError:
        from uvp.region import _fuzz

        return _fuzz.token_set_ratio, _fuzz.token_sort_ratio
    return fuzz.token_set_ratio, fuzz.token_sort_ratio


def similarity(first: str, second: str, names: frozenset[str] = frozenset()) -> float:
    """How alike two action texts are, 0..100, forgiving the plans' usual variations.

    >>> similarity("We actualiseren het Damocles-beleid.", "We actualiseren het Damoclesbeleid.")
    100.0
    >>> similarity("We organiseren vijf integrale controles.", "Nijkerk organiseert 5 integrale controles.",
    ...            frozenset({"nijkerk"}))
    100.0
    """
    a, b = _words(first, names), _words(second, names)
    if not a or not b:
        return 0.0
    token_set_ratio, token_sort_ratio = _ratios()
    # token_set forgives one text saying more than the other; token_sort does not,
    # and breaks ties towards the action that says the same amount.
    return round(0.7 * token_set_ratio(a, b) + 0.3 * token_sort_ratio(a, b), 1)


@attrs.frozen
class Difference:
    """What the plans say differently about a matched action.

    ``field`` is ``"schedule"`` (the quarters of one lead, named in
    ``organisation``), ``"lead"`` (who leads) or ``"participants"`` (a third
    organisation one plan says takes part and the other does not mention at
    all); ``values`` maps each municipality to what its plan says.
    """

    field: DifferenceField
    values: Mapping[str, str | None]
    organisation: str | None = None


@attrs.frozen
class Item:
    """One joint action across the plans.

    ``actions`` maps each municipality the action involves to the action in
    its plan (``None`` where its plan lacks it); ``reasons`` says, for each
    municipality whose plan lacks it, why another plan involves it;
    ``positions`` where each action stands in its plan. An item is
    ``missing`` when any plan lacks it, whatever the others say.
    """

    kind: ItemKind
    actions: Mapping[str, Action | None]
    differences: tuple[Difference, ...] = ()
    reasons: Mapping[str, str] = attrs.field(factory=dict)
    positions: Mapping[str, int] = attrs.field(factory=dict)
    """Municipality -> the index of its action in its plan's ``actions``."""

    @property
    def reason(self) -> str | None:
        """Why the plans that lack the action should have it, or ``None``."""
        if len(self.reasons) == 1:
            return next(iter(self.reasons.values()))
        return "; ".join(f"{m}: {r}" for m, r in self.reasons.items()) or None

    @property
    def title(self) -> str:
        """The action's text in the first plan that has it."""
        return next(a.text for a in self.actions.values() if a is not None)


@attrs.frozen
class Comparison:
    """The joint actions of several plans, each a match, a mismatch or missing."""

    municipalities: tuple[str, ...]
    items: tuple[Item, ...]

    def of_kind(self, kind: ItemKind) -> tuple[Item, ...]:
        """The items of one kind."""
        return tuple(i for i in self.items if i.kind == kind)

    @property
    def ok(self) -> bool:
        """True when no item is a mismatch or missing."""
        return all(i.kind == "match" for i in self.items)

    def to_dict(self, sources: Sequence[Located] = ()) -> dict[str, Any]:
        """The comparison as JSON-ready data; with the plans' *sources*, each action's file and cell."""
        located = {source.plan.municipality: source for source in sources}

        def where(item: Item, municipality: str) -> dict[str, str | None] | None:
            source, index = located.get(municipality), item.positions.get(municipality)
            if source is None or index is None:
                return None
            return {"file": str(source.path), "cell": source.cell(index)}

        return {
            "municipalities": list(self.municipalities),
            "counts": {k: len(self.of_kind(k)) for k in ("match", "mismatch", "missing")},
            "items": [
                {
                    "kind": item.kind,
                    "actions": {m: (a.text if a else None) for m, a in item.actions.items()},
                    "assignments": {
                        m: ([str(x) for x in a.assignments] if a else None)
                        for m, a in item.actions.items()
                    },
                    "differences": [attrs.asdict(d) for d in item.differences],
                    "reason": item.reason,
                    "reasons": dict(item.reasons),
                    "sources": {m: where(item, m) for m in item.actions} if located else None,
                }
                for item in self.items
            ],
        }


# -- who is involved ----------------------------------------------------------------------


def _leads(action: Action, municipality: str, other: str) -> dict[str, list[Assignment]]:
    """Lead organisation -> its assignments. *Iedere gemeente* is each municipality doing
    its own: a part of *municipality* and a part of *other*, both in that schedule."""
    found: dict[str, list[Assignment]] = {}
    for assignment in action.assignments:
        if assignment.lead is None:
            continue
        if assignment.lead.kind == "each-municipality":
            names = [municipality, other]
        else:
            names = [assignment.lead.organisation]
        for name in names:
            found.setdefault(name, []).append(assignment)
    return found


def _why_involved(action: Action, other: str) -> str:
    for lead in action.leads:
        if lead.organisation == other:
            return f"{other} is trekker"
        if lead.organisation == _JOINT:
            return "gezamenlijke actie"
        if lead.kind == "each-municipality":
            return "iedere gemeente"
    return f"{other} doet mee (deelt, sluit aan of werkt samen)"


# -- comparing two plans ------------------------------------------------------------------


def _quarters(assignments: Sequence[Assignment]) -> frozenset[int]:
    return frozenset(q for a in assignments if a.schedule is not None for q in a.schedule.quarters)


def _differences(
    a: Action,
    ma: str,
    b: Action,
    mb: str,
    participants: Callable[[Action], tuple[str, ...]],
    implied: frozenset[str] = frozenset(),
    group: frozenset[str] = frozenset(),
) -> tuple[Difference, ...]:
    """What two plans say differently about one action; *implied* are the organisations
    a collective lead (*gezamenlijk*) includes, *group* the municipalities whose plans
    have the action (not third parties to it)."""
    leads_a, leads_b = _leads(a, ma, mb), _leads(b, mb, ma)
    common = [name for name in leads_a if name in leads_b]
    differences: list[Difference] = []
    for name in common:
        if _quarters(leads_a[name]) != _quarters(leads_b[name]):
            differences.append(
                Difference(
                    "schedule",
                    {ma: schedules_text(leads_a[name]), mb: schedules_text(leads_b[name])},
                    name,
                )
            )
    # A municipality's own part of an action is its own business; another lead named by
    # one plan only, or no lead in common at all, is a disagreement about who leads.
    only_a = [n for n in leads_a if n not in leads_b and n not in (ma, mb)]
    only_b = [n for n in leads_b if n not in leads_a and n not in (ma, mb)]
    if only_a or only_b or (not common and leads_a and leads_b):
        differences.append(
            Difference(
                "lead", {ma: leads_text(a.leads, units=False), mb: leads_text(b.leads, units=False)}
            )
        )
    # Who else takes part: a third organisation one plan names (sluit aan, deelt met, in
    # samenwerking met) where the other is silent about it. Saying it in other words is
    # not a difference, nor is a partner that gezamenlijk includes; and where each
    # municipality does its own (iedere gemeente), whom it works with is its own business.
    kinds = {lead.kind for lead in (*a.leads, *b.leads)}
    if "each-municipality" in kinds:
        return tuple(differences)
    named_a = _third_parties(participants(a), group | {ma, mb})
    named_b = _third_parties(participants(b), group | {ma, mb})
    named = set(leads_a) | set(leads_b)
    if "joint" in kinds:
        named |= implied
    unsaid = {o for o in named_a - named_b - named if not _mentions(b, o)} | {
        o for o in named_b - named_a - named if not _mentions(a, o)
    }
    if unsaid:
        differences.append(
            Difference(
                "participants",
                {ma: ", ".join(sorted(named_a)) or None, mb: ", ".join(sorted(named_b)) or None},
            )
        )
    return tuple(differences)


def _third_parties(participants: Sequence[str], municipalities: frozenset[str]) -> set[str]:
    """The organisations an action names as taking part (its *participants*), but for
    *municipalities*."""
    return {organisation_name(name) for name in participants} - municipalities


def _mentions(action: Action, organisation: str) -> bool:
    """Whether an action's text or note names *organisation*, by any of its names."""
    said = f"{action.text} {action.note or ''}".casefold()
    known = identify(organisation)
    names = (organisation, *(known.aliases if known else ()))
    return any(name.casefold() in said for name in names)


def compare(plans: Sequence[Plan]) -> Comparison:
    """Compare the joint actions of the plans of one region.

    Every pair of plans is compared; the same action matched across several
    pairs is one item, with the action of each plan that has it. A region of
    three municipalities gives one row for an action all three write.
    """
    return _comparison(plans, {})


def _comparison(plans: Sequence[Plan], cache: Participants) -> Comparison:
    """:func:`compare`, with the participants of the actions in *cache* (worked out
    once per action: a caller such as :func:`uvp.region.agenda` may have them already)."""
    region = frozenset(organisation_name(p.municipality) for p in plans)
    names = frozenset(n.casefold() for n in region)
    implied = frozenset(region | {organisation_name(n) for plan in plans for n in plan.partners})
    by_name = {plan.municipality: plan for plan in plans}
    municipalities = [plan.municipality for plan in plans]
    actions = [plan.actions for plan in plans]
    own = own_regions(municipalities, [plan.partners for plan in plans], region)
    matcher = Matcher(municipalities, actions, region, names, cache, own)
    scored = matcher.scored()
    groups = Groups()
    used: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for (x, y), candidates in sorted(scored.items()):
        used_a: set[int] = set()
        used_b: set[int] = set()
        matched: list[tuple[int, int]] = []
        for _score, i, j in candidates:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            matched.append((i, j))
        for i, j in sorted(matched):
            groups.join((municipalities[x], i), (municipalities[y], j))
        used[x, y] = (used_a, used_b)
    lacking = _lacking(municipalities, actions, matcher, used)
    for key, _, _ in lacking:
        groups.add(key)
    reasons: dict[int, dict[str, str]] = {}
    for key, other, reason in lacking:
        for group in groups.of(key):
            if other not in groups.members[group]:
                reasons.setdefault(group, {}).setdefault(other, reason)
    participants = functools.partial(participants_of, cache=cache)
    items = []
    for group, members in enumerate(groups.members):
        if not members:
            continue  # merged into another group
        present = {m: actions[n][members[m]] for n, m in enumerate(by_name) if m in members}
        missing = reasons.get(group, {})
        differences = _group_differences(list(present.items()), implied, participants)
        kind: ItemKind = "missing" if missing else ("mismatch" if differences else "match")
        everyone: dict[str, Action | None] = {
            m: present.get(m) for m in by_name if m in present or m in missing
        }
        items.append(Item(kind, everyone, differences, dict(missing), dict(members)))
    order = {m: n for n, m in enumerate(by_name)}
    items.sort(key=lambda item: _item_order(item, order))
    return Comparison(tuple(by_name), tuple(items))


def _lacking(
    municipalities: Sequence[str],
    actions: Sequence[Sequence[Action]],
    matcher: Matcher,
    used: Mapping[tuple[int, int], tuple[set[int], set[int]]],
) -> list[tuple[tuple[str, int], str, str]]:
    """What one plan says involves another's municipality but the other lacks, plan pair by
    plan pair: ((municipality, index), the other, why); unless the other plan says it as
    part of a longer action."""
    involving = [matcher.involving(p) for p in range(len(municipalities))]
    unmatched: list[tuple[int, int, int]] = []  # (plan, index, other plan), in the old order
    nothing: set[int] = set()
    for x in range(len(municipalities)):
        for y in range(x + 1, len(municipalities)):
            used_x, used_y = used.get((x, y), (nothing, nothing))
            for p, other, taken in ((x, y, used_x), (y, x, used_y)):
                wide, named = involving[p]
                municipality = municipalities[other]
                indexes = named.get(municipality, [])
                if wide and municipality in matcher.own[p]:
                    indexes = sorted({*indexes, *wide}) if indexes else wide
                unmatched.extend((p, i, other) for i in indexes if i not in taken)
    covered = matcher.contained(unmatched)
    return [
        (
            (municipalities[p], index),
            municipalities[other],
            _why_involved(actions[p][index], municipalities[other]),
        )
        for p, index, other in unmatched
        if (p, index, other) not in covered
    ]


def _item_order(item: Item, order: Mapping[str, int]) -> tuple[int, int, int]:
    """Matched items first, then missing ones; each in the order of the first plan that has it."""
    first = min(item.positions, key=order.__getitem__)
    return (item.kind == "missing", order[first], item.positions[first])


def _group_differences(
    present: Sequence[tuple[str, Action]],
    implied: frozenset[str],
    participants: Callable[[Action], tuple[str, ...]],
) -> tuple[Difference, ...]:
    """The differences among the plans that have an action, each with every plan's value."""
    found: dict[tuple[DifferenceField, str | None], dict[str, str | None]] = {}
    group = frozenset(m for m, _ in present)
    for x, (ma, a) in enumerate(present):
        for mb, b in present[x + 1 :]:
            for difference in _differences(a, ma, b, mb, participants, implied, group):
                found.setdefault((difference.field, difference.organisation), {}).update(
                    difference.values
                )
    order = {m: n for n, (m, _) in enumerate(present)}
    return tuple(
        Difference(field, dict(sorted(values.items(), key=lambda v: order[v[0]])), organisation)
        for (field, organisation), values in found.items()
    )


_KIND_NL: Final = {"match": "gelijk", "mismatch": "verschil", "missing": "ontbreekt"}
_KIND_STYLE: Final = {
    "match": Style(fill="C6EFCE"),
    "mismatch": Style(fill="FFEB9C"),
    "missing": Style(fill="FFC7CE"),
}


def describe(item: Item) -> str:
    """What an item says, in Dutch, for staff: the difference or why it is missing."""
    parts = [f"ontbreekt in het plan van {m} ({reason})" for m, reason in item.reasons.items()]
    for difference in item.differences:
        said = "; ".join(f"{m}: {v or '—'}" for m, v in difference.values.items())
        if difference.field == "schedule":
            parts.append(f"kwartaal van {difference.organisation}: {said}")
        elif difference.field == "participants":
            parts.append(f"wie doet mee: {said}")
        else:
            parts.append(f"trekker: {said}")
    return " | ".join(parts) or "gelijk"


def put_link(
    sheet: Sheet,
    row: int,
    column: int,
    source: Located | None,
    index: int | None,
    folder: Path | None,
    *,
    within: bool = False,
    whose: bool = False,
) -> None:
    """Write into a cell where action *index* of *source* stands, linked to that cell:
    in the workbook the sheet goes into (*within*), else in *source*'s file, relative
    to *folder* (where the workbook with the link is saved); without a link where
    *folder* is ``None`` (where the file is, is unknown). Nothing where the cell is
    unknown.

    The cell shows the sheet and the cell (``Ondermijning!C14``), with *whose* the
    municipality and the cell (``Nijkerk C14``): a short text on one line, as a
    spreadsheet program does not wrap a hyperlink (see :meth:`Sheet.fit_width`); the
    file is named in the column's header (:func:`region_sheet`)."""
    cell = source.cell(index) if source is not None and index is not None else None
    if source is None or index is None or cell is None:
        return
    where = source.actions[index].source
    place = where.cell("text")
    shown = f"{source.plan.municipality} {place}" if whose else f"{where.sheet}!{place}"
    sheet.put(row, column, shown, LINK)
    if within:
        sheet.link(row, column, Link(cell))
        return
    if folder is None:
        return
    try:
        target = Path(os.path.relpath(source.path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows): no relative path
        target = source.path.resolve().as_uri()
    sheet.link(row, column, Link(cell, file=target))


def region_sheet(
    comparison: Comparison,
    sources: Sequence[Located] = (),
    folder: Path | None = Path(),
    *,
    within: str | None = None,
) -> Sheet:
    """The ``Regio`` sheet: one row per joint action, per municipality its action,
    lead and quarter, and where it stands in its plan where *sources* say so,
    linked to that cell (see :func:`put_link`: in the workbook of the plan of
    municipality *within*, the sheet's own; in the others' files relative to
    *folder*, where the sheet's workbook is saved; no link to them with *folder*
    ``None``); differences highlighted (green equal, yellow different, red missing).

    >>> import uvp
    >>> plans = [uvp.load("examples/nijkerk-2024.json"), uvp.load("examples/scherpenzeel-2024.json")]
    >>> sheet = region_sheet(compare(plans))
    >>> sheet.name, sheet.values[3, 3]
    ('Regio', 'Nijkerk: actie')
    """
    located = {source.plan.municipality: source for source in sources}
    widths = [10, 26] + [32, 16, 14] * len(comparison.municipalities)
    sheet = Sheet("Regio", freeze="A4", page=PageSetup(repeat_rows=(3, 3)))
    sheet.set_widths(widths)
    title = "Gezamenlijke acties in de regio: " + ", ".join(comparison.municipalities)
    sheet.put(1, 1, title, TITLE)
    headers = ["Soort", "Verschil"]
    for municipality in comparison.municipalities:
        # The plan's file, where known, is named once here rather than in every link.
        found = located.get(municipality)
        cells = found is not None and any(found.cell(i) for i in range(len(found.actions)))
        headers += [
            f"{municipality}: actie",
            f"{municipality}: trekker en kwartaal",
            f"{municipality}: in het plan" + (f" ({found.path.name})" if found and cells else ""),
        ]
    sheet.header(3, headers)
    for row, item in enumerate(comparison.items, 4):
        sheet.put(row, 1, _KIND_NL[item.kind], _KIND_STYLE[item.kind])
        sheet.put(row, 2, describe(item) if item.kind != "match" else None)
        # The cells that differ: who leads and when (schedule, lead), or the text that
        # says who takes part (participants), in each plan that has the action.
        differing = {d.field for d in item.differences}
        for index, municipality in enumerate(comparison.municipalities):
            action = item.actions.get(municipality)
            column = 3 + 3 * index
            if action is not None:
                sheet.put(row, column, action.text)
                sheet.put(row, column + 1, "\n".join(str(a) for a in action.assignments) or None)
                if "participants" in differing:
                    sheet.style(row, column, _KIND_STYLE["mismatch"])
                if differing & {"schedule", "lead"}:
                    sheet.style(row, column + 1, _KIND_STYLE["mismatch"])
                put_link(
                    sheet,
                    row,
                    column + 2,
                    located.get(municipality),
                    item.positions.get(municipality),
                    folder,
                    within=municipality == within,
                )
            elif municipality in item.actions:
                sheet.put(row, column, "— ontbreekt —", _KIND_STYLE["missing"])
        for column in range(1, len(headers) + 1):
            sheet.style(row, column, WRAP)
    for index in range(len(comparison.municipalities)):
        sheet.fit_width(5 + 3 * index, least=14, most=40)
    sheet.fit_rows()
    return sheet


def write_region_workbook(
    comparison: Comparison, path: str | Path, sources: Sequence[Located] = ()
) -> Path:
    """The ``Regio`` workbook (:func:`region_sheet`) at *path*, replacing a file there
    (kept as ``name.bak.xlsx``)."""
    target = Path(path)
    sheet = region_sheet(comparison, sources, target.parent)
    return write_new_workbook(target, [sheet], overwrite=True)

"""Plans over time: what changed between two versions of a plan, and next year's plan.

:func:`diff_plans` compares two versions of one municipality's plan (a copy
from January and one from June, or last year's and this year's) action by
action: what was added or removed, and for each action in both what changed
(quarter, lead, status, text, note, place in the plan).

>>> import attrs, uvp
>>> old = uvp.load("examples/nijkerk-2024.json")
>>> first = old.actions[0]
>>> new = replace_action(old, 0, attrs.evolve(first, status="done"))
>>> [(c.kind, c.old, c.new) for c in diff_plans(old, new).changes]
[('status', None, 'done')]

:func:`carry_over` (or :func:`next_year`) turns an evaluated plan into a draft
of next year's: goals kept, finished and cancelled actions dropped, the rest
carried over without quarters, with a note of where they came from.

>>> result = carry_over(new)
>>> result.plan.year, result.kept, result.done, len(result.plan.actions)
(2025, 41, 1, 41)
>>> result.plan.actions[0].note
'Overgenomen uit UVP 2024 (zonder status).'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from uvp.core import (
    STATUS_LABELS,
    Action,
    Assignment,
    Finding,
    Lead,
    Plan,
    Priority,
    Report,
    Status,
    Theme,
    UvpError,
    Vocabulary,
    excerpt,
    leads_text,
    organisation_name,
    schedules_text,
    validate_plan,
    where,
)
from uvp.messages import render

if TYPE_CHECKING:
    from uvp.workbook import Located

__all__ = [
    "CHANGE_KINDS",
    "MATCH_SCORE",
    "CarryOver",
    "Change",
    "ChangeKind",
    "NextYearDraft",
    "PlanDiff",
    "carry_over",
    "default_target",
    "describe_change",
    "diff_plans",
    "draft_next_year",
    "next_year",
    "replace_action",
    "status_label",
]

ChangeKind = Literal["added", "removed", "moved", "lead", "status", "text", "note", "moved-theme"]
"""What changed about an action between two versions of a plan.

``added`` / ``removed``: the action is only in the new / old version.
For an action in both: ``moved`` (a lead's quarter schedule changed),
``lead`` (who leads), ``status``, ``text`` (reworded), ``note`` (the
Toelichting) and ``moved-theme`` (it stands under another priority, theme or
goal letter). One action can have several changes.
"""

CHANGE_KINDS: Final[tuple[ChangeKind, ...]] = get_args(ChangeKind)
"""Every change kind, in the order reports list them."""

MATCH_SCORE: Final = 90.0
"""How alike (0-100, :func:`uvp.region.similarity`) two texts must be for a reworded action."""

_SAME_THEME_BONUS: Final = 5.0  # breaks near-ties towards the action in the same theme


def _normal(text: str | None) -> str:
    """A text for comparing: one line, single spaces, no capitals."""
    return " ".join((text or "").split()).casefold()


def status_label(status: Status | str | None) -> str:
    """The Dutch word staff see for a status (Gereed, Loopt, ...), ``geen`` for none.

    >>> status_label("done"), status_label(None)
    ('Gereed', 'geen')
    """
    if status is None:
        return render("nl", "history-none")
    return next((label for code, label in STATUS_LABELS.items() if code == status), status)


# -- diff ------------------------------------------------------------------------------------


@attrs.frozen
class Change:
    """One change to one action between two versions of a plan.

    ``where`` is the action's place in the new version (the old one for a
    removed action), as :func:`uvp.core.where` writes it; ``action`` the
    start of its text. ``old`` and ``new`` are what each version says, as text
    (``None`` for nothing): schedules (``Q2-Q4``), leads (one per line),
    status codes (``done``), texts, notes, places. ``lead`` names the lead of a
    ``moved`` change when the action has several. ``old_index`` and
    ``new_index`` are the action's indexes in each plan's ``actions``.
    """

    kind: ChangeKind
    where: str
    action: str
    old: str | None = None
    new: str | None = None
    lead: str | None = None
    old_index: int | None = None
    new_index: int | None = None


@attrs.frozen
class PlanDiff:
    """What changed between two versions of one municipality's plan.

    ``matched`` counts the actions found in both versions; ``changes`` lists
    every change, kind by kind (in the order of :data:`CHANGE_KINDS`), each in
    plan order.
    """

    municipality: str
    old_year: int
    new_year: int
    old_actions: int
    new_actions: int
    matched: int
    changes: tuple[Change, ...]

    def of_kind(self, kind: ChangeKind) -> tuple[Change, ...]:
        """The changes of one kind."""
        return tuple(c for c in self.changes if c.kind == kind)

    def counts(self) -> dict[str, int]:
        """The number of changes of each kind (every kind, zeros included)."""
        return {kind: len(self.of_kind(kind)) for kind in CHANGE_KINDS}

    @property
    def changed_actions(self) -> int:
        """How many actions changed in any way (added and removed ones included)."""
        return len({(c.old_index, c.new_index) for c in self.changes})

    @property
    def ok(self) -> bool:
        """True when the versions are the same plan: same year, no change to any action."""
        return not self.changes and self.old_year == self.new_year

    def to_dict(self, old: Located | None = None, new: Located | None = None) -> dict[str, Any]:
        """The diff as JSON-ready data; with the plans' sources, each action's file and cell."""

        def source(located: Located | None, index: int | None) -> dict[str, str | None] | None:
            if located is None or index is None:
                return None
            return {"file": str(located.path), "cell": located.cell(index)}

        return {
            "municipality": self.municipality,
            "old": {"year": self.old_year, "actions": self.old_actions},
            "new": {"year": self.new_year, "actions": self.new_actions},
            "matched": self.matched,
            "ok": self.ok,
            "counts": self.counts(),
            "changes": [
                {
                    **attrs.asdict(change),
                    "old_source": source(old, change.old_index),
                    "new_source": source(new, change.new_index),
                }
                for change in self.changes
            ],
        }


def describe_change(change: Change) -> str:
    """A change in Dutch, for staff: ``Q1 → Q2``, ``Barneveld: Q1 → Q2``, ``Loopt → Gereed``.

    >>> describe_change(Change("moved", "Drugs", "We ...", "Q1", None, lead="Barneveld"))
    'Barneveld: Q1 → geen'
    """
    if change.kind in ("added", "removed"):
        return ""
    if change.kind == "status":
        old, new = status_label(change.old), status_label(change.new)
    else:
        none = render("nl", "history-none")
        old = " / ".join((change.old or none).splitlines())
        new = " / ".join((change.new or none).splitlines())
        if change.kind in ("text", "note"):
            old, new = _delta(old, new)
    prefix = f"{change.lead}: " if change.lead else ""
    return f"{prefix}{old} → {new}"


def _delta(old: str, new: str, context: int = 3, length: int = 70) -> tuple[str, str]:
    """The part of two texts that differs, with a few words around it.

    >>> _delta("We houden vijf controles in het voorjaar.", "We houden zes controles in het voorjaar.")
    ('We houden vijf controles in het…', 'We houden zes controles in het…')
    """
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    first = max(start - context, 0)

    def part(words: list[str]) -> str:
        last = len(words) - max(end - context, 0)
        text = excerpt(" ".join(words[first:last]) or "—", length)
        head = "…" if first else ""
        tail = "…" if last < len(words) and not text.endswith("…") else ""
        return head + text + tail

    return part(a), part(b)


def _lead_key(lead: Lead | None) -> str:
    if lead is None:
        return ""
    unit = f" ({_normal(lead.unit)})" if lead.unit else ""
    return organisation_name(lead.name).casefold() + unit


def _schedules(action: Action) -> dict[str, tuple[Assignment, ...]]:
    """Lead (normalised) -> its assignments, in the order written."""
    found: dict[str, list[Assignment]] = {}
    for assignment in action.assignments:
        found.setdefault(_lead_key(assignment.lead), []).append(assignment)
    return {key: tuple(assignments) for key, assignments in found.items()}


def _same_schedules(a: Sequence[Assignment], b: Sequence[Assignment]) -> bool:
    return sorted(str(x.schedule) for x in a) == sorted(str(x.schedule) for x in b)


def _action_changes(
    old: Action, new: Action, old_place: str, new_place: str
) -> Iterator[tuple[ChangeKind, str | None, str | None, str | None]]:
    """(kind, old, new, lead) for each way *new* differs from *old*."""
    old_leads, new_leads = _schedules(old), _schedules(new)
    common = [key for key in new_leads if key in old_leads]
    if common:
        several = len(new_leads) > 1 or len(old_leads) > 1
        names = {_lead_key(a.lead): str(a.lead) for a in new.assignments if a.lead}
        for key in common:
            if not _same_schedules(old_leads[key], new_leads[key]):
                old_text = schedules_text(old_leads[key], "\n")
                new_text = schedules_text(new_leads[key], "\n")
                yield "moved", old_text, new_text, (names.get(key) if several else None)
    else:  # other leads altogether: compare the action's schedules as a whole
        if not _same_schedules(old.assignments, new.assignments):
            old_text = schedules_text(old.assignments, "\n")
            yield "moved", old_text, schedules_text(new.assignments, "\n"), None
    if set(old_leads) != set(new_leads):
        yield "lead", leads_text(old.leads, "\n"), leads_text(new.leads, "\n"), None
    if old.status != new.status:
        yield "status", old.status, new.status, None
    if _normal(old.text) != _normal(new.text):
        yield "text", old.text, new.text, None
    if _normal(old.note) != _normal(new.note):
        yield "note", old.note, new.note, None
    if old_place != new_place:
        yield "moved-theme", old_place, new_place, None


def _match(old: Plan, new: Plan) -> list[tuple[int, int]]:
    """Pairs (old index, new index) of the same action in both versions.

    First by ``id`` where both have one, then by the same text (spaces and
    capitals aside), then by alike texts (a reworded action), best first.
    """
    from uvp.region._compare import similarity

    old_actions, new_actions = old.actions, new.actions
    free_old = dict.fromkeys(range(len(old_actions)))
    free_new = dict.fromkeys(range(len(new_actions)))
    pairs: list[tuple[int, int]] = []

    def pair_by(key_of: Any) -> None:
        waiting: dict[str, list[int]] = {}
        for i in free_old:
            key = key_of(old_actions[i])
            if key:
                waiting.setdefault(key, []).append(i)
        for j in list(free_new):
            key = key_of(new_actions[j])
            if key and waiting.get(key):
                i = waiting[key].pop(0)
                pairs.append((i, j))
                del free_old[i], free_new[j]

    pair_by(lambda a: a.id and _normal(a.id))
    pair_by(lambda a: _normal(a.text))
    names = frozenset({old.municipality.casefold(), new.municipality.casefold()})
    themes_old = _theme_of(old)
    themes_new = _theme_of(new)
    candidates = []
    for i in free_old:
        for j in free_new:
            score = similarity(old_actions[i].text, new_actions[j].text, names)
            if score >= MATCH_SCORE:
                bonus = _SAME_THEME_BONUS if themes_old[i] == themes_new[j] else 0.0
                candidates.append((score + bonus, i, j))
    for _, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in free_old and j in free_new:
            pairs.append((i, j))
            del free_old[i], free_new[j]
    return pairs


def _theme_of(plan: Plan) -> list[tuple[str, str]]:
    return [(_normal(p.title), _normal(t.title)) for p, t, _ in plan.walk()]


def _places(plan: Plan) -> list[tuple[str, str]]:
    """Per action: where it stands (priority › theme › actie n) and its place for
    ``moved-theme`` (priority › theme, with the goal letter)."""
    places = []
    for priority, theme, action in plan.walk():
        place = where(priority, theme)
        if action.goal:
            place += f" (doel {action.goal})"
        places.append((where(priority, theme, action), place))
    return places


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """What changed from *old* to *new*, two versions of one municipality's plan.

    Actions are matched by ``id`` where both versions give one, then by the
    same text (spaces and capitals aside), then by alike text
    (:func:`uvp.region.similarity` at least :data:`MATCH_SCORE`, the same
    theme preferred), each action at most once. Quarters are compared per
    lead: ``Q1-Q4`` and ``Doorlopend`` differ, ``Q1 - Q4`` and ``Q1-Q4`` do not.
    Plans of different years can be compared (last year's against this
    year's); plans of different municipalities cannot: that raises a
    :class:`~uvp.UvpError` (``diff-other-municipality``).

    >>> import attrs, uvp
    >>> plan = uvp.load("examples/scherpenzeel-2024.json")
    >>> diff_plans(plan, plan).ok
    True
    >>> action = plan.actions[0]
    >>> later = replace_action(plan, 0, attrs.evolve(action, assignments=uvp.parse_assignments(
    ...     "Gezamenlijk", "Q4")))
    >>> [(c.kind, describe_change(c)) for c in diff_plans(plan, later).changes]
    [('moved', 'Q1-Q4 → Q4')]
    >>> diff_plans(plan, uvp.load("examples/nijkerk-2024.json"))
    Traceback (most recent call last):
    uvp.UvpError: cannot compare the plans of two municipalities (Scherpenzeel and Nijkerk) as versions of one plan; use uvp compare for the region view
    """
    if (
        organisation_name(old.municipality).casefold()
        != organisation_name(new.municipality).casefold()
    ):
        raise UvpError("diff-other-municipality", old=old.municipality, new=new.municipality)
    old_places, new_places = _places(old), _places(new)
    old_actions, new_actions = old.actions, new.actions
    changes: list[Change] = []
    pairs = _match(old, new)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    for j, action in enumerate(new_actions):
        if j not in matched_new:
            changes.append(Change("added", new_places[j][0], excerpt(action.text), new_index=j))
    for i, action in enumerate(old_actions):
        if i not in matched_old:
            changes.append(Change("removed", old_places[i][0], excerpt(action.text), old_index=i))
    for i, j in sorted(pairs, key=lambda p: p[1]):
        for kind, before, after, lead in _action_changes(
            old_actions[i], new_actions[j], old_places[i][1], new_places[j][1]
        ):
            changes.append(
                Change(
                    kind,
                    new_places[j][0],
                    excerpt(new_actions[j].text),
                    before,
                    after,
                    lead,
                    old_index=i,
                    new_index=j,
                )
            )
    order = {kind: n for n, kind in enumerate(CHANGE_KINDS)}
    changes.sort(
        key=lambda c: (order[c.kind], c.new_index if c.new_index is not None else c.old_index)
    )
    return PlanDiff(
        municipality=new.municipality,
        old_year=old.year,
        new_year=new.year,
        old_actions=len(old_actions),
        new_actions=len(new_actions),
        matched=len(pairs),
        changes=tuple(changes),
    )


def replace_action(plan: Plan, index: int, action: Action) -> Plan:
    """*plan* with the action at *index* (in ``plan.actions``) replaced by *action*.

    >>> import attrs, uvp
    >>> plan = uvp.load("examples/nijkerk-2024.json")
    >>> replace_action(plan, 2, attrs.evolve(plan.actions[2], status="running")).actions[2].status
    'running'
    """
    return _map_actions(plan, lambda n, a: action if n == index else a)


def _map_actions(plan: Plan, change: Any) -> Plan:
    """*plan* with each action replaced by ``change(index, action)`` (dropped when ``None``)."""
    counter = iter(range(len(plan.actions)))

    def theme(t: Theme) -> Theme:
        kept = [a for a in (change(next(counter), a) for a in t.actions) if a is not None]
        return attrs.evolve(t, actions=kept)

    def priority(p: Priority) -> Priority:
        return attrs.evolve(p, themes=[theme(t) for t in p.themes])

    return attrs.evolve(plan, priorities=[priority(p) for p in plan.priorities])


# -- next year -------------------------------------------------------------------------------


@attrs.frozen
class CarryOver:
    """Next year's plan drafted from an evaluated plan, with what was done to it.

    ``kept`` actions were carried over; ``done`` (Gereed) and ``cancelled``
    (Vervallen) ones dropped. ``unplanned`` counts the carried-over actions
    without a quarter (the to-do: each has a ``missing-quarter`` finding);
    ``ongoing`` those that kept *Doorlopend*. ``dated`` lists the carried-over
    actions whose text or note still names the old year (place and excerpt).
    """

    plan: Plan
    source_year: int
    kept: int
    done: int
    cancelled: int
    goals: int
    unplanned: int
    ongoing: int
    dated: tuple[str, ...] = ()

    @property
    def dropped(self) -> int:
        """The actions left out: done and cancelled."""
        return self.done + self.cancelled

    @property
    def evaluated(self) -> bool:
        """Whether the source plan had any action marked done or cancelled."""
        return self.dropped > 0


def _carried_assignments(action: Action) -> tuple[Assignment, ...]:
    """The leads kept, their quarters cleared; an action only *Doorlopend* stays so."""
    schedules = [a.schedule for a in action.assignments]
    if schedules and all(s is not None and s.kind == "ongoing" for s in schedules):
        return action.assignments
    leads = [a.lead for a in action.assignments if a.lead is not None]
    return tuple(Assignment(lead, None) for lead in dict.fromkeys(leads))


def _carried_note(action: Action, year: int) -> str:
    if action.status is None:
        note = render("nl", "history-carried-no-status", year=year)
    else:
        note = render("nl", "history-carried", year=year, status=status_label(action.status))
    return f"{action.note.rstrip()}\n{note}" if action.note else note


def carry_over(plan: Plan) -> CarryOver:
    """Draft next year's plan from *plan* (evaluated: its actions have a status).

    The year goes up by one. Priorities, themes (with their ambitions and
    goals), definitions and partners stay. Actions marked done (*Gereed*) or
    cancelled (*Vervallen*) are dropped; every other action is carried over
    with its leads, its quarters cleared (to plan anew), its status reset, and
    a note saying where it came from appended to its note. An action whose
    every schedule is *Doorlopend* (ongoing, with no end) keeps it.

    >>> import uvp
    >>> result = carry_over(uvp.load("examples/scherpenzeel-2024.json"))
    >>> result.plan.year, result.kept, result.dropped, result.ongoing, result.unplanned
    (2025, 80, 0, 10, 70)
    >>> [str(a) for a in result.plan.actions[0].assignments], result.plan.actions[0].note
    (['Gezamenlijk: ?'], 'Overgenomen uit UVP 2024 (zonder status).')
    """
    counts = {"done": 0, "cancelled": 0}
    places = [place for place, _ in _places(plan)]
    dated: list[str] = []
    year = str(plan.year)

    def carry(index: int, action: Action) -> Action | None:
        if action.status in counts:
            counts[action.status] += 1
            return None
        if re.search(rf"\b{year}\b", f"{action.text}\n{action.note or ''}"):
            dated.append(f"{places[index]}: {excerpt(action.text)}")
        return attrs.evolve(
            action,
            assignments=_carried_assignments(action),
            status=None,
            note=_carried_note(action, plan.year),
        )

    carried = attrs.evolve(_map_actions(plan, carry), year=plan.year + 1)
    actions = carried.actions
    ongoing = sum(1 for a in actions if a.assignments and all(x.schedule for x in a.assignments))
    return CarryOver(
        plan=carried,
        source_year=plan.year,
        kept=len(actions),
        done=counts["done"],
        cancelled=counts["cancelled"],
        goals=sum(len(t.goals) for t in carried.themes),
        unplanned=len(actions) - ongoing,
        ongoing=ongoing,
        dated=tuple(dated),
    )


def next_year(plan: Plan) -> Plan:
    """Next year's plan drafted from *plan*: see :func:`carry_over`, which also counts.

    >>> import uvp
    >>> plan = next_year(uvp.load("examples/nijkerk-2024.json"))
    >>> plan.year, len(plan.actions), {f.code for f in uvp.validate_plan(plan).findings}
    (2025, 42, {'missing-quarter'})
    """
    return carry_over(plan).plan


def default_target(source: Path, year: int) -> Path:
    """Where ``uvp next-year`` writes when not told: beside *source*, the year in its
    name replaced by *year* (or *year* added); JSON stays JSON, a workbook gives ``.xlsx``.

    >>> default_target(Path("plannen/nijkerk-2024.xlsx"), 2025).as_posix()
    'plannen/nijkerk-2025.xlsx'
    >>> default_target(Path("uvp.json"), 2025).as_posix()
    'uvp-2025.json'
    """
    suffix = ".json" if source.suffix.lower() == ".json" else ".xlsx"
    stem = source.stem
    years = list(re.finditer(r"(?<!\d)(?:19|2\d)\d\d(?!\d)", stem))
    if years:
        last = years[-1]
        stem = stem[: last.start()] + str(year) + stem[last.end() :]
    else:
        stem = f"{stem}-{year}"
    return source.with_name(stem + suffix)


@attrs.frozen
class NextYearDraft:
    """Next year's plan drafted from a plan file and written to ``target``.

    ``read_findings`` are the errors met reading the source workbook (rows
    read only in part; none for a JSON plan); ``findings`` what validation
    finds in the draft besides the quarters still to plan (``missing-quarter``,
    which the draft has by design: :attr:`CarryOver.unplanned` counts them).
    """

    source: Path
    target: Path
    carried: CarryOver
    read_findings: Report
    findings: Report


def draft_next_year(
    path: str | os.PathLike[str],
    target: str | os.PathLike[str] | None = None,
    *,
    overwrite: bool = False,
    municipality: str | None = None,
    year: int | None = None,
    vocabulary: Vocabulary | None = None,
) -> NextYearDraft:
    """Read the evaluated plan at *path*, draft next year's (:func:`carry_over`) and write
    it to *target* (by default :func:`default_target`): a workbook in the layout most of
    the source workbook's tables are in (the default layout from JSON), or JSON.

    A workbook is written ready to plan: every carried-over action has its row, with
    an empty Kwartaal (per quarter too, under *Geen kwartaal*) and an empty quarter
    matrix and Status column beside it (:func:`uvp.workbook.fill_workbook`).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     draft = draft_next_year("examples/nijkerk-2024.json", f"{folder}/uvp-2025.json")
    ...     draft.target.name, draft.carried.plan.year, draft.findings.findings
    ('uvp-2025.json', 2025, ())
    """
    from uvp.workbook import (
        WORKBOOK_SUFFIXES,
        fill_workbook,
        inspect_workbook,
        read_plan,
        write_plan,
    )

    source = Path(path)
    read_findings: tuple[Finding, ...] = ()
    layout = None
    if source.suffix.lower() in WORKBOOK_SUFFIXES:
        result = inspect_workbook(
            source, municipality=municipality, year=year, vocabulary=vocabulary
        )
        plan = result.plan
        read_findings = tuple(f for f in result.findings if f.severity == "error")
        layout = result.layout
    else:
        plan = read_plan(source, municipality=municipality, year=year, vocabulary=vocabulary)
    carried = carry_over(plan)
    written = write_plan(
        carried.plan,
        target or default_target(source, carried.plan.year),
        layout=layout,
        overwrite=overwrite,
    )
    if written.suffix.lower() in WORKBOOK_SUFFIXES:
        # Ready to plan: each action's Kwartaal empty beside an empty quarter matrix, in
        # either layout; what staff mark there becomes the Kwartaal on the next fill.
        fill_workbook(written, backup=False)
    draft = carried.plan
    others = tuple(f for f in validate_plan(draft).findings if f.code != "missing-quarter")
    return NextYearDraft(
        source, written, carried, Report(read_findings), Report(others, plan=draft)
    )

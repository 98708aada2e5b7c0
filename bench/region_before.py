"""The region view's matching as it was before the whole-region engine (``uvp.region._match``):
every pair of plans compared action by action. Kept for ``bench/region.py``, which times it
against the new one and checks that both find the same items.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from uvp.core import Action, Plan, organisation_name
from uvp.region._compare import (
    _JOINT,
    COVERED_SCORE,
    MATCH_SCORE,
    Comparison,
    Item,
    ItemKind,
    _first_sentence,
    _group_differences,
    _item_order,
    _long_words,
    _ratios,
    _why_involved,
    _words,
    similarity,
)
from uvp.region._groups import Groups
from uvp.region._match import own_regions


def _participants(action: Action) -> tuple[str, ...]:
    return action.participants


def _involved(action: Action, municipality: str, region: frozenset[str]) -> set[str]:
    """The organisations an action in *municipality*'s plan involves."""
    involved = {municipality, *action.participants}
    for lead in action.leads:
        if lead.organisation == _JOINT or lead.kind == "each-municipality":
            involved |= region
        else:
            involved.add(lead.organisation)
    return {organisation_name(name) for name in involved}


def _contained(first: str, second: str, names: frozenset[str]) -> float:
    """How completely one text is said within the other, 0..100."""
    a, b = _words(first, names), _words(second, names)
    return float(_ratios()[0](a, b)) if a and b else 0.0


def _lead_names(action: Action) -> set[str]:
    return {lead.organisation for lead in action.leads}


def _score(a: Action, b: Action, names: frozenset[str]) -> float:
    """How alike two actions are: their texts, their first sentences (the action itself,
    before any explanation), a note that tells the other's action, and shared long words."""
    texts = 0.5 * similarity(a.text, b.text, names) + 0.5 * similarity(
        _first_sentence(a.text), _first_sentence(b.text), names
    )
    notes = max(similarity(a.text, b.note or "", names), similarity(a.note or "", b.text, names))
    bonus = 10.0 if _long_words(a.text) & _long_words(b.text) else 0.0
    return max(texts, notes - 5) + bonus


def _pairs(
    first: Plan, second: Plan, regions: tuple[frozenset[str], frozenset[str]], names: frozenset[str]
) -> Iterator[tuple[float, int, int]]:
    """Candidate pairs (score, index in first, index in second), best first; *regions*
    are what the two plans' collective leads involve."""
    ma, mb = first.municipality, second.municipality
    one_region = organisation_name(mb) in regions[0] or organisation_name(ma) in regions[1]
    involved_b = [_involved(b, mb, regions[1]) for b in second.actions]
    leads_b = [_lead_names(b) for b in second.actions]
    candidates = []
    for i, a in enumerate(first.actions):
        inv_a = _involved(a, ma, regions[0])
        leads_a = _lead_names(a)
        for j, b in enumerate(second.actions):
            if a.id and b.id:
                if a.id == b.id:
                    candidates.append((1000.0, i, j))
                continue
            shared = (inv_a & involved_b[j]) - {ma, mb} if one_region else set()
            if mb not in inv_a and ma not in involved_b[j] and not shared:
                continue  # neither plan involves the other: not one joint action
            score = _score(a, b, names)
            if shared & leads_a & leads_b[j]:
                score += 5  # both plans name the same third organisation as lead
            if score >= MATCH_SCORE:
                candidates.append((score, i, j))
    candidates.sort(key=lambda c: -c[0])
    yield from candidates


def _compare_pair(
    first: Plan, second: Plan, regions: tuple[frozenset[str], frozenset[str]], names: frozenset[str]
) -> tuple[list[tuple[int, int]], list[tuple[tuple[str, int], str, str]]]:
    """The actions two plans share (index pairs), and what one plan says involves the
    other but the other lacks: ((municipality, index), the other, why)."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _score, i, j in _pairs(first, second, regions, names):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        matched.append((i, j))
    missing = []
    sides = ((first, second, used_a, regions[0]), (second, first, used_b, regions[1]))
    for plan, other, used, region in sides:
        for index, action in enumerate(plan.actions):
            if index in used or other.municipality not in _involved(
                action, plan.municipality, region
            ):
                continue
            if any(
                _contained(action.text, o.text, names) >= COVERED_SCORE
                for o in other.actions
                if not (action.id and o.id)  # ids, where both have one, decide alone
            ):
                continue  # said in the other plan as part of a longer action
            reason = _why_involved(action, other.municipality)
            missing.append(((plan.municipality, index), other.municipality, reason))
    return sorted(matched), missing


def compare(plans: Sequence[Plan]) -> Comparison:
    """``uvp.compare`` as it was: every pair of plans, action by action."""
    region = frozenset(organisation_name(p.municipality) for p in plans)
    names = frozenset(n.casefold() for n in region)
    implied = frozenset(region | {organisation_name(n) for plan in plans for n in plan.partners})
    by_name = {plan.municipality: plan for plan in plans}
    own = own_regions([p.municipality for p in plans], [p.partners for p in plans], region)
    groups = Groups()
    lacking: list[tuple[tuple[str, int], str, str]] = []
    for x, first in enumerate(plans):
        for y, second in enumerate(plans[x + 1 :], x + 1):
            matched, lacks = _compare_pair(first, second, (own[x], own[y]), names)
            for i, j in matched:
                groups.join((first.municipality, i), (second.municipality, j))
            lacking.extend(lacks)
    for key, _, _ in lacking:
        groups.add(key)
    reasons: dict[int, dict[str, str]] = {}
    for key, other, reason in lacking:
        for group in groups.of(key):
            if other not in groups.members[group]:
                reasons.setdefault(group, {}).setdefault(other, reason)
    items = []
    for group, members in enumerate(groups.members):
        if not members:
            continue  # merged into another group
        actions = {m: by_name[m].actions[members[m]] for m in by_name if m in members}
        missing = reasons.get(group, {})
        differences = _group_differences(list(actions.items()), implied, _participants)
        kind: ItemKind = "missing" if missing else ("mismatch" if differences else "match")
        everyone: dict[str, Action | None] = {
            m: actions.get(m) for m in by_name if m in actions or m in missing
        }
        items.append(Item(kind, everyone, differences, dict(missing), dict(members)))
    order = {m: n for n, m in enumerate(by_name)}
    items.sort(key=lambda item: _item_order(item, order))
    return Comparison(tuple(by_name), tuple(items))

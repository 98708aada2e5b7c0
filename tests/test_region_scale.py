"""The region view at scale: what is worked out once per action stays once per action,
however many plans are compared (no timings here; those are in bench/region.py)."""

from __future__ import annotations

from collections import Counter

import pytest

import uvp
from tests.conftest import EXAMPLES
from uvp.region import agenda, compare


def _plans() -> list[uvp.Plan]:
    nijkerk = uvp.load(EXAMPLES / "nijkerk-2024.json")
    scherpenzeel = uvp.load(EXAMPLES / "scherpenzeel-2024.json")
    # A third municipality writing Nijkerk's plan: more plan pairs, the same actions.
    return [nijkerk, scherpenzeel, uvp.Plan("Barneveld", 2024, priorities=nijkerk.priorities)]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How often each action's participants are asked for, by id of the action."""
    calls: Counter[int] = Counter()
    original = uvp.Action.participants

    def participants(action: uvp.Action) -> tuple[str, ...]:
        calls[id(action)] += 1
        return original.fget(action)  # type: ignore[no-any-return,union-attr]

    monkeypatch.setattr(uvp.Action, "participants", property(participants))
    return calls


@pytest.mark.parametrize("count", [2, 3], ids=["two-plans", "three-plans"])
def test_compare_reads_each_action_s_participants_once(counted: Counter[int], count: int) -> None:
    plans = _plans()[:count]
    comparison = compare(plans)
    assert comparison.items  # the comparison did its work
    actions = {id(a) for plan in plans for a in plan.actions}
    assert set(counted) == actions  # every action's, and nothing else's
    assert max(counted.values()) == 1  # once, not once per pair of plans


def test_agenda_reads_each_action_s_participants_once(counted: Counter[int]) -> None:
    plans = _plans()
    result = agenda(plans, "Barneveld")
    assert result.items
    assert max(counted.values()) == 1

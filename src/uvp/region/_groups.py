"""The same action in several plans: actions joined into groups, one action per plan at most.

An action is keyed by ``(municipality, index)``, its index in that
municipality's plan. The region view (:func:`uvp.region.compare`) joins the
pairs of actions it matches; a partner's agenda (:func:`uvp.region.agenda`) joins
the actions of each matched item into one line. Both group with :class:`Groups`.

>>> groups = Groups()
>>> groups.join(("Nijkerk", 3), ("Scherpenzeel", 7))
>>> groups.join(("Scherpenzeel", 7), ("Barneveld", 1))
>>> groups.members[groups.of(("Barneveld", 1))[0]]
{'Nijkerk': 3, 'Scherpenzeel': 7, 'Barneveld': 1}
"""

from __future__ import annotations

__all__ = ["Groups", "Key"]

Key = tuple[str, int]
"""An action: the municipality whose plan has it, and its index in that plan's actions."""


class Groups:
    """Actions joined into groups of at most one action per plan.

    ``members`` lists each group as municipality -> index (an emptied dict
    where a group was merged into another); ``of(key)`` the groups an action
    is in, its own group first. Joining two actions whose groups would then
    hold two actions of one plan keeps them apart: the pair becomes a group of
    its own and each action stays in its first group too.

    >>> groups = Groups()
    >>> groups.join(("Nijkerk", 1), ("Ede", 1))
    >>> groups.join(("Nijkerk", 2), ("Ede", 1))  # Ede's action is Nijkerk's first already
    >>> groups.of(("Ede", 1)), groups.of(("Nijkerk", 2))
    ([0, 1], [1])
    """

    def __init__(self) -> None:
        self.members: list[dict[str, int]] = []
        self.index: dict[Key, list[int]] = {}

    def of(self, key: Key) -> list[int]:
        """The groups *key* is in (its own group first); none when never added or joined."""
        return self.index.get(key, [])

    def add(self, key: Key) -> None:
        """Give *key* a group of its own, unless it has one."""
        if key not in self.index:
            self.members.append({key[0]: key[1]})
            self.index[key] = [len(self.members) - 1]

    def join(self, a: Key, b: Key) -> None:
        """Put *a* and *b* in one group, when that keeps one action per plan."""
        ga, gb = self.of(a), self.of(b)
        if not ga and not gb:
            self.members.append({a[0]: a[1], b[0]: b[1]})
            self.index[a] = self.index[b] = [len(self.members) - 1]
            return
        if ga and gb:
            first, second = ga[0], gb[0]
            if first == second:
                return
            one, two = self.members[first], self.members[second]
            if not set(one) & set(two):  # one action per plan: merge the two groups
                one.update(two)
                for municipality, position in two.items():
                    self.index[municipality, position] = [first]
                self.members[second] = {}
                return
        elif ga or gb:
            group, key = (ga[0], b) if ga else (gb[0], a)
            if key[0] not in self.members[group]:
                self.members[group][key[0]] = key[1]
                self.index[key] = [group]
                return
        # Joining would put two actions of one plan together: keep this pair apart.
        self.members.append({a[0]: a[1], b[0]: b[1]})
        for key in (a, b):
            self.index.setdefault(key, []).append(len(self.members) - 1)

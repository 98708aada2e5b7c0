"""Matching the joint actions of many plans at once: the engine behind :func:`uvp.compare`.

Comparing every pair of plans action by action costs K² × n² text comparisons
(342 municipalities of 100 actions: 585 million). Most of them cannot match:
two actions are only the same joint action when one plan involves the other's
municipality, or both name a third organisation, *and* their texts are alike.
So each action's facts are worked out once (:class:`Facts`: its normalised
texts, participants, involved organisations, leads), and candidates are found
through two inverted indexes kept as bit sets over all actions: who is involved
(organisation -> actions), and which rare words the texts use (word -> actions).
An action's candidates are the actions of later plans that share a rare word
with it and may be involved with it; the exact rules then decide, and the text
scores of all candidates are computed in bulk (``rapidfuzz.process.cpdist`` on
both cores where rapidfuzz is installed; :mod:`uvp.region._fuzz`, pure Python,
where it is not, with the same numbers).

A pair of actions that shares no rare word is not scored. Texts that score
75 share words, and a word used in more than one action in 64 of the whole
set (at least 256) is no evidence of the same action: *organiseren*,
*controles*. Below 256 actions per plan set... every word counts, so small
regions are compared on every shared word.

>>> from uvp.core import Action, parse_assignments
>>> facts = Facts.of(Action("We organiseren vijf controles.", parse_assignments("Ede", "Q1")),
...                  0, 0, "Nijkerk", frozenset({"Nijkerk", "Ede"}), frozenset({"nijkerk", "ede"}), {})
>>> facts.text, sorted(facts.explicit), facts.wide
('organi 5 contro', ['Ede', 'Nijkerk'], False)
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping, Sequence
from typing import Any, Final

from uvp.core import Action, identify, organisation_name

__all__ = ["RARE_FLOOR", "RARE_SHARE", "Facts", "Matcher", "Participants", "own_regions"]

RARE_SHARE: Final = 1 / 64
"""A word in more than this share of all actions (and more than :data:`RARE_FLOOR`) is
too common to make two actions candidates."""
RARE_FLOOR: Final = 256
"""Below this many actions using it, every word counts."""

_JOINT: Final = "Gezamenlijk"

Participants = MutableMapping[int, tuple[str, ...]]
"""``id(action)`` -> ``action.participants``: computed once per action per comparison."""


def own_regions(
    municipalities: Sequence[str], partners: Sequence[Sequence[str]], region: frozenset[str]
) -> list[frozenset[str]]:
    """Per plan, the municipalities of *region* its collective leads (*Gezamenlijk*,
    *iedere gemeente*) involve: its own and those of its IVP partners. A plan that
    names no other municipality among its partners does not say its IVP region: then the
    whole *region* (the municipalities compared).

    >>> region = frozenset({"Nijkerk", "Scherpenzeel", "Ede", "Wageningen"})
    >>> nijkerk, ede = own_regions(
    ...     ["Nijkerk", "Ede"], [("Barneveld", "Scherpenzeel", "Politie"), ()], region
    ... )
    >>> sorted(nijkerk), ede == region
    (['Nijkerk', 'Scherpenzeel'], True)
    """
    found = []
    for municipality, named in zip(municipalities, partners, strict=True):
        own = organisation_name(municipality)
        others = {organisation_name(n) for n in named if _is_municipality(n)} - {own}
        if others:
            found.append(frozenset(({own} | others) & region))
        else:
            found.append(region)
    return found


def _is_municipality(name: str) -> bool:
    known = identify(name)
    return known is not None and known.kind == "municipality"


def participants_of(action: Action, cache: Participants) -> tuple[str, ...]:
    """``action.participants``, from *cache* where it has them already.

    >>> cache: Participants = {}
    >>> action = Action("Een avond.", partners=("politie",))
    >>> participants_of(action, cache), participants_of(action, cache) is cache[id(action)]
    (('Politie',), True)
    """
    found = cache.get(id(action))
    if found is None:
        found = cache[id(action)] = action.participants
    return found


@functools.lru_cache(maxsize=65536)
def _keys(text: str, note: str, long: frozenset[str]) -> frozenset[str]:
    return frozenset(text.split()) | frozenset(note.split()) | long


class Facts:
    """What the comparison needs of one action, worked out once.

    ``text``, ``first`` and ``note`` are the normalised words of the text, its
    first sentence and the note; ``long`` its long words; ``explicit`` the
    organisations it involves by name (canonical names, its municipality among
    them); ``wide`` whether a collective lead (*gezamenlijk*, *iedere gemeente*)
    involves the plan's own region too (``own``: its IVP partners among the plans
    compared, see :func:`own_regions`); ``leads`` its leads' names.
    """

    __slots__ = (
        "action",
        "explicit",
        "first",
        "id",
        "index",
        "keys",
        "leads",
        "long",
        "note",
        "own",
        "participants",
        "plan",
        "regional",
        "text",
        "wide",
        "words",
    )

    def __init__(self, **values: Any) -> None:
        for name, value in values.items():
            setattr(self, name, value)

    action: Action
    plan: int
    index: int
    text: str
    first: str
    note: str
    long: frozenset[str]
    keys: frozenset[str]
    explicit: frozenset[str]
    regional: frozenset[str]
    own: frozenset[str]
    wide: bool
    leads: frozenset[str]
    id: str | None
    participants: tuple[str, ...]
    words: frozenset[str]

    @classmethod
    def of(
        cls,
        action: Action,
        plan: int,
        index: int,
        municipality: str,
        region: frozenset[str],
        names: frozenset[str],
        cache: Participants,
        own: frozenset[str] | None = None,
    ) -> Facts:
        """The facts of *action*, the *index*-th of plan number *plan* (*municipality*'s,
        whose collective leads involve *own*: by default the whole *region*)."""
        from uvp.region._compare import _first_sentence, _long_words, _words

        participants = participants_of(action, cache)
        involved = {municipality, *participants}
        wide = False
        for lead in action.leads:
            if lead.organisation == _JOINT or lead.kind == "each-municipality":
                wide = True
            else:
                involved.add(lead.organisation)
        explicit = frozenset(organisation_name(name) for name in involved)
        text = _words(action.text, names)
        note = _words(action.note, names)
        long = _long_words(action.text)
        return cls(
            action=action,
            plan=plan,
            index=index,
            text=text,
            first=_words(_first_sentence(action.text), names),
            note=note,
            long=long,
            keys=_keys(text, note, long),
            explicit=explicit,
            regional=explicit & region,
            own=region if own is None else own,
            wide=wide,
            leads=frozenset(lead.organisation for lead in action.leads),
            id=action.id,
            participants=participants,
            words=frozenset(text.split()),
        )

    def involves(self, municipality: str) -> bool:
        """Whether the action involves *municipality* (the old ``_involved`` set's ``in``)."""
        return municipality in self.explicit or (self.wide and municipality in self.own)

    def has(self, organisation: str) -> bool:
        """Whether *organisation* is among the organisations the action involves."""
        return organisation in self.explicit or (self.wide and organisation in self.own)


def _shared(a: Facts, ma: str, b: Facts, mb: str) -> bool:
    """Whether the two actions involve a third organisation in common (not *ma*, *mb*)."""
    pair = {ma, mb}
    if any(o not in pair for o in a.explicit & b.explicit):
        return True
    if a.wide and any(o not in pair for o in b.regional & a.own):
        return True
    if b.wide and any(o not in pair for o in a.regional & b.own):
        return True
    return a.wide and b.wide and any(o not in pair for o in a.own & b.own)


def _bits(positions: Iterable[int], size: int) -> int:
    """The bit set (an int) with the bits at *positions* set."""
    buffer = bytearray((size >> 3) + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def _members(bits: int) -> Iterator[int]:
    """The positions of the bits set, lowest first."""
    if bits.bit_count() > 24:
        try:
            import numpy as np
        except ImportError:
            pass
        else:
            raw = np.frombuffer(bits.to_bytes((bits.bit_length() + 7) >> 3, "little"), np.uint8)
            yield from np.flatnonzero(np.unpackbits(raw, bitorder="little")).tolist()
            return
    while bits:
        low = bits & -bits
        yield low.bit_length() - 1
        bits ^= low


_Pair = tuple[str, str]


@functools.cache
def _bulk_ratios() -> Callable[[Sequence[_Pair]], list[tuple[float, float]]]:
    """Token set and token sort ratios of many pairs of texts at once."""
    try:
        import numpy as np
        from rapidfuzz import fuzz, process
    except ImportError:
        from uvp.region._compare import _ratios

        token_set, token_sort = _ratios()

        def one_by_one(pairs: Sequence[_Pair]) -> list[tuple[float, float]]:
            return [(token_set(a, b), token_sort(a, b)) for a, b in pairs]

        return one_by_one

    def bulk(pairs: Sequence[_Pair]) -> list[tuple[float, float]]:
        if not pairs:
            return []
        first = [a for a, _ in pairs]
        second = [b for _, b in pairs]
        options: dict[str, Any] = {"workers": -1, "dtype": np.float64}
        sets = process.cpdist(first, second, scorer=fuzz.token_set_ratio, **options)
        sorts = process.cpdist(first, second, scorer=fuzz.token_sort_ratio, **options)
        return list(zip(sets.tolist(), sorts.tolist(), strict=True))

    return bulk


@functools.cache
def _bulk_set_ratio() -> Callable[[Sequence[_Pair], float], list[float]]:
    """The token set ratio of many pairs of texts at once, 0 below *cutoff*."""
    try:
        import numpy as np
        from rapidfuzz import fuzz, process
    except ImportError:
        from uvp.region._compare import _ratios

        token_set = _ratios()[0]

        def one_by_one(pairs: Sequence[_Pair], cutoff: float) -> list[float]:
            return [r if (r := token_set(a, b)) >= cutoff else 0.0 for a, b in pairs]

        return one_by_one

    def bulk(pairs: Sequence[_Pair], cutoff: float) -> list[float]:
        if not pairs:
            return []
        found = process.cpdist(
            [a for a, _ in pairs],
            [b for _, b in pairs],
            scorer=fuzz.token_set_ratio,
            score_cutoff=cutoff,
            workers=-1,
            dtype=np.float64,
        )
        return list(found.tolist())

    return bulk


def _similarities(pairs: Sequence[_Pair]) -> list[float]:
    """``similarity`` of each pair of normalised texts (0 where one is empty)."""
    wanted = [(a, b) for a, b in pairs if a and b]
    ratios = iter(_bulk_ratios()(wanted))
    found = []
    for a, b in pairs:
        if a and b:
            token_set, token_sort = next(ratios)
            found.append(round(0.7 * token_set + 0.3 * token_sort, 1))
        else:
            found.append(0.0)
    return found


class Matcher:
    """The candidate pairs of actions of many plans, scored, and the containment checks.

    *municipalities* are the plans' municipalities (as the plans write them),
    *actions* each plan's actions, *region* and *names* as :func:`uvp.compare`
    makes them; *own* per plan the municipalities its collective leads involve
    (:func:`own_regions`; by default the whole *region*).
    """

    def __init__(
        self,
        municipalities: Sequence[str],
        actions: Sequence[Sequence[Action]],
        region: frozenset[str],
        names: frozenset[str],
        cache: Participants,
        own: Sequence[frozenset[str]] | None = None,
    ) -> None:
        self.municipalities = municipalities
        self.region = region
        self.own = list(own) if own is not None else [region] * len(municipalities)
        self.canonical = [organisation_name(m) for m in municipalities]
        self.facts: list[Facts] = []
        self.start: list[int] = []
        for p, (municipality, plan_actions) in enumerate(zip(municipalities, actions, strict=True)):
            self.start.append(len(self.facts))
            self.facts.extend(
                Facts.of(a, p, i, municipality, region, names, cache, self.own[p])
                for i, a in enumerate(plan_actions)
            )
        self.start.append(len(self.facts))
        size = len(self.facts)
        self.size = size
        self.plan_bits = [
            ((1 << (self.start[p + 1] - self.start[p])) - 1) << self.start[p]
            for p in range(len(municipalities))
        ]
        # Rare words -> actions using them.
        frequency = Counter(key for f in self.facts for key in f.keys)
        limit = max(RARE_FLOOR, int(size * RARE_SHARE))
        postings: dict[str, list[int]] = {}
        for g, f in enumerate(self.facts):
            for key in f.keys:
                if 1 < frequency[key] <= limit:
                    postings.setdefault(key, []).append(g)
        self.words = {key: _bits(found, size) for key, found in postings.items()}
        # Organisations -> actions involving them by name; collective leads apart.
        involving: dict[str, list[int]] = {}
        for g, f in enumerate(self.facts):
            for organisation in f.explicit:
                involving.setdefault(organisation, []).append(g)
        self.naming = {o: _bits(found, size) for o, found in involving.items()}
        self.wide = _bits((g for g, f in enumerate(self.facts) if f.wide), size)
        self.plan_of_name: dict[str, list[int]] = {}
        for p, municipality in enumerate(municipalities):
            for name in {municipality, organisation_name(municipality)}:
                self.plan_of_name.setdefault(name, []).append(p)
        self.ids: dict[str, list[int]] = {}
        for g, f in enumerate(self.facts):
            if f.id:
                self.ids.setdefault(f.id, []).append(g)

    # -- pairs ------------------------------------------------------------------------

    def _text_bits(self, f: Facts) -> int:
        bits = 0
        for key in f.keys:
            found = self.words.get(key)
            if found is not None:
                bits |= found
        return bits

    def _involvement_bits(self, f: Facts) -> int:
        """The actions *f* may be involved with (a superset; :meth:`_involved` decides)."""
        involved = f.explicit
        if f.wide:
            if f.own == self.region:
                return (1 << self.size) - 1
            involved = involved | f.own
        bits = self.wide | self.naming.get(self.municipalities[f.plan], 0)
        for organisation in involved:
            bits |= self.naming.get(organisation, 0)
            for plan in self.plan_of_name.get(organisation, ()):
                bits |= self.plan_bits[plan]
        return bits

    def _involved(self, a: Facts, b: Facts) -> bool:
        """One plan involves the other's municipality, or both a third organisation and
        the plans are of one region."""
        ma, mb = self.municipalities[a.plan], self.municipalities[b.plan]
        if a.involves(mb) or b.involves(ma):
            return True
        return self.one_region(a.plan, b.plan) and _shared(a, ma, b, mb)

    def one_region(self, p: int, q: int) -> bool:
        """Whether plans *p* and *q* are of one IVP region (or one of them does not say
        its region): only then does naming a third organisation (*Politie*, *RIEC*)
        make their actions one joint action; across regions only naming each other does."""
        return self.canonical[q] in self.own[p] or self.canonical[p] in self.own[q]

    def candidates(self) -> Iterator[tuple[Facts, Facts]]:
        """Pairs (a, b) of actions of two plans, a's plan first, that may be one joint action
        by who is involved and share a rare word (never two actions that both have an id)."""
        facts = self.facts
        for a in facts:
            end = self.start[a.plan + 1]
            bits = (self._text_bits(a) & self._involvement_bits(a)) >> end
            for offset in _members(bits):
                b = facts[end + offset]
                if a.id and b.id:
                    continue
                if self._involved(a, b):
                    yield a, b

    def scored(self) -> dict[tuple[int, int], list[tuple[float, int, int]]]:
        """(plan, later plan) -> candidates (score, index, index) that score 75 or more,
        best first (ties in the order of the indexes), explicit ids matching included."""
        from uvp.region._compare import MATCH_SCORE

        pairs = list(self.candidates())
        texts = _similarities([(a.text, b.text) for a, b in pairs])
        firsts_wanted = [
            n for n, (a, b) in enumerate(pairs) if a.first != a.text or b.first != b.text
        ]
        firsts = dict(
            zip(
                firsts_wanted,
                _similarities([(pairs[n][0].first, pairs[n][1].first) for n in firsts_wanted]),
                strict=True,
            )
        )
        notes_wanted = [n for n, (a, b) in enumerate(pairs) if a.note or b.note]
        notes_ab = _similarities([(pairs[n][0].text, pairs[n][1].note) for n in notes_wanted])
        notes_ba = _similarities([(pairs[n][0].note, pairs[n][1].text) for n in notes_wanted])
        notes = {n: max(ab, ba) for n, ab, ba in zip(notes_wanted, notes_ab, notes_ba, strict=True)}
        found: dict[tuple[int, int], list[tuple[float, int, int]]] = {}
        for n, (a, b) in enumerate(pairs):
            text = texts[n]
            first = firsts.get(n, text)
            score = max(0.5 * text + 0.5 * first, notes.get(n, 0.0) - 5)
            score += 10.0 if a.long & b.long else 0.0
            common = a.leads & b.leads
            if common:
                ma, mb = self.municipalities[a.plan], self.municipalities[b.plan]
                if any(o not in (ma, mb) and a.has(o) and b.has(o) for o in common):
                    score += 5  # both plans name the same third organisation as lead
            if score >= MATCH_SCORE:
                found.setdefault((a.plan, b.plan), []).append((score, a.index, b.index))
        for same in self.ids.values():
            for x, g in enumerate(same):
                for h in same[x + 1 :]:
                    a, b = self.facts[g], self.facts[h]
                    if a.plan != b.plan:
                        found.setdefault((a.plan, b.plan), []).append((1000.0, a.index, b.index))
        for candidates in found.values():
            candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        return found

    # -- what a plan lacks ------------------------------------------------------------

    def contained(self, checks: Sequence[tuple[int, int, int]]) -> set[tuple[int, int, int]]:
        """Of the checks (plan, index, other plan), those where the other plan has an action
        that says the action as part of a longer one (``COVERED_SCORE``; texts sharing a
        rare word; ids, where both have one, decide alone)."""
        from uvp.region._compare import COVERED_SCORE

        found: set[tuple[int, int, int]] = set()
        pairs: list[tuple[int, int, int]] = []
        texts: list[_Pair] = []
        bits_of: dict[int, int] = {}
        for check in checks:
            p, index, other = check
            g = self.start[p] + index
            a = self.facts[g]
            if not a.text:
                continue
            bits = bits_of.get(g)
            if bits is None:
                bits = bits_of[g] = self._text_bits(a)
            start = self.start[other]
            for offset in _members((bits & self.plan_bits[other]) >> start):
                b = self.facts[start + offset]
                if (a.id and b.id) or not b.text:
                    continue
                if a.words & b.words and (a.words <= b.words or b.words <= a.words):
                    found.add(check)  # one says every word of the other: 100
                    break
                pairs.append(check)
                texts.append((a.text, b.text))
        scores = _bulk_set_ratio()(texts, COVERED_SCORE)
        for check, score in zip(pairs, scores, strict=True):
            if score >= COVERED_SCORE:
                found.add(check)
        return found

    def involving(self, p: int) -> tuple[list[int], dict[str, list[int]]]:
        """Plan *p*'s actions with a collective lead, and per organisation named the actions
        that name it (indexes in the plan)."""
        wide: list[int] = []
        named: dict[str, list[int]] = {}
        start = self.start[p]
        for g in range(start, self.start[p + 1]):
            f = self.facts[g]
            if f.wide:
                wide.append(g - start)
            for organisation in f.explicit:
                named.setdefault(organisation, []).append(g - start)
        return wide, named


def group_participants(cache: Participants) -> Callable[[Action], tuple[str, ...]]:
    """``action.participants`` through *cache*."""
    return lambda action: participants_of(action, cache)


def lookup(cache: Mapping[int, tuple[str, ...]], action: Action) -> tuple[str, ...]:
    """The participants *cache* holds for *action*."""
    return cache[id(action)]

"""A synthetic country of UVP plans for the region benchmark (``bench/region.py``).

Every Dutch municipality (``src/uvp/core/data/gemeenten.csv``, in province order, so
that neighbours in the list are neighbours on the map, more or less) gets a plan
of ``actions`` actions. Municipalities form IVP regions of four, in list order.
As in the two real plans (``/work/shared/seeds/``), a region's municipalities
each write the region's joint actions into their own plan in their own words:

* four of a region's 18 joint actions are texts of the real plans: of the 18
  actions both example plans carry, each in Nijkerk's and in Scherpenzeel's
  wording; the others are put together from parts (as its own actions, below).
  A municipality takes one wording or the other and then rewrites it
  the ways the real plans differ: *We organiseren* against *Nijkerk organiseert*
  or *De gemeente Nijkerk organiseert*, *vijf* against *5*, *Damocles-beleid*
  against *Damoclesbeleid*, an explanatory sentence more or less, its own note;
* the municipalities the real plans name are replaced by the region's own,
  and each joint action gets the region's subject (a word of the region's
  own, as *cyberbeeld politie Gelderland-Midden* is), so that two regions'
  versions of one real action are alike but not the same;
* leads as the real plans have them: a municipality of the region, *Gezamenlijk*
  (a fifth of the joint actions), *Iedere gemeente individueel*, *Politie*,
  *ZV-WVV*, in quarters that sometimes differ between the plans; participants
  in the real phrases (*X deelt dit met Y en Z*, *Y sluit hierbij aan*,
  *in samenwerking met de politie*);
* next to its region's joint actions, each municipality shares a few with the
  next municipality in the list (across region borders too), and fills the
  rest of its plan with actions of its own, put together from parts (opening,
  kind of work, subject, place, purpose): no two municipalities write their
  own work in the same sentence, though they use the same words.

Deterministic for a given ``seed``.
"""

from __future__ import annotations

import csv
import functools
import random
import re
from collections.abc import Sequence
from pathlib import Path

import uvp

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_NAMES = ("Nijkerk", "Scherpenzeel", "Barneveld")
REGION_SIZE = 4
JOINT_PER_REGION = 18
REAL_PER_REGION = 4
SHARED_WITH_NEXT = 3

_NUMBERS = {
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
_EXTRA = (
    "We communiceren actief over de behaalde resultaten.",
    "We evalueren dit proces aan het eind van het jaar.",
    "Dit wordt gezamenlijk ondertekend.",
    "De uitkomsten bespreken we in het driehoeksoverleg.",
    "We betrekken hierbij de wijkteams.",
    "Hier voegen we ook informatie toe vanuit de inwoners.",
)
_SUBJECTS = (
    "drugsoverlast",
    "woninginbraken",
    "jeugdoverlast",
    "cybercriminaliteit",
    "mensenhandel",
    "arbeidsuitbuiting",
    "witwaspraktijken",
    "vakantieparken",
    "buitengebied",
    "bedrijventerreinen",
    "hennepteelt",
    "drugslabs",
    "zorgfraude",
    "ondermijning",
    "radicalisering",
    "personen met verward gedrag",
    "huiselijk geweld",
    "ouderenmishandeling",
    "fietsendiefstal",
    "winkeldiefstal",
    "straatintimidatie",
    "sexting",
    "online oplichting",
    "explosieven",
    "vuurwerkoverlast",
    "malafide uitzendbureaus",
    "huisjesmelkers",
    "illegale bewoning",
    "prostitutie",
    "wapenbezit",
    "messengeweld",
    "ramkraken",
    "plofkraken",
    "babbeltrucs",
    "heling",
    "stalking",
    "polarisatie",
    "evenementen",
    "horeca",
    "coffeeshops",
)
_PARTNER_LEADS = ("Politie", "ZV-WVV", "RIEC", "OM")
# A plan's own actions, put together from parts: no two municipalities write their own
# work in the same sentence, though they use the same words.
_OPENINGS = (
    "We organiseren",
    "We starten",
    "We ontwikkelen",
    "We evalueren",
    "We plannen",
    "We houden",
    "We bereiden",
    "We verbeteren",
    "We herhalen",
    "We voeren",
    "We zetten in op",
    "We breiden uit:",
)
_ADJECTIVES = (
    "integrale",
    "thematische",
    "lokale",
    "periodieke",
    "gerichte",
    "preventieve",
    "digitale",
    "structurele",
    "extra",
    "gezamenlijke",
)
_NOUNS = (
    "controles",
    "bijeenkomsten",
    "voorlichting",
    "trainingen",
    "werksessies",
    "campagnes",
    "huisbezoeken",
    "analyses",
    "pilots",
    "overleggen",
    "rondgangen",
    "inventarisaties",
    "cursussen",
    "schouwen",
    "gesprekken",
)
_PLACES = (
    "in het centrum",
    "in de kernen",
    "op de bedrijventerreinen",
    "in het buitengebied",
    "bij de scholen",
    "in de wijk {}",
    "rond het station",
    "op de vakantieparken",
    "in de haven",
    "bij de sportverenigingen",
)
_WIJKEN = ("Oost", "West", "Noord", "Zuid", "Centrum", "De Hoef", "Kruidenwijk", "Het Veld")
_PURPOSES = (
    "om signalen eerder te herkennen",
    "om de meldingsbereidheid te vergroten",
    "om ondernemers weerbaarder te maken",
    "om inwoners bewust te maken",
    "om het aantal incidenten terug te dringen",
    "om de informatiepositie te versterken",
    "zodat medewerkers weten wat zij moeten doen",
    "zodat we sneller kunnen ingrijpen",
    "om jongeren op tijd te bereiken",
    "om malafide praktijken te weren",
)


def municipalities() -> list[str]:
    """Every municipality, in province order (neighbours close together)."""
    path = ROOT / "src" / "uvp" / "core" / "data" / "gemeenten.csv"
    with path.open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    return [row["name"] for row in sorted(rows, key=lambda r: (r["province"], r["name"]))]


def _templates() -> tuple[list[tuple[tuple[str, str | None], ...]], list[tuple[str, str | None]]]:
    """The real plans' joint actions (each in both plans' wordings) and their other actions."""
    nijkerk = uvp.load(ROOT / "examples" / "nijkerk-2024.json")
    scherpenzeel = uvp.load(ROOT / "examples" / "scherpenzeel-2024.json")
    comparison = uvp.compare([nijkerk, scherpenzeel])
    joint, used = [], set()
    for item in comparison.items:
        present = [a for a in item.actions.values() if a is not None]
        if len(present) == 2:
            joint.append(tuple((a.text, a.note) for a in present))
            used.update(id(a) for a in present)
    single = [
        (a.text, a.note) for p in (nijkerk, scherpenzeel) for a in p.actions if id(a) not in used
    ]
    return joint, single


def _rename(text: str, names: Sequence[str]) -> str:
    """The example plans' municipalities replaced by *names* (in that order; the first
    name where *names* has fewer)."""
    for index, old in enumerate(EXAMPLE_NAMES):
        text = text.replace(old, f"\0{index}\0")
    for index in range(len(EXAMPLE_NAMES)):
        text = text.replace(f"\0{index}\0", names[index] if index < len(names) else names[0])
    return text


def _reword(text: str, municipality: str, rng: random.Random) -> str:
    """*text* in a municipality's own words, as the real plans differ."""
    if rng.random() < 0.5:
        for word, digit in _NUMBERS.items():
            text = re.sub(rf"\b{word}\b", digit, text)
    elif rng.random() < 0.5:
        for word, digit in _NUMBERS.items():
            text = re.sub(rf"(?<![\d.]){digit}(?![\d.])", word, text)
    if rng.random() < 0.4:
        text = re.sub(r"(?<=\w)-(?=\w)", "", text)
    roll = rng.random()
    if text.startswith("We ") and roll < 0.3:
        verb, _, rest = text[3:].partition(" ")
        third = verb[:-2] if verb.endswith("en") else verb
        if len(third) > 2 and third[-1] == third[-2]:
            third = third[:-1]  # plannen: plant
        third += "" if third.endswith("t") else "t"
        who = municipality if roll < 0.15 else f"De gemeente {municipality}"
        text = f"{who} {third} {rest}"
    sentences = re.split(r"(?<=[.!?])\s", text.strip())
    if len(sentences) > 1 and rng.random() < 0.3:
        sentences.pop(rng.randrange(1, len(sentences)))
    if rng.random() < 0.25:
        sentences.append(rng.choice(_EXTRA))
    return " ".join(sentences)


def _quarter(rng: random.Random, base: int) -> str:
    roll = rng.random()
    if roll < 0.7:
        return f"Q{base}"
    if roll < 0.8:
        return "Doorlopend"
    if roll < 0.9:
        return f"Q{base}-Q4" if base < 4 else "Q3-Q4"
    return f"Q{rng.randint(1, 4)}"


def _action(
    text: str, note: str | None, lead: str, quarter: str, municipality: str, rng: random.Random
) -> uvp.Action:
    note = _reword(note, municipality, rng) if note and rng.random() < 0.7 else None
    return uvp.Action(
        _reword(text, municipality, rng), uvp.parse_assignments(lead, quarter), note=note
    )


@functools.cache
def _vocabulary() -> tuple[str, ...]:
    """The specific words of the real plans (seven letters or more): what makes an action
    this action (*Damoclesbeleid*, *uitzendbureaus*, *cyberspecials*)."""
    words: set[str] = set()
    for name in ("nijkerk", "scherpenzeel"):
        plan = uvp.load(ROOT / "examples" / f"{name}-2024.json")
        for action in plan.actions:
            words.update(w for w in re.findall(r"[a-zë]{7,}", action.text))
    return tuple(sorted(words))


def _own_text(rng: random.Random) -> str:
    """An action's text put together from parts, with two specific words of its own."""
    place = rng.choice(_PLACES).format(rng.choice(_WIJKEN))
    first, second = rng.sample(_vocabulary(), 2)
    return (
        f"{rng.choice(_OPENINGS)} {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        f" over {rng.choice(_SUBJECTS)} {place} {rng.choice(_PURPOSES)},"
        f" met aandacht voor {first} en {second}."
    )


def country(count: int = 342, actions: int = 100, seed: int = 2024) -> list[uvp.Plan]:
    """The plans of the first *count* municipalities, *actions* actions each."""
    names = municipalities()[:count]
    joint, single = _templates()
    regions = [names[i : i + REGION_SIZE] for i in range(0, len(names), REGION_SIZE)]
    region_of = {name: r for r, members in enumerate(regions) for name in members}
    # The region's joint actions: template, wording per member, lead, quarter, subject.
    plans_actions: dict[str, list[uvp.Action]] = {name: [] for name in names}
    for r, members in enumerate(regions):
        rng = random.Random(f"{seed}-region-{r}")
        subject = rng.choice(_SUBJECTS)
        picked = rng.sample(range(len(joint)), k=min(REAL_PER_REGION, len(joint)))
        made = [_own_text(rng) for _ in range(JOINT_PER_REGION - len(picked))]
        for t in [*picked, *(-1 - n for n in range(len(made)))]:
            roll = rng.random()
            if roll < 0.2:
                lead = "Gezamenlijk"
            elif roll < 0.3:
                lead = "Iedere gemeente individueel"
            elif roll < 0.45:
                lead = rng.choice(_PARTNER_LEADS)
            else:
                lead = rng.choice(members)
            base = rng.randint(1, 4)
            topic = rng.choice(_SUBJECTS)
            for k, member in enumerate(members):
                if rng.random() < 0.1:
                    continue  # this plan lacks it
                prng = random.Random(f"{seed}-{member}-{t}")
                text, note = joint[t][k % 2] if t >= 0 else (made[-1 - t], None)
                others = [m for m in members if m != lead] + [lead]
                order = [lead if lead in members else member, *others]
                text = _rename(text, order) + f" Het gaat om {topic} en {subject}."
                note = _rename(note, order) if note else None
                action = _action(text, note, lead, _quarter(prng, base), member, prng)
                plans_actions[member].append(action)
    # A few actions shared with the next municipality in the list, across region borders.
    for n, name in enumerate(names[:-1]):
        rng = random.Random(f"{seed}-next-{n}")
        following = names[n + 1]
        if region_of[following] == region_of[name]:
            continue
        for _ in range(SHARED_WITH_NEXT):
            text, note = rng.choice(single)
            topic = rng.choice(_SUBJECTS)
            text = (
                _rename(text, [name, following]) + f" Over {topic}. {following} sluit hierbij aan."
            )
            base = rng.randint(1, 4)
            for member in (name, following):
                prng = random.Random(f"{seed}-{member}-next-{n}-{text}")
                action = _action(text, note, name, _quarter(prng, base), member, prng)
                plans_actions[member].append(action)
    plans = []
    for name in names:
        rng = random.Random(f"{seed}-own-{name}")
        own = plans_actions[name][:actions]
        while len(own) < actions:
            text = _own_text(rng)
            if rng.random() < 0.1:
                text += " In samenwerking met de politie."
            own.append(_action(text, None, name, _quarter(rng, rng.randint(1, 4)), name, rng))
        rng.shuffle(own)
        partners = (*(m for m in regions[region_of[name]] if m != name), "Politie", "OM")
        themes = [
            uvp.Theme(f"Thema {t + 1}", actions=own[t * 10 : (t + 1) * 10])
            for t in range((len(own) + 9) // 10)
        ]
        plans.append(
            uvp.Plan(
                name,
                2024,
                partners=partners,
                priorities=[uvp.Priority("Ondermijning", "joint", themes)],
            )
        )
    return plans

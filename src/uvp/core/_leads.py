"""Leads (*trekkers*), the organisations uvp knows, and who takes part.

>>> lead = Lead.parse("Nijkerk (Bibob-medewerker)")
>>> lead.name, lead.unit, lead.kind
('Nijkerk', 'Bibob-medewerker', 'municipality')
>>> Lead.parse("Zorg- en Veiligheidshuis WVV").organisation
'ZV-WVV'
>>> [str(lead) for lead in parse_leads("politie, OM en gemeente (OOV)", municipality="Nijkerk")]
['politie', 'OM', 'Nijkerk (OOV)']
>>> parse_participants("Scherpenzeel deelt deze met Barneveld en Nijkerk.")
('Barneveld', 'Nijkerk')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final

import attrs

from uvp.core._catalogue import (
    GENERIC_MUNICIPALITY,
    LeadKind,
    Organisation,
    _fold,
    catalogue,
    identify,
    name_key,
    organisation_name,
)
from uvp.core._errors import NotationError
from uvp.core._quarters import Schedule
from uvp.core._reading import Note, Reading
from uvp.core._vocabulary import Vocabulary

__all__ = [
    "Lead",
    "LeadKind",
    "Organisation",
    "identify",
    "organisation_name",
    "parse_leads",
    "parse_participants",
    "read_leads",
]

_MAX_LEAD_LENGTH: Final = 60
# "gemeente", "de gemeente", "gem.": the municipality itself, not one of its units
_BARE_MUNICIPALITY: Final = frozenset(
    {"gemeente", "gem", "gemeentelijk", "gemeentelijkeorganisatie"}
)
# Between organisations in one line: "Gemeente / Politie", "Politie & Halt", "OM, RIEC".
_STRONG_SEPARATORS: Final = re.compile(r"\s*[,/&+;]\s*")
_AND: Final = re.compile(r"\s+en\s+", re.IGNORECASE)
# "Gemeente i.s.m. politie": the lead, then partners that take part.
_WITH_PARTNERS: Final = re.compile(
    r"\s+(?:i\.?\s?s\.?\s?m\.?|in samenwerking met|samen met|met ondersteuning van)\s+",
    re.IGNORECASE,
)


def _kind_of(lead: Lead) -> LeadKind:
    org = identify(lead.name)
    return org.kind if org is not None else "partner"


@attrs.frozen
class Lead:
    """Who leads (*trekt*) an action: an organisation, optionally with a unit.

    ``kind`` is ``"municipality"``, ``"partner"`` (Politie, OM, ZV-WVV, and any
    organisation uvp does not know), ``"joint"`` (gezamenlijk, Alle partners,
    the driehoek, a werkgroep) or ``"each-municipality"`` (Iedere gemeente
    individueel). The plan's own municipality written without its name
    (``Team Veiligheid``) is read, with the plan's municipality as context, as
    that municipality with the text as its unit; without context its name is
    ``Gemeente`` (see :attr:`generic`).

    >>> str(Lead.parse("  Nijkerk  (ODDV) "))
    'Nijkerk (ODDV)'
    >>> Lead.parse("Iedere gemeente individueel").kind
    'each-municipality'
    >>> str(Lead.parse("Team Veiligheid", municipality="Ede"))
    'Ede (Team Veiligheid)'
    """

    name: str
    unit: str | None = None
    kind: LeadKind = attrs.field(default=attrs.Factory(_kind_of, takes_self=True))

    @classmethod
    def parse(
        cls, text: str, *, municipality: str | None = None, vocabulary: Vocabulary | None = None
    ) -> Lead:
        """Read one lead as written in a Trekker cell line.

        *municipality* is the plan's municipality: ``Gemeente``, ``Boa's`` and
        ``afdeling VTH`` are its own units. A line naming several organisations
        (``Politie & Halt``) is refused here: read it with :func:`parse_leads`.

        >>> Lead.parse("gezamenlijk").kind
        'joint'
        >>> Lead.parse("Q2")
        Traceback (most recent call last):
        uvp.NotationError: 'Q2' is a quarter, not a lead (trekker): are Trekker and Kwartaal swapped?
        """
        leads = read_leads(text, municipality=municipality, vocabulary=vocabulary).value
        if len(leads) != 1:
            raise NotationError(
                "several-organisations", text=text, count=len(leads), leads=_listing(leads)
            )
        return leads[0]

    @property
    def organisation(self) -> str:
        """The organisation's canonical name (``ZV-WVV`` for *Zorg- en Veiligheidshuis WVV*).

        Two leads that name the same organisation differently have the same
        ``organisation``; an unknown organisation keeps its name as written.

        >>> Lead.parse("individueel per gemeente").organisation
        'Iedere gemeente'
        """
        return organisation_name(self.name)

    @property
    def generic(self) -> bool:
        """True for the plan's own municipality read without knowing which it is.

        >>> Lead.parse("afdeling VTH").generic, str(Lead.parse("afdeling VTH"))
        (True, 'Gemeente (afdeling VTH)')
        """
        return self.organisation == GENERIC_MUNICIPALITY

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


def parse_leads(
    text: str, *, municipality: str | None = None, vocabulary: Vocabulary | None = None
) -> tuple[Lead, ...]:
    """The leads one Trekker line names: one, or one per organisation.

    ``politie, OM en gemeente``, ``Gemeente / Politie`` and ``Politie & Halt``
    name several organisations; ``Zorg- en Veiligheidshuis WVV`` and
    ``Toezicht & Handhaving`` are one. Names uvp does not know are split only
    where a known organisation stands beside them. A *vocabulary* (a
    workbook's *Woordenlijst*) names organisations in staff's own words.

    >>> [str(lead) for lead in parse_leads("Gemeente / Politie", municipality="Ede")]
    ['Ede', 'Politie']
    >>> parse_leads("Stichting Jeugd en Gezin")
    (Lead(name='Stichting Jeugd en Gezin', unit=None, kind='partner'),)
    """
    return read_leads(text, municipality=municipality, vocabulary=vocabulary).value


def read_leads(
    text: str, *, municipality: str | None = None, vocabulary: Vocabulary | None = None
) -> Reading[tuple[Lead, ...]]:
    """:func:`parse_leads`, with notes on how the line was read.

    Notes: ``several-leads`` (the line names several organisations),
    ``lead-partners`` (``X i.s.m. Y``: Y takes part but is not a lead),
    ``generic-municipality`` (the plan's own unit, but the plan's municipality
    is not known), ``ambiguous-municipality`` (``Bergen``: which one?) and
    ``merged-municipality`` (``Leerdam`` is now Vijfheerenlanden).

    >>> [n.code for n in read_leads("Politie & Halt").notes]
    ['several-leads']
    """
    if not isinstance(text, str):
        raise TypeError(f"Lead.parse() takes a str, not {type(text).__name__}")
    return _read_leads(text, municipality, vocabulary or None)


@functools.lru_cache(maxsize=4096)
def _read_leads(
    text: str, municipality: str | None, vocabulary: Vocabulary | None = None
) -> Reading[tuple[Lead, ...]]:
    # A plan names the same few leads hundreds of times: read each once.
    if "\n" in text.strip() or "\r" in text.strip():
        raise NotationError("multiline-lead", text=text)
    normal = " ".join(text.replace("\xa0", " ").split())
    if not normal:
        raise NotationError("empty-lead", text=text)
    if vocabulary is not None and (meaning := vocabulary.meaning("lead", normal)) is not None:
        return _taught(meaning, normal, municipality)  # staff's word for one or several
    if re.fullmatch(r"(?i)q\s*\d.*", normal):
        try:
            Schedule.parse(normal)
        except NotationError:
            pass
        else:
            raise NotationError("quarter-as-lead", text=text)
    own = organisation_name(municipality) if municipality else None
    notes: list[Note] = []
    main, partners = normal, ""
    if not _recognised(normal, vocabulary):
        parts = _WITH_PARTNERS.split(normal, maxsplit=1)
        if (
            len(parts) == 2
            and parts[1].strip()
            and (_recognised(parts[0], vocabulary) or len(_pieces(parts[0], vocabulary)) > 1)
        ):
            main, partners = parts[0].strip(), parts[1].strip()
    pieces = _pieces(main, vocabulary)
    if len(normal) > _MAX_LEAD_LENGTH and len(pieces) == 1:
        raise NotationError("lead-too-long", text=text, length=len(normal))
    leads: tuple[Lead, ...] = ()
    for piece in pieces:
        meaning = vocabulary.meaning("lead", piece) if vocabulary is not None else None
        if meaning is not None:
            taught = _taught(meaning, piece, municipality)
            leads += taught.value
            notes.extend(taught.notes)
        else:
            leads += (_lead(piece, text, own, notes),)
    if partners:
        notes.append(
            Note(
                "lead-partners",
                {"text": normal, "leads": _listing(leads), "partners": partners},
                field="lead",
            )
        )
    if len(leads) > 1:
        notes.insert(
            0,
            Note(
                "several-leads",
                {"text": normal, "count": len(leads), "leads": _listing(leads)},
                field="lead",
            ),
        )
    return Reading(leads, tuple(notes))


def _taught(meaning: str, text: str, municipality: str | None) -> Reading[tuple[Lead, ...]]:
    """The leads a word of the vocabulary means, its notes said of *text* as written."""
    reading = _read_leads(meaning, municipality)
    notes = tuple(attrs.evolve(n, params={**n.params, "text": text}) for n in reading.notes)
    return Reading(reading.value, notes)


def _listing(leads: Iterable[Lead]) -> str:
    names = [str(lead) for lead in leads]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def _name_part(piece: str) -> str:
    bracket = re.fullmatch(r"([^()]+?)\s*\([^()]*\)", piece)
    return bracket.group(1) if bracket else piece


def _recognised(piece: str, vocabulary: Vocabulary | None = None) -> bool:
    if vocabulary is not None and vocabulary.meaning("lead", piece) is not None:
        return True
    return identify(piece) is not None or identify(_name_part(piece)) is not None


def _split_outside_brackets(text: str, pattern: re.Pattern[str]) -> list[str]:
    """*text* split at *pattern*, except inside brackets."""
    parts: list[str] = []
    start = depth = 0
    position = 0
    while position < len(text):
        char = text[position]
        depth += {"(": 1, ")": -1}.get(char, 0)
        match = pattern.match(text, position) if depth == 0 else None
        if match is not None and match.end() > position:
            parts.append(text[start:position])
            start = position = match.end()
            continue
        position += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _pieces(line: str, vocabulary: Vocabulary | None = None) -> list[str]:
    """One text per organisation a line names."""
    if _recognised(line, vocabulary):
        return [line]
    parts = _split_outside_brackets(line, _STRONG_SEPARATORS)
    if len(parts) < 2 or not any(_recognised(p, vocabulary) for p in parts):
        parts = [line]
    pieces: list[str] = []
    for part in parts:
        split = [] if _recognised(part, vocabulary) else _split_outside_brackets(part, _AND)
        if len(split) > 1 and all(_recognised(p, vocabulary) for p in split):
            pieces.extend(split)
        else:
            pieces.append(part)
    return pieces


def _lead(piece: str, text: str, own: str | None, notes: list[Note]) -> Lead:
    if len(piece) > _MAX_LEAD_LENGTH:
        raise NotationError("lead-too-long", text=text, length=len(piece))
    known = catalogue()
    name, unit = piece, None
    if "(" in piece or ")" in piece:
        bracket = re.fullmatch(r"([^()]+?)\s*\(\s*([^()]*?)\s*\)", piece)
        if bracket is None or not bracket.group(2):
            raise NotationError("lead-parentheses", text=text)
        whole = identify(piece)
        if whole is None or whole is known.own:
            name, unit = bracket.group(1), bracket.group(2)
        # else: "Openbaar Ministerie (OM)", "Bergen (NH)": one organisation's name
    if not re.search(r"[^\W\d_]", name):
        raise NotationError("lead-no-letters", text=text)
    key = name_key(name)
    if identify(name) is known.own:
        own_unit = None if key in _BARE_MUNICIPALITY else name
        unit = f"{own_unit}, {unit}" if own_unit and unit else own_unit or unit
        if own is not None:
            return Lead(own, unit, "municipality")
        notes.append(Note("generic-municipality", {"text": piece}, field="lead"))
        return Lead(GENERIC_MUNICIPALITY, unit, "municipality")
    if own is not None and organisation_name(name) == own:
        return Lead(name, unit, "municipality")
    candidates = known.candidates.get(key)
    if candidates:
        if own in candidates:
            return Lead(own, unit, "municipality")  # "Bergen" in the plan of Bergen (NH.)
        notes.append(
            Note(
                "ambiguous-municipality",
                {"text": piece, "candidates": ", ".join(candidates)},
                field="lead",
            )
        )
    merged = known.merged.get(key)
    if merged is not None and len(merged[0]) == 1:
        notes.append(
            Note(
                "merged-municipality",
                {"text": piece, "successor": merged[0][0], "year": merged[1]},
                field="lead",
            )
        )
    return Lead(name, unit)


# -- participants ---------------------------------------------------------------

# "X deelt dit (plan) met Y en Z", "dit wordt gedeeld met Y"
_SHARES: Final = re.compile(
    r"\b(?:deelt|delen|deel|gedeeld)\b(?:\s+[\w’']+){0,3}?\s+met\s+(.*)", re.I
)
# "in samenwerking met X"
_WITH: Final = re.compile(r"\bin\s+samenwerking\s+met\s+(.*)", re.I)
# "Y sluit(en) (hierbij) (bij) aan", "Y mogen aansluiten bij"
_JOINS: Final = re.compile(
    r"(.*?)\s+(?:sluit(?:en)?\s+(?:hierbij\s+)?(?:bij\s+)?aan|(?:mogen|kunnen)\s+aansluiten)\b",
    re.I,
)
_TOKEN: Final = re.compile(r"[\w’'\-/]+|[,.;:!?()]")
_SKIP_BEFORE_NAME: Final = frozenset({"de", "het", "gemeente", "gemeenten"})


def _in_prose(token: str) -> bool:
    """A word in running text that names an organisation even in lower case (``politie``).

    Kinds of organisation (``scholen``), joint bodies, the municipality's own units
    and short forms that are also Dutch words (``om``) do not count.
    """
    known = catalogue()
    entry = known.entry(token)
    return (
        entry is not None
        and entry.role in ("name", "alias")
        and entry.organisation.name in known.prose
    )


_WORD: Final = re.compile(r"[\w’'-]+")
_NOT_ALNUM: Final = re.compile(r"[^0-9a-z]")


def _word_key(text: str) -> str:
    return _NOT_ALNUM.sub("", _fold(text.casefold()))


@functools.cache
def _prose_aliases() -> tuple[frozenset[str], dict[str, str]]:
    """Every known name of several words, so that "Zorg- en Veiligheidshuis WVV" is
    not split at its "en": the beginnings of their keys, and key -> canonical name."""
    known = catalogue()
    canonical = {
        _word_key(alias): org.name
        for org in known.organisations
        if org.name in known.prose
        for alias in (org.name, *org.aliases)
        if " " in alias.strip()
    }
    starts = frozenset(key[:end] for key in canonical for end in range(1, len(key) + 1))
    return starts, canonical


def _canonical_names(flat: str) -> str:
    """*flat* with every known name of several words replaced by its canonical name."""
    starts, canonical = _prose_aliases()
    words = list(_WORD.finditer(flat))
    parts: list[str] = []
    done = 0
    i = 0
    while i < len(words):
        key, found = "", None
        for j in range(i, len(words)):
            key += _word_key(words[j].group(0))
            if key not in starts:
                break
            if j > i and key in canonical:
                found = j
                name = canonical[key]
        if found is None:
            i += 1
            continue
        parts.append(flat[done : words[i].start()])
        parts.append(name)
        done = words[found].end()
        i = found + 1
    parts.append(flat[done:])
    return "".join(parts)


def _looks_like_name(token: str) -> bool:
    return token[:1].isupper() or _in_prose(token)


def _names(tokens: Iterable[str], *, backwards: bool = False) -> list[str]:
    """Read a list such as 'de gemeenten Barneveld, Ede en Nijkerk' up to where it ends.

    With *backwards*, *tokens* run from the end of the list to its start.
    """
    found: list[str] = []
    current: list[str] = []

    def finish() -> None:
        if current:
            found.append(" ".join(reversed(current) if backwards else current))
            current.clear()

    for token in tokens:
        lower = token.casefold()
        if token == "," or lower == "en":
            finish()
        elif not current and lower in _SKIP_BEFORE_NAME:
            continue
        elif token.isalnum() or "-" in token or "’" in token or "'" in token:
            if _looks_like_name(token):
                current.append(token)
            else:
                break
        else:  # punctuation ends the list
            break
    finish()
    return found


def parse_participants(text: str | None) -> tuple[str, ...]:
    """The organisations a text says take part, besides the lead.

    Reads the phrases the plans use: *X deelt dit met Y en Z*, *Y sluit(en)
    hierbij aan*, *in samenwerking met X*. Known organisations come back under
    their canonical name; others as written. Lower-case descriptions such as
    *externe partijen* or *scholen* are not organisations and are left out.

    >>> parse_participants("Medewerkers van Scherpenzeel en Barneveld sluiten hierbij aan.")
    ('Scherpenzeel', 'Barneveld')
    >>> parse_participants("In samenwerking met de politie en externe partijen.")
    ('Politie',)
    >>> parse_participants("We organiseren een avond.")
    ()
    """
    if not text:
        return ()
    return _parse_participants(text)


@functools.lru_cache(maxsize=8192)
def _parse_participants(text: str) -> tuple[str, ...]:
    # Actions ask for their participants often (is_joint, the region): read each text once.
    flat = " ".join(text.split())
    lower = flat.casefold()
    if "met" not in lower and "sluit" not in lower:
        return ()  # no "deelt met", "in samenwerking met", "sluit aan", "aansluiten"
    flat = _canonical_names(flat)
    found: list[tuple[int, str]] = []
    # Each phrase is only looked for where its words are: _JOINS scans from every
    # position of a text that lacks it (a long text cost milliseconds).
    lower = flat.casefold()
    phrases = [
        phrase for phrase, word in ((_SHARES, "de"), (_WITH, "samenwerking")) if word in lower
    ]
    for phrase in phrases:
        for match in phrase.finditer(flat):
            names = _names(_TOKEN.findall(match.group(1)))
            found.extend((match.start(1), name) for name in names)
    for match in _JOINS.finditer(flat) if "sluit" in lower else ():
        # The subject ends just before "sluit aan": read it backwards.
        tokens = _TOKEN.findall(match.group(1))
        names = _names(reversed(tokens), backwards=True)
        found.extend((match.end(1), name) for name in reversed(names))
    found.sort(key=lambda pair: pair[0])
    return tuple(dict.fromkeys(organisation_name(name) for _, name in found))

"""Leads (*trekkers*), the organisations uvp knows, and who takes part.

>>> lead = Lead.parse("Nijkerk (Bibob-medewerker)")
>>> lead.name, lead.unit, lead.kind
('Nijkerk', 'Bibob-medewerker', 'municipality')
>>> Lead.parse("Zorg- en Veiligheidshuis WVV").organisation
'ZV-WVV'
>>> parse_participants("Scherpenzeel deelt deze met Barneveld en Nijkerk.")
('Barneveld', 'Nijkerk')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final, Literal

import attrs

from uvp.core._errors import NotationError
from uvp.core._quarters import Schedule

__all__ = [
    "KNOWN_ORGANISATIONS",
    "Lead",
    "LeadKind",
    "Organisation",
    "identify",
    "organisation_name",
    "parse_participants",
]

LeadKind = Literal["municipality", "partner", "joint", "each-municipality"]
"""What kind of lead a :class:`Lead` is."""

_MAX_LEAD_LENGTH: Final = 60


@attrs.frozen
class Organisation:
    """An organisation uvp knows by name, with the other ways staff write it.

    >>> identify("politie")
    Organisation(name='Politie', kind='partner', aliases=('de politie', 'politie gelderland-midden'))
    """

    name: str
    kind: LeadKind
    aliases: tuple[str, ...] = ()


KNOWN_ORGANISATIONS: Final[tuple[Organisation, ...]] = (
    # The IVP municipalities, and neighbours the plans name.
    Organisation("Barneveld", "municipality"),
    Organisation("Nijkerk", "municipality"),
    Organisation("Scherpenzeel", "municipality"),
    Organisation("Ede", "municipality"),
    Organisation("Renswoude", "municipality"),
    Organisation("Woudenberg", "municipality"),
    # Partners.
    Organisation("Politie", "partner", ("de politie", "politie gelderland-midden")),
    Organisation("OM", "partner", ("openbaar ministerie", "het openbaar ministerie")),
    Organisation(
        "ZV-WVV",
        "partner",
        (
            "zorg- en veiligheidshuis wvv",
            "zorg- en veiligheidhuis wvv",
            "zorg- en veiligheidshuis west-veluwe vallei",
            "zorg- en veiligheidshuis west veluwe vallei",
        ),
    ),
    Organisation("OddV", "partner", ("odv", "omgevingsdienst de vallei")),
    Organisation("Samen Weerbaar", "partner"),
    Organisation("VNG", "partner", ("vereniging van nederlandse gemeenten",)),
    Organisation("Arbeidsinspectie", "partner", ("nederlandse arbeidsinspectie",)),
    Organisation("LeerlingAlert", "partner"),
    Organisation("GGZ Centraal", "partner"),
    Organisation(
        "IKZ", "partner", ("informatie knooppunt zorgfraude", "informatieknooppunt zorgfraude")
    ),
    # Collectives.
    Organisation("Gezamenlijk", "joint", ("gezamenlijk", "samen", "alle ivp-partners")),
    Organisation("Alle partners", "joint"),
    Organisation(
        "Iedere gemeente",
        "each-municipality",
        (
            "iedere gemeente individueel",
            "individueel per gemeente",
            "elke gemeente",
            "elke gemeente individueel",
            "per gemeente",
            "alle gemeenten individueel",
        ),
    ),
)


def _key(text: str) -> str:
    """Compare names on letters and digits only, case-free, without 'de'/'gemeente'."""
    text = text.casefold().strip()
    text = re.sub(r"^(?:de |het )?(?:gemeente |gemeenten )?", "", text)
    return re.sub(r"[^0-9a-z]", "", text)


_BY_KEY: Final[dict[str, Organisation]] = {
    _key(name): org for org in KNOWN_ORGANISATIONS for name in (org.name, *org.aliases)
}


def identify(name: str) -> Organisation | None:
    """The known organisation *name* refers to, or ``None``.

    Case, spaces, hyphens and a leading *de*, *het* or *gemeente* do not matter.

    >>> identify("Gemeente  scherpenzeel").name
    'Scherpenzeel'
    >>> identify("Individueel per gemeente").kind
    'each-municipality'
    >>> identify("Stichting Onbekend") is None
    True
    """
    return _BY_KEY.get(_key(name))


def organisation_name(name: str) -> str:
    """The canonical name of the organisation *name* refers to, or *name* itself.

    >>> organisation_name("Zorg- en Veiligheidshuis WVV"), organisation_name("Samen  Weerbaar")
    ('ZV-WVV', 'Samen Weerbaar')
    >>> organisation_name("Stichting Onbekend")
    'Stichting Onbekend'
    """
    org = identify(name)
    return org.name if org is not None else " ".join(name.split())


def _kind_of(lead: Lead) -> LeadKind:
    org = identify(lead.name)
    return org.kind if org is not None else "partner"


@attrs.frozen
class Lead:
    """Who leads (*trekt*) an action: an organisation, optionally with a unit.

    ``kind`` is ``"municipality"``, ``"partner"`` (Politie, OM, ZV-WVV, and any
    organisation uvp does not know), ``"joint"`` (gezamenlijk, Alle partners) or
    ``"each-municipality"`` (Iedere gemeente individueel).

    >>> str(Lead.parse("  Nijkerk  (ODDV) "))
    'Nijkerk (ODDV)'
    >>> Lead.parse("Iedere gemeente individueel").kind
    'each-municipality'
    """

    name: str
    unit: str | None = None
    kind: LeadKind = attrs.field(default=attrs.Factory(_kind_of, takes_self=True))

    @classmethod
    def parse(cls, text: str) -> Lead:
        """Read one lead as written in a Trekker cell line.

        >>> Lead.parse("gezamenlijk").kind
        'joint'
        >>> Lead.parse("Q2")
        Traceback (most recent call last):
        uvp.NotationError: 'Q2' is a quarter, not a lead (trekker): are Trekker and Kwartaal swapped?
        """
        if not isinstance(text, str):
            raise TypeError(f"Lead.parse() takes a str, not {type(text).__name__}")
        return _parse_lead(text)

    @classmethod
    def _parse(cls, text: str) -> Lead:
        if "\n" in text.strip() or "\r" in text.strip():
            raise NotationError("multiline-lead", text=text)
        normal = " ".join(text.replace("\xa0", " ").split())
        if not normal:
            raise NotationError("empty-lead", text=text)
        if len(normal) > _MAX_LEAD_LENGTH:
            raise NotationError("lead-too-long", text=text, length=len(normal))
        if re.fullmatch(r"(?i)q\s*\d.*", normal):
            try:
                Schedule.parse(normal)
            except NotationError:
                pass
            else:
                raise NotationError("quarter-as-lead", text=text)
        name, unit = normal, None
        if "(" in normal or ")" in normal:
            match = re.fullmatch(r"([^()]+?)\s*\(\s*([^()]*?)\s*\)", normal)
            if match is None or not match.group(2):
                raise NotationError("lead-parentheses", text=text)
            name, unit = match.group(1), match.group(2)
        if not re.search(r"[^\W\d_]", name):
            raise NotationError("lead-no-letters", text=text)
        return cls(name, unit)

    @property
    def organisation(self) -> str:
        """The organisation's canonical name (``ZV-WVV`` for *Zorg- en Veiligheidshuis WVV*).

        Two leads that name the same organisation differently have the same
        ``organisation``; an unknown organisation keeps its name as written.

        >>> Lead.parse("individueel per gemeente").organisation
        'Iedere gemeente'
        """
        return organisation_name(self.name)

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


@functools.lru_cache(maxsize=4096)
def _parse_lead(text: str) -> Lead:
    # A plan names the same few leads hundreds of times: parse each once.
    return Lead._parse(text)


# -- participants ---------------------------------------------------------------

# Before matching, every known multi-word name becomes its canonical name, so
# that "Zorg- en Veiligheidshuis WVV" is not split at its "en".
_ALIASES_LONGEST_FIRST: Final = sorted(
    (
        (alias, org.name)
        for org in KNOWN_ORGANISATIONS
        for alias in (org.name, *org.aliases)
        if " " in alias or "-" in alias
    ),
    key=lambda pair: -len(pair[0]),
)
_ALIAS_PATTERN: Final = re.compile(
    "|".join(
        r"(?<![\w-])" + r"\s*".join(re.escape(part) for part in alias.split()) + r"(?![\w-])"
        for alias, _ in _ALIASES_LONGEST_FIRST
    ),
    re.IGNORECASE,
)
_CANONICAL_BY_ALIAS: Final = {_key(alias): name for alias, name in _ALIASES_LONGEST_FIRST}

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


def _looks_like_name(token: str) -> bool:
    return token[:1].isupper() or identify(token) is not None


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
    *externe partijen* are not organisations and are left out.

    >>> parse_participants("Medewerkers van Scherpenzeel en Barneveld sluiten hierbij aan.")
    ('Scherpenzeel', 'Barneveld')
    >>> parse_participants("In samenwerking met de politie en externe partijen.")
    ('Politie',)
    >>> parse_participants("We organiseren een avond.")
    ()
    """
    if not text:
        return ()
    flat = " ".join(text.split())
    flat = _ALIAS_PATTERN.sub(lambda m: _CANONICAL_BY_ALIAS[_key(m.group(0))], flat)
    found: list[tuple[int, str]] = []
    for pattern in (_SHARES, _WITH):
        for match in pattern.finditer(flat):
            names = _names(_TOKEN.findall(match.group(1)))
            found.extend((match.start(1), name) for name in names)
    for match in _JOINS.finditer(flat):
        # The subject ends just before "sluit aan": read it backwards.
        tokens = _TOKEN.findall(match.group(1))
        names = _names(reversed(tokens), backwards=True)
        found.extend((match.end(1), name) for name in reversed(names))
    found.sort(key=lambda pair: pair[0])
    return tuple(dict.fromkeys(organisation_name(name) for _, name in found))

"""The organisations uvp knows: every Dutch municipality, and the partners plans name.

The lists are data in the package (``uvp/core/data``, see its ``SOURCE.md``):
the 342 municipalities of 2024 with the names of those merged since 2018, and
a catalogue of partners, joint bodies and the words a municipality uses for its
own teams. They are read on first use, not on ``import uvp``.

>>> identify("Openbaar Ministerie (OM)").name, identify("wijkagent").name, identify("Den Bosch").name
('OM', 'Politie', "'s-Hertogenbosch")
>>> identify("Team Veiligheid").name  # the plan's own municipality, written without its name
'Gemeente'
"""

from __future__ import annotations

import functools
import io
import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

__all__ = [
    "GENERIC_MUNICIPALITY",
    "Catalogue",
    "LeadKind",
    "Organisation",
    "catalogue",
    "identify",
    "municipalities",
    "name_key",
    "organisation_name",
]

LeadKind = Literal["municipality", "partner", "joint", "each-municipality"]
"""What kind of lead a :class:`~uvp.Lead` is."""

GENERIC_MUNICIPALITY: Final = "Gemeente"
"""The name of "the plan's own municipality" where it is not known which one."""

Role = Literal["name", "alias", "short", "unit"]


@attrs.frozen
class Organisation:
    """An organisation uvp knows by name, with the other ways staff write it.

    ``aliases`` name the same organisation (``Openbaar Ministerie`` for *OM*);
    ``units`` are its parts and roles (``wijkagent`` for *Politie*).

    >>> org = identify("politie")
    >>> org.name, org.kind, "wijkagent" in org.units
    ('Politie', 'partner', True)
    """

    name: str
    kind: LeadKind
    aliases: tuple[str, ...] = ()
    units: tuple[str, ...] = ()


def _fold(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


_ARTICLE: Final = re.compile(r"^(?:(?:de|het|gemeente|gemeenten) (?=[\w'’]))*")
_NOT_ALNUM: Final = re.compile(r"[^0-9a-z]")


def name_key(text: str) -> str:
    """How names are compared: letters and digits only, case-free, without accents,
    without a leading *de*, *het* or *gemeente*.

    >>> name_key("De  gemeente  Súdwest-Fryslân") == name_key("Sudwest Fryslan")
    True
    """
    text = " ".join(_fold(text).casefold().split())
    return _NOT_ALNUM.sub("", _ARTICLE.sub("", text, count=1))


def _lower(text: str) -> str:
    text = " ".join(text.replace("’", "'").casefold().split())
    return re.sub(r"^(?:de |het )", "", text)


@attrs.frozen
class _Entry:
    organisation: Organisation
    role: Role


@attrs.frozen
class Catalogue:
    """Everything uvp knows about organisations, indexed for reading names.

    ``merged`` maps the key of a former municipality to its successors and the
    year of the merger; ``candidates`` maps a name that is several
    municipalities (``Bergen``, ``Haaren``) to them.
    """

    organisations: tuple[Organisation, ...]
    municipalities: tuple[Organisation, ...]
    own: Organisation
    by_key: Mapping[str, _Entry] = attrs.field(repr=False)
    prefixes: tuple[tuple[str, Organisation, bool], ...] = attrs.field(repr=False)
    prose: frozenset[str] = attrs.field(repr=False)
    merged: Mapping[str, tuple[tuple[str, ...], int]] = attrs.field(repr=False)
    candidates: Mapping[str, tuple[str, ...]] = attrs.field(repr=False)

    def entry(self, name: str) -> _Entry | None:
        """How *name* is known: its organisation, and whether as name, alias, short form or unit."""
        return self.by_key.get(name_key(name))


def _data(name: str) -> str:
    # Through the module's loader, as pkgutil.get_data does (a wheel unpacked or in a
    # zip): importlib.resources would cost more than the reading (issue 16).
    path = os.path.join(os.path.dirname(__file__), "data", name)
    return bytes(__loader__.get_data(path)).decode("utf-8")  # type: ignore[name-defined]


class _Builder:
    def __init__(self) -> None:
        self.by_key: dict[str, _Entry] = {}

    def add(self, text: str, organisation: Organisation, role: Role) -> None:
        key = name_key(text)
        if not key:
            raise ValueError(f"organisation catalogue: {text!r} has no letters")
        known = self.by_key.get(key)
        if known is not None and known.organisation.name != organisation.name:
            raise ValueError(
                f"organisation catalogue: {text!r} is both {known.organisation.name!r} "
                f"and {organisation.name!r}"
            )
        if known is None or (known.role == "unit" and role != "unit"):
            self.by_key[key] = _Entry(organisation, role)


SOURCE: Final = "organisaties.toml"
"""The partner catalogue as kept by hand (comments, sources): what a new word goes into."""
COMPILED: Final = "organisaties.json"
"""The same data as JSON, which uvp reads: the C JSON parser, not the pure-Python TOML
parser, on every start (issue 16). :func:`write_compiled` writes it again after an
edit of the TOML; a test fails while the two differ."""


def compile_source() -> str:
    """The text of :data:`COMPILED` for the TOML source as it is now.

    >>> import json
    >>> json.loads(compile_source()) == json.loads(_data(COMPILED))
    True
    """
    import json
    import tomllib

    entries = tomllib.loads(_data(SOURCE))
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@functools.cache
def catalogue() -> Catalogue:
    """The catalogue, read from the package data on first use.

    >>> len(catalogue().municipalities)
    342
    """
    import csv
    import json  # only here: "import uvp" reads no data

    builder = _Builder()
    organisations: list[Organisation] = []
    prefixes: list[tuple[str, Organisation, bool]] = []
    prose: set[str] = set()
    own: Organisation | None = None
    # Partners, joint bodies, the plan's own units.
    for item in json.loads(_data(COMPILED))["organisation"]:
        entry: dict[str, Any] = item
        kind = entry["kind"]
        organisation = Organisation(
            entry["name"],
            "municipality" if kind == "own" else kind,
            tuple(entry.get("aliases", ())),
            tuple(entry.get("units", ())),
        )
        organisations.append(organisation)
        builder.add(organisation.name, organisation, "name")
        for alias in organisation.aliases:
            builder.add(alias, organisation, "alias")
        for short in entry.get("short", ()):
            builder.add(short, organisation, "short")
        for unit in organisation.units:
            builder.add(unit, organisation, "unit")
        for prefix in entry.get("prefixes", ()):
            # a prefix is whole words: "team " does not start "teamchef"
            prefixes.append((_lower(prefix) + " ", organisation, bool(entry.get("as_written"))))
        if kind == "own":
            own = organisation
        elif kind in ("partner", "each-municipality") and not entry.get("category"):
            prose.add(organisation.name)
        elif organisation.name in ("Gezamenlijk", "Alle partners"):
            prose.add(organisation.name)  # read in running text since the 2024 plans
    if own is None:
        raise ValueError("organisation catalogue: no entry of kind 'own'")
    # Municipalities, with their other names.
    rows = list(csv.DictReader(io.StringIO(_data("gemeenten.csv"))))
    aliases: dict[str, list[str]] = {row["name"]: [] for row in rows}
    merged: dict[str, tuple[tuple[str, ...], int]] = {}
    candidates: dict[str, tuple[str, ...]] = {}
    shown: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(_data("gemeenten_aliases.csv"))):
        successors = tuple(s.strip() for s in row["successor"].split(";"))
        for successor in successors:
            if successor not in aliases:
                raise ValueError(f"gemeenten_aliases.csv: {successor!r} is not a municipality")
        key = name_key(row["alias"])
        if len(successors) == 1:
            aliases[successors[0]].append(row["alias"])
        else:
            candidates[key], shown[key] = successors, row["alias"]
        if row["year_merged"]:
            merged[key] = (successors, int(row["year_merged"]))
    # A bare name that is two municipalities: Bergen (L.) and Bergen (NH.).
    for row in rows:
        bare = re.sub(r"\s*\(.*\)$", "", row["name"])
        if bare != row["name"]:
            key = name_key(bare)
            candidates[key], shown[key] = (*candidates.get(key, ()), row["name"]), bare
    municipalities = tuple(
        Organisation(row["name"], "municipality", tuple(aliases[row["name"]])) for row in rows
    )
    for municipality in municipalities:
        builder.add(municipality.name, municipality, "name")
        for alias in municipality.aliases:
            builder.add(alias, municipality, "alias")
        prose.add(municipality.name)
    for key in candidates:
        if key not in builder.by_key:  # a municipality, but which one?
            builder.add(shown[key], Organisation(shown[key], "municipality"), "name")
    prefixes.sort(key=lambda item: -len(item[0]))
    return Catalogue(
        tuple(organisations) + municipalities,
        municipalities,
        own,
        builder.by_key,
        tuple(prefixes),
        frozenset(prose),
        merged,
        candidates,
    )


def municipalities() -> tuple[Organisation, ...]:
    """The 342 Dutch municipalities of 2024, each with its other names.

    >>> next(m for m in municipalities() if m.name == "Vijfheerenlanden").aliases
    ('Leerdam', 'Vianen', 'Zederik')
    """
    return catalogue().municipalities


@functools.lru_cache(maxsize=8192)
def identify(name: str) -> Organisation | None:
    """The known organisation *name* refers to, or ``None``.

    Case, spaces, accents, hyphens and a leading *de*, *het* or *gemeente* do
    not matter. A bracket holding the organisation's abbreviation or full name
    is the same organisation. The plan's own municipality written without its
    name (``Team Veiligheid``, ``Boa's``) is the organisation ``Gemeente``.

    >>> identify("Gemeente  scherpenzeel").name
    'Scherpenzeel'
    >>> identify("Individueel per gemeente").kind
    'each-municipality'
    >>> identify("RIEC (Regionaal Informatie- en Expertisecentrum)").name
    'RIEC'
    >>> identify("werkgroep Buitengebied")
    Organisation(name='werkgroep Buitengebied', kind='joint', aliases=(), units=())
    >>> identify("Stichting Onbekend") is None
    True
    """
    known = catalogue()
    text = " ".join(name.split())
    entry = known.entry(text)
    if entry is not None:
        return entry.organisation
    bracket = re.fullmatch(r"([^()]+?)\s*\(\s*([^()]+?)\s*\)", text)
    if bracket is not None:
        outer = identify(bracket.group(1))
        inner = known.entry(bracket.group(2))
        if (
            outer is not None
            and inner is not None
            and inner.role != "unit"
            and (inner.organisation == outer)
        ):
            return outer
        return None
    lower = _lower(text)
    for prefix, organisation, as_written in known.prefixes:
        if lower.startswith(prefix) and len(lower) > len(prefix):
            if not as_written and organisation is not known.own and _several(lower):
                continue  # "politie & Halt", "politie en gemeente": not one organisation
            if organisation is known.own:
                # "team Politie", "adviseur Halt": that organisation, not the municipality
                other = identify(lower[len(prefix) :])
                return other if other is not None else organisation
            return Organisation(text, organisation.kind) if as_written else organisation
    return None


def _several(lower: str) -> bool:
    """Whether a name that starts like one organisation's goes on to name others."""
    if re.search(r"[,/&+;]", lower):
        return True
    parts = re.split(r"\s+en\s+", lower)
    return len(parts) > 1 and all(identify(part) is not None for part in parts)


def organisation_name(name: str) -> str:
    """The canonical name of the organisation *name* refers to, or *name* itself.

    >>> organisation_name("Zorg- en Veiligheidshuis WVV"), organisation_name("Samen  Weerbaar")
    ('ZV-WVV', 'Samen Weerbaar')
    >>> organisation_name("Stichting Onbekend")
    'Stichting Onbekend'
    """
    org = identify(name)
    return org.name if org is not None else " ".join(name.split())


def write_compiled() -> str:
    """Write :data:`COMPILED` from the TOML source, after an edit of it; its path.

    Run from a source checkout::

        python -c "from uvp.core._catalogue import write_compiled as w; print(w())"
    """
    target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", COMPILED)
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        out.write(compile_source())
    return target

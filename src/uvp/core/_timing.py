"""The words staff write for *when*: a Kwartaal cell read into a :class:`Schedule`.

The plans' own notations (``Q2``, ``Q2-Q4``, ``Q1 en Q4``, ``Q3/Q4``,
``Doorlopend``) take the fast path in :meth:`Schedule._parse_notation`. Every
other text comes here: quarters with a year (``Q2 2024``, ``2024-Q3``),
quarters in words (``tweede kwartaal``), months and dates (``mei en juni``,
``1 juli 2024``), begin/medio/eind, seasons (``najaar``), the whole year
(``jaarrond``), ongoing and recurring phrases (``structureel``,
``per kwartaal``), spans over years (``2023-2026``, ``vanaf 2023``), deadlines
(``uiterlijk Q3``, ``voor de zomer``) and texts that say the action is not
planned (``n.v.t.``, ``ad hoc``). ``docs/notations.md`` lists them all, with
the readings and where each family was found.

A reading that is approximate, in another year than the plan's, over several
years or "not planned" carries a note (:class:`~uvp.core.Note`).

>>> from uvp.core import Schedule
>>> [str(Schedule.parse(t, year=2024)) for t in ["begin 2024", "mei en juni", "vanaf Q3", "Q2 '25"]]
['ca. Q1', 'Q2', 'Doorlopend vanaf Q3', 'Q2 2025']
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Final, Literal

import attrs

from uvp.core._errors import NotationError
from uvp.core._quarters import Schedule, ScheduleKind
from uvp.core._reading import Note, Reading

__all__ = ["read_schedule"]

# -- words ------------------------------------------------------------------------------------

MONTHS: Final[dict[str, int]] = {
    **dict.fromkeys(("januari", "jan"), 1),
    **dict.fromkeys(("februari", "feb", "febr"), 2),
    **dict.fromkeys(("maart", "mrt", "maa", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    "mei": 5,
    **dict.fromkeys(("juni", "jun"), 6),
    **dict.fromkeys(("juli", "jul"), 7),
    **dict.fromkeys(("augustus", "aug"), 8),
    **dict.fromkeys(("september", "sep", "sept"), 9),
    **dict.fromkeys(("oktober", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
"""Month names and abbreviations -> month number."""

# word -> (quarters, approximate): seasons are approximate windows; events and
# school holidays that always fall in one quarter are exact.
SEASONS: Final[dict[str, tuple[frozenset[int], bool]]] = {
    **dict.fromkeys(("voorjaar", "lente", "voorjaarsperiode"), (frozenset({1, 2}), True)),
    **dict.fromkeys(
        ("zomer", "zomerperiode", "zomermaanden", "zomerseizoen"), (frozenset({3}), True)
    ),
    **dict.fromkeys(("zomervakantie", "zomerreces"), (frozenset({3}), False)),
    **dict.fromkeys(("najaar", "herfst", "najaarsperiode"), (frozenset({3, 4}), True)),
    **dict.fromkeys(("jaarwisseling", "jaarwissel", "kerstvakantie"), (frozenset({4}), True)),
    **dict.fromkeys(("kerst", "kerstperiode", "herfstvakantie"), (frozenset({4}), False)),
    **dict.fromkeys(("voorjaarsvakantie", "krokusvakantie", "carnaval"), (frozenset({1}), False)),
    **dict.fromkeys(("meivakantie", "koningsdag"), (frozenset({2}), False)),
}
"""Seasons, events and holidays -> their quarters and whether that is approximate."""

_WINTER: Final = frozenset({"winter", "winterperiode", "wintermaanden", "winterseizoen"})

MODIFIERS: Final[dict[str, str]] = {
    **dict.fromkeys(("begin", "start", "aanvang", "vroeg", "eerste deel"), "begin"),
    **dict.fromkeys(("medio", "midden", "half", "halverwege", "mid"), "medio"),
    **dict.fromkeys(("eind", "einde", "ultimo", "laat", "eindejaar"), "eind"),
    **dict.fromkeys(("heel", "hele", "geheel", "gehele", "volledig", "volledige"), "whole"),
}
"""begin / medio / eind (of a year, month, quarter or season), and *heel* (the whole year)."""

# Whole texts (compared on letters and digits only, see _key): what they mean.
ONGOING_PHRASES: Final = frozenset(
    {
        "doorlopend",
        "doorlopende",
        "doorlopendeactiviteit",
        "doorlopendeactiviteiten",
        "doorlopendeactie",
        "doorlopendeacties",
        "doorlopendproces",
        "lopend",
        "lopende",
        "lopendeactiviteit",
        "loopt",
        "loopt door",
        "structureel",
        "structurele",
        "structureleactiviteit",
        "continu",
        "continue",
        "continuproces",
        "permanent",
        "voortdurend",
        "blijvend",
        "altijd",
        "regulier",
        "reguliertaak",
        "reguliere taak",
        "regulieretaak",
        "goingconcern",
        # recurring more often than once a quarter: going on all year
        "maandelijks",
        "permaand",
        "elkemaand",
        "iederemaand",
        "1xpermaand",
        "eenkeerpermaand",
        "tweemaandelijks",
        "2maandelijks",
        "zeswekelijks",
        "6wekelijks",
        "vierwekelijks",
        "4wekelijks",
        "tweewekelijks",
        "2wekelijks",
        "wekelijks",
        "perweek",
        "elkeweek",
        "iedereweek",
        "dagelijks",
        "elkedag",
        "iederedag",
        "periodiek",
        "periodieke",
        "regelmatig",
    }
)
QUARTERLY_PHRASES: Final = frozenset(
    {
        "perkwartaal",
        "elkkwartaal",
        "elkekwartaal",
        "iederkwartaal",
        "iederekwartaal",
        "eensperkwartaal",
        "1xperkwartaal",
        "eenkeerperkwartaal",
        "eenmaalperkwartaal",
        "kwartaallijks",
        "driemaandelijks",
        "3maandelijks",
        "vierkeerperjaar",
        "4keerperjaar",
        "4xperjaar",
        "viermaalperjaar",
        "4maalperjaar",
    }
)
SEASONAL_PHRASES: Final = frozenset(
    {"perjaargetijde", "elkjaargetijde", "iederjaargetijde", "perseizoen", "elkseizoen"}
)
TWICE_A_YEAR_PHRASES: Final = frozenset(
    {
        "halfjaarlijks",
        "tweekeerperjaar",
        "2keerperjaar",
        "2xperjaar",
        "tweemaalperjaar",
        "2maalperjaar",
        "perhalfjaar",
        "elkhalfjaar",
        "iederhalfjaar",
        "elkehalfjaar",
        "zesmaandelijks",
        "6maandelijks",
    }
)
YEARLY_PHRASES: Final = frozenset(
    {
        "jaarlijks",
        "jaarlijksterugkerend",
        "eensperjaar",
        "1xperjaar",
        "eenkeerperjaar",
        "eenmaalperjaar",
        "1keerperjaar",
        "perjaar",
        "elkjaar",
        "iederjaar",
    }
)
_BIENNIAL: Final = frozenset(
    {"tweejaarlijks", "2jaarlijks", "pertweejaar", "per2jaar", "omhetjaar", "eensper2jaar"}
)
UNPLANNED_PHRASES: Final = frozenset(
    {
        "nvt",
        "nietvantoepassing",
        "nnb",
        "nognietbekend",
        "nietbekend",
        "onbekend",
        "ntb",
        "nadertebepalen",
        "nogtebepalen",
        "nogteplannen",
        "nognietgepland",
        "nietgepland",
        "geenplanning",
        "geen",
        "pm",
        "tbd",
        "adhoc",
        "opadhocbasis",
        "adhocbasis",
        "indiennodig",
        "zonodig",
        "waarnodig",
        "wanneernodig",
        "alsnodig",
        "opafroep",
        "opverzoek",
        "naarbehoefte",
        "bijbehoefte",
        "bijsignalen",
        "inoverleg",
        "volgt",
    }
)
"""Texts that say an action has no quarter: ``n.v.t.``, ``n.n.b.``, ``ad hoc``, ``p.m.`` …"""
_UNPLANNED_PREFIXES: Final = ("afhankelijk van", "nader te bepalen", "in overleg met")

_APPROXIMATELY: Final = re.compile(
    r"^(?:ca\.|ca(?=\s)|c\.a\.|circa\b|±|\+/-|~|ongeveer\b|omstreeks\b|rond\b|rondom\b"
    r"|plusminus\b|plm\.?(?=\s))\s*"
)
_MOVED: Final = re.compile(r"^(?:doorgeschoven|uitgesteld|verschoven|verplaatst)\s+(?:naar|tot)\s+")
_STOPWORDS: Final = frozenset(
    {"in", "het", "de", "van", "tijdens", "gedurende", "op", "dit", "deze", "aan", "loop", "ergens"}
)
_SEPARATORS: Final[dict[str, str]] = {
    "-": "range",
    "tm": "range",
    "en": "moments",
    ",": "moments",
    "&": "moments",
    "+": "moments",
    ";": "moments",
    "/": "window",
    "of": "window",
}
_YEAR: Final = re.compile(r"(?:19|2\d)\d\d")
_MONTH_WORDS: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINALS: Final = {
    **dict.fromkeys(("eerste", "1e", "1ste", "1ste", "een"), 1),
    **dict.fromkeys(("tweede", "2e", "2de"), 2),
    **dict.fromkeys(("derde", "3e", "3de"), 3),
    **dict.fromkeys(("vierde", "4e", "4de", "laatste"), 4),
}


def _lower(text: str) -> str:
    """Case-free, one kind of dash and apostrophe, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\xa0", " ").casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[’‘`´]", "'", text)
    return " ".join(text.split())


def _key(text: str) -> str:
    """Letters and digits only, without accents: how whole phrases are compared."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^0-9a-z]", "", "".join(c for c in text if not unicodedata.combining(c)))


# -- what a text means, before the plan's year is applied ------------------------------------


@attrs.frozen
class _Fixed:
    """Quarters in one year (``None``: the plan's year)."""

    kind: ScheduleKind
    quarters: frozenset[int]
    year: int | None = None
    approximate: bool = False


@attrs.frozen
class _Span:
    """From (year, quarter) to (year, quarter); a missing start or end is open."""

    start: tuple[int | None, int] | None
    end: tuple[int | None, int] | None
    approximate: bool = False
    beyond: bool = False  # runs into another year even where none is named


_Time = _Fixed | _Span


@attrs.frozen
class _Term:
    """One item of a list: a quarter, month, date, season or year, with its year."""

    quarters: frozenset[int]
    kind: Literal["range", "window"] = "range"
    year: int | None = None
    approximate: bool = False
    bare_year: bool = False  # a year alone: the whole year
    month: int | None = None  # a month or date, for "voor"/"na"
    day: int | None = None
    exact_quarter: bool = False  # written as a quarter (Q2): a reversed range is an error

    @property
    def first(self) -> int:
        return min(self.quarters)

    @property
    def last(self) -> int:
        return max(self.quarters)


def _quarter(month: int) -> int:
    return (month - 1) // 3 + 1


# -- reading ------------------------------------------------------------------------------------


def read_schedule(text: str, year: int | None) -> Reading[Schedule]:
    """Read *text* as a schedule of a plan for *year* (``None``: year unknown)."""
    try:
        return Reading(Schedule._parse_notation(text))
    except NotationError as error:
        if error.code != "bad-schedule":
            raise
        refused = error
    flat = " ".join(text.replace("\xa0", " ").split())
    bracket = re.fullmatch(r"(.*?\S)\s*\(([^()]*)\)\s*\.?", flat)
    if bracket is not None:
        return _with_bracket(text, bracket.group(1), bracket.group(2), year)
    read = _read_time(_lower(flat), text)
    if read is None:
        raise refused
    time, explicit = read
    return _resolve(time, year, text, explicit=explicit)


def _with_bracket(
    text: str, outer_text: str, inner_text: str, year: int | None
) -> Reading[Schedule]:
    """``Q2 (mei)``, ``halfjaarlijks (Q2 en Q4)``, ``Q2 (na vaststelling van het beleid)``."""
    outer = read_schedule(outer_text, year)
    try:
        inner: Reading[Schedule] | None = read_schedule(inner_text, year)
    except NotationError:
        inner = None
    if inner is None or not inner.value.planned:
        comment = Note(
            "quarter-comment",
            {"text": text, "comment": inner_text, "reading": str(outer.value)},
        )
        return Reading(outer.value, (*outer.notes, comment))
    o, i = outer.value, inner.value
    if o.planned and o.year == i.year:
        if o.approximate and not i.approximate:
            return inner  # the bracket says precisely what the vaguer text meant
        if i.approximate or o.quarters == i.quarters:
            return outer
    raise NotationError("disagreeing-schedule", text=text, outer=str(o), inner=str(i))


def _read_time(flat: str, text: str) -> tuple[_Time, bool] | None:
    """What *flat* (see _lower) means, and whether it said itself that it is approximate."""
    key = _key(flat)
    if not key or key in UNPLANNED_PHRASES or flat.startswith(_UNPLANNED_PREFIXES):
        return _Fixed("unplanned", frozenset()), False
    marker = _APPROXIMATELY.match(flat)
    if marker is not None and marker.end() < len(flat):
        read = _read_time(flat[marker.end() :], text)
        if read is None or (isinstance(read[0], _Fixed) and read[0].kind == "unplanned"):
            return None
        said, _ = read
        return attrs.evolve(said, approximate=True), not said.approximate
    flat = _MOVED.sub("", flat)
    time = _phrase(flat, text) or _words(flat, text)
    return (time, False) if time is not None else None


def _phrase(flat: str, text: str) -> _Time | None:
    """Ongoing, recurring and yearly phrases, with or without a year."""
    year: int | None = None
    found = re.fullmatch(r"(.*?)[\s,-]*(?:in\s+)?((?:19|2\d)\d\d)", flat) or re.fullmatch(
        r"((?:19|2\d)\d\d)[\s:,-]*(.*)", flat
    )
    rest = flat
    if found is not None:
        first, second = found.groups()
        rest, number = (first, second) if _YEAR.fullmatch(second) else (second, first)
        year = int(number)
    key = re.sub(r"^(?:minimaal|tenminste|minstens|ongeveer)", "", _key(rest))
    if not key:
        return None
    if key in ONGOING_PHRASES:
        # An ongoing action has no end: with a year it runs on from that year.
        return (
            _Span((year, 1), None)
            if year is not None
            else _Fixed("ongoing", frozenset(range(1, 5)))
        )
    if key in QUARTERLY_PHRASES:
        return _Fixed("moments", frozenset({1, 2, 3, 4}), year)
    if key in SEASONAL_PHRASES:  # each season: about once a quarter
        return _Fixed("moments", frozenset({1, 2, 3, 4}), year, approximate=True)
    if key in TWICE_A_YEAR_PHRASES:
        return _Fixed("moments", frozenset({2, 4}), year, approximate=True)
    if key in YEARLY_PHRASES:
        return _Fixed("window", frozenset({1, 2, 3, 4}), year)
    if key in _BIENNIAL:
        raise NotationError("biennial-schedule", text=text)
    return None


def _date(year: str | None, month: str, day: str) -> str:
    m, d = int(month), int(day)
    y = int(year) if year else 0
    if y and y < 100:
        y += 2000
    if not 1 <= m <= 12 or not 1 <= d <= 31:
        return " ?bad "
    try:
        dt.date(y or 2000, m, d)
    except ValueError:
        return " ?bad "
    return f" @d{y:04d}{m:02d}{d:02d} "


def _substitute(flat: str) -> str:
    """Phrases of several words become one token each."""
    s = flat
    s = re.sub(r"^doorlopende?\s+(?=(?:vanaf|sinds|per|met ingang van|m\.?i\.?v\.?)\b)", "", s)
    s = re.sub(r"\b((?:19|2\d)\d\d)-(\d{1,2})-(\d{1,2})\b", lambda m: _date(*m.groups()), s)
    s = re.sub(
        r"\b(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)?\d\d)\b",
        lambda m: _date(m.group(3), m.group(2), m.group(1)),
        s,
    )
    s = re.sub(
        rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_WORDS})\.?(?:\s+((?:19|2\d)\d\d))?\b",
        lambda m: _date(m.group(3), str(MONTHS[m.group(2)]), m.group(1)),
        s,
    )
    s = re.sub(r"(?<=[\w.])\s*'(\d\d)\b", r" 20\1", s)  # Q2 '24
    s = re.sub(r"(?<!\w)(?:t\s*/\s*m|t\.e\.m\.?|tot\s+en\s+met|tot|tem)(?!\w)", " tm ", s)
    s = re.sub(r"(?<!\w)(?:e\.\s?v\.?|ev|en verder|en volgende jaren|en later)(?!\w)", " ev ", s)
    s = re.sub(r"(?<!\w)(?:m\.\s?i\.\s?v\.?|met ingang van|vanaf|sinds|per)(?!\w)", " vanaf ", s)
    s = re.sub(
        r"(?<!\w)(?:uiterlijk(?:\s+in)?|vóór|voor)\s+(?:het\s+)?(?:eind|einde|ultimo)(?:\s+van)?(?!\w)",
        " uiterlijk ",
        s,
    )
    s = re.sub(r"(?<!\w)uiterlijk(?:\s+in)?(?!\w)", " uiterlijk ", s)
    s = re.sub(r"(?<!\w)(?:vóór|voor)(?!\w)", " voor ", s)
    s = re.sub(
        r"\bvoor\s+(?:de|het)\s+(?:zomer|zomervakantie|zomerreces|zomerperiode)\b", " @w12a ", s
    )
    s = re.sub(
        r"\bna\s+(?:de|het)\s+(?:zomer|zomervakantie|zomerreces|zomerperiode)\b", " @w34a ", s
    )
    s = re.sub(r"\boud\s*(?:en|&)\s*nieuw\b", " jaarwisseling ", s)
    s = re.sub(
        r"\b(eerste|1e|1ste|tweede|2e|2de|laatste)\s+(?:helft|halfjaar|half\s+jaar|jaarhelft)\b",
        lambda m: " @w12a " if _ORDINALS[m.group(1)] == 1 else " @w34a ",
        s,
    )
    s = re.sub(r"\bh([12])\b", lambda m: " @w12a " if m.group(1) == "1" else " @w34a ", s)
    s = re.sub(
        r"\b(?:eerste|1e)\s+(twee|drie|2|3)\s+kwartalen\b",
        lambda m: f" q1 - q{2 if m.group(1) in ('twee', '2') else 3} ",
        s,
    )
    s = re.sub(
        r"\blaatste\s+(twee|drie|2|3)\s+kwartalen\b",
        lambda m: f" q{3 if m.group(1) in ('twee', '2') else 2} - q4 ",
        s,
    )
    s = re.sub(r"\b(?:kwartaal|kw\.?)\s*(\d+)\b", r" q\1 ", s)
    if re.search(r"\b(?:kwartaal|kwartalen|kw)\b", s):
        s = re.sub(
            r"\b(eerste|1e|1ste|tweede|2e|2de|derde|3e|3de|vierde|4e|4de|laatste)\b",
            lambda m: f" q{_ORDINALS[m.group(1)]} ",
            s,
        )
        s = re.sub(r"\b(?:kwartaal|kwartalen|kw)\b\.?", " ", s)
    s = re.sub(r"\bq\s*(\d+)\b", r" q\1 ", s)
    s = re.sub(r"\b(?:hele\s+)?jaar\s+(?:door|rond)\b", " jaarrond ", s)
    return re.sub(r"\b(?:week|wk)\.?\s*(\d{1,2})\b", r" @k\1 ", s)


def _words(flat: str, text: str) -> _Time | None:
    tokens = [
        t
        for t in re.findall(r"@\w+|\?bad|q\d+|\d+|[^\W\d_]+|[-/,&+;]", _substitute(flat))
        if t not in _STOPWORDS
    ]
    if not tokens or "?bad" in tokens:
        return None
    head = tokens[0]
    if head == "tussen" and "en" in tokens:
        rest = tokens[1:]
        rest[rest.index("en")] = "-"
        return _compose(rest, text)
    if head == "vanaf" or tokens[-1] == "ev":
        rest = tokens[1:] if head == "vanaf" else tokens[:-1]
        found = _compose(rest, text)
        if not isinstance(found, _Fixed) or found.kind == "unplanned":
            return None
        return _Span((found.year, min(found.quarters)), None, found.approximate)
    if head == "tm":
        found = _compose(tokens[1:], text)
        if not isinstance(found, _Fixed):
            return None
        return _Span(None, (found.year, max(found.quarters)), found.approximate)
    if head == "uiterlijk":
        found = _compose(tokens[1:], text)
        if not isinstance(found, _Fixed):
            return None
        return _up_to(max(found.quarters), found.year, found.approximate)
    if head in ("voor", "na"):
        term = _term(tokens[1:], text)
        return None if term is None else _before_or_after(head, term)
    return _compose(tokens, text)


def _up_to(last: int, year: int | None, approximate: bool) -> _Fixed:
    """A deadline: once, by the end of quarter *last*."""
    if last == 1:
        return _Fixed("range", frozenset({1}), year, approximate)
    return _Fixed("window", frozenset(range(1, last + 1)), year, approximate)


def _before_or_after(word: str, term: _Term) -> _Fixed | None:
    if term.bare_year:
        if term.year is None:
            return None
        shifted = term.year - 1 if word == "voor" else term.year + 1
        return _Fixed("window", frozenset({1, 2, 3, 4}), shifted)
    if word == "voor":
        if term.day is not None and term.month is not None:
            last = _quarter((dt.date(2000, term.month, term.day) - dt.timedelta(days=1)).month)
            last = 0 if (term.month, term.day) == (1, 1) else last
        elif term.month is not None:
            last = _quarter(term.month - 1) if term.month > 1 else 0
        else:
            last = term.first - 1
        return _up_to(last, term.year, term.approximate) if last >= 1 else None
    if term.day is not None and term.month is not None:
        first = (
            5
            if (term.month, term.day) == (12, 31)
            else _quarter((dt.date(2000, term.month, term.day) + dt.timedelta(days=1)).month)
        )
    elif term.month is not None:
        first = _quarter(term.month + 1) if term.month < 12 else 5
    else:
        first = term.last + 1
    if first > 4:
        return None
    kind: ScheduleKind = "range" if first == 4 else "window"
    return _Fixed(kind, frozenset(range(first, 5)), term.year, term.approximate)


def _is_year(token: str) -> bool:
    return _YEAR.fullmatch(token) is not None


def _term(tokens: list[str], text: str) -> _Term | None:
    """One item: ``q2``, ``mei``, ``eind oktober 2024``, ``medio 2024``, ``najaar``, ``2024``."""
    year: int | None = None
    if len(tokens) > 1 and _is_year(tokens[0]):
        year, tokens = int(tokens[0]), tokens[1:]
    if len(tokens) > 1 and _is_year(tokens[-1]):
        if year is not None and int(tokens[-1]) != year:
            return None
        year, tokens = int(tokens[-1]), tokens[:-1]
    modifier = MODIFIERS.get(tokens[0]) if tokens else None
    if modifier is not None:
        tokens = tokens[1:]
        if not tokens and year is not None:
            tokens = ["jaar"]
    if len(tokens) != 1:
        return None
    word = tokens[0]
    term = _core(word, year, text)
    if term is None:
        return None
    if modifier is None:
        return term
    if word == "jaar" or term.bare_year:
        whole = frozenset({1, 2, 3, 4})
        if modifier == "whole":
            return _Term(whole, "range", term.year)
        chosen = {"begin": frozenset({1}), "medio": frozenset({2, 3}), "eind": frozenset({4})}
        kind: Literal["range", "window"] = "window" if modifier == "medio" else "range"
        return _Term(chosen[modifier], kind, term.year, approximate=True)
    if modifier == "whole":
        return None
    if len(term.quarters) > 1 and modifier != "medio":
        pick = term.first if modifier == "begin" else term.last
        return attrs.evolve(term, quarters=frozenset({pick}), kind="range")
    return term  # begin/medio/eind of a month or quarter: still that quarter


def _core(word: str, year: int | None, text: str) -> _Term | None:
    if _is_year(word):
        if year is not None:
            return None  # two years for one item
        return _Term(frozenset({1, 2, 3, 4}), "window", int(word), bare_year=True)
    if word == "jaar":
        return _Term(frozenset({1, 2, 3, 4}), "window", year, bare_year=True)
    if word == "jaarrond":
        return _Term(frozenset({1, 2, 3, 4}), "range", year)
    if re.fullmatch(r"q\d+", word):
        number = int(word[1:])
        if not 1 <= number <= 4:
            raise NotationError("unknown-quarter", text=text, quarter=number)
        return _Term(frozenset({number}), "range", year, exact_quarter=True)
    if word in MONTHS:
        month = MONTHS[word]
        return _Term(frozenset({_quarter(month)}), "range", year, month=month)
    if word.startswith("@d"):
        y, m, d = int(word[2:6]), int(word[6:8]), int(word[8:10])
        if y and year is not None and y != year:
            return None
        return _Term(frozenset({_quarter(m)}), "range", y or year, month=m, day=d)
    if word.startswith("@w"):
        quarters = frozenset({1, 2}) if word[2:4] == "12" else frozenset({3, 4})
        return _Term(quarters, "window", year, approximate=True)
    if word.startswith("@k"):
        week = int(word[2:])
        if not 1 <= week <= 53:
            return None
        thursday = dt.date(2001, 1, 1) + dt.timedelta(days=(week - 1) * 7 + 3)
        return _Term(
            frozenset({_quarter(min(thursday, dt.date(2001, 12, 31)).month)}), "range", year
        )
    if word in SEASONS:
        quarters, approximate = SEASONS[word]
        kind: Literal["range", "window"] = "window" if len(quarters) > 1 else "range"
        return _Term(quarters, kind, year, approximate=approximate)
    if word in _WINTER:
        raise NotationError("ambiguous-winter", text=text)
    return None


def _split(tokens: list[str]) -> tuple[list[list[str]], list[str]] | None:
    items: list[list[str]] = [[]]
    separators: list[str] = []
    for token in tokens:
        if token in _SEPARATORS:
            if not items[-1]:
                return None
            separators.append(token)
            items.append([])
        else:
            items[-1].append(token)
    if not items[-1]:
        return None
    return items, separators


def _compose(tokens: list[str], text: str) -> _Time | None:
    """A list of items joined by one kind of separator: a range, moments or a window."""
    split = _split(tokens)
    if split is None:
        return None
    items, separators = split
    bare = [len(item) == 1 and _is_year(item[0]) for item in items]
    dated = [
        any(_is_year(t) or (t.startswith("@d") and t[2:6] != "0000") for t in item)
        for item in items
    ]
    if len(items) == 2 and separators[0] in ("-", "/") and bare[1] and not dated[0]:
        items, separators = [items[0] + items[1]], []  # "Q3 - 2024"
    elif len(items) >= 2 and separators[0] in ("-", "/") and bare[0] and not dated[1]:
        items = [items[0] + items[1], *items[2:]]  # "2024-Q3", "2024/Q1-Q2"
        separators = separators[1:]
    terms = [_term(item, text) for item in items]
    if any(t is None for t in terms):
        return None
    found = [t for t in terms if t is not None]
    # An item without a year takes the year of the nearest item after it, else before it.
    years = [t.year for t in found]
    for i, term in enumerate(found):
        if term.year is None:
            after = next((y for y in years[i + 1 :] if y is not None), None)
            before = next((y for y in reversed(years[:i]) if y is not None), None)
            found[i] = attrs.evolve(term, year=after if after is not None else before)
    approximate = any(t.approximate for t in found)
    if not separators:
        term = found[0]
        kind: ScheduleKind = term.kind if len(term.quarters) > 1 else "range"
        return _Fixed(kind, term.quarters, term.year, approximate)
    classes = {_SEPARATORS[s] for s in separators}
    if classes == {"range"}:
        if len(found) != 2:
            return None
        a, b = found
        if a.year != b.year:
            return _Span((a.year, a.first), (b.year, b.last), approximate)
        if a.first > b.last:
            if a.exact_quarter or b.exact_quarter:
                raise NotationError("reversed-range", text=text, first=b.last, last=a.first)
            # "oktober t/m maart": into the next year
            return _Span((a.year, a.first), None, approximate, beyond=True)
        return _Fixed("range", frozenset(range(a.first, b.last + 1)), a.year, approximate)
    if classes == {"moments"}:
        kind = "moments"
    elif classes == {"window"} or (
        separators[-1] in ("of", "/")
        and {_SEPARATORS[s] for s in separators[:-1]} <= {"moments"}
        and set(separators[:-1]) <= {","}
    ):
        kind = "window"
    else:
        return None
    if len({t.year for t in found}) > 1:
        named = ", ".join(str(y) for y in sorted({t.year for t in found if t.year is not None}))
        raise NotationError("mixed-years", text=text, years=named)
    quarters = frozenset(q for t in found for q in t.quarters)
    if len(quarters) == 1:
        return _Fixed("range", quarters, found[0].year, approximate)
    return _Fixed(kind, quarters, found[0].year, approximate)


# -- for the plan's year ------------------------------------------------------------------------


def _resolve(time: _Time, plan_year: int | None, text: str, *, explicit: bool) -> Reading[Schedule]:
    beyond = False
    if isinstance(time, _Span):
        schedule, beyond = _span(time, plan_year, text)
    else:
        year = None if time.year is not None and time.year == plan_year else time.year
        if time.kind == "unplanned":
            schedule = Schedule.unplanned()
        else:
            schedule = Schedule(time.kind, time.quarters, year, time.approximate)
    reading = str(schedule)
    notes: list[Note] = []
    if not schedule.planned:
        notes.append(Note("unplanned", {"text": text}))
    if schedule.approximate and not explicit:
        notes.append(Note("approximate-quarter", {"text": text, "reading": reading}))
    if schedule.year is not None and plan_year is not None:
        notes.append(
            Note(
                "other-year",
                {"text": text, "year": schedule.year, "plan_year": plan_year, "reading": reading},
            )
        )
    if beyond:
        notes.append(Note("beyond-year", {"text": text, "reading": reading}))
    return Reading(schedule, tuple(notes))


def _span(span: _Span, plan_year: int | None, text: str) -> tuple[Schedule, bool]:
    """A span over years, read for the plan's year (or its own first year when that is unknown)."""
    y1, q1 = span.start if span.start is not None else (None, 1)
    y2, q2 = span.end if span.end is not None else (None, 4)
    if y1 is not None and y2 is not None and y1 > y2:
        raise NotationError("reversed-years", text=text, first=y2, last=y1)
    year = plan_year if plan_year is not None else (y1 if y1 is not None else y2)
    if year is not None and y1 is not None and y1 > year:
        year = y1  # starts after the plan's year
    elif year is not None and y2 is not None and y2 < year:
        year = y2  # ended before the plan's year
    starts_before = span.start is None or (y1 is not None and year is not None and y1 < year)
    ends_after = span.end is None or (y2 is not None and year is not None and y2 > year)
    first = 1 if starts_before else q1
    own = None if year is None or year == plan_year else year
    if ends_after:
        schedule = Schedule("ongoing", range(first, 5), own, span.approximate)
    else:
        if first > q2:
            raise NotationError("reversed-range", text=text, first=q2, last=first)
        schedule = Schedule("range", range(first, q2 + 1), own, span.approximate)
    named_other = any(y is not None and y != year for y in (y1, y2))
    inside = plan_year is not None and year == plan_year
    return schedule, span.beyond or (inside and named_other)

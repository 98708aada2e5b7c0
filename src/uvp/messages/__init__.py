"""Every text a person reads, in one place, per language.

Developers read English (exceptions, logs); staff read Dutch (the CLI's
output, messages written into a workbook). Texts are keyed by a stable code
and rendered where they are shown, in the language chosen there: the finding
catalogue (:data:`FINDINGS`) holds each finding code's severity, title and
message template, :data:`TEXTS` every other text. Another language is one
more key in each (see :data:`LANGUAGES`).

A template is a :meth:`str.format` template with one addition: a count says
its noun in the right number with ``{count:plural:# actie|# acties}`` (the
form for one, then for any other number; ``#`` is the number), so no text
reads "1 acties" or "actie(s)" (see :func:`plural`). A param may itself be a
text of the catalogue (a :class:`Phrase`), said in the same language.

>>> render("nl", "missing-lead", action="We richten een meldpunt in.")
'Actie "We richten een meldpunt in." heeft geen trekker: vul in wie de actie trekt.'
>>> render("en", "unknown-quarter", text="Q5", quarter=5)
"cannot read 'Q5' as a quarter schedule: there is no quarter Q5 (a year has Q1 to Q4)"
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Final

import attrs

from uvp.messages._findings import FINDINGS, FindingEntry, Nested, Severity, When
from uvp.messages._texts import TEXTS, Language

if TYPE_CHECKING:
    from uvp.messages._usage import USAGE_TEXTS

__all__ = [
    "FINDINGS",
    "LANGUAGES",
    "TEXTS",
    "USAGE_TEXTS",
    "FindingEntry",
    "Language",
    "Nested",
    "Phrase",
    "Severity",
    "When",
    "finding_entry",
    "missing_params",
    "placeholders",
    "plural",
    "render",
    "title",
    "translate_usage",
]

LANGUAGES: Final[tuple[Language, ...]] = ("nl", "en")
"""The languages every text and every finding is written in: Dutch first."""

_FALLBACK: Final[tuple[Language, ...]] = ("en", "nl")
_FIELD_ROOT: Final = re.compile(r"[^.\[]+")


def finding_entry(code: str) -> FindingEntry:
    """The catalogue entry of finding *code*; a :class:`ValueError` for an unknown code.

    >>> finding_entry("unknown-lead").severity
    'warning'
    """
    entry = FINDINGS.get(code)
    if entry is None:
        raise ValueError(f"unknown finding code {code!r}: add it to uvp.messages' FINDINGS")
    return entry


def _in(language: Language, texts: Mapping[Language, str], code: str) -> str:
    """The text in *language*, falling back to English, then Dutch."""
    for lang in (language, *_FALLBACK):
        text = texts.get(lang)
        if text is not None:
            return text
    raise KeyError(f"no text for {code!r} in any language")


_PLURAL: Final = "plural:"


def plural(count: object, forms: str) -> str:
    """*forms* (``"# actie|# acties"``: for one, then for any other number) for *count*,
    with ``#`` replaced by the number: what ``{count:plural:# actie|# acties}`` in a
    template says.

    >>> plural(1, "# actie|# acties"), plural(0, "# actie|# acties"), plural(3, "is|zijn")
    ('1 actie', '0 acties', 'zijn')
    """
    one, bar, other = forms.partition("|")
    if not bar:
        raise ValueError(f"a plural needs two forms, 'one|other', not {forms!r}")
    # A count may come as text (a finding's params are JSON-ready): "1" is one too.
    return (one if str(count).strip() == "1" else other).replace("#", str(count))


class _Formatter(string.Formatter):
    """:meth:`str.format`, and ``{name:plural:one|other}`` (see :func:`plural`)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith(_PLURAL):
            return plural(value, format_spec[len(_PLURAL) :])
        formatted: str = super().format_field(value, format_spec)
        return formatted


_FORMATTER: Final = _Formatter()


def _format(template: str, params: Mapping[str, object]) -> str:
    return _FORMATTER.vformat(template, (), params)


@cache
def placeholders(template: str) -> frozenset[str]:
    """The names a template fills in (``{text!r}`` and ``{a.b}`` count as ``text`` and ``a``).

    >>> sorted(placeholders("Trekker '{text}' is niet te lezen. {reason}"))
    ['reason', 'text']
    """
    return frozenset(
        match.group(0)
        for _, field, _, _ in string.Formatter().parse(template)
        if field and (match := _FIELD_ROOT.match(field))
    )


def _nested_params(name: str, params: Mapping[str, object]) -> dict[str, object]:
    prefix = name + "_"
    return {key[len(prefix) :]: value for key, value in params.items() if key.startswith(prefix)}


def missing_params(code: str, params: Mapping[str, object]) -> list[str]:
    """The params finding *code*'s message needs, in any language, that *params* lacks.

    A param a :class:`When` part reads may be ``None`` (the part is left out),
    but must be given, unless the part is optional.

    >>> missing_params("overdue", {"action": "Een actie.", "due": "31-03-2024"})
    ['peildatum']
    """
    entry = finding_entry(code)
    needed: set[str] = set()
    for template in entry.text.values():
        needed |= placeholders(template) - entry.parts.keys()
    missing = sorted(needed - params.keys())
    for name, part in entry.parts.items():
        if isinstance(part, When):
            if part.param not in params and not part.optional:
                missing.append(part.param)
            continue
        code_of_part = params.get(name)
        if not isinstance(code_of_part, str):
            missing.append(name)
            continue
        given = _nested_params(name, params).keys()
        for language in LANGUAGES:
            nested = TEXTS[language].get(code_of_part)
            if nested is None:
                missing.append(f"{name} (no text {code_of_part!r} in {language!r})")
                continue
            missing += sorted(f"{name}_{p}" for p in placeholders(nested) - given)
    return list(dict.fromkeys(missing))


def _render_finding(language: Language, code: str, params: Mapping[str, object]) -> str:
    entry = FINDINGS[code]
    values = dict(params)
    for name, part in entry.parts.items():
        if isinstance(part, When):
            given = params.get(part.param)
            values[name] = "" if given is None else _format(_in(language, part.text, code), params)
        else:
            values[name] = render(language, str(params[name]), **_nested_params(name, params))
    return _format(_in(language, entry.text, code), values)


@attrs.frozen
class Phrase:
    """A param that is itself a text of the catalogue: said in the language of the text
    it stands in, so no English detail ends up in a Dutch message.

    >>> render("nl", "workbook-not-zip", source="plan.xlsx", detail=Phrase("file-is-folder"))
    'plan.xlsx: dit is geen Excel-werkmap (.xlsx): het is een map.'
    >>> str(Phrase("file-is-folder"))
    'it is a folder'
    """

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict)

    def __str__(self) -> str:
        return render("en", self.code, **self.params)


def render(language: Language, code: str, /, **params: object) -> str:
    """Return the text for *code* in *language*, filled in with *params*.

    *code* is a finding code (see :data:`FINDINGS`) or the key of any other
    text (:data:`TEXTS`). A code missing from *language* falls back to
    English, then to Dutch, so a new language can be added one text at a time.

    >>> render("nl", "severity-error"), render("en", "severity-error")
    ('fout', 'error')
    >>> render("en", "missing-quarter", action="Een actie.", lead="Politie")
    'Action "Een actie." has no quarter for Politie: fill in when the action is planned (e.g. Q2, Q2-Q4 or Doorlopend).'
    >>> render("nl", "report-actions-total", count=1)
    '1 actie in totaal'
    """
    params = {
        name: render(language, value.code, **value.params) if isinstance(value, Phrase) else value
        for name, value in params.items()
    }
    if code in FINDINGS:
        return _render_finding(language, code, params)
    for lang in (language, *_FALLBACK):
        template = TEXTS[lang].get(code)
        if template is not None:
            return _format(template, params)
    raise KeyError(f"no message {code!r} in any language")


def title(language: Language, code: str) -> str:
    """The short title of finding *code* in *language*.

    >>> title("nl", "missing-quarter"), title("en", "missing-quarter")
    ('Geen kwartaal', 'Missing quarter')
    """
    return _in(language, finding_entry(code).title, code)


def translate_usage(message: str, language: Language) -> str:
    """What typer says of a command line typed wrong (see :data:`USAGE_TEXTS`), said in
    *language*; a message no pattern knows is returned as it is.

    >>> translate_usage("No such option: --frob (Possible options: --format)", "nl")
    'Onbekende optie --frob. Bedoelt u --format?'
    >>> translate_usage("Een eigen melding.", "nl")
    'Een eigen melding.'
    """
    from uvp.messages._usage import USAGE_TEXTS  # only when typer said something

    for pattern, code in USAGE_TEXTS:
        if match := pattern.fullmatch(message):
            found = {key: value or "" for key, value in match.groupdict().items()}
            if "reason" in found:
                found["reason"] = translate_usage(found["reason"], language)
            return render(language, code, **found)
    return message


def __getattr__(name: str) -> object:
    # The patterns of typer's usage errors: compiled when a usage error is said.
    if name == "USAGE_TEXTS":
        from uvp.messages._usage import USAGE_TEXTS

        return USAGE_TEXTS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

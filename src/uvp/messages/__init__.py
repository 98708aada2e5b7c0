"""Every text a person reads, in one place, per language.

Developers read English (exceptions, logs); staff read Dutch (the CLI's
output, messages written into a workbook). Texts are keyed by a stable code
and rendered where they are shown, in the language chosen there: the finding
catalogue (:data:`FINDINGS`) holds each finding code's severity, title and
message template, :data:`TEXTS` every other text. Another language is one
more key in each (see :data:`LANGUAGES`).

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
from typing import Final

from uvp.messages._findings import FINDINGS, FindingEntry, Nested, Severity, When
from uvp.messages._texts import TEXTS, Language

__all__ = [
    "FINDINGS",
    "LANGUAGES",
    "TEXTS",
    "FindingEntry",
    "Language",
    "Nested",
    "Phrase",
    "Severity",
    "When",
    "finding_entry",
    "missing_params",
    "placeholders",
    "render",
    "title",
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


class Phrase:
    """A text of the catalogue given as a param of another text, said in the language
    that text is rendered in: the reason in "could not write the file (the disk is
    full)" is Dutch in the Dutch message and English in the English one.

    >>> reason = Phrase("os-disk-full")
    >>> render("nl", "file-write-failed", source="plan.xlsx", detail=reason)
    'plan.xlsx: het bestand kon niet worden opgeslagen (de schijf is vol).'
    >>> str(reason)
    'the disk is full'
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    def render(self, language: Language) -> str:
        """The text in *language*."""
        return render(language, self.code, **self.params)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Phrase({self.code!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)


def _said(language: Language, params: Mapping[str, object]) -> Mapping[str, object]:
    """*params* with every :class:`Phrase` among them said in *language*."""
    if not any(isinstance(value, Phrase) for value in params.values()):
        return params
    return {k: v.render(language) if isinstance(v, Phrase) else v for k, v in params.items()}


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
    but must be given.

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
            if part.param not in params:
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
            values[name] = "" if given is None else _in(language, part.text, code).format(**params)
        else:
            values[name] = render(language, str(params[name]), **_nested_params(name, params))
    return _in(language, entry.text, code).format(**values)


def render(language: Language, code: str, /, **params: object) -> str:
    """Return the text for *code* in *language*, filled in with *params*.

    *code* is a finding code (see :data:`FINDINGS`) or the key of any other
    text (:data:`TEXTS`). A code missing from *language* falls back to
    English, then to Dutch, so a new language can be added one text at a time.

    >>> render("nl", "severity-error"), render("en", "severity-error")
    ('fout', 'error')
    >>> render("en", "missing-quarter", action="Een actie.", lead="Politie")
    'Action "Een actie." has no quarter for Politie: fill in when the action is planned (e.g. Q2, Q2-Q4 or Doorlopend).'
    """
    said = _said(language, params)
    if code in FINDINGS:
        return _render_finding(language, code, said)
    for lang in (language, *_FALLBACK):
        template = TEXTS[lang].get(code)
        if template is not None:
            return template.format(**said)
    raise KeyError(f"no message {code!r} in any language")


def title(language: Language, code: str) -> str:
    """The short title of finding *code* in *language*.

    >>> title("nl", "missing-quarter"), title("en", "missing-quarter")
    ('Geen kwartaal', 'Missing quarter')
    """
    return _in(language, finding_entry(code).title, code)

"""Validation results as data: findings with a stable code, a severity, params and a place.

A finding keeps what it found as data (its code and the params of its
message) and where (a :class:`Location`); its text is rendered from the
catalogue (:mod:`uvp.messages`) in the language of whoever reads it.

>>> from uvp.core import PlanPath
>>> finding = Finding("missing-lead", params={"action": "We richten een meldpunt in."},
...                   location=Location(path=PlanPath(0, 2, 2)))
>>> finding.severity, finding.where("nl")
('error', 'prioriteit 1 › thema 3 › actie 3')
>>> finding.message("nl")
'Actie "We richten een meldpunt in." heeft geen trekker: vul in wie de actie trekt.'
>>> report = Report((finding,))
>>> report.ok, len(report.errors), report.counts()
(False, 1, {'error': 1, 'warning': 0, 'info': 0})
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, get_args

import attrs

from uvp.core._location import Location
from uvp.core._model import Plan
from uvp.messages import Language, Severity, finding_entry, missing_params, render, title

__all__ = ["Finding", "Param", "Report", "Severity"]

Scalar = str | int | float | bool | None
Param = Scalar | tuple[Scalar, ...]
"""A value a finding's message is filled in with: JSON-ready (a list is kept as a tuple)."""

_SEVERITIES: tuple[Severity, ...] = get_args(Severity)
_SCALARS = (str, int, float, bool, type(None))


def _params(given: Mapping[str, object]) -> dict[str, Param]:
    """The params as JSON-ready values; anything else is a programming error."""
    params: dict[str, Param] = {}
    for name, value in given.items():
        if isinstance(value, list | tuple) and all(isinstance(v, _SCALARS) for v in value):
            params[name] = tuple(value)
        elif isinstance(value, _SCALARS):
            params[name] = value
        else:
            raise TypeError(
                f"a finding's param {name!r} is {type(value).__name__}: params are text, "
                "numbers, booleans, None or lists of them"
            )
    return params


def _default_severity(finding: Finding) -> Severity:
    return finding_entry(finding.code).severity


@attrs.frozen
class Finding:
    """One thing validation found: what (``code`` and ``params``), how bad, and where.

    ``code`` is stable kebab-case (``missing-lead``) for programs, with an
    entry in the finding catalogue (:data:`uvp.messages.FINDINGS`) that gives
    its default severity and its texts; ``params`` fill in the text, which
    :meth:`message` renders in the language asked for. Constructing a finding
    whose params do not fill in its text in every language is an error.

    >>> Finding("overdue", params={"action": "Een actie."})
    Traceback (most recent call last):
    ...
    ValueError: finding 'overdue' lacks params: due, peildatum
    """

    code: str
    severity: Severity = attrs.field(
        default=attrs.Factory(_default_severity, takes_self=True),
        validator=attrs.validators.in_(_SEVERITIES),
    )
    params: Mapping[str, Param] = attrs.field(factory=dict, converter=_params, hash=False)
    location: Location = attrs.field(factory=Location)

    def __attrs_post_init__(self) -> None:
        missing = missing_params(self.code, self.params)
        if missing:
            raise ValueError(f"finding {self.code!r} lacks params: {', '.join(missing)}")

    def message(self, language: Language) -> str:
        """What was found and what to do, in *language*.

        >>> Finding("invalid-subtheme", params={"text": "12"}).message("en")
        "Subthema '12' is not a letter: use A, B, C, …"
        """
        return render(language, self.code, **self.params)

    def title(self, language: Language) -> str:
        """The finding's short title in *language*.

        >>> Finding("invalid-subtheme", params={"text": "12"}).title("nl")
        'Subthema is geen letter'
        """
        return title(language, self.code)

    def where(self, language: Language, plan: Plan | None = None) -> str | None:
        """Where, as shown on screen: the cell (``'Ondermijning'!C14``), else the place
        in the plan, named from *plan* when given; ``None`` when nowhere in particular."""
        return self.location.text(language, plan)

    def to_dict(self, plan: Plan | None = None) -> dict[str, Any]:
        """The finding as JSON-ready data, with its Dutch message and location text.

        >>> Finding("invalid-subtheme", params={"text": "12"}).to_dict()["params"]
        {'text': '12'}
        """
        return {
            "code": self.code,
            "severity": self.severity,
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params.items()},
            "location": self.location.to_dict(),
            "message": self.message("nl"),
            "where": self.where("nl", plan),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The finding in :meth:`to_dict`'s form (the rendered texts are not read).

        >>> finding = Finding("invalid-subtheme", params={"text": "12"})
        >>> Finding.from_dict(finding.to_dict()) == finding
        True
        """
        return cls(
            data["code"],
            data["severity"],
            data.get("params", {}),
            Location.from_dict(data.get("location") or {}),
        )


@attrs.frozen
class Report:
    """The findings of one validation, in the order found.

    A report is data first: ``report.to_dict()`` is JSON-ready. ``plan`` is
    the plan validated, when known: it names the places of findings that have
    no cell (``Ondermijning › Drugs › actie 3``).

    >>> Report(()).ok
    True
    """

    findings: tuple[Finding, ...] = ()
    source: str | None = None
    plan: Plan | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self.findings if f.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when there is no finding of severity ``error``."""
        return not self.errors

    def counts(self) -> dict[Severity, int]:
        """How many findings of each severity."""
        return {s: sum(1 for f in self.findings if f.severity == s) for s in _SEVERITIES}

    def codes(self) -> list[str]:
        """The finding codes, in order (handy in tests and scripts)."""
        return [f.code for f in self.findings]

    def where(self, finding: Finding, language: Language) -> str | None:
        """Where *finding* is, as shown on screen, its place named from this report's plan."""
        return finding.where(language, self.plan)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "source": self.source,
            "ok": self.ok,
            "counts": self.counts(),
            "findings": [f.to_dict(self.plan) for f in self.findings],
        }

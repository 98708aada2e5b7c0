"""Validation results as data: findings with a stable code, a severity and a place.

>>> finding = Finding("missing-lead", "error", "Actie ... heeft geen trekker.", where="Ondermijning › Drugs › actie 3")
>>> report = Report((finding,))
>>> report.ok, len(report.errors), report.counts()
(False, 1, {'error': 1, 'warning': 0, 'info': 0})
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = ["Finding", "Report", "Severity"]

Severity = Literal["error", "warning", "info"]
"""How bad a finding is: an ``error`` must be fixed, a ``warning`` should be looked at."""

_SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@attrs.frozen
class Finding:
    """One thing validation found.

    ``code`` is stable kebab-case (``missing-lead``) for programs; ``message``
    is Dutch, for staff, and says what was found and what to do. ``where``
    names the place in the plan (priority › theme › action); ``sheet`` and
    ``cell`` the place in a workbook, when the plan was read from one.
    """

    code: str
    severity: Severity
    message: str
    where: str | None = None
    sheet: str | None = None
    cell: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen
class Report:
    """The findings of one validation, in the order found.

    A report is data first: ``report.to_dict()`` is JSON-ready.

    >>> Report(()).ok
    True
    """

    findings: tuple[Finding, ...] = ()
    source: str | None = None

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

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "source": self.source,
            "ok": self.ok,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.findings],
        }

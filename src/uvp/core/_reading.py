"""What reading a text gives besides its value: notes about how it was read.

Staff write timing, leads and status in their own words. Where uvp reads such
a text approximately, in another year than the plan's, as several
organisations, or as "not planned", the reading carries a :class:`Note`. A
note has a stable ``code``, a ``severity`` and the ``params`` of its message,
but no place: whoever read the text from a cell (the workbook reader) turns
each note into a located finding.

>>> from uvp.core import Schedule
>>> reading = Schedule.read("medio 2024", year=2024)
>>> str(reading.value), [n.code for n in reading.notes]
('ca. Q2/Q3', ['approximate-quarter'])
>>> reading.notes[0].message("nl")
"Kwartaal 'medio 2024' is gelezen als ca. Q2/Q3 (bij benadering): vul een kwartaal in als u het precies weet."
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import attrs

from uvp.messages import Language, Severity, finding_entry, render

if TYPE_CHECKING:  # the findings import the model, which imports the readings
    from uvp.core._findings import Finding
    from uvp.core._location import Location

__all__ = ["Note", "NoteField", "Reading"]

T = TypeVar("T")

NoteField = Literal["lead", "quarter", "status"]
"""Which cell of a row a note is about: the Trekker, Kwartaal or Status cell."""


def _frozen_params(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return dict(value)


def _default_severity(note: Note) -> Severity:
    return finding_entry(note.code).severity


@attrs.frozen
class Note:
    """Something uvp noticed while reading one text, for staff to see: a finding
    without a place.

    ``code`` is a finding code of the catalogue (:data:`uvp.messages.FINDINGS`),
    which gives the default ``severity`` and the texts; ``params`` fill them in.
    ``field`` and ``line`` (1-based, within a cell of several lines) say which
    part of a row the note is about, where the text came from a row's cells:
    whoever read the cell turns the note into a :class:`~uvp.core.Finding` with
    :meth:`to_finding`.

    >>> note = Note("unplanned", {"text": "n.v.t."}, field="quarter", line=1)
    >>> note.severity, note.message("en")
    ('info', "Kwartaal 'n.v.t.': the action is not planned (yet). Write a quarter once it is known.")
    """

    code: str
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_params, hash=False)
    field: NoteField | None = None
    line: int | None = None
    severity: Severity = attrs.field(default=attrs.Factory(_default_severity, takes_self=True))

    def message(self, language: Language = "nl") -> str:
        """The note's text in *language* (Dutch by default: notes are for staff)."""
        return render(language, self.code, **self.params)

    def to_finding(self, location: Location | None = None) -> Finding:
        """The finding this note is, at *location* (the cell it was read from).

        >>> from uvp.core import Location
        >>> Note("unplanned", {"text": "-"}).to_finding(Location("Blad1", 4, 3)).where("nl")
        "'Blad1'!C4"
        """
        from uvp.core._findings import Finding
        from uvp.core._location import Location

        return Finding(self.code, self.severity, self.params, location or Location())

    def to_dict(self) -> dict[str, Any]:
        """The note as JSON-ready data."""
        return {
            "code": self.code,
            "severity": self.severity,
            "params": dict(self.params),
            "field": self.field,
            "line": self.line,
        }


@attrs.frozen
class Reading(Generic[T]):
    """A value read from a text, with the notes about how it was read.

    >>> Reading(3).notes
    ()
    """

    value: T
    notes: tuple[Note, ...] = ()

"""A plan at a glance: actions in quarter buckets, counts and the overview's rows."""

from __future__ import annotations

import pytest

import uvp
from uvp.core import (
    BUCKETS,
    Bucket,
    bucket_counts,
    overview_rows,
    quarter_buckets,
    summarise_plan,
)


@pytest.mark.parametrize(
    ("trekker", "kwartaal", "buckets"),
    [
        ("Nijkerk", "Q2", {2}),
        ("Nijkerk", "Q2-Q4", {2, 3, 4}),
        ("Nijkerk", "Q1 en Q4", {1, 4}),
        ("Nijkerk", "Q3/Q4", {3, 4}),  # a window may fall in either quarter
        ("Nijkerk", "Doorlopend", {"ongoing"}),  # ongoing has no quarter of its own
        ("Nijkerk\nPolitie", "Q2\nDoorlopend", {2, "ongoing"}),
        ("Nijkerk\nPolitie", "Q1\nQ3", {1, 3}),
        ("Nijkerk", "Doorlopend vanaf Q3", {"ongoing"}),
        ("Nijkerk", None, {"none"}),
        ("Nijkerk", "n.v.t.", {"none"}),  # Niet gepland
        ("Nijkerk\nPolitie", "n.v.t.\nQ2", {2}),
        (None, None, {"none"}),
    ],
    ids=[
        "one",
        "range",
        "moments",
        "window",
        "ongoing",
        "timed-and-ongoing",
        "per-lead",
        "ongoing-from",
        "no-quarter",
        "not-planned",
        "one-not-planned",
        "nothing",
    ],
)
def test_quarter_buckets(trekker: str | None, kwartaal: str | None, buckets: set[Bucket]) -> None:
    assert quarter_buckets(uvp.parse_assignments(trekker, kwartaal)) == buckets


def test_an_agenda_line_stands_in_the_buckets_of_its_schedules(nijkerk: uvp.Plan) -> None:
    from uvp.region import agenda

    for item in agenda([nijkerk], "Nijkerk").items:
        for involvement in item.involvements:
            assert involvement.buckets == quarter_buckets(involvement.assignments)


def test_counts_every_bucket_and_an_action_in_each_of_its_quarters() -> None:
    actions = [
        uvp.Action("Een.", uvp.parse_assignments("Nijkerk", "Q1-Q2")),
        uvp.Action("Twee.", uvp.parse_assignments("Nijkerk", "Doorlopend")),
        uvp.Action("Drie.", uvp.parse_assignments("Nijkerk", None)),
    ]
    assert bucket_counts(actions) == {1: 1, 2: 1, 3: 0, 4: 0, "ongoing": 1, "none": 1}
    assert list(bucket_counts([])) == list(BUCKETS)


def test_summary_of_the_examples(nijkerk: uvp.Plan, scherpenzeel: uvp.Plan) -> None:
    summary = summarise_plan(scherpenzeel)
    assert (summary["priorities"], summary["themes"], summary["actions"]) == (4, 8, 80)
    assert summary["joint"] + summary["local"] == 80
    counts = summary["per_quarter"]
    assert list(counts) == ["Q1", "Q2", "Q3", "Q4", "ongoing", "none"]
    # Scherpenzeel's row without lead or quarter stands without a quarter.
    assert counts["none"] == 1
    assert summarise_plan(nijkerk)["per_quarter"]["none"] == 0


def test_overview_rows_follow_the_plan(nijkerk: uvp.Plan) -> None:
    rows = overview_rows(nijkerk)
    priorities = [row for row in rows if row.strong]
    assert [row.actions for row in priorities] == [len(p.actions) for p in nijkerk.priorities]
    assert priorities[3].label == "4. Vakantieparken (lokale prioriteit)"
    assert len(rows) == len(nijkerk.priorities) + len(nijkerk.themes)
    assert rows[1].buckets == bucket_counts(nijkerk.priorities[0].themes[0].actions)

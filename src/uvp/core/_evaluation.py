"""The year-end evaluation: how far each priority, theme and goal has come.

The council receives *behaalde of nog te behalen doelstellingen*, backed by
figures; :func:`evaluate_plan` computes them from the actions' status on a
*peildatum* (the date the evaluation looks at). The figures are a
:class:`~uvp.core.Tally` each, the same count the quarterly report shows.

>>> import datetime as dt, uvp
>>> plan = uvp.load("examples/scherpenzeel-2024.json")
>>> evaluation = evaluate_plan(plan, dt.date(2024, 12, 31))
>>> evaluation.total.actions, evaluation.total.done, evaluation.total.overdue
(80, 0, 35)
"""

from __future__ import annotations

import datetime as dt
import os

import attrs

from uvp.core._dates import format_date
from uvp.core._model import Action, Goal, Plan
from uvp.core._outline import Line, Span
from uvp.core._progress import Tally
from uvp.messages import Language, render

__all__ = ["Evaluation", "GoalResult", "evaluate_plan"]


@attrs.frozen
class Row:
    """One line of the evaluation table: a priority (``theme`` is None) or one of its themes."""

    priority: str
    theme: str | None
    tally: Tally


@attrs.frozen
class GoalResult:
    """Whether a goal (or a theme, where actions are not grouped by goal) is achieved.

    ``achieved`` is True when every action that counts for it is done
    (cancelled ones do not count), and None when no action counts for it.
    """

    priority: str
    theme: str
    goal: str
    achieved: bool | None
    done: int
    total: int


@attrs.frozen
class Evaluation:
    """Everything the Evaluatie sheet shows."""

    municipality: str
    year: int
    peildatum: dt.date
    rows: tuple[Row, ...]
    goals: tuple[GoalResult, ...]
    total: Tally

    def lines(self, path: str | os.PathLike[str], language: Language = "nl") -> list[Line]:
        """That the Evaluatie sheet is written into the workbook at *path*, with its totals.

        >>> import datetime as dt, uvp
        >>> evaluation = evaluate_plan(uvp.load("examples/nijkerk-2024.json"), dt.date(2024, 12, 31))
        >>> print(evaluation.lines("plan.xlsx")[0][0].text)
        plan.xlsx: blad Evaluatie geschreven (peildatum 31-12-2024): 42 acties, 0 gereed (0%), 29 te laat.
        """
        t = self.total
        said = render(
            language,
            "evaluation-written",
            path=path,
            peildatum=format_date(self.peildatum),
            percent=round(100 * t.percent_done),
            **attrs.asdict(t),
        )
        return [(Span(said),)]


def _goal_label(goal: Goal) -> str:
    text = goal.title or goal.objective or ""
    if goal.letter:
        return f"{goal.letter}. {text}".strip()
    return f"{goal.number} {text}".strip() if goal.number else text


def evaluate_plan(plan: Plan, peildatum: dt.date) -> Evaluation:
    """The evaluation of *plan* on *peildatum*: per priority and theme, and per goal."""
    rows: list[Row] = []
    goals: list[GoalResult] = []
    for priority in plan.priorities:
        rows.append(Row(priority.title, None, Tally.of(priority.actions, plan.year, peildatum)))
        for theme in priority.themes:
            rows.append(
                Row(priority.title, theme.title, Tally.of(theme.actions, plan.year, peildatum))
            )
            grouped = any(a.goal for a in theme.actions)
            targets: list[tuple[Goal | None, list[Action]]] = [
                (
                    g,
                    [a for a in theme.actions if a.goal == g.key]
                    if grouped
                    else list(theme.actions),
                )
                for g in theme.goals
            ]
            if not theme.goals:
                targets = [(None, list(theme.actions))]
            for goal, actions in targets:
                counted = [a for a in actions if a.status != "cancelled"]
                done = sum(a.status == "done" for a in counted)
                label = (_goal_label(goal) if goal else theme.title) or theme.title
                goals.append(
                    GoalResult(
                        priority.title,
                        theme.title,
                        label,
                        done == len(counted) if counted else None,
                        done,
                        len(counted),
                    )
                )
    return Evaluation(
        plan.municipality,
        plan.year,
        peildatum,
        tuple(rows),
        tuple(goals),
        Tally.of(plan.actions, plan.year, peildatum),
    )

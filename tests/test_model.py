from __future__ import annotations

import attrs
import pytest

import uvp


def _action(
    trekker: str, kwartaal: str = "Q1", note: str | None = None, text: str = "Iets doen."
) -> uvp.Action:
    return uvp.Action(text, uvp.parse_assignments(trekker, kwartaal), note=note)


@pytest.mark.parametrize(
    ("action", "joint", "joint_for_nijkerk"),
    [
        (_action("Nijkerk"), False, False),
        (_action("Nijkerk (ODDV)"), False, False),
        (_action("Scherpenzeel"), False, True),
        (_action("Politie"), True, True),
        (_action("gezamenlijk"), True, True),
        (_action("Iedere gemeente individueel"), True, True),
        (_action("Barneveld\nScherpenzeel", "Q2\nQ3"), True, True),
        (_action("Nijkerk", note="Nijkerk deelt dit met Barneveld."), True, True),
        (_action("Nijkerk", note="In samenwerking met Samen Weerbaar."), True, True),
        (uvp.Action("Zonder trekker."), False, False),
    ],
)
def test_is_joint(action: uvp.Action, joint: bool, joint_for_nijkerk: bool) -> None:
    assert action.is_joint is joint
    assert action.is_joint_for("Nijkerk") is joint_for_nijkerk


def test_participants_come_from_text_and_note() -> None:
    action = _action(
        "Scherpenzeel",
        text="Wij doen mee. Barneveld sluit hierbij aan.",
        note="In samenwerking met de politie.",
    )
    assert action.participants == ("Barneveld", "Politie")


def test_quarters_and_leads() -> None:
    action = _action("Barneveld\nScherpenzeel", "Q2\nQ3-Q4")
    assert action.quarters == {2, 3, 4}
    assert [str(lead) for lead in action.leads] == ["Barneveld", "Scherpenzeel"]


@pytest.mark.parametrize(
    "build",
    [
        lambda: uvp.Action(""),
        lambda: uvp.Action("   "),
        lambda: uvp.Action("x", goal=""),
        lambda: uvp.Action("x", goal="  "),
        lambda: uvp.Action("x", partners=("Politie", " ")),
        lambda: uvp.Action("x", note=""),
        lambda: uvp.Theme(""),
        lambda: uvp.Priority("P", "regional"),  # type: ignore[arg-type]
        lambda: uvp.Plan("", 2024),
        lambda: uvp.Plan("Ede", 24_000),
        lambda: uvp.Plan("Ede", "2024"),  # type: ignore[arg-type]
        lambda: uvp.Goal(letter="1"),
        lambda: uvp.Goal(number="2.a"),
        lambda: uvp.Goal(number="A"),
    ],
)
def test_invalid_model_values_are_refused(build: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        build()  # type: ignore[operator]


def test_model_is_frozen_and_hashable() -> None:
    plan = uvp.Plan("Ede", 2024, partners=["Politie"])  # lists become tuples
    assert plan.partners == ("Politie",)
    assert hash(plan) == hash(uvp.Plan("Ede", 2024, partners=("Politie",)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        plan.year = 2025  # type: ignore[misc]


def test_plan_order(scherpenzeel: uvp.Plan) -> None:
    walked = [action for _, _, action in scherpenzeel.walk()]
    assert walked == list(scherpenzeel.actions)
    assert scherpenzeel.actions[0].text.startswith(
        "We organiseren 5 (thematische) integrale controles"
    )
    assert scherpenzeel.actions[-1].text.startswith(
        "Bij elke bestuurlijke rapportage vanuit de politie"
    )
    assert len(scherpenzeel.joint_actions) + len(scherpenzeel.local_actions) == len(
        scherpenzeel.actions
    )

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


def test_trusted_action_is_the_validated_action() -> None:
    # The reader's constructor skips the validators' calls, not their checks.
    from uvp.core._model import _trusted_action

    assignments = uvp.parse_assignments("Barneveld", "Q2")
    values = ("Tekst.", assignments, "Noot", "A", "done", "1.2", ("Politie",), "r", "i", "t")
    trusted = _trusted_action(*values)
    names = ("note", "goal", "status", "id", "partners", "result", "indicator", "target_value")
    built = uvp.Action(values[0], values[1], **dict(zip(names, values[2:], strict=True)))
    assert trusted == built
    assert hash(trusted) == hash(built)
    assert repr(trusted) == repr(built)


@pytest.mark.parametrize(
    "change",
    [
        {"text": " "},
        {"note": ""},
        {"goal": "  "},
        {"status": "klaar"},
        {"id": 3},
        {"partners": ("Politie", " ")},
        {"target_value": ""},
    ],
)
def test_trusted_action_refuses_what_action_refuses(change: dict[str, object]) -> None:
    from uvp.core._model import _trusted_action

    values: dict[str, object] = dict.fromkeys(
        ("note", "goal", "status", "id", "result", "indicator", "target_value")
    )
    values.update(text="Tekst.", assignments=(), partners=())
    values.update(change)
    with pytest.raises(ValueError, match="must be") as trusted:
        _trusted_action(**values)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be") as built:
        uvp.Action(**values)  # type: ignore[arg-type]
    assert str(trusted.value) == str(built.value)

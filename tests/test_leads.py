from __future__ import annotations

import pytest
from hypothesis import given

import uvp
from tests.strategies import leads

# Every lead form found in the two 2024 plans, and case/spacing variants.
LEAD_FORMS = [
    # text, name, unit, kind, organisation
    ("Nijkerk", "Nijkerk", None, "municipality", "Nijkerk"),
    ("Barneveld", "Barneveld", None, "municipality", "Barneveld"),
    ("Scherpenzeel", "Scherpenzeel", None, "municipality", "Scherpenzeel"),
    ("Scherpenzeel ", "Scherpenzeel", None, "municipality", "Scherpenzeel"),
    ("scherpenzeel", "scherpenzeel", None, "municipality", "Scherpenzeel"),
    ("Gemeente Scherpenzeel", "Gemeente Scherpenzeel", None, "municipality", "Scherpenzeel"),
    ("Nijkerk (Bibob-medewerker)", "Nijkerk", "Bibob-medewerker", "municipality", "Nijkerk"),
    ("Nijkerk(Bibob-medewerker)", "Nijkerk", "Bibob-medewerker", "municipality", "Nijkerk"),
    ("Nijkerk ( ODDV )", "Nijkerk", "ODDV", "municipality", "Nijkerk"),
    ("Nijkerk (ODDV)", "Nijkerk", "ODDV", "municipality", "Nijkerk"),
    ("Politie", "Politie", None, "partner", "Politie"),
    ("politie", "politie", None, "partner", "Politie"),
    ("OM", "OM", None, "partner", "OM"),
    ("Openbaar Ministerie", "Openbaar Ministerie", None, "partner", "OM"),
    ("ZV-WVV", "ZV-WVV", None, "partner", "ZV-WVV"),
    ("Zorg- en Veiligheidshuis WVV", "Zorg- en Veiligheidshuis WVV", None, "partner", "ZV-WVV"),
    ("Zorg-  en  Veiligheidshuis  WVV", "Zorg- en Veiligheidshuis WVV", None, "partner", "ZV-WVV"),
    ("gezamenlijk", "gezamenlijk", None, "joint", "Gezamenlijk"),
    ("Gezamenlijk", "Gezamenlijk", None, "joint", "Gezamenlijk"),
    ("GEZAMENLIJK", "GEZAMENLIJK", None, "joint", "Gezamenlijk"),
    ("Alle partners", "Alle partners", None, "joint", "Alle partners"),
    (
        "Iedere gemeente individueel",
        "Iedere gemeente individueel",
        None,
        "each-municipality",
        "Iedere gemeente",
    ),
    (
        "iedere gemeente  individueel",
        "iedere gemeente individueel",
        None,
        "each-municipality",
        "Iedere gemeente",
    ),
    (
        "Individueel per gemeente",
        "Individueel per gemeente",
        None,
        "each-municipality",
        "Iedere gemeente",
    ),
    ("Samen Weerbaar", "Samen Weerbaar", None, "partner", "Samen Weerbaar"),
    ("Stichting Buurtwerk", "Stichting Buurtwerk", None, "partner", "Stichting Buurtwerk"),
]


@pytest.mark.parametrize(
    ("text", "name", "unit", "kind", "organisation"), LEAD_FORMS, ids=[f[0] for f in LEAD_FORMS]
)
def test_parse_lead(text: str, name: str, unit: str | None, kind: str, organisation: str) -> None:
    lead = uvp.Lead.parse(text)
    assert (lead.name, lead.unit, lead.kind, lead.organisation) == (name, unit, kind, organisation)
    assert uvp.Lead.parse(str(lead)) == lead


REJECTED = [
    ("", "empty-lead"),
    ("  ", "empty-lead"),
    ("Barneveld\nScherpenzeel", "multiline-lead"),
    ("Q2", "quarter-as-lead"),
    ("Q1-Q4", "quarter-as-lead"),
    ("Nijkerk (Bibob", "lead-parentheses"),
    ("Nijkerk ()", "lead-parentheses"),
    ("Nijkerk (a) (b)", "lead-parentheses"),
    ("(ODDV)", "lead-parentheses"),
    ("123", "lead-no-letters"),
    (
        "Scherpenzeel organiseert dit samen met de politie en de andere partners in het gebied",
        "lead-too-long",
    ),
]


@pytest.mark.parametrize(("text", "code"), REJECTED, ids=[r[1] + ":" + r[0][:12] for r in REJECTED])
def test_reject_lead(text: str, code: str) -> None:
    with pytest.raises(uvp.NotationError) as caught:
        uvp.Lead.parse(text)
    assert caught.value.code == code
    assert caught.value.message("nl") != str(caught.value)  # Dutch and English both exist


@given(leads())
def test_lead_parse_inverts_str(lead: uvp.Lead) -> None:
    assert uvp.Lead.parse(str(lead)) == lead


# Sentences from the two plans (text or note) and who they say takes part.
PARTICIPANTS = [
    (
        "Nijkerk organiseert een training ‘jonge aanwas’ om de eerste signalen naar crimineel gedrag "
        "te herkennen. Medewerkers van Scherpenzeel en Barneveld sluiten hierbij aan.",
        ("Scherpenzeel", "Barneveld"),
    ),
    (
        "Medewerkers van Barneveld en Scherpenzeel sluiten hierbij bij aan.",
        ("Barneveld", "Scherpenzeel"),
    ),
    (
        "Barneveld is trekker. Als het beleid is gemaakt (Q2) wordt dit gedeeld met Scherpenzeel en Nijkerk.",
        ("Scherpenzeel", "Nijkerk"),
    ),
    ("Nijkerk deelt dit plan met Scherpenzeel en Barneveld in Q4.", ("Scherpenzeel", "Barneveld")),
    ("Scherpenzeel deelt deze met Barneveld en Nijkerk.", ("Barneveld", "Nijkerk")),
    ("Barneveld deelt die met Nijkerk en Scherpenzeel.", ("Nijkerk", "Scherpenzeel")),
    ("In samenwerking met Samen Weerbaar.", ("Samen Weerbaar",)),
    ("In samenwerking met de politie", ("Politie",)),
    ("In samenwerking met de politie en externe partijen.", ("Politie",)),
    ("In samenwerking met de gemeente Ede.", ("Ede",)),
    ("In samenwerking met de VNG. Dit is een scholing.", ("VNG",)),
    ("In samenwerking met de OddV", ("OddV",)),
    ("In samenwerking met het Zorg- en Veiligheidhuis WVV.", ("ZV-WVV",)),
    ("In samenwerking met de bibliotheek en scholen.", ()),
    ("In samenwerking met de cybervrijwilligers van de politie.", ()),
    (
        "Gemeente Nijkerk organiseert in samenwerking met Barneveld een bijeenkomst met de 2 grootste "
        "uitzendbureaus. Scherpenzeel sluit hierbij aan.",
        ("Barneveld", "Scherpenzeel"),
    ),
    (
        "Barneveld en Nijkerk sluiten hierbij aan. IKZ geeft een signaal aan de gemeente.",
        ("Barneveld", "Nijkerk"),
    ),
    (
        "Er is een ouderavond die de gemeente Barneveld in samenwerking met LeerlingAlert organiseert.",
        ("LeerlingAlert",),
    ),
    (
        "Ouders van middelbare scholieren uit Scherpenzeel mogen aansluiten bij een ouderavond.",
        ("Scherpenzeel",),
    ),
    ("De politie werkt met een ‘digitale meldkamer’ en deelt successen waar het kan.", ()),
    ("Gemeenten delen onderling informatie over mogelijke signalen van zorgfraude.", ()),
    ("We organiseren een bijeenkomst voor inwoners.", ()),
    ("", ()),
]


@pytest.mark.parametrize(("text", "expected"), PARTICIPANTS, ids=[p[0][:40] for p in PARTICIPANTS])
def test_parse_participants(text: str, expected: tuple[str, ...]) -> None:
    assert uvp.parse_participants(text) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zorg-en Veiligheidshuis WVV", "ZV-WVV"),
        ("de politie", "Politie"),
        ("gemeente Ede", "Ede"),
        ("het Openbaar Ministerie", "OM"),
        ("alle gemeenten individueel", "Iedere gemeente"),
    ],
)
def test_identify_variants(text: str, name: str) -> None:
    org = uvp.identify(text)
    assert org is not None
    assert org.name == name

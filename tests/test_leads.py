from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import uvp
import uvp.core
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


# -- the vocabulary of other municipalities' plans (docs/notations.md) -----------------------
# text, the plan's municipality, the leads as (written, kind, organisation), the notes' codes
OWN = "Nijkerk"
LEAD_FAMILIES: dict[
    str, list[tuple[str, str | None, list[tuple[str, str, str]], tuple[str, ...]]]
] = {
    "every municipality": [
        ("Ede", OWN, [("Ede", "municipality", "Ede")], ()),
        ("gemeente Utrecht", OWN, [("gemeente Utrecht", "municipality", "Utrecht")], ()),
        (
            "Gemeente Súdwest-Fryslân",
            OWN,
            [("Gemeente Súdwest-Fryslân", "municipality", "Súdwest-Fryslân")],
            (),
        ),
        ("Sudwest Fryslan", OWN, [("Sudwest Fryslan", "municipality", "Súdwest-Fryslân")], ()),
        ("Den Bosch", OWN, [("Den Bosch", "municipality", "'s-Hertogenbosch")], ()),
        ("s-Hertogenbosch", OWN, [("s-Hertogenbosch", "municipality", "'s-Hertogenbosch")], ()),
        ("Den Haag", OWN, [("Den Haag", "municipality", "'s-Gravenhage")], ()),
        ("Bergen (NH)", OWN, [("Bergen (NH)", "municipality", "Bergen (NH.)")], ()),
        ("Bergen (L.)", OWN, [("Bergen (L.)", "municipality", "Bergen (L.)")], ()),
        ("Bergen op Zoom", OWN, [("Bergen op Zoom", "municipality", "Bergen op Zoom")], ()),
        ("Bergen", OWN, [("Bergen", "municipality", "Bergen")], ("ambiguous-municipality",)),
        ("Bergen", "Bergen (NH.)", [("Bergen (NH.)", "municipality", "Bergen (NH.)")], ()),
        (
            "Leerdam",
            OWN,
            [("Leerdam", "municipality", "Vijfheerenlanden")],
            ("merged-municipality",),
        ),
        ("Haaren", OWN, [("Haaren", "municipality", "Haaren")], ("ambiguous-municipality",)),
        ("Weesp", OWN, [("Weesp", "municipality", "Amsterdam")], ("merged-municipality",)),
        ("Nuenen", OWN, [("Nuenen", "municipality", "Nuenen, Gerwen en Nederwetten")], ()),
        ("Ede (team Veiligheid)", OWN, [("Ede (team Veiligheid)", "municipality", "Ede")], ()),
    ],
    "the plan's own municipality": [
        ("Gemeente", OWN, [("Nijkerk", "municipality", "Nijkerk")], ()),
        ("de gemeente", OWN, [("Nijkerk", "municipality", "Nijkerk")], ()),
        ("gemeente (OOV)", OWN, [("Nijkerk (OOV)", "municipality", "Nijkerk")], ()),
        ("Gemeente OOV", OWN, [("Nijkerk (Gemeente OOV)", "municipality", "Nijkerk")], ()),
        ("Team Veiligheid", OWN, [("Nijkerk (Team Veiligheid)", "municipality", "Nijkerk")], ()),
        ("team OOV", OWN, [("Nijkerk (team OOV)", "municipality", "Nijkerk")], ()),
        ("afdeling VTH", OWN, [("Nijkerk (afdeling VTH)", "municipality", "Nijkerk")], ()),
        ("Boa's", OWN, [("Nijkerk (Boa's)", "municipality", "Nijkerk")], ()),
        ("BOA’s", OWN, [("Nijkerk (BOA’s)", "municipality", "Nijkerk")], ()),
        ("handhaving", OWN, [("Nijkerk (handhaving)", "municipality", "Nijkerk")], ()),
        (
            "beleidsadviseur OOV",
            OWN,
            [("Nijkerk (beleidsadviseur OOV)", "municipality", "Nijkerk")],
            (),
        ),
        ("wijkregisseur", OWN, [("Nijkerk (wijkregisseur)", "municipality", "Nijkerk")], ()),
        ("burgemeester", OWN, [("Nijkerk (burgemeester)", "municipality", "Nijkerk")], ()),
        (
            "Team Jeugd & Gezin",
            OWN,
            [("Nijkerk (Team Jeugd & Gezin)", "municipality", "Nijkerk")],
            (),
        ),
        (
            "Team Veiligheid (OOV)",
            OWN,
            [("Nijkerk (Team Veiligheid, OOV)", "municipality", "Nijkerk")],
            (),
        ),
        ("team Politie", OWN, [("team Politie", "partner", "Politie")], ()),
        (
            "Nijkerk (Bibob-medewerker)",
            OWN,
            [("Nijkerk (Bibob-medewerker)", "municipality", "Nijkerk")],
            (),
        ),
        ("Testdorp", "Testdorp", [("Testdorp", "municipality", "Testdorp")], ()),
        (
            "Team Veiligheid",
            None,
            [("Gemeente (Team Veiligheid)", "municipality", "Gemeente")],
            ("generic-municipality",),
        ),
        ("Gemeente", None, [("Gemeente", "municipality", "Gemeente")], ("generic-municipality",)),
    ],
    "partners": [
        ("wijkagent", OWN, [("wijkagent", "partner", "Politie")], ()),
        ("Politie (wijkagent)", OWN, [("Politie (wijkagent)", "partner", "Politie")], ()),
        ("basisteam Veluwe-West", OWN, [("basisteam Veluwe-West", "partner", "Politie")], ()),
        ("politie Oost-Nederland", OWN, [("politie Oost-Nederland", "partner", "Politie")], ()),
        ("Openbaar Ministerie (OM)", OWN, [("Openbaar Ministerie (OM)", "partner", "OM")], ()),
        ("officier van justitie", OWN, [("officier van justitie", "partner", "OM")], ()),
        ("RIEC", OWN, [("RIEC", "partner", "RIEC")], ()),
        (
            "RIEC (Regionaal Informatie- en Expertisecentrum)",
            OWN,
            [("RIEC (Regionaal Informatie- en Expertisecentrum)", "partner", "RIEC")],
            (),
        ),
        ("RIEC Oost-Nederland", OWN, [("RIEC Oost-Nederland", "partner", "RIEC")], ()),
        ("ZVH", OWN, [("ZVH", "partner", "Zorg- en Veiligheidshuis")], ()),
        (
            "Zorg- en Veiligheidshuis Noord-Limburg",
            OWN,
            [("Zorg- en Veiligheidshuis Noord-Limburg", "partner", "Zorg- en Veiligheidshuis")],
            (),
        ),
        ("Veiligheidshuis", OWN, [("Veiligheidshuis", "partner", "Zorg- en Veiligheidshuis")], ()),
        ("Veiligheidsregio", OWN, [("Veiligheidsregio", "partner", "Veiligheidsregio")], ()),
        ("VGGM", OWN, [("VGGM", "partner", "Veiligheidsregio")], ()),
        ("brandweer", OWN, [("brandweer", "partner", "Veiligheidsregio")], ()),
        ("GHOR", OWN, [("GHOR", "partner", "Veiligheidsregio")], ()),
        ("GGD", OWN, [("GGD", "partner", "GGD")], ()),
        ("GGD Gelderland-Midden", OWN, [("GGD Gelderland-Midden", "partner", "GGD")], ()),
        ("Halt", OWN, [("Halt", "partner", "Halt")], ()),
        ("Bureau Halt", OWN, [("Bureau Halt", "partner", "Halt")], ()),
        ("Veilig Thuis", OWN, [("Veilig Thuis", "partner", "Veilig Thuis")], ()),
        (
            "Reclassering Nederland",
            OWN,
            [("Reclassering Nederland", "partner", "Reclassering")],
            (),
        ),
        ("Belastingdienst", OWN, [("Belastingdienst", "partner", "Belastingdienst")], ()),
        ("FIOD", OWN, [("FIOD", "partner", "Belastingdienst")], ()),
        (
            "Nederlandse Arbeidsinspectie",
            OWN,
            [("Nederlandse Arbeidsinspectie", "partner", "Arbeidsinspectie")],
            (),
        ),
        ("Inspectie SZW", OWN, [("Inspectie SZW", "partner", "Arbeidsinspectie")], ()),
        ("Douane", OWN, [("Douane", "partner", "Douane")], ()),
        ("KMar", OWN, [("KMar", "partner", "KMar")], ()),
        ("Koninklijke Marechaussee", OWN, [("Koninklijke Marechaussee", "partner", "KMar")], ()),
        ("Omgevingsdienst", OWN, [("Omgevingsdienst", "partner", "Omgevingsdienst")], ()),
        (
            "Omgevingsdienst Twente",
            OWN,
            [("Omgevingsdienst Twente", "partner", "Omgevingsdienst")],
            (),
        ),
        ("Omgevingsdienst De Vallei", OWN, [("Omgevingsdienst De Vallei", "partner", "OddV")], ()),
        ("woningcorporaties", OWN, [("woningcorporaties", "partner", "Woningcorporatie")], ()),
        (
            "Woonstichting Vesteda",
            OWN,
            [("Woonstichting Vesteda", "partner", "Woningcorporatie")],
            (),
        ),
        ("jongerenwerk", OWN, [("jongerenwerk", "partner", "Jongerenwerk")], ()),
        ("CCV", OWN, [("CCV", "partner", "CCV")], ()),
        ("buurtbemiddeling", OWN, [("buurtbemiddeling", "partner", "Buurtbemiddeling")], ()),
        ("scholen", OWN, [("scholen", "partner", "Scholen")], ()),
        (
            "Stichting Buurtwerk",
            OWN,
            [("Stichting Buurtwerk", "partner", "Stichting Buurtwerk")],
            (),
        ),
    ],
    "joint bodies": [
        ("driehoek", OWN, [("driehoek", "joint", "Driehoek")], ()),
        ("lokale driehoek", OWN, [("lokale driehoek", "joint", "Driehoek")], ()),
        ("Driehoeksoverleg", OWN, [("Driehoeksoverleg", "joint", "Driehoek")], ()),
        (
            "werkgroep Buitengebied",
            OWN,
            [("werkgroep Buitengebied", "joint", "werkgroep Buitengebied")],
            (),
        ),
        (
            "werkgroep Jeugd en Veiligheid",
            OWN,
            [("werkgroep Jeugd en Veiligheid", "joint", "werkgroep Jeugd en Veiligheid")],
            (),
        ),
        (
            "stuurgroep Ondermijning",
            OWN,
            [("stuurgroep Ondermijning", "joint", "stuurgroep Ondermijning")],
            (),
        ),
        ("samen met de partners", OWN, [("samen met de partners", "joint", "Alle partners")], ()),
        ("ketenpartners", OWN, [("ketenpartners", "joint", "Alle partners")], ()),
        ("alle gemeenten", OWN, [("alle gemeenten", "joint", "Alle gemeenten")], ()),
    ],
    "several organisations in one line": [
        (
            "politie, OM en gemeente",
            OWN,
            [
                ("politie", "partner", "Politie"),
                ("OM", "partner", "OM"),
                ("Nijkerk", "municipality", "Nijkerk"),
            ],
            ("several-leads",),
        ),
        (
            "Gemeente / Politie",
            OWN,
            [("Nijkerk", "municipality", "Nijkerk"), ("Politie", "partner", "Politie")],
            ("several-leads",),
        ),
        (
            "Politie & Halt",
            OWN,
            [("Politie", "partner", "Politie"), ("Halt", "partner", "Halt")],
            ("several-leads",),
        ),
        (
            "Politie + Boa's",
            OWN,
            [("Politie", "partner", "Politie"), ("Nijkerk (Boa's)", "municipality", "Nijkerk")],
            ("several-leads",),
        ),
        (
            "OM/RIEC/Belastingdienst",
            OWN,
            [
                ("OM", "partner", "OM"),
                ("RIEC", "partner", "RIEC"),
                ("Belastingdienst", "partner", "Belastingdienst"),
            ],
            ("several-leads",),
        ),
        (
            "Scherpenzeel en Barneveld",
            OWN,
            [
                ("Scherpenzeel", "municipality", "Scherpenzeel"),
                ("Barneveld", "municipality", "Barneveld"),
            ],
            ("several-leads",),
        ),
        (
            "Politie, Stichting Buurtwerk",
            OWN,
            [
                ("Politie", "partner", "Politie"),
                ("Stichting Buurtwerk", "partner", "Stichting Buurtwerk"),
            ],
            ("several-leads",),
        ),
        (
            "Gemeente (OOV), politie",
            OWN,
            [("Nijkerk (OOV)", "municipality", "Nijkerk"), ("politie", "partner", "Politie")],
            ("several-leads",),
        ),
        (
            "Gemeente i.s.m. politie",
            OWN,
            [("Nijkerk", "municipality", "Nijkerk")],
            ("lead-partners",),
        ),
        (
            "Stichting Jeugd en Gezin",
            OWN,
            [("Stichting Jeugd en Gezin", "partner", "Stichting Jeugd en Gezin")],
            (),
        ),
        ("Bouw & Wonen", OWN, [("Bouw & Wonen", "partner", "Bouw & Wonen")], ()),
        (
            "Zorg- en Veiligheidshuis WVV",
            OWN,
            [("Zorg- en Veiligheidshuis WVV", "partner", "ZV-WVV")],
            (),
        ),
        (
            "Toezicht & Handhaving",
            OWN,
            [("Nijkerk (Toezicht & Handhaving)", "municipality", "Nijkerk")],
            (),
        ),
        (
            "Veiligheidsregio Noord- en Oost-Gelderland",
            OWN,
            [("Veiligheidsregio Noord- en Oost-Gelderland", "partner", "Veiligheidsregio")],
            (),
        ),
        (
            "Nuenen, Gerwen en Nederwetten",
            OWN,
            [("Nuenen, Gerwen en Nederwetten", "municipality", "Nuenen, Gerwen en Nederwetten")],
            (),
        ),
    ],
}
LEAD_CASES = [(family, *case) for family, cases in LEAD_FAMILIES.items() for case in cases]


@pytest.mark.parametrize(
    ("family", "text", "municipality", "expected", "codes"),
    LEAD_CASES,
    ids=[f"{c[0]}: {c[1]} ({c[2]})" for c in LEAD_CASES],
)
def test_lead_vocabulary(
    family: str,
    text: str,
    municipality: str | None,
    expected: list[tuple[str, str, str]],
    codes: tuple[str, ...],
) -> None:
    reading = uvp.read_leads(text, municipality=municipality)
    assert [(str(lead), lead.kind, lead.organisation) for lead in reading.value] == expected
    assert tuple(note.code for note in reading.notes) == codes
    for lead in reading.value:  # what uvp writes reads back as the same lead
        assert uvp.Lead.parse(str(lead), municipality=municipality) == lead
    for note in reading.notes:
        assert note.field == "lead"
        assert note.message("nl") != note.message("en")


def test_one_line_naming_several_organisations_is_not_one_lead() -> None:
    with pytest.raises(uvp.NotationError) as caught:
        uvp.Lead.parse("Politie & Halt")
    assert caught.value.code == "several-organisations"
    assert "parse_leads" in str(caught.value)
    assert "één trekker per regel" in caught.value.message("nl")


def test_every_dutch_municipality_is_a_municipality() -> None:
    municipalities = uvp.core.municipalities()
    assert len(municipalities) == 342
    for municipality in municipalities:
        for written in (municipality.name, f"gemeente {municipality.name}", *municipality.aliases):
            lead = uvp.Lead.parse(written)
            assert (lead.kind, lead.organisation) == ("municipality", municipality.name), written


def test_every_catalogue_name_identifies_its_organisation() -> None:
    for org in uvp.core.catalogue().organisations:
        for written in (org.name, *org.aliases, *org.units):
            found = uvp.identify(written)
            assert found is not None, written
            assert found.name == org.name, written


@given(leads(), st.sampled_from([None, "Nijkerk", "Ede", "Testdorp"]))
def test_lead_parse_inverts_str_in_context(lead: uvp.Lead, municipality: str | None) -> None:
    read = uvp.Lead.parse(str(lead), municipality=municipality)
    assert uvp.Lead.parse(str(read), municipality=municipality) == read


NEW_PARTICIPANTS = [
    ("In samenwerking met de belastingdienst.", ("Belastingdienst",)),
    ("In samenwerking met het Openbaar Ministerie en Halt.", ("OM", "Halt")),
    ("In samenwerking met scholen en jongerenwerk.", ()),
    ("Deze delen we met partners en inwoners.", ()),
    ("In samenwerking met de gemeente Den Bosch.", ("'s-Hertogenbosch",)),
    ("In samenwerking met de driehoek.", ()),
]


@pytest.mark.parametrize(
    ("text", "expected"), NEW_PARTICIPANTS, ids=[p[0][:40] for p in NEW_PARTICIPANTS]
)
def test_participants_of_other_plans(text: str, expected: tuple[str, ...]) -> None:
    assert uvp.parse_participants(text) == expected

"""The add-in manifest against Microsoft's XML schemas (tests/data/manifest-xsd, with the
fixes its README lists): the shipped file, what ``uvp serve`` hands out for several
addresses, and broken variants the schema must reject.

What the schema cannot see (that each button's function is associated in uvp.js, the
icons' sizes, every address being the server's) tests/test_server.py checks.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import etree

from tests.conftest import ROOT
from tests.test_server import Running, request
from uvp.addin import server

XSD = ROOT / "tests" / "data" / "manifest-xsd"
SHIPPED = ROOT / "excel" / "manifest.xml"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD / "OfficeAppManifestV1_1.xsd")))


def problems(schema: etree.XMLSchema, text: str) -> list[str]:
    """The schema's complaints about a manifest (none when it is valid)."""
    document = etree.fromstring(text.encode("utf-8"))
    if schema.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def test_the_schemas_load_and_know_the_task_pane_overrides(schema: etree.XMLSchema) -> None:
    # The import of TaskPaneAppVersionOverridesV1_0.xsd took: an unknown element inside
    # <VersionOverrides> is an error, not skipped.
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "<FunctionFile", "<Unknown /><FunctionFile", 1
    )
    assert any("Unknown" in p for p in problems(schema, text))


def test_the_shipped_manifest_is_valid(schema: etree.XMLSchema) -> None:
    assert problems(schema, SHIPPED.read_text(encoding="utf-8")) == []


PUBLIC_URLS = [
    "https://localhost:8000",
    "https://uvp.gemeente.nl",
    "https://uvp.gemeente.nl/",
    "https://intranet.gemeente.nl:8443/uvp",
    "https://10.1.2.3:8443",
    "https://[::1]:8443/uvp/excel",
]


@pytest.mark.parametrize("public_url", PUBLIC_URLS, ids=PUBLIC_URLS)
def test_every_served_manifest_is_valid(schema: etree.XMLSchema, public_url: str) -> None:
    text = server.manifest_for(public_url)
    assert public_url.rstrip("/") + "/static/commands.html" in text
    assert problems(schema, text) == []


@pytest.fixture(scope="module")
def served() -> Iterator[int]:
    running = Running(server.create_app(public_url="https://uvp.gemeente.nl/excel"))
    yield running.port
    running.stop()


def test_the_manifest_uvp_serve_answers_is_valid(schema: etree.XMLSchema, served: int) -> None:
    answer = request(served, "GET", "/manifest.xml")
    assert answer.status == 200
    text = answer.body.decode("utf-8")
    assert "https://uvp.gemeente.nl/excel/static/taskpane.html" in text
    assert problems(schema, text) == []


# What a careless edit of the manifest could do, and the part of the schema that says no.
_ID = "<Id>1b31f57a-0226-4b38-9099-bcd68c61276a</Id>"
MUTATIONS = {
    "no-id": (f"  {_ID}\n", "", "Version"),
    "id-not-a-guid": (_ID, "<Id>uvp</Id>", "Id"),
    "version-with-five-parts": (
        "<Version>1.1.0.0</Version>",
        "<Version>1.0.0.0.0</Version>",
        "Version",
    ),
    "version-not-a-number": ("<Version>1.1.0.0</Version>", "<Version>v1</Version>", "Version"),
    "elements-out-of-order": (
        f"  {_ID}\n  <Version>1.1.0.0</Version>",
        f"  <Version>1.1.0.0</Version>\n  {_ID}",
        "Version",
    ),
    "unknown-element": (
        "<ProviderName>uvp</ProviderName>",
        "<ProviderName>uvp</ProviderName><Owner>uvp</Owner>",
        "Owner",
    ),
    "empty-locale": (
        "<DefaultLocale>nl-NL</DefaultLocale>",
        "<DefaultLocale></DefaultLocale>",
        "DefaultLocale",
    ),
    "display-name-too-long": (
        '<DisplayName DefaultValue="UVP" />',
        f'<DisplayName DefaultValue="{"U" * 126}" />',
        "DisplayName",
    ),
    "empty-icon-address": (
        '<IconUrl DefaultValue="https://localhost:8000/static/icons/uvp-32.png" />',
        '<IconUrl DefaultValue="" />',
        "IconUrl",
    ),
    "no-task-pane-page": (
        '<SourceLocation DefaultValue="https://localhost:8000/static/taskpane.html" />',
        "",
        "DefaultSettings",
    ),
    "unknown-permission": (
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>Everything</Permissions>",
        "Permissions",
    ),
    "button-without-function": ("<FunctionName>uvpControleren</FunctionName>", "", "Action"),
    "unknown-action-type": (
        '<Action xsi:type="ExecuteFunction">',
        '<Action xsi:type="RunScript">',
        "Action",
    ),
    "unknown-control-type": (
        '<Control xsi:type="Button" id="UVP.Controleren">',
        '<Control xsi:type="Knop" id="UVP.Controleren">',
        "Control",
    ),
    "button-without-label": ('<Label resid="UVP.Controleren.Label" />\n', "", "Supertip"),
    "task-pane-button-without-page": (
        '<SourceLocation resid="UVP.Regio.Url" />\n',
        "",
        "Title",
    ),
    "resource-id-too-long": (
        '<Label resid="UVP.Controleren.Label" />',
        '<Label resid="UVP.Controleren.Label.Label.Label" />',
        "Label",
    ),
}


@pytest.mark.parametrize(("old", "new", "element"), MUTATIONS.values(), ids=MUTATIONS.keys())
def test_the_schema_rejects_a_broken_manifest(
    schema: etree.XMLSchema, old: str, new: str, element: str
) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    complaints = problems(schema, text.replace(old, new, 1))
    assert complaints, "the schema accepted it"
    assert element in complaints[0], complaints

"""The shapes accept a document graph laid out as docs/data-model.md says and name what breaks one."""

import pytest
from rdflib import Graph

from graph.settings import PROJECT_ROOT
from graph.validate import ValidationReport, load_shapes, validate

PREFIXES = """
@base <https://w3id.org/councilgraph/id/> .
@prefix cg: <https://w3id.org/councilgraph/ns#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# The document node, its provenance and the entities it mentions: present in every case.
DOCUMENT = """
<document/m1> a cg:MinutesDocument ;
    dcterms:source "data/minutes/m1.txt" ; dcterms:title "m1.txt" ;
    cg:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    cg:encoding "utf-8" ; cg:normalisedText "PRESENT: Councillor Dr Moore (Chair)" ;
    prov:wasGeneratedBy <document/m1/activity> .
<document/m1/activity> a prov:Activity, cg:ExtractionActivity ;
    prov:wasAssociatedWith <agent/councilgraph/0.1.0> .
<agent/councilgraph/0.1.0> a prov:SoftwareAgent ; rdfs:label "councilgraph 0.1.0" ;
    schema:softwareVersion "0.1.0" .

<council/leicester> a cg:Council, org:FormalOrganization, org:Organization ;
    rdfs:label "Leicester City Council" .
<body/leicester/cabinet> a cg:Committee, org:OrganizationalUnit, org:Organization ;
    rdfs:label "Cabinet" ; skos:altLabel "Executive" ; org:subOrganizationOf <council/leicester> .
<organisation/millgate-school> a org:Organization, cg:School ; rdfs:label "Millgate School" .
<person/leicester/moore> a foaf:Person ; rdfs:label "Councillor Dr Moore" ; foaf:name "Dr Moore" ;
    foaf:familyName "Moore" ; foaf:title "Councillor", "Dr" .
<post/leicester/director-of-finance> a org:Post ; rdfs:label "Director of Finance" ;
    org:postIn <council/leicester> .
"""

EVIDENCE = """prov:wasDerivedFrom <document/m1> ;
    cg:evidence "Councillor Dr Moore" ; cg:evidenceStart 9 ; cg:evidenceEnd 28"""

MEETING = """
<meeting/cabinet/2025-01-14> a cg:Meeting ; rdfs:label "Cabinet, 14 January 2025" ;
    schema:organizer <body/leicester/cabinet> ; schema:startDate "2025-01-14T17:30:00"^^xsd:dateTime ;
    schema:location "City Hall" ; prov:wasDerivedFrom <document/m1> .
"""

ITEM = f"""
<document/m1/item/1> a cg:AgendaItem ; cg:meeting <meeting/cabinet/2025-01-14> ; cg:itemNumber "109" ;
    dcterms:title "Millgate School" ; cg:mentions <organisation/millgate-school> ; {EVIDENCE} .
"""

STATEMENTS = f"""
<document/m1/attendance/1> a cg:Attendance ; cg:meeting <meeting/cabinet/2025-01-14> ;
    cg:attendee <person/leicester/moore> ; cg:status cg:Present ; cg:capacity cg:Chair ; {EVIDENCE} .
<document/m1/item/2> a cg:AgendaItem ; cg:meeting <meeting/cabinet/2025-01-14> ; cg:itemNumber "109 (i)" ;
    dcterms:title "Admissions" ; cg:parentItem <document/m1/item/1> ; {EVIDENCE} .
<document/m1/decision/1> a cg:Decision ; cg:meeting <meeting/cabinet/2025-01-14> ;
    cg:item <document/m1/item/1> ; schema:text "That the report be noted." ; cg:ordinal 1 ;
    cg:clauseLabel "a" ; {EVIDENCE} .
<document/m1/declaration/1> a cg:DeclarationOfInterest ; cg:meeting <meeting/cabinet/2025-01-14> ;
    cg:declarant <person/leicester/moore> ; schema:text "governor of Millgate School" ;
    cg:interestIn <organisation/millgate-school> ; cg:interestKind cg:OtherRegistrableInterest ;
    cg:item <document/m1/item/1> ; cg:withdrew true ; {EVIDENCE} .
<document/m1/membership/1> a org:Membership ; org:member <person/leicester/moore> ;
    org:organization <body/leicester/cabinet> ; org:role cg:Member ; cg:membershipChange cg:Joins ;
    org:memberDuring <document/m1/membership/1/during> ; {EVIDENCE} .
<document/m1/membership/1/during> a time:Interval ;
    time:hasBeginning <document/m1/membership/1/begins> ; time:hasEnd <document/m1/membership/1/ends> .
<document/m1/membership/1/begins> a time:Instant ; time:inXSDDate "2025-01-14"^^xsd:date .
<document/m1/membership/1/ends> a time:Instant ; time:inXSDgYear "2027"^^xsd:gYear ;
    rdfs:comment "until 2027" .
<document/m1/holding/1> a cg:PostHolding ; cg:post <post/leicester/director-of-finance> ;
    cg:holder <person/leicester/moore> ; cg:meeting <meeting/cabinet/2025-01-14> ; {EVIDENCE} .
<post/leicester/director-of-finance> org:heldBy <person/leicester/moore> .
<document/m1/question/1> a cg:PublicQuestion ; cg:meeting <meeting/cabinet/2025-01-14> ;
    cg:askedBy <person/leicester/moore> ; cg:answeredBy <post/leicester/director-of-finance> ;
    cg:item <document/m1/item/1> ; {EVIDENCE} .
<document/m1/surface/1> a cg:SurfaceForm ; cg:refersTo <person/leicester/moore> ;
    cg:surfaceForm "Councillor Dr Moore" ; {EVIDENCE} .
"""

CONFORMS = ("conforms", "")

# (description, Turtle added to DOCUMENT, expected): expected is ("conforms", ""), ("violation", path)
# or ("warning", message); every violation must name that path, so each breakage breaks only one thing.
CASES = [
    ("complete document", MEETING + ITEM + STATEMENTS, CONFORMS),
    (
        "attendance without attendee",
        MEETING + f"<document/m1/attendance/1> a cg:Attendance ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        f" cg:status cg:Present ; {EVIDENCE} .",
        ("violation", "cg:attendee"),
    ),
    (
        "decision without item",
        MEETING + f"<document/m1/decision/1> a cg:Decision ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        f' schema:text "That the report be noted." ; {EVIDENCE} .',
        ("violation", "cg:item"),
    ),
    (
        "statement without evidence",
        MEETING + "<document/m1/item/1> a cg:AgendaItem ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        ' dcterms:title "Minutes" ; prov:wasDerivedFrom <document/m1> ; cg:evidenceStart 0 ; cg:evidenceEnd 7 .',
        ("violation", "cg:evidence"),
    ),
    (
        "empty evidence",
        MEETING + "<document/m1/item/1> a cg:AgendaItem ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        ' dcterms:title "Minutes" ; prov:wasDerivedFrom <document/m1> ; cg:evidence "" ;'
        " cg:evidenceStart 0 ; cg:evidenceEnd 0 .",
        ("violation", "cg:evidence"),
    ),
    (
        "negative evidence offset",
        MEETING + "<document/m1/item/1> a cg:AgendaItem ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        ' dcterms:title "Minutes" ; prov:wasDerivedFrom <document/m1> ; cg:evidence "Minutes" ;'
        " cg:evidenceStart -1 ; cg:evidenceEnd 6 .",
        ("violation", "cg:evidenceStart"),
    ),
    (
        "status that is not a status",
        MEETING + f"<document/m1/attendance/1> a cg:Attendance ; cg:meeting <meeting/cabinet/2025-01-14> ;"
        f" cg:attendee <person/leicester/moore> ; cg:status cg:Chair ; {EVIDENCE} .",
        ("violation", "cg:status"),
    ),
    (
        "withdrew not a boolean",
        MEETING + ITEM + "<document/m1/declaration/1> a cg:DeclarationOfInterest ;"
        " cg:meeting <meeting/cabinet/2025-01-14> ; cg:declarant <person/leicester/moore> ;"
        f' schema:text "governor" ; cg:withdrew "yes" ; {EVIDENCE} .',
        ("violation", "cg:withdrew"),
    ),
    (
        "two start dates",
        MEETING + '<meeting/cabinet/2025-01-14> schema:startDate "2025-01-15"^^xsd:date .',
        ("violation", "schema:startDate"),
    ),
    (
        "start date not a date",
        MEETING.replace('"2025-01-14T17:30:00"^^xsd:dateTime', '"14 January 2025"'),
        ("violation", "schema:startDate"),
    ),
    (
        "membership without role",
        MEETING + "<document/m1/membership/1> a org:Membership ; org:member <person/leicester/moore> ;"
        f" org:organization <body/leicester/cabinet> ; {EVIDENCE} .",
        ("violation", "org:role"),
    ),
    (
        "meeting without date",
        MEETING.replace('schema:startDate "2025-01-14T17:30:00"^^xsd:dateTime ;', "") + ITEM,
        ("warning", "meeting date not found in the text"),
    ),
    (
        "meeting without body",
        MEETING.replace("schema:organizer <body/leicester/cabinet> ;", "") + ITEM,
        ("warning", "meeting body not found"),
    ),
]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(PROJECT_ROOT / "shapes")


def check(report: ValidationReport, expected: tuple[str, str]) -> None:
    outcome, needle = expected
    if outcome == "conforms":
        assert report.conforms, report.violations
        assert report.violations == report.warnings == []
    elif outcome == "violation":
        assert not report.conforms
        assert all(f" {needle}: " in line for line in report.violations), report.violations
    else:
        assert report.conforms, report.violations
        assert any(needle in line for line in report.warnings), report.warnings


@pytest.mark.parametrize(("description", "turtle", "expected"), CASES, ids=[case[0] for case in CASES])
def test_case(shapes: Graph, description: str, turtle: str, expected: tuple[str, str]) -> None:
    data = Graph().parse(data=PREFIXES + DOCUMENT + turtle, format="turtle")
    check(validate(data, shapes), expected)


def test_lines_name_the_focus_node(shapes: Graph) -> None:
    _, turtle, _ = CASES[1]
    data = Graph().parse(data=PREFIXES + DOCUMENT + turtle, format="turtle")
    (line,) = validate(data, shapes).violations
    assert line.startswith("<https://w3id.org/councilgraph/id/document/m1/attendance/1> cg:attendee: ")

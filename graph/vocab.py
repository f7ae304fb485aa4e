"""Every vocabulary term councilgraph writes, spelled once."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

__all__ = [
    "CG",
    "CG_CLASSES",
    "CG_INDIVIDUALS",
    "CG_PROPERTIES",
    "DCTERMS",
    "FOAF",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "XSD",
]

CG = Namespace("https://w3id.org/councilgraph/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "cg": str(CG),
    "org": str(ORG),
    "foaf": str(FOAF),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "time": str(TIME),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "xsd": str(XSD),
    "owl": str(OWL),
}

CG_CLASSES = (
    "MinutesDocument",
    "Meeting",
    "Council",
    "Committee",
    "School",
    "PublicBody",
    "Company",
    "Charity",
    "TradeUnion",
    "Attendance",
    "AttendanceStatus",
    "AgendaItem",
    "Decision",
    "DeclarationOfInterest",
    "InterestKind",
    "PublicQuestion",
    "PostHolding",
    "SurfaceForm",
    "ExtractionActivity",
)

CG_PROPERTIES = (
    "sha256",
    "normalisedText",
    "encoding",
    "meeting",
    "attendee",
    "status",
    "capacity",
    "evidence",
    "evidenceStart",
    "evidenceEnd",
    "itemNumber",
    "mentions",
    "item",
    "ordinal",
    "clauseLabel",
    "declarant",
    "interestIn",
    "interestKind",
    "withdrew",
    "askedBy",
    "answeredBy",
    "post",
    "holder",
    "refersTo",
    "surfaceForm",
    "membershipChange",
    "parentItem",
)

CG_INDIVIDUALS = (
    "Present",
    "InAttendance",
    "Apologies",
    "Absent",
    "Chair",
    "ViceChair",
    "Member",
    "Substitute",
    "CoOptedMember",
    "StandingInvitee",
    "DisclosablePecuniaryInterest",
    "OtherRegistrableInterest",
    "PersonalInterest",
    "PrejudicialInterest",
    "OtherInterest",
    "Joins",
    "Leaves",
    "Appointed",
    "councilgraph",
)

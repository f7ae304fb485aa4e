"""The relationship API over HTTP, against a real `councilgraph serve` on the seed minutes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import get_json

BASE = "https://w3id.org/councilgraph/id/"
MOORE = "person/leicester-city-council/moore-cllr"
MILLGATE = "organisation/millgate-school"
COMMISSION = "body/leicester-city-council/children-young-people-and-education-scrutiny-commission"


def _normalised_text(root: str, document: str) -> str:
    query = f"SELECT ?text WHERE {{ <{document}> cg:normalisedText ?text }}"
    answer = httpx.get(f"{root}/sparql", params={"query": query}).json()
    return str(answer["results"]["bindings"][0]["text"]["value"])


def _assert_quoted(root: str, provenance: dict[str, Any]) -> None:
    """A fact's quote is the document's normalised text between its offsets (line breaks read as spaces)."""
    quoted = _normalised_text(root, provenance["document"])[provenance["start"] : provenance["end"]]
    assert quoted.split() == provenance["quote"].split()


def test_search_finds_a_person_by_part_of_a_name(seed_server: str) -> None:
    page = get_json(seed_server, "/api/search", q="Moor")
    assert page["items"][0]["iri"] == BASE + MOORE
    assert page["items"][0]["kind"] == "person"


def test_search_finds_a_body_by_its_former_name_and_says_which_name_matched(seed_server: str) -> None:
    page = get_json(seed_server, "/api/search", q="schools scrutiny", kind="body")
    assert [hit["iri"] for hit in page["items"]] == [BASE + COMMISSION]
    assert page["items"][0]["matched"] == "Children, Young People and Schools Scrutiny Commission"


def test_search_by_kind_leaves_out_other_kinds(seed_server: str) -> None:
    everything = get_json(seed_server, "/api/search", q="school")
    organisations = get_json(seed_server, "/api/search", q="school", kind="organisation")
    assert {hit["kind"] for hit in organisations["items"]} == {"organisation"}
    assert organisations["total"] < everything["total"]


def test_search_with_no_match_is_an_empty_page(seed_server: str) -> None:
    assert get_json(seed_server, "/api/search", q="zzyzx")["total"] == 0


def test_a_person_view_lists_meetings_attended_and_declarations_with_quotes(seed_server: str) -> None:
    person = get_json(seed_server, f"/api/{MOORE}")
    assert person["label"] == "Councillor Moore"
    assert "Councillor Dr Moore" in person["names"]
    assert [a["meeting"]["date"] for a in person["attended"]["items"]] == ["2025-06-18", "2025-01-14"]
    named = {org["label"] for d in person["declarations"]["items"] for org in d["organisations"]}
    assert "Millgate School" in named
    for fact in person["attended"]["items"] + person["declarations"]["items"]:
        _assert_quoted(seed_server, fact["provenance"])


def test_lists_page_consistently(seed_server: str) -> None:
    whole = get_json(seed_server, "/api/decisions", limit=500)["items"]
    first = get_json(seed_server, "/api/decisions", limit=5, offset=0)
    second = get_json(seed_server, "/api/decisions", limit=5, offset=5)
    assert first["total"] == len(whole) > 10
    assert first["items"] + second["items"] == whole[:10]


def test_an_organisation_view_links_declarants_and_the_items_that_mention_it(seed_server: str) -> None:
    school = get_json(seed_server, f"/api/{MILLGATE}")
    assert {link["person"]["iri"] for link in school["people"]["items"]} == {BASE + MOORE}
    assert "2025-06-18" in {item["meeting"]["date"] for item in school["items"]["items"]}
    assert all(
        any(org["iri"] == BASE + MILLGATE for org in d["organisations"]) for d in school["declarations"]["items"]
    )


def test_a_body_view_has_its_meetings_former_name_and_chairs(seed_server: str) -> None:
    body = get_json(seed_server, f"/api/{COMMISSION}")
    assert [m["date"] for m in body["meetings"]["items"]] == ["2025-06-18", "2025-01-14", "2021-09-02"]
    assert body["former_names"] == ["Children, Young People and Schools Scrutiny Commission"]
    assert body["part_of"]["label"] == "Leicester City Council"
    assert {"chair"} <= {c for chair in body["chairs"]["items"] for c in chair["capacities"]}
    assert body["decisions"]["total"] > 0


def test_a_meeting_view_has_attendance_items_decisions_and_declarations(seed_server: str) -> None:
    meeting_iri = get_json(seed_server, f"/api/{COMMISSION}")["meetings"]["items"][0]["meeting"]["iri"]
    meeting = get_json(seed_server, "/api/" + meeting_iri.removeprefix(BASE))
    assert meeting["date"].startswith("2025-06-18")
    assert meeting["body"]["iri"] == BASE + COMMISSION
    assert meeting["attendance"]["total"] > 5
    assert meeting["items"]["total"] > 5
    assert meeting["decisions"]["total"] > 0
    assert any(d["person"]["iri"] == BASE + MOORE for d in meeting["declarations"]["items"])


def test_decisions_filter_by_body_dates_and_words(seed_server: str) -> None:
    in_2025 = get_json(
        seed_server, "/api/decisions", body=COMMISSION, since="2025-01-01", until="2025-12-31", limit=500
    )
    assert in_2025["total"] > 0
    assert {d["meeting"]["date"][:4] for d in in_2025["items"]} == {"2025"}
    assert {d["meeting"]["body"]["iri"] for d in in_2025["items"]} == {BASE + COMMISSION}
    noted = get_json(seed_server, "/api/decisions", q="noted", limit=500)
    assert noted["total"] > 0
    assert all("note" in d["text"].lower() for d in noted["items"])


def test_declarations_filter_by_organisation_and_say_who_withdrew(seed_server: str) -> None:
    declarations = get_json(seed_server, "/api/declarations", organisation="organisation/newton-europe")["items"]
    assert [d["person"]["label"] for d in declarations] == ["R. Martin"]
    assert declarations[0]["withdrew"] is True
    _assert_quoted(seed_server, declarations[0]["provenance"])


def test_declarations_filter_by_person_and_dates(seed_server: str) -> None:
    june = get_json(seed_server, "/api/declarations", person=BASE + MOORE, since="2025-06-01", until="2025-06-30")
    january = get_json(seed_server, "/api/declarations", person=MOORE, until="2025-01-31")
    assert june["total"] > 0 and january["total"] > 0
    assert {d["meeting"]["date"] for d in june["items"]} == {"2025-06-18"}
    assert {d["meeting"]["date"] for d in january["items"]} == {"2025-01-14"}


def test_paths_explain_each_step_with_its_statement(seed_server: str) -> None:
    found = get_json(seed_server, "/api/paths", **{"from": MOORE, "to": MILLGATE})
    assert found["complete"] is True
    assert found["paths"]
    shortest = found["paths"][0]
    assert [(s["source"]["label"], s["relation"], s["target"]["label"]) for s in shortest] == [
        ("Councillor Moore", "declared an interest in", "Millgate School")
    ]
    _assert_quoted(seed_server, shortest[0]["provenance"])


def test_a_longer_path_runs_end_to_end_through_connected_steps(seed_server: str) -> None:
    council = BASE + "council/leicestershire-county-council"
    found = get_json(seed_server, "/api/paths", **{"from": MOORE, "to": council})
    assert found["paths"]
    for path in found["paths"]:
        here = BASE + MOORE
        for step in path:
            ends = (step["source"]["iri"], step["target"]["iri"])
            assert here in ends
            here = ends[1] if here == ends[0] else ends[0]
        assert here == council
        assert len(path) > 1


def test_no_path_within_the_hop_limit_is_an_empty_list(seed_server: str) -> None:
    found = get_json(seed_server, "/api/paths", **{"from": MOORE, "to": "organisation/newton-europe", "max_hops": 1})
    assert found["paths"] == []


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/person/nobody/at-all", {}, 404),
        ("/api/declarations", {"since": "June 2025"}, 422),
        ("/api/search", {}, 422),
        ("/api/decisions", {"limit": 0}, 422),
    ],
)
def test_bad_requests_say_what_is_wrong(seed_server: str, path: str, params: dict[str, Any], status: int) -> None:
    response = httpx.get(f"{seed_server}{path}", params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_the_api_is_described_by_openapi(seed_server: str) -> None:
    schema = httpx.get(f"{seed_server}/openapi.json").json()
    assert {"/api/search", "/api/decisions", "/api/declarations", "/api/paths"} <= set(schema["paths"])
    assert httpx.get(f"{seed_server}/docs").status_code == 200

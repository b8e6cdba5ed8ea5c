"""The JSON API, in process: every route, its filters, and clear 4xx errors for bad input."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.query import MAX_CODE_CHARS
from tests.web.conftest import EXAMPLES, HOSTILE_ID, MARKUP

KARABAKH = (EXAMPLES / "ar-2021-05-karabakh.txt").read_text(encoding="utf-8")


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_events_page_holds_plover_records_newest_first(client: TestClient) -> None:
    body = get(client, "/api/events?per_page=5")
    assert body["total"] >= 10 and body["page"] == 1 and body["per_page"] == 5
    assert len(body["items"]) == 5 and body["pages"] == -(-body["total"] // 5)
    dates = [item["date"] for item in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert {"id", "event", "actor", "recipient", "text_info", "cluster_id"} <= set(body["items"][0])


def test_paging_covers_every_event_once(client: TestClient) -> None:
    total = get(client, "/api/events")["total"]
    seen = [
        item["id"]
        for page in range(1, total // 4 + 2)
        for item in get(client, f"/api/events?per_page=4&page={page}&sort=id")["items"]
    ]
    assert len(seen) == total == len(set(seen)) and seen == sorted(seen)


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("type=CONSULT", lambda e: e["event"] == "CONSULT"),
        ("type=consult&mode=phone", lambda e: (e["event"], e["mode"]) == ("CONSULT", "phone")),
        ("country=ARM", lambda e: "ARM" in {a["code"] for a in e["actor"] + e["recipient"]}),
        ("actor_country=RUS", lambda e: "RUS" in {a["code"] for a in e["actor"]}),
        (
            "actor_country=rus&actor_sector=gov",
            lambda e: any((a["code"], a["sector"]) == ("RUS", "GOV") for a in e["actor"]),
        ),
        ("recipient_country=AZE", lambda e: "AZE" in {a["code"] for a in e["recipient"]}),
        ("since=2022-01-01&until=2022-12-31", lambda e: e["date"].startswith("2022")),
        ("quad=1", lambda e: e["quad_code"] == 1),
        ("place=Ankara", lambda e: e["event_loc"]["resolved_place"] == "Ankara"),
        ("story_id=ar-2021-05-karabakh", lambda e: e["story_id"] == "ar-2021-05-karabakh"),
    ],
)
def test_filters_select_what_they_say(client: TestClient, query: str, check: Any) -> None:
    body = get(client, f"/api/events?per_page=500&{query}")
    assert body["items"], f"{query} matched nothing"
    assert all(check(item) for item in body["items"])
    assert body["total"] == len(body["items"]) < get(client, "/api/events")["total"]


def test_text_filter_finds_arabic_and_takes_wildcards_literally(client: TestClient) -> None:
    found = get(client, "/api/events?text=" + "بوتين")["items"]
    assert found and all("بوتين" in str(item) for item in found)
    assert get(client, "/api/events?text=%25")["total"] == 0  # a literal '%', not "anything"
    assert get(client, "/api/events?text=st_ry")["total"] == 0  # '_' is not "any character"
    assert get(client, "/api/events?text=story")["total"] > 0


def test_sql_in_parameters_is_only_data(client: TestClient) -> None:
    before = get(client, "/api/stats")["events"]
    for attack in ("'; DROP TABLE events; --", "x' OR '1'='1", '") OR 1=1 --'):
        body = client.get("/api/events", params={"text": attack, "place": attack}).json()
        assert body["total"] == 0
    assert get(client, "/api/stats")["events"] == before


def test_one_event_has_its_article_marks_and_decisions(client: TestClient) -> None:
    consult = get(client, "/api/events?type=CONSULT&mode=phone&actor_country=RUS")["items"][0]
    body = get(client, f"/api/events/{consult['id']}")
    text = body["article"]["text"]
    assert body["event"]["id"] == consult["id"] and body["article"]["id"] == consult["story_id"]
    kinds = {m["kind"] for m in body["marks"]}
    assert {"clause", "trigger", "actor", "recipient", "date"} <= kinds
    trigger = next(m for m in body["marks"] if m["kind"] == "trigger")
    assert text[trigger["start"] : trigger["end"]] == consult["text_info"]["evidence"][0]["trigger"]
    actor = next(m for m in body["marks"] if m["kind"] == "actor")
    assert text[actor["start"] : actor["end"]] == consult["actor"][0]["entity_text"]
    date = next(m for m in body["marks"] if m["kind"] == "date")
    assert text[date["start"] : date["end"]] == "اليوم الأربعاء"
    whats = [d["what"] for d in body["decisions"]]
    assert whats[0] == "event" and "actor" in whats and "date" in whats
    assert all(d["reason"] for d in body["decisions"])
    assert next(d for d in body["decisions"] if d["what"] == "actor")["method"]


def test_place_is_marked_where_the_clause_names_it(client: TestClient) -> None:
    item = get(client, "/api/events?place=Ankara")["items"][0]
    body = get(client, f"/api/events/{item['id']}")
    place = next(m for m in body["marks"] if m["kind"] == "place")
    assert (
        body["article"]["text"][place["start"] : place["end"]]
        in item["event_loc"]["extracted_place"] + " " + "أنقرة"
    )


def test_unknown_event_is_404_and_bad_id_422(client: TestClient) -> None:
    assert get(client, "/api/events/0123456789abcdef", 404)["error"].startswith("no event")
    assert get(client, "/api/events/not-an-id", 422)["status"] == 422


@pytest.mark.parametrize(
    "query",
    [
        "since=yesterday",
        "until=2021-5-1",
        "country=RUSSIA",
        "actor_sector=G0V",
        "quad=5",
        "type=CON SULT",
        "page=0",
        "per_page=0",
        "per_page=100000",
        "sort=random",
        "text=" + "x" * 201,
        "page=abc",
    ],
)
def test_bad_parameters_get_a_clear_422(client: TestClient, query: str) -> None:
    body = get(client, f"/api/events?{query}", 422)
    name = query.split("=", 1)[0]
    assert name in body["error"] and body["detail"][0]["loc"][-1] == name


def test_code_codes_without_storing(client: TestClient) -> None:
    before = get(client, "/api/stats")
    response = client.post("/api/code", json={"text": KARABAKH, "date": "2021-05-19"})
    assert response.status_code == 200, response.text
    body = response.json()
    events = {(e["event"], e["mode"]) for e in body["events"]}
    assert ("CONSULT", "phone") in events and ("REQUEST", "assist") in events
    for event in body["events"]:
        kinds = {m["kind"] for m in event["marks"]}
        assert {"trigger", "actor", "clause"} <= kinds
        for mark in event["marks"]:
            assert 0 <= mark["start"] < mark["end"] <= len(KARABAKH)
    assert get(client, "/api/stats") == before


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        ({"text": ""}, 422, "text"),
        ({"text": "   "}, 400, "empty"),
        ({"date": "2021-05-19"}, 422, "text"),
        ({"text": "x", "date": "19/05/2021"}, 422, "date"),
        ({"text": "x", "date": "2021-13-01"}, 400, "2021-13"),
        ({"text": "x" * (MAX_CODE_CHARS + 1)}, 422, "text"),
        ({"text": 5}, 422, "text"),
        (["text"], 422, "body"),
    ],
)
def test_code_rejects_bad_bodies(client: TestClient, payload: Any, status: int, words: str) -> None:
    response = client.post("/api/code", json=payload)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_code_rejects_bodies_that_are_not_json_or_too_large(client: TestClient) -> None:
    broken = client.post(
        "/api/code", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422 and "JSON" in broken.json()["error"]
    huge = client.post(
        "/api/code", content=b"x" * (300 * 1024), headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413 and huge.json()["limit_bytes"] == 256 * 1024


def test_read_routes_refuse_writes(client: TestClient) -> None:
    for url in ("/api/events", "/api/stats", "/api/series?a=RUS", "/events"):
        assert client.post(url, json={}).status_code == 405
        assert client.delete(url).status_code == 405


def test_series_counts_a_dyad_by_period(client: TestClient) -> None:
    body = get(client, "/api/series?a=RUS&b=ARM&interval=month")
    assert body["a"] == "RUS" and body["b"] == "ARM" and body["interval"] == "month"
    assert [p["period"] for p in body["points"]] == ["2021-05"]
    for point in body["points"]:
        assert point["events"] == sum(point["quad"].values()) >= 2
        assert point["events"] == point["a_to_b"] + point["b_to_a"]
        assert point["a_to_b"] >= 1 and point["b_to_a"] >= 1  # Moscow offers, Yerevan asks
        assert -10 <= point["score_mean"] <= 10
    # the example article is dated to the month: its events fit no day
    days = get(client, "/api/series?a=rus&b=arm&interval=day")
    assert days["points"] == [] and days["coarser_dates"] == body["points"][0]["events"]
    weeks = get(client, "/api/series?a=EGY&interval=week")["points"]
    assert [p["period"] for p in weeks] == ["2023-05-01"]  # the Monday of 2023-05-03


@pytest.mark.parametrize("query", ["", "a=RUSS", "a=RUS&interval=year", "a=RUS&b=1"])
def test_series_rejects_bad_parameters(client: TestClient, query: str) -> None:
    assert get(client, f"/api/series?{query}", 422)["status"] == 422


def test_actors_network_places_and_stats(client: TestClient) -> None:
    actors = get(client, "/api/actors")["items"]
    codes = [a["code"] for a in actors]
    assert {"RUS", "ARM", "AZE", "EGY", "SAU"} <= set(codes)
    assert all(a["events"] == a["actor"] + a["recipient"] for a in actors)
    network = get(client, "/api/network")
    assert network["nodes"] and network["edges"]
    assert ("RUS", "AZE") in {(e["source"], e["target"]) for e in network["edges"]}
    assert all(e["main_quad"] in (1, 2, 3, 4) for e in network["edges"])
    places = get(client, "/api/places")
    assert places["total"] == len(places["items"]) >= 1
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places["items"])
    stats = get(client, "/api/stats")
    assert stats["events"] == get(client, "/api/events")["total"]
    assert stats["first_date"] <= stats["last_date"]
    assert sum(stats["by_quad"].values()) == stats["events"]


def test_openapi_describes_every_route(client: TestClient) -> None:
    spec = get(client, "/api/openapi.json")
    assert set(spec["paths"]) == {
        "/api/events",
        "/api/events/{event_id}",
        "/api/code",
        "/api/series",
        "/api/actors",
        "/api/network",
        "/api/places",
        "/api/stats",
    }
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {
        "since",
        "until",
        "actor_country",
        "recipient_sector",
        "type",
        "mode",
        "place",
    } <= params
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


def test_headers_keep_pages_to_this_server_and_cors_off(client: TestClient) -> None:
    response = client.get("/api/stats", headers={"origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_cors_when_configured(store_path: Any) -> None:
    from marsad.web import create_app
    from marsad.web.state import Settings

    app = create_app(Settings(db=str(store_path), cors_origins=("https://ok.example",)))
    with TestClient(app) as other:
        allowed = other.get("/api/stats", headers={"origin": "https://ok.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://ok.example"
        denied = other.get("/api/stats", headers={"origin": "https://no.example"})
        assert "access-control-allow-origin" not in denied.headers


def test_hostile_article_text_comes_back_as_data(client: TestClient) -> None:
    items = get(client, f"/api/events?story_id={HOSTILE_ID}")["items"]
    body = get(client, f"/api/events/{items[0]['id']}")
    assert body["article"]["text"].startswith(MARKUP)

"""The pages, in process: each renders, links its JSON twin, escapes what the store holds,
and refers to nothing outside this server."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import HOSTILE_ID, MARKUP

PAGES = ["/", "/events", "/timeline?a=RUS&b=ARM", "/network", "/map", "/code"]
# src, href and action attributes, and url(...) in CSS
LINKS = re.compile(r"""(?:src|href|action)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)""")


def first_event_id(client: TestClient, query: str = "") -> str:
    item: str = client.get(f"/api/events?{query}").json()["items"][0]["id"]
    return item


def external(text: str) -> list[str]:
    found = [a or b for a, b in LINKS.findall(text)]
    return [link for link in found if re.match(r"(?i)^(https?:)?//", link)]


@pytest.mark.parametrize("url", PAGES)
def test_each_page_renders_and_links_its_json_twin(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    twin = re.search(r'id="json-twin" href="([^"]+)"', response.text)
    assert twin is not None
    target = twin.group(1).replace("&amp;", "&")
    assert target.startswith("/api/")
    if url != "/code":  # the code page's twin takes a POST
        assert client.get(target).status_code == 200


def test_no_page_or_static_file_refers_outside_the_server(client: TestClient) -> None:
    event_id = first_event_id(client)
    urls = [*PAGES, f"/events/{event_id}", "/static/marsad.css", "/static/marsad.js", "/nope"]
    for url in urls:
        assert external(client.get(url).text) == [], url
    assert external('<script src="https://cdn.example/x.js"></script>') != []  # guard the guard


def test_explorer_filters_and_pages(client: TestClient) -> None:
    page = client.get("/events?type=CONSULT&per_page=2").text
    rows = re.findall(r'<a class="event-link" href="/events/([0-9a-f]+)"', page)
    assert len(rows) == 2
    assert 'id="next"' in page and "page=2" in page and "type=CONSULT" in page
    types = re.findall(r"</a></td>\s*<td>([A-Z]+)</td>", page)
    assert types == ["CONSULT", "CONSULT"]
    empty = client.get("/events?country=ZZZ").text
    assert "No event matches" in empty


def test_bad_filters_get_an_html_error(client: TestClient) -> None:
    response = client.get("/events?since=tomorrow")
    assert response.status_code == 422 and "since" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert client.get("/events/0123456789abcdef").status_code == 404
    assert client.get("/events/%3Cscript%3E").status_code == 404


def test_article_view_highlights_right_to_left(client: TestClient) -> None:
    event_id = first_event_id(client, "type=CONSULT&mode=phone&actor_country=RUS")
    page = client.get(f"/events/{event_id}").text
    assert re.search(r'<article class="article" id="article" dir="rtl" lang="ar">', page)
    marked = dict(re.findall(r'data-kinds="([^"]+)"[^>]*>([^<]+)</span>', page))
    kinds = " ".join(marked)
    for kind in ("trigger", "actor", "recipient", "date", "clause"):
        assert kind in kinds, kind
    by_kind = {k: t for ks, t in marked.items() for k in ks.split() if k != "clause"}
    assert by_kind["date"] == "اليوم الأربعاء"
    assert "بوتين" in by_kind["actor"]
    assert 'id="decisions"' in page and "person-role" in page


def test_article_text_is_escaped(client: TestClient) -> None:
    event_id = first_event_id(client, f"story_id={HOSTILE_ID}")
    page = client.get(f"/events/{event_id}").text
    assert MARKUP not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<img src=x" not in page


def test_chart_pages_carry_their_data_as_json(client: TestClient) -> None:
    for url in ("/timeline?a=RUS&b=ARM", "/network", "/map"):
        page = client.get(url).text
        assert '<script type="application/json" id="page-data">' in page
        assert '<script src="/static/plotly.min.js"></script>' in page


def test_static_assets_come_from_installed_packages(client: TestClient) -> None:
    plotly = client.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and len(plotly.content) > 1_000_000
    assert plotly.headers["content-type"].startswith("text/javascript")
    world = client.get("/static/world.json").json()
    codes = {f["properties"]["code"] for f in world["features"]}
    assert {"RUS", "ARM", "AZE", "EGY", "SAU", "TUR", "IRN"} <= codes
    assert client.get("/static/../pyproject.toml").status_code == 404
    assert client.get("/static/nothing.js").status_code == 404

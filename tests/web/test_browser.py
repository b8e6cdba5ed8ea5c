"""End to end in headless Chromium: open each page, apply a filter, open an article and
check its highlights; code a text. Every request must stay on this server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.web.browser import ARTIFACTS, CHROMIUM_ARGS, chromium_path, serve
from tests.web.conftest import EXAMPLES, HOSTILE_ID

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page


@pytest.fixture(scope="module")
def base_url(store_path: Path) -> Iterator[str]:
    chromium_path()  # skip (or fail under CI) before starting anything
    yield from serve(store_path)


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


class Visit:
    """A page in a fresh context that aborts and records any request off this server, and
    records dialogs (an ``alert`` would mean injected script ran)."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base = base_url
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-ready]" if self._scripted() else "main")
        return self.page

    def _scripted(self) -> bool:
        return self.page.locator("script[src='/static/marsad.js']").count() > 0

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()
        assert self.outside == [], f"requests off the server: {self.outside}"
        assert self.dialogs == [], f"script from the data ran: {self.dialogs}"
        assert self.errors == [], f"page errors: {self.errors}"


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    opened = Visit(browser, base_url)
    yield opened
    opened.close()


def test_overview(visit: Visit) -> None:
    page = visit.open("/")
    assert int(page.inner_text("#stat-events").replace(",", "")) > 10
    assert page.locator("#actors tbody tr").count() >= 5
    visit.shot("overview")


def test_explorer_filter_then_article_highlights(visit: Visit) -> None:
    page = visit.open("/events")
    everything = int(page.inner_text("#total"))
    visit.shot("events")
    page.fill("input[name=type]", "CONSULT")
    page.fill("input[name=actor_country]", "RUS")
    page.click("#apply")
    page.wait_for_url("**/events?*type=CONSULT*")
    assert 0 < int(page.inner_text("#total")) < everything
    types = page.locator("#events-table tbody tr td:nth-child(2)").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    visit.shot("events-filtered")
    row = page.locator("#events-table tbody tr", has_text="phone").first
    row.locator("a.event-link").click()
    page.wait_for_url("**/events/*")
    article = page.locator("#article")
    assert article.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert article.get_attribute("lang") == "ar"
    for kind in ("trigger", "actor", "recipient", "date", "clause"):
        assert article.locator(f".hl-{kind}").count() > 0, kind
    assert "اليوم الأربعاء" in article.locator(".hl-date").first.inner_text()
    assert "بوتين" in " ".join(article.locator(".hl-actor").all_inner_texts())
    colours = article.locator(".hl-trigger").first.evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert colours not in ("rgba(0, 0, 0, 0)", "transparent")
    decisions = page.locator("#decisions").inner_text()
    assert "person-role" in decisions and "CONSULT" in decisions
    visit.shot("article")


def test_article_with_markup_runs_no_script(visit: Visit) -> None:
    page = visit.open(f"/events?story_id={HOSTILE_ID}")
    page.locator("a.event-link").first.click()
    page.wait_for_url("**/events/*")
    assert '<script>alert("x")</script>' in page.inner_text("#article")
    assert page.locator("#article img").count() == 0


def test_timeline(visit: Visit) -> None:
    page = visit.open("/timeline?a=RUS&b=ARM&interval=month")
    assert page.locator("#chart .main-svg").count() > 0
    assert page.locator("#chart .bars .point").count() > 0
    visit.shot("timeline")
    page.select_option("select[name=interval]", "week")
    page.fill("input[name=a]", "EGY")
    page.fill("input[name=b]", "")
    page.click("#apply")
    page.wait_for_url("**/timeline?*a=EGY*")
    page.wait_for_selector("body[data-ready]")
    assert page.locator("#series-table tbody tr").first.inner_text().startswith("2023-05-01")


def test_network(visit: Visit) -> None:
    page = visit.open("/network")
    everything = int(page.inner_text("#total"))
    assert everything >= 4 and page.locator("#chart .scatterlayer .trace").count() > 1
    visit.shot("network")
    page.fill("input[name=country]", "RUS")
    page.click("#apply")
    page.wait_for_url("**/network?*country=RUS*")
    page.wait_for_selector("body[data-ready]")
    assert 2 <= int(page.inner_text("#total")) <= everything


def test_map(visit: Visit) -> None:
    page = visit.open("/map")
    assert int(page.inner_text("#total")) >= 1
    assert page.locator("#chart .scatterlayer .trace").count() >= 2  # outline + events
    assert page.locator("#chart .scatterlayer .point").count() >= 1
    visit.shot("map")


def test_code_a_text(visit: Visit) -> None:
    from playwright.sync_api import expect

    page = visit.open("/code")
    text = (EXAMPLES / "ar-2023-05-egypt-saudi-sudan.txt").read_text("utf-8").split("\n", 1)[1]
    page.fill("#code-text", text)
    page.fill("#code-date", "2023-05-03")
    page.click("#code-submit")
    page.wait_for_selector("#code-count")
    assert int(page.inner_text("#code-count").split()[0]) >= 1
    results = page.locator("#code-results")
    for kind in ("trigger", "actor", "date"):
        assert results.locator(f".hl-{kind}").count() > 0, kind
    assert "CONSULT" in results.inner_text()
    visit.shot("code")
    page.fill("#code-date", "2023-13-01")
    page.click("#code-submit")
    # a locator waits without evaluating strings, which the page's CSP forbids
    expect(page.locator("#code-status")).to_have_text(re.compile(r"^error: .*2023-13"))

"""A small store coded from the example articles shipped in the package, plus one article
with HTML in its text (to check escaping); and the app over it, in process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import marsad
from marsad.corpus import ingest_paths
from marsad.store import open_store
from marsad.types import Article
from marsad.web import create_app
from marsad.web.state import Settings

EXAMPLES = Path(marsad.__file__).resolve().parent / "examples"
HOSTILE_ID = "hostile-html"
MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def hostile_article() -> Article:
    """An example article with markup around it, as a scraper might hand it over."""
    path = EXAMPLES / "ar-2023-05-egypt-saudi-sudan.txt"
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    return Article(id=HOSTILE_ID, text=MARKUP + "\n" + body, date="2023-05-03", source="x")


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(str(path)) as store:
        tally = ingest_paths(store, [EXAMPLES], pipeline_factory=marsad.load)
        assert tally.events > 0
        article = hostile_article()
        store.save(marsad.analyze(article.text, article.date, id=article.id))
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(db=str(store_path)))
    with TestClient(app) as test_client:
        yield test_client

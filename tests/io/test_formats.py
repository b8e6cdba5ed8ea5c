"""Readers for JSON arrays, CSV, HTML, feeds, zip archives and globs."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from marsad.io import Origin, ReadFailure, read_located, read_path
from marsad.io.formats import html_to_text
from marsad.types import Article

SAUDI = {
    "source": "aawsat",
    "url": "http://aawsat.com/a/1",
    "date_extracted": "2015-07-21 02:51:32",
    "title": "",
    "author": "لندن",
    "content": "حدد رئيس الوزراء البريطاني ملامح استراتيجية.",
}


def located(path: Path) -> list[tuple[Article | ReadFailure, Origin]]:
    return list(read_located(path))


def test_json_array_in_the_saudinewsnet_layout(tmp_path: Path) -> None:
    path = tmp_path / "2015-07-21.json"
    items = [SAUDI, {"title": "no text"}, 7, {**SAUDI, "content": "نص آخر.", "id": 9}]
    path.write_text(json.dumps(items, ensure_ascii=False, indent=4), encoding="utf-8")
    results = located(path)
    first = results[0][0]
    assert isinstance(first, Article)
    assert (first.date, first.source, first.url, first.title) == (
        "2015-07-21",
        "aawsat",
        "http://aawsat.com/a/1",
        None,
    )
    assert [origin.line for _, origin in results] == [2, 10, 13, 14]
    assert isinstance(results[1][0], ReadFailure) and "no text" in results[1][0].reason
    assert isinstance(results[2][0], ReadFailure) and "not a JSON object" in results[2][0].reason
    assert isinstance(results[3][0], Article) and results[3][0].id == "9"


def test_json_single_object_and_broken_json(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "خبر.", "published": "2020-01-02"}), encoding="utf-8")
    (got,) = read_path(one)
    assert isinstance(got, Article) and got.date == "2020-01-02"
    broken = tmp_path / "broken.json"
    broken.write_text('[{"text": "a"},\n{"text": ', encoding="utf-8")
    results = located(broken)
    assert isinstance(results[0][0], Article)
    assert isinstance(results[1][0], ReadFailure)
    assert results[1][1].line == 2 and "not JSON" in results[1][0].reason


def test_csv_with_named_columns(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        'ID,Title,Body,Date,Source\n1,t,"خبر أول\nعلى سطرين.",2021-05-19,x\n2,t,,2021-05-19,x\n'
        "3,t,خبر,2021-13-01,x\n4,only\n5,t,خبر ثالث.,,y\n",
        encoding="utf-8",
    )
    results = located(path)
    lines = {origin.line or 0: result for result, origin in results}
    assert sorted(lines) == [2, 4, 5, 6, 7]
    assert isinstance(lines[2], Article) and lines[2].text == "خبر أول\nعلى سطرين."
    assert lines[2].id == "1" and lines[2].source == "x"
    assert isinstance(lines[4], ReadFailure) and lines[4].reason.startswith("no text")
    assert isinstance(lines[5], ReadFailure) and "2021-13-01" in lines[5].reason
    assert isinstance(lines[6], ReadFailure) and "2 columns" in lines[6].reason
    assert isinstance(lines[7], Article) and lines[7].date is None


PAGE = """<html><head><title>Page</title>
<meta property="article:published_time" content="2021-05-19T10:00:00Z"></head>
<body><nav>القائمة</nav><article><h1>اتصال هاتفي</h1>
<p>اتصل الرئيس الروسي فلاديمير بوتين بنظيره الأذربيجاني إلهام علييف يوم الأربعاء لبحث الوضع
على الحدود بين البلدين بالتفصيل وسبل تهدئة التوتر في المنطقة.</p>
<p>واتفق الجانبان على مواصلة الاتصالات بشأن الوضع في الإقليم خلال الأيام المقبلة.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_page_gives_its_main_text_and_date(tmp_path: Path) -> None:
    path = tmp_path / "putin-aliyev.html"
    path.write_text(PAGE, encoding="utf-8")
    (got,) = read_path(path)
    assert isinstance(got, Article)
    assert got.id == "putin-aliyev"
    assert got.date == "2021-05-19"
    assert "بوتين" in got.text and "الحقوق" not in got.text
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><div> </div></body></html>", encoding="utf-8")
    (bad,) = read_path(empty)
    assert isinstance(bad, ReadFailure) and bad.reason == "no article text found in the page"


FEED = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>وكالة</title>
<item><title>أ</title><link>http://x/a</link><guid>g1</guid>
<pubDate>Wed, 19 May 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;اتصل &lt;b&gt;بوتين&lt;/b&gt; بعلييف.&lt;/p&gt;</description></item>
<item><title>ب</title><link>http://x/b</link><description></description></item>
</channel></rss>"""


def test_rss_feed_entries(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(FEED, encoding="utf-8")
    results = located(path)
    first, origin = results[0]
    assert isinstance(first, Article)
    assert (first.id, first.text, first.date, first.url, first.source) == (
        "g1",
        "اتصل بوتين بعلييف.",
        "2021-05-19",
        "http://x/a",
        "وكالة",
    )
    assert origin.source == f"{path}#1"
    assert isinstance(results[1][0], ReadFailure) and results[1][0].reason == "entry without text"


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.atom"
    path.write_text(
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        "<entry><id>urn:1</id><title>x</title><updated>2020-02-03T00:00:00Z</updated>"
        '<content type="text">خبر من أتوم.</content></entry></feed>',
        encoding="utf-8",
    )
    (got,) = read_path(path)
    assert isinstance(got, Article) and (got.id, got.date) == ("urn:1", "2020-02-03")


def test_zip_of_any_of_these(tmp_path: Path) -> None:
    path = tmp_path / "day.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2015-07-21.json", json.dumps([SAUDI], ensure_ascii=False))
        archive.writestr("b/note.txt", "date 2021-05-19\nخبر قصير.")
        archive.writestr("c.jsonl", '{"text": "سطر"}\nnot json\n')
        archive.writestr("readme.md", "skipped")
        archive.writestr("__MACOSX/._x.txt", "skipped")
    results = located(path)
    sources = [origin.source for _, origin in results]
    assert sources == [f"{path}/2015-07-21.json", f"{path}/b/note.txt"] + [f"{path}/c.jsonl"] * 2
    assert [type(r).__name__ for r, _ in results] == [
        "Article",
        "Article",
        "Article",
        "ReadFailure",
    ]
    assert results[1][0].id == "note"  # type: ignore[union-attr]


def test_broken_and_empty_zip(tmp_path: Path) -> None:
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not really")
    (got,) = read_path(broken)
    assert isinstance(got, ReadFailure) and got.reason == "not a zip archive"
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("x.md", "nothing to read")
    (got,) = read_path(empty)
    assert isinstance(got, ReadFailure) and got.reason.startswith("no files to read in this zip")


def test_globs(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("خبر.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("خبر آخر.", encoding="utf-8")
    ids = [r.id for r in read_path(str(tmp_path / "**" / "*.txt")) if isinstance(r, Article)]
    assert ids == ["one", "two"]
    (got,) = read_path(str(tmp_path / "*.csv"))
    assert isinstance(got, ReadFailure) and got.reason == "no file to read matches this pattern"


@pytest.mark.parametrize(
    ("markup", "text"),
    [("<p>a</p><p>b &amp; c</p>", "a\nb & c"), ("plain &lt;x&gt;", "plain <x>"), ("", "")],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text

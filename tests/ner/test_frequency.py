"""General-Arabic word frequencies: the wordfreq list reader, the shipped table, the buckets."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.ner.features import ABSENT, Features, Gazetteer, bucket
from marsad.ner.frequency import (
    frequencies,
    main,
    parse,
    read_cbpack,
    shipped_frequencies,
    write,
)
from marsad.text import normalize_phrase


def _str(text: str) -> bytes:
    raw = text.encode("utf-8")
    return bytes([0xA0 | len(raw)]) + raw if len(raw) < 32 else bytes([0xD9, len(raw)]) + raw


def _cbpack(levels: dict[int, list[str]]) -> bytes:
    """A tiny wordfreq list in msgpack, as wordfreq writes them (index = centibels)."""
    top = max(levels) + 1
    out = bytes([0xDC]) + (top + 1).to_bytes(2, "big")
    out += bytes([0x82]) + _str("format") + _str("cB") + _str("version") + bytes([0x01])
    for level in range(top):
        words = levels.get(level, [])
        out += bytes([0x90 | len(words)]) + b"".join(_str(w) for w in words)
    return out


def test_a_wordfreq_list_is_read_and_normalised(tmp_path: Path) -> None:
    path = tmp_path / "large_ar.msgpack.gz"
    path.write_bytes(gzip.compress(_cbpack({150: ["في"], 300: ["أحمد", "احمد", "word", "2006"]})))
    lists = read_cbpack(path)
    assert lists[150] == ["في"] and len(lists) == 301
    table = frequencies(lists)
    assert table[normalize_phrase("في")] == 150
    assert table[normalize_phrase("أحمد")] == 270  # two spellings that match alike: twice as often
    assert "word" not in table and "2006" not in table  # Arabic letters only


def test_a_file_that_is_not_a_wordfreq_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.msgpack.gz"
    path.write_bytes(gzip.compress(bytes([0x91, 0x01])))
    with pytest.raises(DataError, match="not a wordfreq list"):
        read_cbpack(path)
    path.write_bytes(b"not gzip")
    with pytest.raises(DataError, match="cannot read"):
        read_cbpack(path)


def test_the_table_is_written_and_read_back(tmp_path: Path) -> None:
    out = tmp_path / "wordfreq.tsv"
    assert write({"في": 144, "من": 150, "كيري": 620}, out) == 3
    assert parse(out.read_text(encoding="utf-8").splitlines(), "x") == {
        "في": 144,
        "من": 150,
        "كيري": 620,
    }
    with pytest.raises(DataError, match="x:1"):
        parse(["no tab here"], "x")


def test_the_build_command_leaves_out_the_rarest_words(tmp_path: Path) -> None:
    source = tmp_path / "large_ar.msgpack.gz"
    source.write_bytes(gzip.compress(_cbpack({3: ["في"], 9: ["نادرة"]})))
    out = tmp_path / "wordfreq.tsv"
    main(["--list", str(source), "--out", str(out), "--max-centibels", "5"])
    assert parse(out.read_text(encoding="utf-8").splitlines(), "x") == {"في": 3}


def test_buckets() -> None:
    assert bucket(None) == ABSENT
    assert bucket(144) == bucket(199) != bucket(200)


def test_the_shipped_table_has_common_words_and_leaves_out_names_it_never_saw() -> None:
    table = shipped_frequencies()
    assert len(table) > 100_000
    assert table[normalize_phrase("في")] < table[normalize_phrase("الحكومة")]
    made = Features(Gazetteer([]), frequencies=table)
    assert "f=" + bucket(table["في"]) in made.word("في").here
    assert "f=" + ABSENT in made.word("qwerty").here
    assert not [f for f in Features(Gazetteer([])).word("في").here if f.startswith("f=")]


def test_the_frequency_is_joined_with_the_name_kinds_of_the_word() -> None:
    table = {"انان": 650}
    made = Features(Gazetteer([("كوفي أنان", "person")]), Gazetteer([]), table)
    own = made.word("أنان").here
    assert {"f=6", "kf=per6"} <= set(own)
    lists = Gazetteer([("أنان", "person")], {"person": "nam"})
    assert "nf=nam6" in Features(Gazetteer([]), lists, table).word("أنان").here

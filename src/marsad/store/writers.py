"""Write exported events as PLOVER JSON Lines, CSV or Parquet.

CSV and Parquet have one row per actor-recipient pair, in the columns users of ICEWS and
GDELT expect; an event with no recipient gives one row per actor with an empty target.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from marsad.errors import StoreError
from marsad.store.export import Item, Level

PARQUET_EXTRA = "Parquet needs pyarrow: pip install 'marsad[parquet]'"
FORMATS = ("jsonl", "csv", "parquet")
_BATCH = 10_000

# (column, parquet type): "str", "int" or "float"
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "str"),
    ("story_id", "str"),
    ("date", "str"),
    ("date_precision", "str"),
    ("source_name", "str"),
    ("source_country", "str"),
    ("source_sector", "str"),
    ("event_type", "str"),
    ("mode", "str"),
    ("cameo", "str"),
    ("quad_class", "int"),
    ("plover_score", "float"),
    ("target_name", "str"),
    ("target_country", "str"),
    ("target_sector", "str"),
    ("place", "str"),
    ("place_country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("sentence_number", "int"),
    ("sentence", "str"),
    ("trigger", "str"),
    ("outlet", "str"),
    ("url", "str"),
    ("cluster_id", "str"),
    ("mentions", "int"),
    ("sources", "int"),
)
NAMES = tuple(name for name, _ in COLUMNS)


def pair_rows(item: Item) -> Iterator[dict[str, Any]]:
    """One flat row per actor-recipient pair of the record."""
    record = item.record
    place = record.get("event_loc") or {}
    info = record.get("text_info") or {}
    base = {
        "event_id": record["id"],
        "story_id": record["story_id"],
        "date": record.get("date"),
        "date_precision": record.get("date_precision"),
        "event_type": record["event"],
        "mode": record.get("mode"),
        "cameo": record.get("cameo"),
        "quad_class": record.get("quad_code"),
        "plover_score": record.get("event_scale"),
        "place": place.get("resolved_place") or place.get("extracted_place"),
        "place_country": place.get("country_code"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "sentence_number": info.get("sentence"),
        "sentence": info.get("text"),
        "trigger": record.get("event_text"),
        "outlet": item.outlet,
        "url": item.url,
        "cluster_id": item.cluster_id,
        "mentions": item.mentions,
        "sources": item.sources,
    }
    actors = record.get("actor") or [None]
    recipients = record.get("recipient") or [None]
    for actor in actors:
        for recipient in recipients:
            yield {**base, **_side("source", actor), **_side("target", recipient)}


def _side(prefix: str, ref: dict[str, Any] | None) -> dict[str, Any]:
    ref = ref or {}
    return {
        f"{prefix}_name": ref.get("entity_text"),
        f"{prefix}_country": ref.get("code"),
        f"{prefix}_sector": ref.get("sector"),
    }


def write(items: Iterable[Item], fmt: str, out: str | Path, level: Level) -> int:
    """Write ``items`` to ``out`` (``-`` for standard output, not for Parquet); return the
    number of records (JSON Lines) or rows (CSV, Parquet) written."""
    if fmt == "parquet":
        if str(out) == "-":
            raise StoreError("Parquet is written to a file: give --out FILE")
        return _write_parquet(items, Path(out))
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}: choose jsonl, csv or parquet")
    if str(out) == "-":
        import sys

        return _write_text(items, fmt, sys.stdout, level)
    try:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            return _write_text(items, fmt, handle, level)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from exc


def _write_text(items: Iterable[Item], fmt: str, handle: IO[str], level: Level) -> int:
    count = 0
    if fmt == "jsonl":
        for item in items:
            handle.write(json.dumps(item.to_json(level), ensure_ascii=False) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(handle, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    for item in items:
        for row in pair_rows(item):
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(items: Iterable[Item], out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError(PARQUET_EXTRA) from None
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, types[kind]) for name, kind in COLUMNS])
    count = 0
    try:
        with pq.ParquetWriter(str(out), schema) as writer:
            batch: list[dict[str, Any]] = []
            for item in items:
                batch.extend(pair_rows(item))
                if len(batch) >= _BATCH:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    count, batch = count + len(batch), []
            if batch or count == 0:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc}") from exc
    return count

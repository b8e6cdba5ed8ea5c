"""Where coded events are kept: SQLite (a file, the default) or PostgreSQL (by URL)."""

from marsad.store.backend import resolve_url
from marsad.store.sqlite import SqliteStore, resolve_path
from marsad.store.store import Store, open_store

__all__ = ["SqliteStore", "Store", "open_store", "resolve_path", "resolve_url"]

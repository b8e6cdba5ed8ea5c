"""Where coded events are kept: SQLite now, PostgreSQL (by URL) later."""

from marsad.store.sqlite import SqliteStore, open_store, resolve_path

__all__ = ["SqliteStore", "open_store", "resolve_path"]

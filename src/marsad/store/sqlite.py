"""Names kept from when the store was SQLite only: ``SqliteStore`` is the ``Store`` of either
backend, and ``resolve_path`` the SQLite file a URL names."""

from __future__ import annotations

from marsad.errors import StoreError
from marsad.store.backend import SQLITE, resolve_url
from marsad.store.store import Store, open_store

SqliteStore = Store


def resolve_path(url: str | None = None) -> str:
    """The SQLite file a URL names: ``None`` -> ``$MARSAD_DB`` -> ``marsad.db``."""
    kind, target = resolve_url(url)
    if kind != SQLITE:
        raise StoreError(f"{kind} URL given where a SQLite file is needed")
    return target


__all__ = ["SqliteStore", "open_store", "resolve_path"]

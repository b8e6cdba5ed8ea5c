"""Stable identifiers, shared by the readers, the pipeline and the store."""

from __future__ import annotations

import hashlib


def article_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]

"""What every reader yields: an article or a failure, with where it was read."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.types import Article


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """Something that could not be read as an article; ``line`` is 1-based."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{Origin(self.source, self.line)}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a result was read: a file (``archive.zip/member`` inside a zip, or ``<stdin>``)
    and, for line-based formats, its line."""

    source: str
    line: int | None = None

    def __str__(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


ReadResult = Article | ReadFailure
Located = tuple[ReadResult, Origin]


def failure(source: str, line: int | None, reason: str) -> Located:
    return ReadFailure(source, line, reason), Origin(source, line)

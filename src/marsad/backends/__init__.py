"""Engines that run the pipeline over a corpus: ``local`` (this machine, worker processes)
and ``spark`` (Apache Spark, the optional ``spark`` extra, imported only when chosen).

Both take the same ``IngestJob`` and give the same events for the same input: the Spark
executors run the local engine's own loop (``marsad.ingest.code_reads``) on each partition,
and the driver saves what comes back through the same ``marsad.corpus.save_outcome``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from marsad.corpus import CorpusTally, OnOutcome
from marsad.ingest import PipelineFactory
from marsad.store.store import Store

ENGINES = ("local", "spark")


@dataclass(frozen=True, slots=True)
class IngestJob:
    """What to ingest, whatever the engine."""

    paths: Sequence[str]
    pipeline_factory: PipelineFactory
    date: str | None = None
    recode: bool = False  # code and save again articles stored with the same id and text


class Engine(Protocol):
    """The seam: one method, so a test double or another engine fits in."""

    def ingest(
        self, job: IngestJob, store: Store | None, on_outcome: OnOutcome | None = None
    ) -> CorpusTally: ...


__all__ = ["ENGINES", "Engine", "IngestJob"]

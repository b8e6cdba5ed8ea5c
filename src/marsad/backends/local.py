"""The local engine: this machine, in this process or a pool of worker processes."""

from __future__ import annotations

from dataclasses import dataclass

from marsad.backends import IngestJob
from marsad.corpus import CorpusTally, OnOutcome, ingest_paths
from marsad.errors import PipelineError
from marsad.store.store import Store


@dataclass(frozen=True, slots=True)
class LocalEngine:
    workers: int = 1

    def ingest(
        self, job: IngestJob, store: Store | None, on_outcome: OnOutcome | None = None
    ) -> CorpusTally:
        if store is None:
            raise PipelineError("the local engine writes to a store: give one")
        return ingest_paths(
            store,
            job.paths,
            pipeline_factory=job.pipeline_factory,
            date=job.date,
            workers=self.workers,
            recode=job.recode,
            on_outcome=on_outcome,
        )

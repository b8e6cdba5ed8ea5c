"""Spark's Python worker daemon, with marsad's default pipeline built first.

Spark forks its Python workers from a daemon process (``spark.python.daemon.module``). Run
as that module, this builds ``marsad.load``'s pipeline and runs it on the packaged examples,
then hands over to pyspark's own daemon: every worker it forks starts with the knowledge
base, lexicons and word caches in memory, shared with its siblings, instead of loading its
own. A job with another pipeline factory builds that one in each worker, as before.
Nothing may be written to standard output here: the daemon tells Spark its port on it.
"""

from __future__ import annotations

from pyspark import daemon

from marsad.api import load
from marsad.backends.spark_tasks import preload

if __name__ == "__main__":
    preload(load)
    daemon.manager()

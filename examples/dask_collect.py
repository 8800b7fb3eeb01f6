"""Parse a directory of texts with Dask and collect them as :func:`fou.collect` does.

When a collection outgrows one machine, the parsing (the part that takes the time)
can run on a Dask cluster: each worker parses files with :func:`fou.parse_file` and
sends back the :class:`fou.Report` (reports pickle through their JSON), and
:meth:`fou.Collection.from_reports` builds the collection from them. Given the
files in the order :func:`fou.collect` reads them (:func:`fou.text_files`, sorted),
the result is the same collection: the same texts, items, links and diagnostics.

The workers need ``fou`` installed; nothing else is shared with them. On one machine::

    pip install ".[dask]"   # fou and dask[distributed], from the repository root
    python examples/dask_collect.py examples/data

On a cluster, pass the scheduler's address instead of starting a local cluster::

    python examples/dask_collect.py /data/reports --scheduler tcp://scheduler:8786

``python/tests/test_dask.py`` runs :func:`collect_with_dask` on a ``LocalCluster``
of two worker processes and checks that it equals :func:`fou.collect`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Union

import fou

PathArg = Union[str, "os.PathLike[str]"]


def files_of(inputs: Sequence[PathArg]) -> list[str]:
    """The files :func:`fou.collect` reads for these inputs, in its order: each once, sorted
    as paths are, by their components (``sider/a.txt`` before ``sider.txt``, where a sort of
    the strings puts ``.`` before ``/``)."""
    found: set[str] = set()
    for p in inputs:
        if Path(p).is_dir():
            found.update(str(f) for f in fou.text_files(p))
        else:
            found.add(str(p))
    return sorted(found, key=lambda f: Path(f).parts)


def collect_with_dask(client: Any, inputs: Sequence[PathArg], registry: PathArg | None = None) -> fou.Collection:
    """:func:`fou.collect` with the parsing done by the workers of a ``dask.distributed.Client``.

    ``inputs`` are files and directories as for :func:`fou.collect`; ``registry`` is a
    user registry file (applied when the reports are collected, so the workers need
    no copy of it). A file that cannot be read raises its error, as ``fou.collect``
    does by default.
    """
    paths = files_of(inputs)
    # fou.parse_file itself is sent: the workers import it from their own fou.
    futures = client.map(fou.parse_file, paths, pure=False)
    reports = client.gather(futures)
    return fou.Collection.from_reports(reports, registry=registry)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    ap.add_argument("inputs", nargs="+", help="directories and files")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    ap.add_argument("--workers", type=int, default=2, help="worker processes of the local cluster")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        collection = collect_with_dask(client, args.inputs)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(collection)
    for link in collection.links:
        years = [a.year for a in link.appearances]
        print(f"{link.id}  {years}  {link.score:.2f}  {link.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

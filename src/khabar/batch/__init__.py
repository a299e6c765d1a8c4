"""Batch runs over millions of articles on a Dask cluster: partitioned, resumable, written as Parquet.

``khabar.batch.engine.run_batch`` plans partitions of the inputs (``partition``), runs the pipeline on
each partition on a Dask worker that loaded the models once (``worker``), writes one Parquet file per
table and partition (``tables``, ``output``) and records each finished partition in a manifest, so a
re-run skips it. Dask distributed and pyarrow are the optional extra ``batch``; this package's
``__init__`` imports neither, so ``khabar --help`` works without them.
"""

from __future__ import annotations

from importlib.util import find_spec

#: The modules the ``batch`` extra provides.
EXTRA_MODULES = ("distributed", "pyarrow")
INSTALL_HINT = "pip install 'khabar[batch]' (Dask distributed and pyarrow)"


def missing_modules() -> list[str]:
    """The modules of the ``batch`` extra that are not installed (empty when batch runs can start)."""
    return [name for name in EXTRA_MODULES if find_spec(name) is None]

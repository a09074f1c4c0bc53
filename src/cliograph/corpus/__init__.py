"""Batches of documents: worker processes or a Dask cluster analyze, one writer stores."""
from .runner import BatchResult, expand_inputs, run_batch

__all__ = ["BatchResult", "expand_inputs", "run_batch"]

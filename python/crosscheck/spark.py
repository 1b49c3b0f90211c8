"""Batch runs on Apache Spark: one crosscheck report per cluster of articles.

>>> from crosscheck.spark import compare_clusters                      # doctest: +SKIP
>>> reports = compare_clusters(articles_df, "cluster", "name", "text")  # doctest: +SKIP
>>> reports.write.json("reports/")                                     # doctest: +SKIP

Each cluster's rows go to one Python worker (``groupBy(...).applyInPandas``), which compares
them with the installed ``crosscheck`` wheel, so every executor needs the wheel (see the
README: ``spark-submit --py-files`` cannot carry a compiled module; install the wheel on the
executors or ship a packed environment with ``--archives``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping

from . import _article, _crosscheck, _options_json

if TYPE_CHECKING:
    import pandas
    from pyspark.sql import DataFrame


def compare_clusters(
    df: "DataFrame",
    cluster_col: str,
    name_col: str,
    text_col: str,
    options: Mapping[str, Any] | None = None,
    order_col: str | None = None,
) -> "DataFrame":
    """A DataFrame with one row per cluster: ``cluster_col``, ``report`` (the report as JSON
    text, exactly as ``crosscheck --jsonl`` writes it) and ``error`` (why a cluster could not be
    compared, else null).

    Rows reach a worker in no set order, and the order of the articles numbers the report's
    sources, so the articles of a cluster are sorted by ``order_col`` (by ``name_col`` when it
    is None) before they are compared. Options are checked here, on the driver, so a misspelt
    key fails the call instead of every task.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    for column in {cluster_col, name_col, text_col, order_col} - {None}:
        if column not in df.columns:
            raise ValueError(f"compare_clusters: no column {column!r}; the columns are {', '.join(df.columns)}")
    options_json = _options_json(options)
    sort_by = order_col or name_col
    schema = StructType(
        [
            StructField(cluster_col, df.schema[cluster_col].dataType, True),
            StructField("report", StringType(), True),
            StructField("error", StringType(), True),
        ]
    )

    def compare_one(rows: "pandas.DataFrame") -> "pandas.DataFrame":
        import pandas

        rows = rows.sort_values(sort_by, kind="stable")
        articles = [_article(i, pair) for i, pair in enumerate(zip(rows[name_col], rows[text_col]))]
        report, error = None, None
        try:
            report = _crosscheck.compare_json(json.dumps(articles, ensure_ascii=False), options_json)
        except ValueError as refusal:
            error = str(refusal)
        return pandas.DataFrame({cluster_col: [rows[cluster_col].iloc[0]], "report": [report], "error": [error]})

    return df.groupBy(cluster_col).applyInPandas(compare_one, schema=schema)

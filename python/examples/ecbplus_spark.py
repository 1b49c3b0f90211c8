#!/usr/bin/env python3
"""Compares every ECB+ dev cluster on Apache Spark: one crosscheck report per cluster.

    target/py/bin/python python/examples/ecbplus_spark.py --master 'local[2]' --out reports.jsonl

Reads ../shared/data/ecbplus/ecbplus_clusters.dev.jsonl (66 clusters, 772 articles), makes a
DataFrame of one row per article (cluster, position, name, text), runs
crosscheck.spark.compare_clusters, writes one {"cluster", "report"} line per cluster (in the
input's cluster order, as `crosscheck --jsonl` would) and prints the throughput. On a
cluster, the same job runs under spark-submit (see the README).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def ecbplus_rows(data: Path) -> list[dict]:
    """One row per article of the ECB+ dev clusters, in file order."""
    rows = []
    with open(data / "ecbplus" / "ecbplus_clusters.dev.jsonl", encoding="utf-8") as clusters:
        for line in clusters:
            if line.strip():
                cluster = json.loads(line)
                for position, doc in enumerate(cluster["docs"]):
                    rows.append({"cluster": cluster["cluster_id"], "position": position, "name": doc["doc"], "text": doc["text"]})
    return rows


def spark_session(master: str):
    """A Spark session whose Python workers use this interpreter (so they import the same
    crosscheck), bound to loopback, without its web UI."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return (
        SparkSession.builder.master(master)
        .appName("crosscheck-ecbplus")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )


def compare_on_spark(spark, rows: list[dict]) -> dict[str, tuple[str | None, str | None]]:
    """cluster id -> (report JSON, error), compared by crosscheck.spark.compare_clusters."""
    import pandas

    from crosscheck.spark import compare_clusters

    articles = spark.createDataFrame(pandas.DataFrame(rows))
    reports = compare_clusters(articles, "cluster", "name", "text", order_col="position")
    return {row["cluster"]: (row["report"], row["error"]) for row in reports.collect()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--master", default="local[2]", help="the Spark master (default local[2])")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, help="write the reports here as JSON lines")
    args = parser.parse_args()

    rows = ecbplus_rows(args.data)
    spark = spark_session(args.master)
    try:
        compare_on_spark(spark, rows[:40])  # starts the workers, so the timing below is the work
        started = time.perf_counter()
        reports = compare_on_spark(spark, rows)
        elapsed = time.perf_counter() - started
    finally:
        spark.stop()
    order = list(dict.fromkeys(row["cluster"] for row in rows))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for cluster in order:
                report, error = reports[cluster]
                out.write(json.dumps({"cluster": cluster, "error": error}) if error else
                          '{"cluster":' + json.dumps(cluster) + ',"report":' + report + "}")
                out.write("\n")
    print(f"{args.master}: {len(order)} clusters ({len(rows)} articles) in {elapsed:.2f} s, "
          f"{len(order) / elapsed:.1f} clusters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""crosscheck.spark on a local Spark session (local[2]): the same reports as the CLI's
--jsonl batch for every ECB+ dev cluster, and a misspelt option refused on the driver."""

from __future__ import annotations

import importlib.util
import json
import subprocess

import pytest

from conftest import ROOT, SHARED, need_shared

spec = importlib.util.spec_from_file_location("ecbplus_spark", ROOT / "python" / "examples" / "ecbplus_spark.py")
example = importlib.util.module_from_spec(spec)
spec.loader.exec_module(example)


@pytest.fixture(scope="module")
def spark():
    session = example.spark_session("local[2]")
    yield session
    session.stop()


def test_every_cluster_gets_the_report_the_jsonl_batch_writes(spark, cli):
    rows = example.ecbplus_rows(need_shared(SHARED / "data"))
    order = list(dict.fromkeys(row["cluster"] for row in rows))
    batch_input = "".join(
        json.dumps({"cluster": cluster, "articles": [{"name": r["name"], "text": r["text"]} for r in rows if r["cluster"] == cluster]}) + "\n"
        for cluster in order
    )
    batch = subprocess.run([cli, "--jsonl"], input=batch_input, capture_output=True, text=True, check=True).stdout.splitlines()
    reports = example.compare_on_spark(spark, rows)
    assert sorted(reports) == sorted(order)
    for cluster, line in zip(order, batch):
        report, error = reports[cluster]
        assert error is None, f"{cluster}: {error}"
        assert line == '{"cluster":' + json.dumps(cluster) + ',"report":' + report + "}", f"{cluster} differs"


def test_a_misspelt_option_is_refused_before_any_task_runs(spark):
    import pandas

    from crosscheck.spark import compare_clusters

    articles = spark.createDataFrame(pandas.DataFrame([{"cluster": 1, "name": "a.txt", "text": "The dam held."}]))
    with pytest.raises(ValueError, match="unknown option minFactScor"):
        compare_clusters(articles, "cluster", "name", "text", options={"minFactScor": 0.9})
    with pytest.raises(ValueError, match="no column 'body'; the columns are cluster, name, text"):
        compare_clusters(articles, "cluster", "name", "body")


def test_a_cluster_that_cannot_be_compared_gets_its_error(spark):
    import pandas

    from crosscheck.spark import compare_clusters

    rows = [{"cluster": c, "name": f"{c}-{k}.txt", "text": "The dam held on Monday, the mayor said."} for c in (1, 2) for k in range(3)]
    reports = compare_clusters(spark.createDataFrame(pandas.DataFrame(rows)), "cluster", "name", "text", options={"maxArticles": 2})
    found = {row["cluster"]: (row["report"], row["error"]) for row in reports.collect()}
    assert found == {c: (None, "3 articles given; crosscheck compares at most 2 at once") for c in (1, 2)}

#!/usr/bin/env python3
"""Writes the benchmark inputs into target/bench/ (run by bench/run.py; safe to run alone).

    articles-{5,50,200,1000}.json  [{"name", "text"}]: real ECB+ articles, clusters in file order
    seeds.json                     the outlet seed articles of ../shared/seeds, read at bench time
    corpus.txt                     the 1000 articles' texts joined by blank lines (splitting throughput)
    pairs.json                     [[textA, textB], ...]: the sentence pairs crosscheck aligns in the
                                   200-article input (word-diff timing on pairs that really get diffed)

The seeds are outlet texts: they only ever go to target/, never into the repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLUSTERS = SHARED / "data" / "ecbplus" / "ecbplus_clusters.dev.jsonl"
SEEDS = SHARED / "seeds"
OUT = ROOT / "target" / "bench"
SIZES = (5, 50, 200, 1000)
PAIRS_FROM = 200


def ecb_articles(count: int) -> list[dict[str, str]]:
    """The first `count` ECB+ dev articles, whole clusters in file order.

    The dev split has 772 documents, fewer than the largest input, so after the last cluster
    the walk starts again at the first one and the repeated articles get a ".2" (".3", ...)
    suffix on their names. Repeating real articles keeps the text real; the repeats share
    every sentence with their originals, which the 1000-article figures include.
    """
    clusters = [json.loads(line) for line in CLUSTERS.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles: list[dict[str, str]] = []
    lap = 1
    while len(articles) < count:
        for cluster in clusters:
            for doc in cluster["docs"]:
                if len(articles) == count:
                    return articles
                name = doc["doc"] if lap == 1 else f"{doc['doc']}.{lap}"
                articles.append({"name": name, "text": doc["text"]})
        lap += 1
    return articles


def seed_articles() -> list[dict[str, str]]:
    return [{"name": path.name, "text": path.read_text(encoding="utf-8")} for path in sorted(SEEDS.glob("*.txt"))]


def aligned_pairs(articles: list[dict[str, str]]) -> list[list[str]]:
    """The aligned sentence pairs of crosscheck's own report on `articles` (release CLI)."""
    line = json.dumps({"cluster": "bench", "articles": articles}, ensure_ascii=False)
    result = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--", "--jsonl"],
        input=line + "\n", capture_output=True, text=True, cwd=ROOT, check=False,
    )
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"inputs: the release CLI failed ({result.returncode}):\n{result.stderr}")
    answer = json.loads(result.stdout.splitlines()[0])
    if "report" not in answer:
        raise SystemExit(f"inputs: the CLI could not compare the {len(articles)} articles: {answer.get('error')}")
    report = answer["report"]
    text = {sentence["id"]: sentence["text"] for source in report["sources"] for sentence in source["sentences"]}
    return [[text[alignment["a"]], text[alignment["b"]]] for alignment in report["alignments"]]


def write_json(name: str, value: object) -> None:
    (OUT / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    largest = ecb_articles(max(SIZES))
    for size in SIZES:
        write_json(f"articles-{size}.json", largest[:size])
    seeds = seed_articles()
    if not seeds:
        print(f"inputs: no seed articles in {SEEDS}; seeds.json is empty", file=sys.stderr)
    write_json("seeds.json", seeds)
    (OUT / "corpus.txt").write_text("\n\n".join(article["text"] for article in largest), encoding="utf-8")
    pairs = aligned_pairs(largest[:PAIRS_FROM])
    write_json("pairs.json", pairs)
    corpus_bytes = (OUT / "corpus.txt").stat().st_size
    print(f"inputs: {', '.join(str(s) for s in SIZES)} articles, {len(seeds)} seeds, "
          f"corpus {corpus_bytes / 1e6:.2f} MB, {len(pairs)} aligned pairs from {PAIRS_FROM} articles -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

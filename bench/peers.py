#!/usr/bin/env python3
"""Python peers beside crosscheck: the sentence splitters pySBD, syntok and blingfire, and
trafilatura on saved web pages.

    python3 bench/peers.py      (bench/run.py runs it; needs target/bench/corpus.txt from bench/inputs.py)

For each splitter: golden-rule accuracy on ../shared/data/golden_rules_en/golden_rules_en.json,
scored exactly as src/eval/segment.rs scores our own splitter, and throughput splitting
target/bench/corpus.txt, once in one call and once article by article (the corpus cut at its
blank lines), best of 3, MB of UTF-8 per second. For trafilatura: every page of
../shared/data/html_extraction, bytes to text, best of 3 per page, the median and the worst
page (`cargo bench --bench pages` times ours on the same pages). Rows go to
target/bench/peers-python.json.

The peers live in a venv at target/bench/venv, made and filled on the first run with the
pinned versions below, so the figures do not move with whatever the registry serves next.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
VENV = OUT / "venv"
GOLDEN = ROOT.parent / "shared" / "data" / "golden_rules_en" / "golden_rules_en.json"
# numpy: blingfire imports it without declaring it; regex: syntok's dependency, pinned too;
# lxml-html-clean: trafilatura imports it, and lxml no longer ships it.
REQUIREMENTS = [
    "pysbd==0.3.4", "syntok==1.4.4", "blingfire==0.1.8", "numpy==2.4.6", "regex==2026.11.19", "trafilatura==2.3.1",
    "lxml-html-clean==0.4.6",
]
PAGES = ROOT.parent / "shared" / "data" / "html_extraction"
RUNS = 3

# Rust's char::is_whitespace (Unicode White_Space), which our scorer's split_whitespace uses;
# Python's str.split would also split on U+001C..U+001F.
WHITESPACE = re.compile("[\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def venv_python() -> Path:
    return VENV / "bin" / "python"


def ensure_venv() -> None:
    """Creates the venv and installs the pinned splitters when they are not all there yet."""
    stamp = VENV / "requirements.txt"
    wanted = "\n".join(REQUIREMENTS) + "\n"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    print(f"peers: installing {', '.join(REQUIREMENTS)} into {VENV}", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(venv_python()), "-m", "pip", "install", "--quiet", *REQUIREMENTS], check=True)
    stamp.write_text(wanted)


def words(text: str) -> list[str]:
    return [word for word in WHITESPACE.split(text) if word]


def same_sentences(actual: list[str], expected: list[str]) -> bool:
    """src/eval/segment.rs's test: same count, each pair equal with whitespace runs collapsed and stripped."""
    return len(actual) == len(expected) and all(words(a) == words(e) for a, e in zip(actual, expected))


def splitters():
    """name, version, and a function from text to its sentences as strings."""
    from importlib.metadata import version

    import blingfire
    import pysbd
    from syntok import segmenter

    # clean=False keeps the text as written, as the measured baselines in shared/ were taken.
    pysbd_segmenter = pysbd.Segmenter(language="en", clean=False)

    def syntok_split(text: str) -> list[str]:
        # A token's spacing is the whitespace before it, so joining rebuilds the sentence's own text.
        return ["".join(token.spacing + token.value for token in sentence)
                for paragraph in segmenter.analyze(text) for sentence in paragraph]

    return [
        ("pySBD", version("pysbd"), pysbd_segmenter.segment),
        ("syntok", version("syntok"), syntok_split),
        ("blingfire", version("blingfire"), lambda text: blingfire.text_to_sentences(text).split("\n")),
    ]


def best_time(split, texts: list[str]) -> tuple[float, int]:
    """The fastest of RUNS passes over `texts`, and the number of sentences found."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        count = sum(len(split(text)) for text in texts)
        times.append(time.perf_counter() - started)
    return min(times), count


def measure() -> list[dict]:
    cases = json.loads(GOLDEN.read_text(encoding="utf-8"))
    corpus = (OUT / "corpus.txt").read_text(encoding="utf-8")
    megabytes = len(corpus.encode("utf-8")) / 1e6
    articles = corpus.split("\n\n")
    rows = []
    for name, version, split in splitters():
        failures = [case["id"] for case in cases if not same_sentences(split(case["input"]), case["expected"])]
        passed = len(cases) - len(failures)
        rows.append({
            "tool": name, "version": version, "measure": "golden rules", "input": GOLDEN.name,
            "value": passed, "total": len(cases), "unit": "cases", "failures": failures,
        })
        line = f"peers: {name} {version}: golden rules {passed}/{len(cases)}"
        # The whole corpus in one call is the input our own figure uses; article by article is
        # how a splitter is used on news, and pySBD and syntok slow down on one long text.
        for measure_name, texts in (("split corpus", [corpus]), ("split articles", articles)):
            best, count = best_time(split, texts)
            rows.append({
                "tool": name, "version": version, "measure": measure_name, "input": "corpus.txt",
                "value": megabytes / best, "unit": "MB/s", "seconds": best, "megabytes": megabytes,
                "sentences": count,
            })
            line += f", {measure_name} {megabytes / best:.3f} MB/s ({best:.2f} s, {count} sentences)"
        print(line, flush=True)
    return rows


def saved_pages() -> list[Path]:
    """The pages `cargo bench --bench pages` times, in the same order."""
    pages = [page / "source.html" for page in (PAGES / "readability").iterdir() if (page / "source.html").exists()]
    pages += list((PAGES / "trafilatura" / "html").iterdir())
    return sorted(pages)


def measure_pages() -> list[dict]:
    """trafilatura on every saved page, bytes to text, each page the best of RUNS runs."""
    import trafilatura

    timings = []
    for path in saved_pages():
        data = path.read_bytes()
        best = float("inf")
        for _ in range(RUNS):
            started = time.perf_counter()
            trafilatura.extract(data)
            best = min(best, time.perf_counter() - started)
        timings.append((best * 1e3, str(path.relative_to(PAGES))))
    if not timings:
        return []
    timings.sort()
    median, worst = timings[len(timings) // 2][0], timings[-1]
    print(f"peers: trafilatura {trafilatura.__version__}: {len(timings)} saved pages, median {median:.2f} ms, "
          f"worst {worst[0]:.2f} ms ({worst[1]})", flush=True)
    return [{
        "tool": "trafilatura", "version": trafilatura.__version__, "measure": "saved pages", "input": "html_extraction",
        "pages": len(timings), "median_ms": median, "worst_ms": worst[0], "worst_page": worst[1],
    }]


def main() -> int:
    if Path(sys.prefix).resolve() != VENV.resolve():
        ensure_venv()
        os.execv(str(venv_python()), [str(venv_python()), __file__, *sys.argv[1:]])
    if not (OUT / "corpus.txt").exists():
        raise SystemExit("peers: target/bench/corpus.txt is missing; run python3 bench/inputs.py first")
    rows = measure() + measure_pages()
    (OUT / "peers-python.json").write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

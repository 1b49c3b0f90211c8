#!/usr/bin/env python3
"""`make bench`: every benchmark of crosscheck and its peers in one run, printed as one table.

    make bench                        (builds first; the same as python3 bench/run.py after a build)
    python3 bench/run.py --table-only (re-print the table from the last run's results)

Steps, each on the same machine one after the other so the figures share their conditions:
  1. bench/inputs.py      real inputs into target/bench/: ECB+ articles (5, 50, 200, 1000), the
                          seed articles (read from ../shared/seeds, never copied into the repo),
                          corpus.txt, and the sentence pairs our own report aligns (pairs.json);
  2. cargo bench --bench stages   the native stages (benches/stages.rs), read back from
                          criterion's estimates.json (mean, ns); cargo bench --bench pages:
                          saved web pages to text, page by page (benches/pages.rs);
  3. crosscheck eval      our golden-rule figure, the one the README quotes;
  4. bench/peers.py       pySBD, syntok, blingfire, trafilatura (a venv in target/bench/venv,
                          pinned versions);
  5. bench/peers.mjs      sbd, compromise, jsdiff (bench/node_modules, installed from the lock file);
  6. bench/wasm_node.mjs  our wasm package under node (target/pkg-node);
  7. bench/browser.mjs    the page in headless Chromium, http:// and file://;
  8. sizes                what a browser downloads: the wasm, the page's JavaScript, the single file.
A step that fails or is missing leaves "not run" in its cells; the others still run.
Out: the table on stdout and in target/bench/table.md, every row and raw figure in
target/bench/results.json. Sizes are in KB of 1,000 bytes, gzip at level 9, file by file.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = ROOT / "target" / "bench"
SIZES = (5, 50, 200, 1000)
STAGES = ("cleaning", "segmentation", "copies", "extraction", "scoring", "alignment", "conflicts", "report_json", "pipeline")
NOT_RUN = "not run"
SEEDS_TARGET_MS = 5.0
WORKER_1000_TARGET_MS = 5000.0
SIZE_TARGET_KB = 250.0
PAGE_TARGET_MS = 10.0
GROWTH_TARGET = 1.2


# ---- running the steps ----------------------------------------------------------------------

def run_step(name: str, command: list[str], cwd: Path = ROOT) -> bool:
    print(f"\n[bench] {name}: {' '.join(command)}", flush=True)
    started = time.monotonic()
    result = subprocess.run(command, cwd=cwd, check=False)
    print(f"[bench] {name}: {'done' if result.returncode == 0 else f'FAILED ({result.returncode})'} "
          f"in {time.monotonic() - started:.0f} s", flush=True)
    return result.returncode == 0


def our_golden_rules() -> dict | None:
    """Our score on the 48 pySBD golden rules, from `crosscheck eval` (the README's figure)."""
    print("\n[bench] our golden-rule figure: cargo run --release --quiet -- eval", flush=True)
    result = subprocess.run(["cargo", "run", "--release", "--quiet", "--", "eval"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    match = re.search(r"golden rules \(48, pySBD set\): exact match\s+(\d+)/(\d+)", result.stdout)
    if not match:
        print(f"[bench] no golden-rule figure in the eval output ({result.returncode}):\n{result.stderr[-2000:]}")
        return None
    return {"value": int(match.group(1)), "total": int(match.group(2))}


def ensure_node_peers() -> bool:
    if (BENCH / "node_modules" / ".package-lock.json").exists():
        return True
    return run_step("npm ci (bench/)", ["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH)


def criterion_dir() -> Path:
    target = os.environ.get("CARGO_TARGET_DIR")
    return (ROOT / target if target else ROOT / "target") / "criterion"


def criterion_estimates(since: float | None) -> dict[str, float]:
    """`group/id` -> mean in ns, for estimates written since `since` (stale ones would mislead)."""
    means = {}
    groups = [f"native_{stage}" for stage in (*STAGES, "tokenising_floor")]
    ids = [(group, str(n)) for group in groups for n in SIZES]
    ids += [("native_split_corpus", "corpus"), ("native_diff_pairs", "pairs")]
    for group, bench_id in ids:
        path = criterion_dir() / group / bench_id / "new" / "estimates.json"
        if path.exists() and (since is None or path.stat().st_mtime >= since):
            means[f"{group}/{bench_id}"] = json.loads(path.read_text())["mean"]["point_estimate"]
    return means


def sizes() -> dict:
    """Bytes raw and gzipped (level 9, file by file, as a server sends them) of what a page loads."""
    def measure(paths: list[Path]) -> dict:
        present = [p for p in paths if p.exists()]
        raw = sum(p.stat().st_size for p in present)
        gz = sum(len(gzip.compress(p.read_bytes(), compresslevel=9, mtime=0)) for p in present)
        return {"files": [str(p.relative_to(ROOT)) for p in present], "raw": raw, "gzip": gz} if present else {}

    www = ROOT / "www"
    # wasm-base64.js is the same wasm again, for file://; a served page that counts both would count it twice.
    scripts = sorted(www.glob("*.js")) + sorted((www / "views").glob("*.js")) + \
        sorted(p for p in (www / "pkg").glob("*.js") if p.name != "wasm-base64.js")
    return {
        "wasm": measure([www / "pkg" / "crosscheck_bg.wasm"]),
        "js": measure(scripts),
        "single_file": measure([ROOT / "dist" / "crosscheck.html"]),
    }


def read_rows(name: str) -> list[dict]:
    path = OUT / name
    return json.loads(path.read_text()) if path.exists() else []


def machine() -> dict:
    def version(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip() or "?"
        except OSError:
            return "?"

    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "rustc": version(["rustc", "--version"]),
        "node": version(["node", "--version"]),
        "load": os.getloadavg()[0],
    }


# ---- the table ------------------------------------------------------------------------------

def fmt_ns(ns: float | None) -> str:
    if ns is None:
        return NOT_RUN
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns / scale < 100 else f"{ns / scale:.0f} {unit}"
    return f"{ns:.0f} ns"


def fmt_ms(ms: float | None) -> str:
    return fmt_ns(None if ms is None else ms * 1e6)


def fmt_rate(mb_s: float | None) -> str:
    if mb_s is None:
        return NOT_RUN
    return f"{mb_s:.3g} MB/s" if mb_s < 100 else f"{mb_s:.0f} MB/s"


def faster(ours: float | None, peer: float | None, higher_is_better: bool) -> str:
    """How many times faster ours is (or slower, when below 1), for a rate or a duration."""
    if not ours or not peer:
        return ""
    times = ours / peer if higher_is_better else peer / ours
    return f"{times:.3g}× faster" if times >= 1 else f"{1 / times:.3g}× slower"


def across(cells: list[str]) -> str:
    """One cell for the four input sizes."""
    return NOT_RUN if all(cell == NOT_RUN for cell in cells) else " / ".join(cells)


def met(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "NO")


def find(rows: list[dict], tool: str, measure: str, input_: str | None = None) -> dict | None:
    return next((r for r in rows if r["tool"] == tool and r["measure"] == measure
                 and (input_ is None or r["input"] == input_)), None)


def value(row: dict | None) -> float | None:
    return None if row is None else row["value"]


def build_rows(means: dict, golden: dict | None, python: list, node: list, wasm: list, browser: list,
               size: dict, pages: dict | None) -> list[dict]:
    rows: list[dict] = []

    def add(stage: str, input_: str, ours: str, peer: str = "", ratio: str = "", target: str = "",
            ok: bool | None = None, **raw) -> None:
        rows.append({"stage": stage, "input": input_, "ours": ours, "peer": peer, "ratio": ratio,
                     "target": target, "met": met(ok), "raw": raw})

    mean = means.get
    corpus_mb = next((r["megabytes"] for r in python + node if "megabytes" in r), None)
    pair_count = next((r["pairs"] for r in node if "pairs" in r), None)
    if pair_count is None and (OUT / "pairs.json").exists():
        pair_count = len(json.loads((OUT / "pairs.json").read_text()))

    # Native stages, each on the output of the stages before it (benches/stages.rs); one row per
    # stage, the four input sizes side by side in each cell.
    sizes_label = " / ".join(str(n) for n in SIZES) + " articles"
    for stage in STAGES:
        ns = [mean(f"native_{stage}/{n}") for n in SIZES]
        add(f"native {stage.replace('_', ' ').replace('json', 'JSON')}", sizes_label, across([fmt_ns(t) for t in ns]), ns=ns)
    pipeline = [mean(f"native_pipeline/{n}") for n in SIZES]
    floor = [mean(f"native_tokenising_floor/{n}") for n in SIZES]
    add("native pipeline vs tokenising floor (words only)", sizes_label, across([fmt_ns(t) for t in pipeline]),
        "floor: " + across([fmt_ns(t) for t in floor]),
        "pipeline = " + " / ".join(f"{p / f:.0f}×" if p and f else "–" for p, f in zip(pipeline, floor)) + " floor"
        if any(pipeline) and any(floor) else "",
        pipeline_ns=pipeline, floor_ns=floor)

    def growth(stage: str, small: float | None, large: float | None) -> None:
        slope = math.log(large / small) / math.log(1000 / 200) if small and large else None
        add(stage, "200 → 1000 articles", f"{slope:.2f}" if slope is not None else NOT_RUN,
            target=f"≤ {GROWTH_TARGET} (about linear)", ok=None if slope is None else slope <= GROWTH_TARGET,
            slope=slope)

    growth("native pipeline growth exponent (log-log slope)", mean("native_pipeline/200"), mean("native_pipeline/1000"))
    growth("wasm compare growth exponent (node)", value(find(wasm, "crosscheck wasm (node)", "compare", "200")),
           value(find(wasm, "crosscheck wasm (node)", "compare", "1000")))

    # Sentence splitting: ours splits the whole corpus in one call; each peer is credited with the
    # better of one call and article by article, so the ratio is the conservative one.
    split_ns = mean("native_split_corpus/corpus")
    ours_rate = corpus_mb / (split_ns / 1e9) if split_ns and corpus_mb else None
    ours_golden = f"{golden['value']}/{golden['total']}" if golden else NOT_RUN
    for tool in ("pySBD", "syntok", "blingfire", "sbd"):
        peer_rows = python if tool != "sbd" else node
        whole = find(peer_rows, tool, "split corpus")
        per_article = find(peer_rows, tool, "split articles")
        accuracy = find(peer_rows, tool, "golden rules")
        best = max((r["value"] for r in (whole, per_article) if r), default=None)
        version = (whole or accuracy or {}).get("version", "")
        peer = (f"{tool} {version}: {fmt_rate(value(per_article))} by article, {fmt_rate(value(whole))} in one call; "
                f"golden rules {accuracy['value']}/{accuracy['total']}" if whole and per_article and accuracy else
                f"{tool}: {NOT_RUN}")
        ok = None
        if ours_rate and best and golden and accuracy:
            ok = ours_rate > best and golden["value"] >= accuracy["value"]
        add(f"sentence splitting vs {tool}", f"corpus.txt ({corpus_mb:.2f} MB, 1000 articles)" if corpus_mb else "corpus.txt",
            f"{fmt_rate(ours_rate) + ' in one call' if ours_rate else NOT_RUN}; golden rules {ours_golden}", peer,
            faster(ours_rate, best, True), "faster, golden rules ≥ peer", ok,
            ours_mb_s=ours_rate, peer_best_mb_s=best, ours_golden=golden, peer_golden=accuracy)

    # Reading an article (sentences, numbers, quotations) beside compromise, which does the same kind of work.
    compromise = find(node, "compromise", "read articles")
    compromise_cell = (f"compromise {compromise['version']}: {fmt_rate(compromise['value'])} "
                       f"(sentences + numbers + quotations)" if compromise else f"compromise: {NOT_RUN}")
    reading = find(wasm, "crosscheck wasm (node)", "read articles")
    add("reading articles, wasm in node (compare on one article)", "corpus.txt, 1000 articles one by one",
        fmt_rate(value(reading)), compromise_cell, faster(value(reading), value(compromise), True),
        wasm_mb_s=value(reading), compromise_mb_s=value(compromise))
    read_ns = [mean(f"native_{stage}/1000") for stage in ("cleaning", "segmentation", "extraction")]
    native_read = corpus_mb / (sum(read_ns) / 1e9) if all(read_ns) and corpus_mb else None
    add("reading articles, native (cleaning + segmentation + extraction)", "1000 articles",
        fmt_rate(native_read), compromise_cell, faster(native_read, value(compromise), True),
        native_mb_s=native_read, compromise_mb_s=value(compromise))

    # Saved web pages to the text compared, page by page, beside trafilatura on the same pages.
    peer_pages = next((r for r in python if r.get("measure") == "saved pages"), None)
    pages_input = f"{pages['pages']} saved pages (median {pages['median_kb']:.0f} KB)" if pages else "html_extraction pages"
    add("saved page to article text, native: median / worst page", pages_input,
        f"{pages['median_ms']:.2f} / {pages['worst_ms']:.2f} ms" if pages else NOT_RUN,
        f"trafilatura {peer_pages['version']}: {peer_pages['median_ms']:.2f} / {peer_pages['worst_ms']:.2f} ms"
        if peer_pages else f"trafilatura: {NOT_RUN}",
        faster(pages["median_ms"] if pages else None, peer_pages["median_ms"] if peer_pages else None, False),
        target=f"≤ {PAGE_TARGET_MS:g} ms per typical page",
        ok=None if pages is None else pages["median_ms"] <= PAGE_TARGET_MS, native=pages, trafilatura=peer_pages)

    # Word diff of the pairs our report aligns.
    diff_ns = mean("native_diff_pairs/pairs")
    ours_pair_us = diff_ns / 1e3 / pair_count if diff_ns and pair_count else None
    jsdiff = find(node, "jsdiff", "diff pairs")
    add("word diff per aligned pair", f"pairs.json ({pair_count} pairs from 200 articles)" if pair_count else "pairs.json",
        f"{ours_pair_us:.3g} µs native" if ours_pair_us else NOT_RUN,
        f"jsdiff {jsdiff['version']} diffWords: {jsdiff['value']:.3g} µs" if jsdiff else f"jsdiff: {NOT_RUN}",
        faster(ours_pair_us, value(jsdiff), False), ours_us=ours_pair_us, jsdiff_us=value(jsdiff))

    # The wasm package under node, beside the native pipeline.
    seeds = find(wasm, "crosscheck wasm (node)", "compare", "seeds")
    add("compare, wasm in node", "5 seed articles", fmt_ms(value(seeds)), target=f"≤ {SEEDS_TARGET_MS:g} ms",
        ok=None if seeds is None else seeds["value"] <= SEEDS_TARGET_MS, ms=value(seeds))
    wasm_ms = [value(find(wasm, "crosscheck wasm (node)", "compare", str(n))) for n in SIZES]
    add("compare, wasm in node", sizes_label, across([fmt_ms(t) for t in wasm_ms]),
        "native pipeline: " + across([fmt_ns(t) for t in pipeline]),
        "wasm = " + " / ".join(f"{w * 1e6 / p:.2g}×" if w and p else "–" for w, p in zip(wasm_ms, pipeline)) + " native"
        if any(wasm_ms) and any(pipeline) else "",
        ms=wasm_ms, native_ns=pipeline)

    # The page in Chromium.
    for origin in ("http", "file"):
        row = find(browser, "crosscheck page (Chromium)", "load to seeds report", origin)
        add(f"page load to rendered seeds report ({origin}://)", "5 seed articles",
            fmt_ms(value(row)) + (" (worker)" if row and row.get("worker") else ""), ms=value(row))
    for n in (200, 1000):
        row = find(browser, "crosscheck page (Chromium)", "compare in worker", str(n))
        target = n == 1000
        add("page: articles set to rendered report", f"{n} articles",
            fmt_ms(value(row)) + ("" if row is None or row.get("worker") else " (NOT in a worker)"),
            target=f"≤ {WORKER_1000_TARGET_MS / 1000:g} s" if target else "",
            ok=None if not target or row is None else row["value"] <= WORKER_1000_TARGET_MS and row.get("worker"),
            ms=value(row))

    # What a browser downloads.
    def kb(part: dict, key: str) -> str:
        return f"{part[key] / 1000:.0f} KB" if part else NOT_RUN

    wasm_size, js_size, single = size.get("wasm", {}), size.get("js", {}), size.get("single_file", {})
    add("size: wasm (www/pkg/crosscheck_bg.wasm)", "raw / gzip", f"{kb(wasm_size, 'raw')} / {kb(wasm_size, 'gzip')}")
    add("size: page JavaScript", f"{len(js_size.get('files', []))} files, raw / gzip",
        f"{kb(js_size, 'raw')} / {kb(js_size, 'gzip')}")
    total = wasm_size.get("gzip", 0) + js_size.get("gzip", 0) if wasm_size and js_size else None
    add("size: wasm + page JavaScript", "gzip", f"{total / 1000:.0f} KB" if total else NOT_RUN,
        target=f"≤ {SIZE_TARGET_KB:g} KB gz", ok=None if total is None else total / 1000 <= SIZE_TARGET_KB, bytes=total)
    add("size: single file (dist/crosscheck.html)", "raw / gzip", f"{kb(single, 'raw')} / {kb(single, 'gzip')}")
    return rows


def markdown(header: dict, rows: list[dict]) -> str:
    lines = [
        f"crosscheck bench, {header['date']}: {header['cpu']}, {header['cores']} cores, {header['rustc']}, "
        f"node {header['node']} (load average {header['load']:.2f} at the start)",
        "",
        "| stage / measure | input | ours | peer | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        cells = [row[key].replace("|", "\\|") for key in ("stage", "input", "ours", "peer", "ratio", "target", "met")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--table-only", action="store_true", help="print the table from the last run's results")
    args = parser.parse_args()

    if args.table_only:
        saved = json.loads((OUT / "results.json").read_text())
        print(markdown(saved["header"], saved["rows"]), end="")
        return 0

    header = machine()
    failed = []
    if not run_step("inputs", [sys.executable, str(BENCH / "inputs.py")]):
        print("[bench] without inputs nothing can be measured")
        return 1
    started = time.time()
    if not run_step("native stages", ["cargo", "bench", "--bench", "stages"]):
        failed.append("native stages")
    (OUT / "pages-native.json").unlink(missing_ok=True)
    if not run_step("native saved pages", ["cargo", "bench", "--bench", "pages"]):
        failed.append("native saved pages")
    pages = json.loads((OUT / "pages-native.json").read_text()) if (OUT / "pages-native.json").exists() else None
    means = criterion_estimates(since=started)
    golden = our_golden_rules()
    if golden is None:
        failed.append("our golden rules")
    steps = [
        ("Python peers", [sys.executable, str(BENCH / "peers.py")], "peers-python.json"),
        ("JavaScript peers", ["node", str(BENCH / "peers.mjs")], "peers-node.json"),
        ("wasm in node", ["node", str(BENCH / "wasm_node.mjs")], "wasm-node.json"),
        ("page in Chromium", ["node", str(BENCH / "browser.mjs")], "browser.json"),
    ]
    results = {}
    for name, command, output in steps:
        (OUT / output).unlink(missing_ok=True)
        ready = ensure_node_peers() if output == "peers-node.json" else True
        if not (ready and run_step(name, command)):
            failed.append(name)
        results[output] = read_rows(output)
    size = sizes()

    rows = build_rows(means, golden, results["peers-python.json"], results["peers-node.json"],
                      results["wasm-node.json"], results["browser.json"], size, pages)
    table = markdown(header, rows)
    (OUT / "table.md").write_text(table)
    (OUT / "results.json").write_text(json.dumps({
        "header": header, "rows": rows, "failed": failed,
        "raw": {"criterion_mean_ns": means, "golden_rules": golden, "sizes": size, **results},
    }, indent=1, ensure_ascii=False))
    print("\n" + table, end="")
    if failed:
        print(f"\n[bench] not run or failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

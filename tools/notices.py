#!/usr/bin/env python3
"""Writes THIRD_PARTY_NOTICES.md: what every shipped package of crosscheck contains that is
not ours, with its licence.

    python3 tools/notices.py           # rewrite the file
    python3 tools/notices.py --check   # exit 1 when the file is not what this would write

The crates come from `cargo tree` (normal dependencies with the features each build enables,
for each artifact's target: the wasm in the npm package and the page, the native CLI, the
Python extension); the WordNet licence covers the table in src/compare/wordnet.rs. The npm
package has no npm dependencies, so nothing else is bundled.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "THIRD_PARTY_NOTICES.md"
WORDNET = ROOT / "tools" / "WORDNET_LICENSE"
# (artifact, root package, target triple)
ARTIFACTS = [
    ("wasm (page, npm package)", "crosscheck", "wasm32-unknown-unknown"),
    ("CLI", "crosscheck", "x86_64-unknown-linux-gnu"),
    ("Python wheel", "crosscheck-python", "x86_64-unknown-linux-gnu"),
]
OURS = {"crosscheck", "crosscheck-python"}


def shipped(package: str, target: str) -> dict[str, dict]:
    """Every package a build of `package` for `target` compiles in: normal dependencies with
    the features that build enables (so the CLI's crates stay out of the Python wheel)."""
    tree = subprocess.run(
        ["cargo", "tree", "--locked", "-p", package, "--target", target, "-e", "normal",
         "--prefix", "none", "--format", "{p}|{l}|{r}"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    found: dict[str, dict] = {}
    for line in tree.splitlines():
        described, licence, repository = (line.split("|") + ["", ""])[:3]
        name, version = described.split()[:2]
        if name in OURS:
            continue
        found[name] = {"version": version.lstrip("v"), "license": licence, "repository": repository.removesuffix(" (*)")}
    return found


def render() -> str:
    rows: dict[tuple[str, str], dict] = {}
    for artifact, package, target in ARTIFACTS:
        for name, info in shipped(package, target).items():
            row = rows.setdefault((name, info["version"]), {"license": info.get("license") or "see its repository",
                                                             "repository": info.get("repository") or "", "in": []})
            row["in"].append(artifact)
    lines = [
        "# Third-party notices",
        "",
        "crosscheck is MIT-licensed (LICENSE). Its packages also contain the work of others, listed",
        "here with their licences. Written by `python3 tools/notices.py`; a test fails when it is stale.",
        "",
        "## Rust crates compiled in",
        "",
        "| crate | version | licence | in | source |",
        "|---|---|---|---|---|",
    ]
    for (name, version), row in sorted(rows.items()):
        lines.append(f"| {name} | {version} | {row['license']} | {', '.join(row['in'])} | {row['repository']} |")
    lines += [
        "",
        "The MIT and Apache-2.0 licence texts are in each crate's source, on crates.io.",
        "",
        "## WordNet 3.0",
        "",
        "`src/compare/wordnet.rs` (in every package) is derived from WordNet 3.0 by",
        "`tools/gen_wordnet.py`. Its licence:",
        "",
        "```text",
        WORDNET.read_text(encoding="utf-8").rstrip(),
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.name} is stale: run python3 tools/notices.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

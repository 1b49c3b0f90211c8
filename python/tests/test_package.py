"""The Python package as a user meets it: installed from the wheel into a fresh environment,
the same report as the CLI's for the seed articles, strict options, the CLI's messages, and
the README's example run as written."""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest

import crosscheck
from conftest import ROOT, SHARED, need_shared, run_python

TWO = [
    ("wire.txt", "The Kharzin dam failed on Tuesday. About 1,200 people were evacuated, the mayor said."),
    ("daily.txt", "The dam at Kharzin failed on Tuesday. More than 1,500 people were evacuated, the mayor said."),
]


def readme_blocks(path: Path) -> list[str]:
    """The python blocks that follow the marker comment in a README."""
    text = path.read_text(encoding="utf-8")
    return re.findall(r"<!-- run by python/tests/test_package\.py -->\n```python\n(.*?)```", text, re.S)


def test_a_fresh_environment_installs_the_wheel_and_compares_two_articles(fresh_python):
    out = run_python(
        fresh_python,
        "import json, sys, crosscheck\n"
        "report = crosscheck.compare(json.loads(sys.argv[1]))\n"
        "print(json.dumps([crosscheck.__version__, crosscheck.__file__, len(report['sources']), len(report['facts']),"
        " [c['kind'] for c in report['conflicts']]]))",
        json.dumps(TWO),
    )
    version, location, sources, facts, kinds = json.loads(out)
    assert version == crosscheck.__version__
    assert str(fresh_python.parent.parent) in location, f"imported from {location}, not the fresh environment"
    assert (sources, facts) == (2, 2)
    assert "quantity" in kinds


@pytest.mark.parametrize("readme", [ROOT / "README.md", ROOT / "python" / "README.md"])
def test_the_readme_examples_run_as_written(fresh_python, readme):
    blocks = readme_blocks(readme)
    assert blocks, f"no runnable python block in {readme}"
    for block in blocks:
        out = run_python(fresh_python, block)
        assert out.startswith(f"{crosscheck.__version__} 2 "), out


def test_the_report_for_the_seeds_equals_the_clis(fresh_python, cli, tmp_path):
    seeds = sorted(need_shared(SHARED / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    by_cli = subprocess.run([cli, *map(str, seeds)], capture_output=True, text=True, check=True).stdout
    code = (
        "import json, sys, crosscheck\n"
        "from pathlib import Path\n"
        "paths = sys.argv[1:]\n"
        "print(json.dumps(crosscheck.compare([(Path(p).name, crosscheck.read_file(p)) for p in paths])))"
    )
    by_python = run_python(fresh_python, code, *map(str, seeds))
    assert json.loads(by_python) == json.loads(by_cli)
    for render, format in [(crosscheck.to_markdown, "markdown"), (crosscheck.to_csv, "csv")]:
        # Bytes, not text: the CSV's CRLF line ends must come through as they are.
        written = subprocess.run([cli, "--format", format, *map(str, seeds)], capture_output=True, check=True).stdout
        assert render(json.loads(by_python)) == written.decode("utf-8"), format


def test_compare_to_json_is_byte_for_byte_the_batch_line(cli):
    line = json.dumps({"cluster": 7, "articles": [{"name": n, "text": t} for n, t in TWO]})
    batch = subprocess.run([cli, "--jsonl"], input=line + "\n", capture_output=True, text=True, check=True).stdout
    assert batch == '{"cluster":7,"report":' + crosscheck.compare_to_json(TWO) + "}\n"


@pytest.mark.parametrize(
    "options, says",
    [
        ({"minFactScor": 0.9}, "unknown option minFactScor; the options are maxArticles, maxArticleBytes"),
        ({"minFactScore": "high"}, "minFactScore takes a number from 0 to 1: invalid type: string"),
        ({"minFactScore": 1.5}, "minFactScore takes a number from 0 to 1, not 1.5"),
        ({"maxArticles": 0}, "maxArticles takes a whole number from 1 up, not 0"),
        ({"minFactScore": float("nan")}, "minFactScore takes a number from 0 to 1"),
    ],
)
def test_bad_options_raise_value_error_with_the_clis_message(cli, options, says):
    with pytest.raises(ValueError) as refusal:
        crosscheck.compare(TWO, options)
    assert says in str(refusal.value)
    if options.get("minFactScore") == options.get("minFactScore"):  # NaN has no JSON spelling for --options
        by_cli = subprocess.run([cli, "--options", json.dumps(options), "README.md"], capture_output=True, text=True)
        assert by_cli.returncode == 2
        assert by_cli.stderr.strip() == f"crosscheck: --options: {refusal.value}"


def test_articles_come_as_dicts_or_pairs_and_anything_else_is_named():
    as_dicts = crosscheck.compare([{"name": n, "text": t} for n, t in TWO])
    assert as_dicts == crosscheck.compare(TWO)
    for articles, says in [
        ("just text", "articles must be a list"),
        ([("a.txt", "x"), 3], "articles[1] must be a {'name', 'text'} dict or a (name, text) pair, not int"),
        ([{"name": "a.txt", "body": "x"}], "articles[0] must have exactly the keys name and text (unknown keys body)"),
        ([("a.txt", b"bytes")], "articles[0]: name and text must be str"),
    ]:
        with pytest.raises(ValueError, match=re.escape(says)):
            crosscheck.compare(articles)


def test_read_file_reads_as_the_cli_does_and_refuses_with_its_reasons(tmp_path):
    (tmp_path / "utf16.txt").write_bytes("\ufeffThe dam held.".encode("utf-16-le"))
    assert crosscheck.read_file(tmp_path / "utf16.txt") == "The dam held."
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(ValueError, match=r"empty\.txt: is empty$"):
        crosscheck.read_file(tmp_path / "empty.txt")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0")
    with pytest.raises(ValueError, match="image.png: "):
        crosscheck.read_file(tmp_path / "image.png")
    with pytest.raises(OSError, match="missing.txt"):
        crosscheck.read_file(tmp_path / "missing.txt")


def test_the_comparison_runs_without_the_gil():
    # A long comparison in one thread; another Python thread keeps counting meanwhile. With
    # the GIL held, the counter would stand still until the comparison returned.
    sentence = "The flood in Velmora killed {k} people on Monday, the mayor Ilse Varga said. "
    articles = [(f"{a}.txt", "".join(sentence.format(k=a * 100 + k) for k in range(60))) for a in range(4)]
    counted = [0]
    running = threading.Event()
    stop = threading.Event()

    def count():
        running.set()
        while not stop.is_set():
            counted[0] += 1

    counter = threading.Thread(target=count)
    counter.start()
    running.wait()
    time.sleep(0.05)
    before = counted[0]
    started = time.perf_counter()
    crosscheck.compare(articles)
    elapsed = time.perf_counter() - started
    during = counted[0] - before
    stop.set()
    counter.join()
    assert elapsed > 0.05, "the comparison was too short to tell"
    assert during > 10_000, f"the other thread counted {during} times in {elapsed:.2f} s"

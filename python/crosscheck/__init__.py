"""crosscheck: compare news coverage claim by claim.

Give it several articles about one event; the report tells which facts every source
reports, which only one source reports, where sources disagree (numbers, quotes, places,
times, roles) and who said what. The report is the same JSON object as the CLI's and the
browser's (``schemaVersion`` 2, documented in the project README), as plain dicts and lists.

>>> import crosscheck
>>> report = crosscheck.compare([
...     ("wire.txt", "The Kharzin dam failed on Tuesday. About 1,200 people were evacuated."),
...     ("daily.txt", "The dam at Kharzin failed on Tuesday. More than 1,500 people were evacuated."),
... ])
>>> len(report["sources"]), len(report["facts"]) >= 1
(2, True)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from os import PathLike
from typing import Any, Union

from . import _crosscheck

__all__ = ["compare", "compare_to_json", "read_file", "to_markdown", "to_csv", "__version__"]

__version__: str = _crosscheck.__version__

Article = Union[Mapping[str, str], "tuple[str, str]"]


def _article(index: int, article: Any) -> dict[str, str]:
    if isinstance(article, Mapping):
        keys = set(article)
        if keys != {"name", "text"}:
            extra = ", ".join(sorted(map(str, keys - {"name", "text"})))
            missing = ", ".join(sorted({"name", "text"} - keys))
            why = f"unknown keys {extra}" if extra else f"no {missing}"
            raise ValueError(f"articles[{index}] must have exactly the keys name and text ({why})")
        name, text = article["name"], article["text"]
    elif isinstance(article, (tuple, list)) and len(article) == 2:
        name, text = article
    else:
        raise ValueError(
            f"articles[{index}] must be a {{'name', 'text'}} dict or a (name, text) pair, not {type(article).__name__}"
        )
    if not isinstance(name, str) or not isinstance(text, str):
        raise ValueError(f"articles[{index}]: name and text must be str")
    return {"name": name, "text": text}


def compare(articles: Iterable[Article], options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Compares articles and returns the report as a dict.

    ``articles``: ``{"name": ..., "text": ...}`` dicts or ``(name, text)`` pairs.
    ``options``: any of ``maxArticles``, ``maxArticleBytes``, ``maxTotalBytes``,
    ``minFactScore``, ``maxCandidatesPerSentence``; an unknown key, a wrong type or an
    out-of-range value raises ``ValueError`` naming the key. The work runs without the GIL,
    so threads can compare clusters in parallel.
    """
    return json.loads(compare_to_json(articles, options))


def compare_to_json(articles: Iterable[Article], options: Mapping[str, Any] | None = None) -> str:
    """As :func:`compare`, but the report as JSON text, byte for byte as ``crosscheck --jsonl``
    writes it (for storing reports without parsing them)."""
    if isinstance(articles, (str, bytes, Mapping)):
        raise ValueError("articles must be a list of {'name', 'text'} dicts or (name, text) pairs")
    listed = [_article(index, article) for index, article in enumerate(articles)]
    return _crosscheck.compare_json(json.dumps(listed, ensure_ascii=False), _options_json(options))


def _options_json(options: Mapping[str, Any] | None) -> str | None:
    """Options as JSON, refused here (``ValueError`` naming the key) when the core would."""
    if options is None:
        return None
    # A Mapping that is not a dict (a pandas row, a MappingProxy) still serializes as an object.
    plain = dict(options) if isinstance(options, Mapping) else options
    try:
        text = json.dumps(plain)
    except (TypeError, ValueError) as why:
        raise ValueError(f"invalid options: {why}") from None
    _crosscheck.check_options(text)
    return text


def read_file(path: str | PathLike[str]) -> str:
    """A file's text, read as the CLI and the page read files (UTF-8 or UTF-16 with a BOM;
    HTML reduced to its text). Raises ``OSError`` when the file cannot be opened and
    ``ValueError`` (with the CLI's one-line reason) when it is not text."""
    return _crosscheck.read_file(path)


def to_markdown(report: Mapping[str, Any]) -> str:
    """The report as the Markdown summary ``crosscheck --format markdown`` writes."""
    return _crosscheck.markdown_json(json.dumps(report, ensure_ascii=False))


def to_csv(report: Mapping[str, Any]) -> str:
    """The fact matrix as the CSV ``crosscheck --format csv`` writes."""
    return _crosscheck.csv_json(json.dumps(report, ensure_ascii=False))

#!/usr/bin/env python3
"""Generates src/compare/background.rs: document frequencies of common English word stems.

The table gives `compare::score::Idf` sensible weights when only a few short articles are
compared. It holds derived statistics only (stems and counts), no text.

Source text (read locally, never copied): the sentences of MRPC train
(msr_paraphrase_train.clean.tsv) and of STS Benchmark train (sts-train.csv, all genres),
deduplicated; each sentence is one document. For every stem that is not a stopword we count
the sentences containing it and keep the most frequent ones.

The tokenizer and stemmer below mirror src/read/tokens.rs (`words` + `stem`); the stopword
list is read from that file so the two cannot drift apart. If you change the stemmer in Rust,
change it here and rerun:

    python3 tools/gen_background.py ../shared/data > src/compare/background.rs

Usage: gen_background.py DATA_DIR [KEEP]   (KEEP = number of stems, default 3000)
"""

import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENS_RS = os.path.join(HERE, "..", "src", "read", "tokens.rs")


def read_list(name):
    """The string literals of the Rust static `name` in tokens.rs."""
    source = open(TOKENS_RS, encoding="utf-8").read()
    body = re.search(r"static " + name + r": &\[&str\] = &\[(.*?)\];", source, re.S).group(1)
    return re.findall(r'"([^"]*)"', body)


STOPWORDS = set(read_list("STOPWORDS"))
STEM_EXCEPTIONS = set(read_list("STEM_EXCEPTIONS"))
SPELLED = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def fold(word):
    out = []
    for c in word.lower().replace("\u2019", "'").replace("\u2018", "'"):
        if c in SPELLED:
            out.append(SPELLED[c])
        else:
            out.extend(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
    norm = "".join(out)
    if norm[:1].isdigit():
        norm = norm.replace(",", "")
    if len(norm) > 2 and norm.endswith("'s"):
        norm = norm[:-2]
    return norm


WORD = re.compile(r"\w+(?:['\u2019]\w+)*(?:[.,]\d+)*")


def norms(text):
    return [fold(m.group(0)) for m in WORD.finditer(text) if m.group(0)[:1] != "_"]


def is_vowel(c):
    return c in "aeiou"


def stem(word):
    if len(word) < 4 or not re.fullmatch(r"[a-z]+", word) or word in STEM_EXCEPTIONS:
        return word
    w = word
    # step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif w.endswith("s") and not (w.endswith("ss") or w.endswith("us") or w.endswith("is")):
        w = w[:-1]
    # step 1b
    if w.endswith("eed"):
        if len(w) > 4:
            w = w[:-1]
    else:
        suffix = 2 if w.endswith("ed") else 3 if w.endswith("ing") else 0
        if suffix:
            rest = w[:-suffix]
            if len(rest) >= 2 and any(is_vowel(c) or c == "y" for c in rest):
                w = rest
                if len(w) >= 2 and w[-1] == w[-2] and not is_vowel(w[-1]) and w[-1] not in "lsz":
                    w = w[:-1]
    # step 1c
    if len(w) > 2 and w.endswith("y") and not is_vowel(w[-2]):
        w = w[:-1] + "i"
    # step 2 (partial)
    rules = [("ational", "ate"), ("ization", "ize"), ("isation", "ize"), ("iveness", "ive"),
             ("fulness", "ful"), ("ousness", "ous"), ("biliti", "ble"), ("tional", "tion"),
             ("entli", "ent"), ("ousli", "ous"), ("aliti", "al"), ("iviti", "ive"), ("alism", "al"),
             ("ation", "ate"), ("alli", "al"), ("ness", ""), ("ator", "ate")]
    for suffix, replacement in rules:
        if len(w) >= len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)] + replacement
            break
    else:
        if len(w) >= 6 and w.endswith("li") and w[-3] in "cdeghkmnrt":
            w = w[:-2]
    # final e
    if len(w) >= 4 and w[-1] == "e" and not is_vowel(w[-2]):
        w = w[:-1]
    return w


def sentences(data_dir):
    seen = set()
    with open(os.path.join(data_dir, "mrpc", "msr_paraphrase_train.clean.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5:
                for s in cols[3:5]:
                    if s not in seen:
                        seen.add(s)
                        yield s
    with open(os.path.join(data_dir, "stsb", "sts-train.csv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7:
                for s in cols[5:7]:
                    if s not in seen:
                        seen.add(s)
                        yield s


def main():
    data_dir = sys.argv[1]
    keep = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    df = {}
    documents = 0
    for s in sentences(data_dir):
        documents += 1
        for st in {stem(n) for n in norms(s) if n not in STOPWORDS}:
            df[st] = df.get(st, 0) + 1
    # Only word-like stems: numbers and odd tokens carry no background meaning.
    common = sorted((st for st in df if re.fullmatch(r"[a-z][a-z'.]*", st)), key=lambda st: (-df[st], st))[:keep]
    common.sort()
    print("//! Background document frequencies of common English word stems, for [`super::score::Idf`].")
    print("//!")
    print("//! Generated by `tools/gen_background.py` (see its header) from the sentences of MRPC train and")
    print("//! STS Benchmark train: derived counts only. `(stem, df)`: the stem as `crate::read::tokens::stem`")
    print("//! makes it, and in how many of the [`DOCUMENTS`] sentences it occurs. Sorted by stem. Do not edit.")
    print()
    print("/// Number of sentences the frequencies were counted over.")
    print(f"pub const DOCUMENTS: u32 = {documents};")
    print()
    print("/// `(stem, document frequency)`, sorted by stem (byte order).")
    print("pub static STEMS: &[(&str, u16)] = &[")
    line = "   "
    for st in common:
        item = f' ("{st}", {min(df[st], 65535)}),'
        if len(line) + len(item) > 100:
            print(line)
            line = "   "
        line += item
    print(line)
    print("];")
    print(f"generated {len(common)} stems from {documents} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()

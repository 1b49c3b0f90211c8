#!/usr/bin/env python3
"""Generates src/compare/wordnet.rs: word relations from WordNet 3.0, for `compare::score`.

The table lets the sentence scorer credit two different words that say the same thing:
synonyms (one synset), derivationally related forms (WordNet's `+` pointers: leak/leakage,
kill/killing/killer), near hypernyms (one `@` level: spokesman → spokesperson) and irregular
inflections (the morphological exception lists: went → go, fell → fall, children → child).
It holds word stems and small integer keys only, derived from the database; WordNet's licence
is in tools/WORDNET_LICENSE (copied into THIRD_PARTY_NOTICES.md) and applies to the generated file.

Source (read locally): Debian's `wordnet-base` package, /usr/share/wordnet/{index,data}.{noun,
verb,adj,adv} and {noun,verb,adj,adv}.exc (`tools/setup.sh` installs it; only this script
needs it, the build and tests read the committed table).

What is kept, to keep the table small and the relations safe inside one story:
- words are grouped by the crate's own stem (src/read/tokens.rs `stem`, mirrored by
  tools/gen_background.py, imported from there), and only stems of the background table
  (src/compare/background.rs, the frequent words of news and captions) take part: a relation
  is kept only when both of its stems are in it;
- only the first SENSES senses of every word (index.* lists a word's synsets most frequent
  first), so rare senses (Russia as "the Soviet Union", talks as "lectures") do not fire;
- a synonym key is kept only when two or more stems share it, a hypernym key only when some
  stem has that synset as a sense.

Rust side: `STEMS[i]` is a stem, `KEYS[OFFSETS[i]..OFFSETS[i + 1]]` its keys, each
`kind << 29 | id`; two words are related when they have keys with equal `id` (see
`compare::score` for which pairs of kinds count and how much). Rerun after changing the
stemmer or the background table:

    python3 tools/gen_wordnet.py > src/compare/wordnet.rs

Usage: gen_wordnet.py [SENSES]   (default 2)
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_background import STOPWORDS, stem  # noqa: E402  (the mirrored stemmer)

WORDNET = "/usr/share/wordnet"
BACKGROUND_RS = os.path.join(HERE, "..", "src", "compare", "background.rs")
POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}

# Key kinds; the Rust scorer has the same numbers (SELF = 0 is implicit, never stored).
DERIVED, INFLECTED, SYNSET, HYPERNYM = 1, 2, 3, 4


def background_stems():
    source = open(BACKGROUND_RS, encoding="utf-8").read()
    return {s for s, _ in re.findall(r'\("([^"]+)", (\d+)\)', source)}


def word_stem(lemma):
    """The crate's stem of a single-word lowercase lemma, or None for other lemmas (names,
    written capitalised in data.*, are left to the scorer's name matching)."""
    lemma = re.sub(r"\(.*\)$", "", lemma)
    if not re.fullmatch(r"[a-z]+", lemma) or lemma in STOPWORDS:
        return None
    return stem(lemma)


def read_data(pos):
    """synset offset → (words, pointers) of data.<pos>; pointers are (symbol, offset, pos, src, dst)."""
    synsets = {}
    with open(os.path.join(WORDNET, "data." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split(" | ")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            words = [fields[4 + 2 * k] for k in range(count)]
            at = 4 + 2 * count
            pointers = []
            for k in range(int(fields[at])):
                symbol, target, target_pos, st = fields[at + 1 + 4 * k: at + 5 + 4 * k]
                pointers.append((symbol, target, "a" if target_pos == "s" else target_pos, int(st[:2], 16), int(st[2:], 16)))
            synsets[(POS[pos], offset)] = (words, pointers)
    return synsets


def read_index(pos):
    """lemma → its synset offsets, most frequent sense first."""
    senses = {}
    with open(os.path.join(WORDNET, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[2])
            senses[fields[0]] = fields[-count:]
    return senses


def main():
    keep_senses = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    vocabulary = background_stems()
    synsets = {}
    for pos in POS:
        synsets.update(read_data(pos))
    keys = {}  # stem → set of (kind, id)

    def add(st, kind, ident):
        if st in vocabulary:
            keys.setdefault(st, set()).add((kind, ident))

    # Senses of every word (first keep_senses), synonyms, hypernyms and derivations.
    for pos, p in POS.items():
        for lemma, offsets in read_index(pos).items():
            st = word_stem(lemma)
            if st is None or st not in vocabulary:
                continue
            for offset in offsets[:keep_senses]:
                words, pointers = synsets[(p, offset)]
                forms = [re.sub(r"\(.*\)$", "", w) for w in words]
                if lemma not in forms:
                    continue  # capitalised in this synset: a name (Russia, Russian)
                number = forms.index(lemma) + 1
                add(st, SYNSET, (p, offset))
                for symbol, target, target_pos, source, dest in pointers:
                    if symbol == "@" and source == 0:
                        add(st, HYPERNYM, (target_pos, target))
                    elif symbol == "+" and source == number:
                        target_words = synsets[(target_pos, target)][0]
                        other = word_stem(target_words[dest - 1])
                        if other and other != st and other in vocabulary:
                            add(st, DERIVED, other)
                            add(other, DERIVED, st)
    # Irregular inflections: the inflected form's stem points at the base form's stem.
    for pos in POS:
        with open(os.path.join(WORDNET, pos + ".exc"), encoding="latin-1") as f:
            for line in f:
                fields = line.split()
                form = word_stem(fields[0])
                for base in fields[1:2]:
                    base = word_stem(base)
                    if form and base and form != base and base in vocabulary:
                        add(form, INFLECTED, base)

    # Keep keys that can match another stem: a synset two stems have, a hypernym that is some
    # stem's synset, a derivation or inflection target (matched by the target's own SELF key).
    synset_users = {}
    for st, ks in keys.items():
        for kind, ident in ks:
            if kind == SYNSET:
                synset_users.setdefault(ident, set()).add(st)
    useful = {}
    for st, ks in keys.items():
        kept = set()
        for kind, ident in ks:
            if kind == SYNSET and len(synset_users[ident]) < 2:
                continue
            if kind == HYPERNYM and not synset_users.get(ident, set()) - {st}:
                continue
            kept.add((kind, ident))
        if kept:
            useful[st] = kept
    # Stems that are only ever a target (of a derivation or an inflection) need their own row
    # so that their SELF key exists.
    for ks in list(useful.values()):
        for kind, ident in ks:
            if kind in (DERIVED, INFLECTED):
                useful.setdefault(ident, set())
    stems = sorted(useful)
    index = {st: i for i, st in enumerate(stems)}
    synset_ids = {}
    for st in stems:
        for kind, ident in sorted(useful[st], key=str):
            if kind in (SYNSET, HYPERNYM) and ident not in synset_ids:
                synset_ids[ident] = len(stems) + len(synset_ids)

    def packed(kind, ident):
        number = index[ident] if kind in (DERIVED, INFLECTED) else synset_ids[ident]
        return kind << 29 | number

    offsets, flat = [0], []
    for st in stems:
        flat.extend(sorted(packed(k, i) for k, i in useful[st]))
        offsets.append(len(flat))
    counts = {name: sum(1 for ks in useful.values() for k, _ in ks if k == kind)
              for name, kind in [("derived", DERIVED), ("inflected", INFLECTED), ("synset", SYNSET), ("hypernym", HYPERNYM)]}

    print("//! Word relations from WordNet 3.0 for [`super::score`]: synonyms, derivations, near")
    print("//! hypernyms and irregular inflections, between stems of the background table.")
    print("//!")
    print("//! Generated by `tools/gen_wordnet.py` (see its header) from Debian's `wordnet-base`, with the")
    print(f"//! first {keep_senses} senses of every word. WordNet 3.0 Copyright 2006 by Princeton University; its")
    print("//! licence, which applies to this table, is in `tools/WORDNET_LICENSE` (copied into THIRD_PARTY_NOTICES.md). Do not edit.")
    print("//!")
    print("//! [`STEMS`]`[i]` is a stem as `crate::read::tokens::stem` makes it, sorted (byte order);")
    print("//! its keys are `KEYS[OFFSETS[i]..OFFSETS[i + 1]]`, each `kind << 29 | id` (kinds: 1 derived")
    print("//! form, `id` the related stem's index; 2 irregular inflection, `id` the base form's index;")
    print("//! 3 synset; 4 hypernym synset).")
    print(f"//! {len(stems)} stems; keys: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + ".")
    print()
    print("/// Stems with relations, sorted (byte order).")
    print("pub static STEMS: &[&str] = &[")
    emit([f'"{st}",' for st in stems])
    print("];")
    print()
    print("/// Where each stem's keys start in [`KEYS`]; one more entry than [`STEMS`].")
    print(f"pub static OFFSETS: &[u16] = &[")
    emit([f"{o}," for o in offsets])
    print("];")
    print()
    print("/// Every stem's keys, `kind << 29 | id`, sorted within a stem.")
    print("pub static KEYS: &[u32] = &[")
    emit([f"{k:#x}," for k in flat])
    print("];")
    print(f"generated {len(stems)} stems, {len(flat)} keys ({counts})", file=sys.stderr)
    assert len(flat) < 65536


def emit(items):
    line = "   "
    for item in items:
        if len(line) + len(item) + 1 > 100:
            print(line)
            line = "   "
        line += " " + item
    print(line)


if __name__ == "__main__":
    main()

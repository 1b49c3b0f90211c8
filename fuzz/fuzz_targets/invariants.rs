//! What must hold for any read article and any report, whatever the input: shared by the fuzz
//! targets so they judge by the same rules.

use std::collections::BTreeSet;
use std::ops::Range;

use crosscheck::extract::ReadArticle;
use crosscheck::report::{Role, Support};
use crosscheck::{Article, Report};

/// Panics when `report` (made from `articles`) breaks an invariant of `src/report.rs`:
/// UTF-16 offsets inside their source, ids that point at what exists, every body sentence
/// with at least one claim inside it (none in a copy of another source), copies of sources
/// that are not copies, every claim in at most one fact, facts of one claim per source from
/// two or more distinct sources, sentences that list exactly the facts of their
/// claims, support that follows facts and closest claims, single-source claims that are
/// exactly the claims with support `single`, conflicts and alignments between existing
/// sentences of different sources.
pub fn check_report(articles: &[Article], report: &Report) {
    assert_eq!(report.sources.len(), articles.len(), "one source per article");
    let lengths: Vec<usize> = articles.iter().map(|a| a.text.encode_utf16().count()).collect();
    let sentences: Vec<&crosscheck::report::Sentence> = report.sources.iter().flat_map(|s| &s.sentences).collect();
    for (index, source) in report.sources.iter().enumerate() {
        assert_eq!(source.id, index);
        assert_eq!(source.length, lengths[index], "source {index} length in UTF-16 units");
        let mut previous_end = 0;
        for s in &source.sentences {
            assert_eq!(s.source, index, "sentence {} listed under the wrong source", s.id);
            assert!(s.start <= s.end && s.end <= source.length, "sentence {} at {}..{} of {}", s.id, s.start, s.end, source.length);
            assert!(s.start >= previous_end, "sentence {} overlaps the one before", s.id);
            previous_end = s.end;
        }
    }
    for (id, s) in sentences.iter().enumerate() {
        assert_eq!(s.id, id, "sentence ids follow report order");
    }
    let within = |what: &str, sentence: usize, start: usize, end: usize| {
        let s = sentences.get(sentence).unwrap_or_else(|| panic!("{what} points at missing sentence {sentence}"));
        let length = lengths[s.source];
        assert!(start <= end && end <= length, "{what} at {start}..{end} in a source of {length} UTF-16 units");
    };
    for q in &report.quotes {
        within("quote", q.sentence, q.start, q.end);
        if let Some(e) = q.entity {
            assert!(e < report.entities.len(), "quote speaker entity {e} is missing");
        }
    }
    for a in &report.attributions {
        within("attribution source", a.sentence, a.source.start, a.source.end);
        within("attribution cue", a.sentence, a.cue.start, a.cue.end);
        within("attribution content", a.sentence, a.content.start, a.content.end);
        let s = &sentences[a.sentence];
        assert!(s.start <= a.cue.start && a.cue.end <= s.end, "attribution cue {}..{} outside its sentence {}", a.cue.start, a.cue.end, s.id);
        if let Some(e) = a.source.entity {
            assert!(e < report.entities.len(), "attribution speaker entity {e} is missing");
        }
    }
    for q in &report.quantities {
        within("quantity", q.sentence, q.start, q.end);
    }
    for t in &report.times {
        within("time", t.sentence, t.start, t.end);
    }
    for (id, e) in report.entities.iter().enumerate() {
        assert_eq!(e.id, id);
        for m in &e.mentions {
            within("mention", m.sentence, m.start, m.end);
        }
    }

    let mut with_claims = BTreeSet::new();
    for (id, c) in report.claims.iter().enumerate() {
        assert_eq!(c.id, id, "claim ids follow report order");
        within("claim", c.sentence, c.start, c.end);
        let s = sentences[c.sentence];
        assert_eq!(s.role, Role::Body, "claim {id} is not in a body sentence");
        assert!(s.start <= c.start && c.end <= s.end, "claim {id} at {}..{} outside its sentence {}..{}", c.start, c.end, s.start, s.end);
        with_claims.insert(c.sentence);
        if let Some(e) = c.speaker {
            assert!(e < report.entities.len(), "claim {id}: speaker entity {e} is missing");
        }
        let own_source = s.source;
        for near in &c.closest {
            let other = report.claims.get(near.claim).unwrap_or_else(|| panic!("claim {id}: closest claim {} is missing", near.claim));
            assert_eq!(sentences[other.sentence].source, near.source, "claim {id}: closest claim {} source", near.claim);
            assert_ne!(near.source, own_source, "claim {id}: a closest claim from its own source");
            assert!((0.0..=1.0).contains(&near.score), "claim {id}: closest score {}", near.score);
        }
        assert!(c.closest.windows(2).all(|w| w[0].source <= w[1].source), "claim {id}: closest not in source order");
        match c.support {
            Support::Shared => {
                assert!(c.fact.is_some() && c.closest.is_empty(), "claim {id}: shared means in a fact, nothing closest")
            }
            Support::Possible | Support::Single => assert!(c.fact.is_none(), "claim {id}: in a fact but {:?}", c.support),
            _ => panic!("claim {id}: unknown support"),
        }
    }
    for s in sentences.iter().filter(|s| s.role == Role::Body) {
        let copy = report.sources[s.source].copy_of.is_some();
        assert_eq!(with_claims.contains(&s.id), !copy, "body sentence {}: claims in an original, none in a copy", s.id);
    }
    for (index, source) in report.sources.iter().enumerate() {
        let Some(copy) = &source.copy_of else { continue };
        assert_ne!(copy.source, index, "source {index} is a copy of itself");
        let original = report.sources.get(copy.source).unwrap_or_else(|| panic!("source {index} copies missing source {}", copy.source));
        assert!(original.copy_of.is_none(), "source {index} copies source {}, itself a copy", copy.source);
        for &id in &copy.differing {
            assert!(sentences.get(id).is_some_and(|s| s.source == index && s.role == Role::Body), "source {index}: differing sentence {id}");
        }
        assert!(report.quotes.iter().all(|q| sentences[q.sentence].source != index), "source {index}: a copy with quotes");
    }

    let mut facts_of: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); sentences.len()];
    for (id, fact) in report.facts.iter().enumerate() {
        assert_eq!(fact.id, id);
        assert_eq!(fact.claims.len(), fact.sources.len(), "fact {id}: one claim per source");
        assert_eq!(fact.sentences.len(), fact.sources.len(), "fact {id}: one sentence per source");
        assert!(fact.sources.len() >= 2, "fact {id} has fewer than two sources");
        assert!(fact.sources.windows(2).all(|w| w[0] < w[1]), "fact {id}: sources not distinct and ascending");
        for ((&claim, &sentence), &source) in fact.claims.iter().zip(&fact.sentences).zip(&fact.sources) {
            let c = report.claims.get(claim).unwrap_or_else(|| panic!("fact {id} points at missing claim {claim}"));
            assert_eq!(c.fact, Some(id), "claim {claim} does not name its fact {id}");
            assert_eq!(c.sentence, sentence, "fact {id}: claim {claim} is not in sentence {sentence}");
            let s = sentences[sentence];
            assert_eq!(s.source, source, "fact {id}: sentence {sentence} is not from source {source}");
            facts_of[sentence].insert(id);
        }
    }
    for c in &report.claims {
        if let Some(f) = c.fact {
            assert!(report.facts.get(f).is_some_and(|fact| fact.claims.contains(&c.id)), "claim {} names fact {f} that does not list it", c.id);
        }
    }
    for s in &sentences {
        let listed: BTreeSet<usize> = s.facts.iter().copied().collect();
        assert_eq!(listed.len(), s.facts.len(), "sentence {} lists a fact twice", s.id);
        assert!(s.facts.windows(2).all(|w| w[0] < w[1]), "sentence {}: facts not ascending", s.id);
        assert_eq!(listed, facts_of[s.id], "sentence {} lists other facts than its claims are in", s.id);
    }
    for (index, source) in report.sources.iter().enumerate() {
        let body = source.sentences.iter().filter(|s| s.role == Role::Body).count();
        let own: Vec<&crosscheck::report::Claim> = report.claims.iter().filter(|c| sentences[c.sentence].source == index).collect();
        let single: BTreeSet<usize> = own.iter().filter(|c| c.support == Support::Single).map(|c| c.id).collect();
        let summary = &source.summary;
        assert_eq!(summary.body_sentences, body, "source {index}: body sentence count");
        assert_eq!(summary.claims, own.len(), "source {index}: claim count");
        assert_eq!(summary.shared_claims, own.iter().filter(|c| c.support == Support::Shared).count(), "source {index}: shared");
        assert_eq!(summary.possible_claims, own.iter().filter(|c| c.support == Support::Possible).count(), "source {index}: possible");
        let with_shared: BTreeSet<usize> = own.iter().filter(|c| c.support == Support::Shared).map(|c| c.sentence).collect();
        assert_eq!(summary.shared_sentences, with_shared.len(), "source {index}: sentences with a shared claim");
        let listed: BTreeSet<usize> = summary.single_source_claims.iter().copied().collect();
        assert_eq!(listed.len(), summary.single_source_claims.len(), "source {index}: a claim listed twice");
        assert_eq!(listed, single, "source {index}: single-source claims are the claims with support single");
    }

    let source_of = |what: &str, id: usize| {
        sentences.get(id).unwrap_or_else(|| panic!("{what} points at missing sentence {id}")).source
    };
    for c in &report.conflicts {
        assert_eq!(c.sentences.len(), 2, "a conflict is between two sentences");
        let (a, b) = (source_of("conflict", c.sentences[0]), source_of("conflict", c.sentences[1]));
        assert!(a < b, "conflict {:?}: sources {a} and {b} not different and lower first", c.sentences);
        assert_eq!(c.values.len(), c.sentences.len(), "one value per conflicting sentence");
        if let Some(f) = c.fact {
            assert!(f < report.facts.len(), "conflict names missing fact {f}");
            for &id in &c.sentences {
                assert!(sentences[id].facts.contains(&f), "conflict names fact {f} that sentence {id} is not in");
            }
        }
    }
    for al in &report.alignments {
        assert!(al.fact < report.facts.len(), "alignment names missing fact {}", al.fact);
        assert!(source_of("alignment", al.a) < source_of("alignment", al.b), "alignment sources out of order");
        assert!(sentences[al.a].facts.contains(&al.fact), "aligned sentence {} is not in fact {}", al.a, al.fact);
        assert!(sentences[al.b].facts.contains(&al.fact), "aligned sentence {} is not in fact {}", al.b, al.fact);
        assert_eq!(al.claims.len(), 2, "an alignment is between two claims");
        for (&claim, &sentence) in al.claims.iter().zip([&al.a, &al.b]) {
            let c = report.claims.get(claim).unwrap_or_else(|| panic!("alignment names missing claim {claim}"));
            assert!(c.sentence == sentence && c.fact == Some(al.fact), "alignment claim {claim} is not in sentence {sentence} and fact {}", al.fact);
        }
        assert!((0.0..=1.0).contains(&al.score), "alignment score {}", al.score);
    }
    assert_eq!(report.similarity.len(), articles.len(), "similarity rows");
    for row in &report.similarity {
        assert_eq!(row.len(), articles.len(), "similarity columns");
        assert!(row.iter().all(|v| (0.0..=1.0).contains(v)), "similarity outside 0..1: {row:?}");
    }
    for w in &report.warnings {
        assert!(w.source < articles.len(), "warning for missing source {}", w.source);
    }
}

/// Facts as sets of (source name, claim start, claim end): free of input order and of ids, so
/// two reports of the same articles in different orders can be compared.
pub fn fact_sets(report: &Report) -> BTreeSet<BTreeSet<(String, usize, usize)>> {
    let sentences: Vec<&crosscheck::report::Sentence> = report.sources.iter().flat_map(|s| &s.sentences).collect();
    report
        .facts
        .iter()
        .map(|f| {
            f.claims
                .iter()
                .map(|&id| {
                    let c = &report.claims[id];
                    (report.sources[sentences[c.sentence].source].name.clone(), c.start, c.end)
                })
                .collect()
        })
        .collect()
}

fn check_slice(text: &str, range: &Range<usize>, what: &str) {
    assert!(range.start <= range.end && range.end <= text.len(), "{what} {range:?} outside 0..{}", text.len());
    assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end), "{what} {range:?} splits a character");
}

/// Sentences in order, non-empty and disjoint, their junk inside them; every claim inside
/// the text and pointing at an existing claim-bearing sentence.
pub fn check_read(article: &ReadArticle<'_>) {
    let text = article.text;
    let mut previous_end = 0;
    for (index, sentence) in article.sentences.iter().enumerate() {
        let range = &sentence.range;
        check_slice(text, range, "sentence");
        assert!(!range.is_empty(), "sentence {index} is empty");
        assert!(range.start >= previous_end, "sentence {index} {range:?} overlaps the one before");
        previous_end = range.end;
        let mut junk_end = range.start;
        for junk in &sentence.junk {
            check_slice(text, junk, "junk");
            assert!(junk.start >= junk_end && junk.end <= range.end, "junk {junk:?} out of order or outside {range:?}");
            junk_end = junk.end;
        }
        article.sentence_text(index);
    }
    let sentence = |index: usize, what: &str| {
        let s = article.sentences.get(index).unwrap_or_else(|| panic!("{what} points at missing sentence {index}"));
        assert!(matches!(s.role, Role::Body | Role::Heading), "{what} in a {:?} sentence", s.role);
        s.range.clone()
    };
    let inside = |range: &Range<usize>, index: usize, what: &str| {
        check_slice(text, range, what);
        let s = sentence(index, what);
        assert!(s.start <= range.start && range.end <= s.end, "{what} {range:?} outside its sentence {s:?}");
    };
    for (index, q) in &article.quantities {
        inside(&q.range, *index, "quantity");
    }
    for (index, t) in &article.times {
        inside(&t.range, *index, "time");
    }
    for m in &article.mentions {
        inside(&m.range, m.sentence, "mention");
    }
    for q in &article.quotes {
        check_slice(text, &q.range, "quote");
        let s = sentence(q.sentence, "quote");
        assert!(q.range.start >= s.start, "quote {:?} starts before its sentence {s:?}", q.range);
        if let Some(speaker) = &q.speaker {
            check_slice(text, speaker, "speaker");
        }
    }
}

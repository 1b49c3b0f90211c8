//! What must hold for any report, whatever the input: shared by both fuzz targets so they
//! judge a report by the same rules.

use std::collections::BTreeSet;

use crosscheck::report::Role;
use crosscheck::{Article, Report};

/// Panics when `report` (made from `articles`) breaks an invariant of `src/report.rs`:
/// UTF-16 offsets inside their source, ids that point at what exists, every sentence in at
/// most one fact, facts from two or more distinct sources, single-source claims that are
/// exactly the body sentences in no fact, conflicts and alignments between existing
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

    let mut in_fact = BTreeSet::new();
    for (id, fact) in report.facts.iter().enumerate() {
        assert_eq!(fact.id, id);
        assert_eq!(fact.sentences.len(), fact.sources.len(), "fact {id}: one sentence per source");
        assert!(fact.sources.len() >= 2, "fact {id} has fewer than two sources");
        assert!(fact.sources.windows(2).all(|w| w[0] < w[1]), "fact {id}: sources not distinct and ascending");
        for (&sentence, &source) in fact.sentences.iter().zip(&fact.sources) {
            let s = sentences.get(sentence).unwrap_or_else(|| panic!("fact {id} points at missing sentence {sentence}"));
            assert!(in_fact.insert(sentence), "sentence {sentence} is in two facts");
            assert_eq!(s.source, source, "fact {id}: sentence {sentence} is not from source {source}");
            assert_eq!(s.role, Role::Body, "fact {id}: sentence {sentence} is not a body sentence");
            assert_eq!(s.fact, Some(id), "sentence {sentence} does not name its fact {id}");
        }
    }
    for s in &sentences {
        assert_eq!(s.fact.is_some(), in_fact.contains(&s.id), "sentence {} names a fact that does not list it", s.id);
    }
    for (index, source) in report.sources.iter().enumerate() {
        let body: Vec<usize> = source.sentences.iter().filter(|s| s.role == Role::Body).map(|s| s.id).collect();
        let single: BTreeSet<usize> = body.iter().copied().filter(|id| !in_fact.contains(id)).collect();
        let summary = &source.summary;
        assert_eq!(summary.body_sentences, body.len(), "source {index}: body sentence count");
        assert_eq!(summary.shared_sentences + single.len(), body.len(), "source {index}: shared + single");
        let claims: BTreeSet<usize> = summary.single_source_claims.iter().copied().collect();
        assert_eq!(claims.len(), summary.single_source_claims.len(), "source {index}: a claim listed twice");
        assert_eq!(claims, single, "source {index}: single-source claims are the body sentences in no fact");
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
                assert_eq!(sentences[id].fact, Some(f), "conflict names fact {f} that sentence {id} is not in");
            }
        }
    }
    for al in &report.alignments {
        assert!(al.fact < report.facts.len(), "alignment names missing fact {}", al.fact);
        assert!(source_of("alignment", al.a) < source_of("alignment", al.b), "alignment sources out of order");
        assert_eq!(sentences[al.a].fact, Some(al.fact), "aligned sentence {} is not in fact {}", al.a, al.fact);
        assert_eq!(sentences[al.b].fact, Some(al.fact), "aligned sentence {} is not in fact {}", al.b, al.fact);
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

/// Facts as sets of (source name, sentence start): free of input order and of ids, so two
/// reports of the same articles in different orders can be compared.
pub fn fact_sets(report: &Report) -> BTreeSet<BTreeSet<(String, usize)>> {
    let sentences: Vec<&crosscheck::report::Sentence> = report.sources.iter().flat_map(|s| &s.sentences).collect();
    report
        .facts
        .iter()
        .map(|f| f.sentences.iter().map(|&id| (report.sources[sentences[id].source].name.clone(), sentences[id].start)).collect())
        .collect()
}

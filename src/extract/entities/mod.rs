//! Named entities: people, places and organisations, found in an article and merged across
//! spelling variants and articles.
//!
//! In: an article's text and the byte ranges of the sentences worth reading (body and
//! headings). Out: [`find_mentions`] gives one [`MentionMatch`] per name as written, with
//! titles and possessive endings left out ("President Vladimir Putin’s" → `Vladimir Putin`,
//! a person); [`link_entities`] groups the mentions of several articles into
//! [`EntityCluster`]s ("Zelenskiy", "Zelenskyy" and "Zelensky" are one person, "Kiev" and
//! "Kyiv" one place, a bare "Trump" joins the full name it most likely stands for).
//!
//! How a name is recognised, in order:
//! 1. words are scanned with their shape (capitalised, acronym, lowercase); runs of
//!    capitalised words, joined by name connectors ("de", "bin", "of" after a head noun such
//!    as "Secretary" or "Bank"), are candidate names;
//! 2. a capitalised word that only starts a sentence or a quotation (or sits in a headline,
//!    where every word is capitalised) is kept only when the article also writes it
//!    capitalised mid-sentence and never lowercase, or when a built-in list knows it;
//! 3. titles ("President", "Foreign Minister", "Secretary of State") are cut off and make the
//!    rest a person; the words before a title ("White House Press Secretary") may be a name
//!    of their own; nationality adjectives ("Russian") are not names;
//! 4. the kind comes from cues: titles, a small list of first names, role nouns before the
//!    name ("spokesman Dmitry Peskov"), a speaking verb after it, a small gazetteer of
//!    countries, capitals and regions, place and organisation head nouns ("Strip",
//!    "Council", "Ministry", "House"), acronyms; a surname alone inherits the kind of the
//!    full name in the same article.
//!
//! Linking compares names by a spelling skeleton (lowercase, accents folded, doubled letters
//! collapsed, `y`/`i`, `ie`/`ei`/`i` and `ks`/`x` folded), so common transliteration variants
//! meet; long names also match by character-trigram similarity. The lists are deliberately
//! small and generic; unknown names still become mentions of kind `Other`.
//!
//! `mentions` recognises names (steps 1 to 4), `linking` merges them, `names` holds the
//! built-in lists; the word lists shared with quotations (titles, role nouns, speaking verbs)
//! are in `crate::extract::lexicon`.

mod linking;
mod mentions;
mod names;

use std::ops::Range;

use crate::report::EntityKind;
use linking::{assign_bare_names, build_clusters, merge_parenthesised_acronyms, DisjointSets, FormTable};
use mentions::{propagate_kinds, sentence_mentions, DocContext, ScannedSentence};

/// A name as written in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionMatch {
    /// Byte range of the name in the article's text (no title, no possessive ending).
    pub range: Range<usize>,
    /// Index into the sentence ranges the mention was found with.
    pub sentence: usize,
    /// Person, place, organisation or other, as far as the article tells.
    pub kind: EntityKind,
}

/// One entity: mentions of several articles that name the same person, place or body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityCluster {
    /// Canonical name: the longest full form, then the most frequent, then the first seen.
    pub name: String,
    /// The kind most mentions support.
    pub kind: EntityKind,
    /// Distinct spellings, canonical name first, then in order of first appearance.
    pub variants: Vec<String>,
    /// `(article, mention index)` pairs, ordered by article then position.
    pub members: Vec<(usize, usize)>,
}

/// Finds the names in `sentences` (byte ranges into `text`), in text order.
///
/// Ranges that are out of bounds or not on character boundaries are skipped.
pub fn find_mentions(text: &str, sentences: &[Range<usize>]) -> Vec<MentionMatch> {
    let scanned: Vec<ScannedSentence> = sentences
        .iter()
        .map(|range| ScannedSentence::new(text, range))
        .collect();
    let context = DocContext::new(text, &scanned);
    let mut mentions = Vec::new();
    for (index, sentence) in scanned.iter().enumerate() {
        sentence_mentions(text, sentence, index, &context, &mut mentions);
    }
    propagate_kinds(text, &mut mentions);
    mentions
}

/// Groups the mentions of several articles into entities; `docs[i]` is article `i`'s text
/// and mentions (as returned by [`find_mentions`]). Clusters come in order of first
/// appearance (article, then position).
pub fn link_entities(docs: &[(&str, &[MentionMatch])]) -> Vec<EntityCluster> {
    let mut forms = FormTable::default();
    let mut mention_form: Vec<Vec<Option<usize>>> = Vec::with_capacity(docs.len());
    for (text, mentions) in docs {
        let ids = mentions
            .iter()
            .map(|m| text.get(m.range.clone()).map(|surface| forms.add(surface, m.kind)))
            .collect();
        mention_form.push(ids);
    }
    let mut sets = DisjointSets::new(forms.form_count());
    forms.merge_full_names(&mut sets);
    forms.merge_similar(&mut sets);
    forms.merge_acronyms(&mut sets);
    merge_parenthesised_acronyms(docs, &mention_form, &mut sets);

    let roots: Vec<usize> = (0..forms.form_count()).map(|f| sets.find(f)).collect();
    let root_votes = forms.votes_by_root(&roots);
    let assigned = assign_bare_names(docs, &mention_form, &forms, &roots, &root_votes);
    build_clusters(docs, &assigned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits invented test text into sentences at line breaks.
    pub(super) fn sentences_of(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c == '\n' {
                if !text[start..i].trim().is_empty() {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if !text[start..].trim().is_empty() {
            out.push(start..text.len());
        }
        out
    }

    #[test]
    fn never_panics_on_odd_input() {
        let texts = [
            "",
            "\u{0}\u{0}",
            "مرحبا بالعالم. قال الرئيس",
            "👍🏽 Émile Zola’s “J’accuse” 👍",
            "A\u{301}B\u{301} C\u{301}",
            "U.S.-",
            "-Al- al- ’s 's ’",
            "O'Brien’s O’Neill-Smith-",
        ];
        for text in texts {
            let ranges = vec![0..text.len(), 0..0, text.len()..text.len() + 5, 1..text.len(), Range { start: 2, end: 1 }];
            let found = find_mentions(text, &ranges);
            for m in &found {
                assert!(text.get(m.range.clone()).is_some(), "{text:?} {m:?}");
            }
            let _ = link_entities(&[(text, &found)]);
        }
    }
}

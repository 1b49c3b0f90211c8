//! Copies: articles that are the same text as another (wire copy run by several outlets, the
//! same file dropped twice), so that they count as one source.
//!
//! In: the articles as read and split into sentences (extraction has not run yet: a copy is
//! never extracted). Out: for each article, the [`CopyOf`] it is a copy of, or `None`.
//!
//! Two articles are compared by their body sentences, each reduced to its normalised words: an
//! article is a copy of another when at least nine in ten of its distinct body sentences are
//! also in the other, and it has at least [`MIN_SENTENCES`] of them or all of its sentences
//! and the other's are the same. Outlets trim wire copy from the bottom and retitle it, so the
//! headline, boilerplate and article length do not count. The copy of a longer article is
//! attached to the longer one; among articles of one length, to the first by text, then by
//! name, so that the grouping does not depend on the order the files come in.

use std::collections::HashMap;

use crate::extract::ReadArticle;
use crate::read::tokens;

/// Fewest distinct body sentences for an article to be a near copy; shorter ones are copies
/// only when they are word for word the same article.
pub const MIN_SENTENCES: usize = 3;

/// Of a copy's distinct body sentences, the tenths that must also be in the article it copies.
const MIN_SHARED_TENTHS: usize = 9;

/// What an article is a copy of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyOf {
    /// Index of the article it copies (never itself a copy).
    pub article: usize,
    /// Indices of the copy's body sentences whose words are not in that article, in text order.
    pub differing: Vec<usize>,
}

/// For each article, what it is a copy of; see the module doc.
pub fn find_copies(articles: &[ReadArticle<'_>], names: &[&str]) -> Vec<Option<CopyOf>> {
    let fingerprints: Vec<Vec<u64>> = articles.iter().map(body_fingerprints).collect();
    let distinct: Vec<Vec<u64>> = fingerprints
        .iter()
        .map(|f| {
            let mut d = f.clone();
            d.sort_unstable();
            d.dedup();
            d
        })
        .collect();
    let mut order: Vec<usize> = (0..articles.len()).filter(|&i| !distinct[i].is_empty()).collect();
    order.sort_by(|&a, &b| {
        distinct[b]
            .len()
            .cmp(&distinct[a].len())
            .then_with(|| articles[a].text.cmp(articles[b].text))
            .then_with(|| names.get(a).cmp(&names.get(b)))
            .then(a.cmp(&b))
    });
    let mut position = vec![0; articles.len()];
    for (at, &article) in order.iter().enumerate() {
        position[article] = at;
    }
    let mut copies = vec![None; articles.len()];
    // Sentence fingerprint → the originals (articles that are not copies) holding it.
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut shared: HashMap<usize, usize> = HashMap::new();
    for &article in &order {
        shared.clear();
        for fingerprint in &distinct[article] {
            for &original in holders.get(fingerprint).map_or(&[][..], Vec::as_slice) {
                *shared.entry(original).or_default() += 1;
            }
        }
        let own = distinct[article].len();
        let best = shared
            .iter()
            .filter(|&(&original, &count)| {
                let whole = count == own && own == distinct[original].len();
                count * 10 >= MIN_SHARED_TENTHS * own && (own >= MIN_SENTENCES || whole)
            })
            // Ties go to the original first in the order-free order, not in the file order.
            .max_by(|(a, x), (b, y)| x.cmp(y).then(position[**b].cmp(&position[**a])))
            .map(|(&original, _)| original);
        match best {
            Some(original) => {
                let theirs = &distinct[original];
                let differing = articles[article]
                    .body_sentences()
                    .zip(&fingerprints[article])
                    .filter(|(_, f)| theirs.binary_search(f).is_err())
                    .map(|(index, _)| index)
                    .collect();
                copies[article] = Some(CopyOf { article: original, differing });
            }
            None => {
                for &fingerprint in &distinct[article] {
                    holders.entry(fingerprint).or_default().push(article);
                }
            }
        }
    }
    copies
}

/// One fingerprint per body sentence, in text order: a hash of its normalised words, so that
/// spacing, punctuation, case and in-line junk do not tell two copies apart.
fn body_fingerprints(article: &ReadArticle<'_>) -> Vec<u64> {
    article
        .body_sentences()
        .map(|index| {
            let text = article.sentence_text(index);
            tokens::words(&text).iter().fold(super::text_key(""), |hash, word| {
                super::text_key(&word.norm) ^ hash.rotate_left(17).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{self, clean};

    fn read(text: &str) -> ReadArticle<'_> {
        let layout = clean::clean(text);
        ReadArticle { sentences: read::split_sentences(text, &layout), ..ReadArticle::empty(text) }
    }

    const WIRE: &str = "Dam holds after storm\n\n\
        The Dolva dam held through the night, the river authority said on Tuesday. \
        About 1,200 people were moved from the valley before the water peaked. \
        Engineers will inspect the spillway on Wednesday. \
        The regional governor thanked the volunteers who filled sandbags. \
        Schools in the valley stay closed until Friday.";

    fn copies_of(texts: &[&str]) -> Vec<Option<CopyOf>> {
        let articles: Vec<ReadArticle<'_>> = texts.iter().map(|t| read(t)).collect();
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        find_copies(&articles, &names.iter().map(String::as_str).collect::<Vec<_>>())
    }

    #[test]
    fn the_same_text_twice_is_one_article_and_its_copy() {
        assert_eq!(copies_of(&[WIRE, WIRE]), vec![None, Some(CopyOf { article: 0, differing: vec![] })]);
    }

    #[test]
    fn retitled_trimmed_and_respaced_wire_copy_is_a_copy_of_the_longer_one() {
        let trimmed = WIRE.replace("Dam holds after storm", "Valley spared as dam holds").replace(" Schools in the valley stay closed until Friday.", "");
        let respaced = trimmed.replace(". ", ".\n\n").replace("Tuesday", "TUESDAY");
        let copies = copies_of(&[&respaced, WIRE]);
        assert_eq!(copies[0].as_ref().map(|c| c.article), Some(1));
        assert_eq!(copies[1], None);
    }

    #[test]
    fn a_changed_sentence_in_ten_is_a_near_copy_that_names_the_sentence() {
        let long: String = (1..=10).map(|i| format!("Sentence number {i} says something about the dam. ")).collect();
        let edited = long.replace("number 4 says something", "number 4 says nothing");
        let copies = copies_of(&[&long, &edited]);
        let copy = copies.iter().flatten().next().expect("one is a copy");
        assert_eq!(copy.differing.len(), 1);
        let copy_text = if copies[0].is_some() { &long } else { &edited };
        let article = read(copy_text);
        let sentence = &article.sentences[copy.differing[0]];
        assert!(copy_text[sentence.range.clone()].contains("number 4"));
    }

    #[test]
    fn two_changed_sentences_in_ten_are_another_article() {
        let long: String = (1..=10).map(|i| format!("Sentence number {i} says something about the dam. ")).collect();
        let edited = long.replace("number 4 says something", "number 4 says nothing").replace("number 7 says something", "number 7 says little");
        assert_eq!(copies_of(&[&long, &edited]), vec![None, None]);
    }

    #[test]
    fn a_short_article_is_a_copy_only_when_word_for_word_the_same() {
        let short = "The Dolva dam held through the night, the river authority said on Tuesday. \
            Engineers will inspect the spillway on Wednesday.";
        assert_eq!(copies_of(&[short, short])[1].as_ref().map(|c| c.article), Some(0));
        assert_eq!(copies_of(&[short, WIRE]), vec![None, None], "two of its sentences are not a copy of a longer article");
    }

    #[test]
    fn the_grouping_does_not_depend_on_the_order_of_the_files() {
        let other = "Rain is forecast for the coast. Ferries are cancelled. Ports are closed. Roads are open.";
        let forward = copies_of(&[WIRE, other, WIRE, WIRE]);
        let backward = copies_of(&[WIRE, WIRE, other, WIRE]);
        assert_eq!(forward.iter().filter(|c| c.is_some()).count(), 2);
        assert_eq!(forward[0], None);
        assert_eq!(backward[0], None, "the first by text, then name, stays the original");
        assert_eq!(forward[1], None);
        assert_eq!(backward[2], None);
    }

    #[test]
    fn empty_and_unread_articles_are_never_copies() {
        let articles = vec![ReadArticle::empty(""), ReadArticle::empty("")];
        assert_eq!(find_copies(&articles, &["a", "b"]), vec![None, None]);
    }
}

//! Site furniture that only shows when several articles of one outlet are read together.
//!
//! In: the articles of one outlet (their text and sentences, roles assigned by
//! [`super::clean`]). Out: the same sentences, those that are the outlet's furniture made
//! boilerplate: a sentence found word for word in every one of the articles, near the top or
//! the end of each ([`EDGE_SENTENCES`]). A newsletter pitch, a standing disclaimer or a "Follow
//! us" line reads like a sentence of the story, so one article alone cannot tell; the same words
//! at the edge of two different stories by the same outlet can. Inside the story, repeated
//! words are the outlet's own background paragraph and stay body: they are compared with the
//! other outlets like any other sentence.

use std::collections::HashMap;

use crate::read::ReadSentence;
use crate::report::Role;

/// How many story sentences from the top and from the end of an article count as its edge.
pub const EDGE_SENTENCES: usize = 3;
/// Sentences shorter than this many words are left to the single-article rules: "Read more"
/// or a city name may repeat in any two articles.
const MIN_WORDS: usize = 4;

/// Makes the outlet's furniture in `articles` boilerplate; see the module documentation.
pub fn mark_repeated_furniture(articles: &mut [(&str, &mut Vec<ReadSentence>)], outlet: &str) {
    if articles.len() < 2 {
        return;
    }
    let edges: Vec<Vec<(usize, String)>> = articles.iter().map(|(text, sentences)| edge_sentences(text, sentences, outlet)).collect();
    let mut found_in: HashMap<&str, usize> = HashMap::new();
    for edge in &edges {
        let mut seen: Vec<&str> = edge.iter().map(|(_, key)| key.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for key in seen {
            *found_in.entry(key).or_default() += 1;
        }
    }
    let count = articles.len();
    for ((_, sentences), edge) in articles.iter_mut().zip(&edges) {
        for (index, key) in edge {
            if found_in.get(key.as_str()) == Some(&count) {
                sentences[*index].role = Role::Boilerplate;
            }
        }
    }
}

/// The story sentences (body or heading) at the top and end of an article that name nothing
/// (see [`names_nothing`]), with their text lower-cased and its words joined by single spaces.
fn edge_sentences(text: &str, sentences: &[ReadSentence], outlet: &str) -> Vec<(usize, String)> {
    let story: Vec<usize> = (0..sentences.len()).filter(|&k| matches!(sentences[k].role, Role::Body | Role::Heading)).collect();
    let edge = |position: usize| position < EDGE_SENTENCES || position + EDGE_SENTENCES >= story.len();
    story
        .iter()
        .enumerate()
        .filter(|&(position, &k)| edge(position) && names_nothing(&text[sentences[k].range.clone()], outlet))
        .map(|(_, &k)| (k, text[sentences[k].range.clone()].split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()))
        .filter(|(_, key)| key.split(' ').count() >= MIN_WORDS)
        .collect()
}

/// Whether a sentence has no number and no capitalised word but its first and the outlet's
/// own name: furniture speaks to the reader about the outlet, while a story's lede repeated in
/// an update of the same story names people, places and days, and stays a sentence to compare.
fn names_nothing(sentence: &str, outlet: &str) -> bool {
    let outlet: Vec<String> = outlet.split_whitespace().map(str::to_lowercase).collect();
    !sentence.contains(|c: char| c.is_ascii_digit())
        && sentence
            .split_whitespace()
            .skip(1)
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
            .all(|word| !word.starts_with(char::is_uppercase) || outlet.contains(&word.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{clean::clean, split_sentences};

    fn roles_after(texts: &[&str]) -> Vec<Vec<(String, Role)>> {
        let mut sentences: Vec<Vec<ReadSentence>> = texts.iter().map(|text| split_sentences(text, &clean(text))).collect();
        let mut group: Vec<(&str, &mut Vec<ReadSentence>)> = texts.iter().copied().zip(sentences.iter_mut()).collect();
        mark_repeated_furniture(&mut group, "Dolva Valley Courier");
        texts
            .iter()
            .zip(&sentences)
            .map(|(text, sentences)| sentences.iter().map(|s| (text[s.range.clone()].to_string(), s.role)).collect())
            .collect()
    }

    fn role_of(article: &[(String, Role)], start: &str) -> Role {
        article.iter().find(|(text, _)| text.starts_with(start)).map(|(_, role)| *role).unwrap()
    }

    #[test]
    fn a_sentence_at_the_edge_of_every_article_of_an_outlet_is_its_furniture() {
        let pitch = "Never miss the latest news by signing up to our morning briefing today!";
        let background = "The Dolva dam was built in 1962 and last repaired in 2019.";
        let first = format!(
            "Dam gives way\nThe spillway of the Dolva dam collapsed late on Tuesday night, the council said.\n{background}\n\
             About 4,000 people left their homes overnight.\nRescue crews used boats to reach the roofs.\n\
             Schools in Petrivka will stay closed until Monday.\nThe governor promised an inquiry.\n\
             Water levels fell on Wednesday afternoon.\nThe regional government sent forty buses.\n{pitch}\n"
        );
        let second = format!(
            "Governor vows inquiry\nGovernor Oleksiy Vashchenko promised an inquiry into the collapse on Wednesday.\n\
             He spoke from the regional capital, Belomir.\nHe said the warnings had been ignored for years.\n\
             Engineers had reported cracks in the spillway last spring.\nThe operator has not commented.\n{background}\n\
             Residents said they heard a roar before the water came.\nThe council will meet on Friday.\n{pitch}\n"
        );
        let roles = roles_after(&[&first, &second]);
        for article in &roles {
            assert_eq!(role_of(article, "Never miss"), Role::Boilerplate);
        }
        assert_eq!(role_of(&roles[1], "The Dolva dam was built"), Role::Body, "repeated inside the story: background, kept");
        let lede = "The spillway of the Dolva dam collapsed late on Tuesday night, the council said.";
        let update = first.replace("Water levels fell on Wednesday afternoon.", lede);
        assert_eq!(role_of(&roles_after(&[&first, &update])[1], lede), Role::Body, "a lede naming places and days is no furniture");
        assert!(names_nothing("Sign up for the Courier newsletter and never miss a story.", "Dolva Valley Courier"));
        assert_eq!(role_of(&roles_after(&[&first])[0], "Never miss"), Role::Body, "one article alone cannot tell");
    }
}

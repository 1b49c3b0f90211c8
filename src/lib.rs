//! crosscheck compares news coverage claim by claim.
//!
//! Give it several articles about one event; it tells which facts every source reports,
//! which only one source reports, where sources disagree (numbers, quotes, places, times,
//! roles) and who said what, with the aligned sentences and a word-level diff.
//!
//! The core is plain Rust: the same [`compare()`] runs natively (the `crosscheck` CLI, the
//! tests, the benchmarks) and in the browser through WebAssembly (`src/wasm.rs`, the only
//! module that knows JavaScript exists).
//!
//! # Pipeline
//!
//! [`pipeline`] runs the stages in turn; each stage imports only the ones above it in this
//! table, the report types import nothing, and `tests/module_graph.rs` fails on any import
//! circle.
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | refuse | [`read::refusal`] | text → why it cannot be read (empty, binary, too long), if so |
//! | clean | [`read::clean`] | text → lines with roles (title, heading, body, boilerplate, off-topic), in-line junk |
//! | segment | [`read::segment`] | a line → sentences with byte ranges |
//! | extract | [`extract`] | sentences → claims with speakers, quantities, quotes with speakers, entity mentions, times |
//! | link | [`compare::link`] | mentions of every article → entities, quote and claim speakers |
//! | score | [`compare::score`] | two claims (and their sentences) → similarity 0..1 |
//! | align | [`compare::align`] | scored candidate claim pairs → facts (one claim per source) |
//! | conflicts | [`compare::conflicts`] | facts and claims → disagreements with explanations |
//! | support | [`compare::support`] | facts and scores → each claim shared, possible or single, with its closest claims |
//! | coverage | [`compare::coverage`] | claims' support → per-source shared, possible and single-source claims |
//! | assemble | [`pipeline::assemble`] | everything → the serializable [`Report`] (UTF-16 offsets) |
//!
//! Shared by every stage: character classes and folding ([`read::chars`]), word tokens
//! ([`read::tokens`]) and offsets ([`read::offsets`]). The data types of the report are in
//! [`report`], the one contract with the CLI, the page and embedders.
//!
//! # Limits
//!
//! The core has no clock (wasm32 has none); [`Options`] bounds the work instead: articles,
//! bytes, and candidate pairs per sentence, which keeps alignment sub-quadratic.
//!
//! # Example
//!
//! ```
//! use crosscheck::{compare, Article, Options};
//!
//! let articles = vec![
//!     Article { name: "a.txt".into(), text: "The mayor of Lindqvist said 40 people were rescued on Monday.".into() },
//!     Article { name: "b.txt".into(), text: "More than 60 people were rescued on Monday, the mayor of Lindqvist said.".into() },
//! ];
//! let report = compare(&articles, &Options::default()).unwrap();
//! assert_eq!(report.sources.len(), 2);
//! assert_eq!(report.facts.len(), 1);
//! assert!(report.conflicts.iter().any(|c| c.kind == crosscheck::report::ConflictKind::Quantity));
//! ```
#![warn(missing_docs)]

#[cfg(all(not(target_arch = "wasm32"), feature = "cli"))]
pub mod cli;
pub mod compare;
mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod extract;
pub mod input;
mod options;
pub mod pipeline;
pub mod read;
pub mod render;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use options::Options;
pub use pipeline::compare;
pub use report::{Article, Report, VERSION};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_oversized_article_is_refused_alone_and_does_not_fill_the_total() {
        let options = Options { max_article_bytes: 1_000, max_total_bytes: 1_500, ..Options::default() };
        let good = "The dam held on Monday, the mayor said. Engineers checked it twice.".to_string();
        let articles = vec![
            Article { name: "big.txt".into(), text: "word ".repeat(400) },
            Article { name: "a.txt".into(), text: good.clone() },
            Article { name: "b.txt".into(), text: good },
        ];
        let report = compare(&articles, &options).expect("the big article is skipped, not fatal");
        assert_eq!(report.warnings.len(), 1);
        assert_eq!(report.warnings[0].source, 0);
    }

    #[test]
    fn a_shortened_quote_is_an_omission_and_a_reworded_one_a_quote_conflict() {
        let said = |name: &str, quote: &str| Article {
            name: name.into(),
            text: format!("Governor Ilse Varga spoke in Velmora on Monday. Governor Ilse Varga said: \"{quote}\""),
        };
        let articles = vec![
            said("a.txt", "We will rebuild every house the water took, and we will find out who ignored the warnings."),
            said("b.txt", "We will rebuild every house the water took."),
            said("c.txt", "We will rebuild every house the flood took."),
        ];
        let report = compare(&articles, &Options::default()).unwrap();
        let source_of = |id: usize| report.sources.iter().find(|s| s.sentences.iter().any(|x| x.id == id)).unwrap().id;
        let kinds: Vec<(report::ConflictKind, usize, usize)> = report
            .conflicts
            .iter()
            .filter(|c| matches!(c.kind, report::ConflictKind::Quote | report::ConflictKind::QuoteOmission))
            .map(|c| (c.kind, source_of(c.sentences[0]), source_of(c.sentences[1])))
            .collect();
        assert!(kinds.contains(&(report::ConflictKind::QuoteOmission, 0, 1)), "{kinds:?}");
        assert!(kinds.contains(&(report::ConflictKind::Quote, 1, 2)), "{kinds:?}");
        let omission = report.conflicts.iter().find(|c| c.kind == report::ConflictKind::QuoteOmission).unwrap();
        assert!(omission.explanation.contains("shortened, not changed"), "{}", omission.explanation);
    }

    #[test]
    fn what_every_article_of_one_outlet_ends_with_is_its_furniture() {
        let pitch = "Never miss the latest news by signing up to our morning briefing today!";
        let article = |name: &str, outlet: &str, story: &str| Article {
            name: name.into(),
            text: format!("Dam gives way\nBy Mara Lindqvist, {outlet}\n{story}\nRescue crews used boats to reach the roofs.\n{pitch}\n"),
        };
        let articles = [
            article("a.txt", "Dolva Valley Courier", "The spillway collapsed late on Tuesday night, the council said."),
            article("b.txt", "Dolva Valley Courier", "Governor Oleksiy Vashchenko promised an inquiry on Wednesday."),
            article("c.txt", "Belomir Ledger", "About 4,000 people left their homes overnight."),
        ];
        let report = compare(&articles, &Options::default()).unwrap();
        let role_of_pitch = |source: usize| report.sources[source].sentences.iter().find(|s| s.text == pitch).unwrap().role;
        assert_eq!([role_of_pitch(0), role_of_pitch(1), role_of_pitch(2)], [report::Role::Boilerplate, report::Role::Boilerplate, report::Role::Body]);
        assert_eq!(report.sources[0].outlet.as_deref(), Some("Dolva Valley Courier"));
    }

    #[test]
    fn wire_copy_carried_by_many_outlets_is_one_fact() {
        // Every word of the shared sentence is in more sentences than the inverted index
        // keeps; only the near-duplicate buckets can pair them.
        let articles: Vec<Article> = (0..60)
            .map(|k| Article {
                name: format!("outlet-{k}.txt"),
                text: format!(
                    "The flood in Velmora killed {} people on Monday, the mayor Ilse Varga said.\n\n\
                     Outlet {k} also noted that stall number {k} at the market was closed.",
                    10 + k
                ),
            })
            .collect();
        let report = compare(&articles, &Options::default()).unwrap();
        let widest = report.facts.iter().map(|f| f.sources.len()).max().unwrap_or(0);
        assert!(widest >= 55, "the widest fact has {widest} of 60 sources");
    }
}

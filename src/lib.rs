//! crosscheck compares news coverage claim by claim.
//!
//! Give it several articles about one event; it tells which facts every source reports,
//! which only one source reports, where sources disagree (numbers, quotes, places, times,
//! roles) and who said what, with the aligned sentences and a word-level diff.
//!
//! The core is plain Rust: the same [`compare`] runs natively (the `crosscheck` CLI, the
//! tests, the benchmarks) and in the browser through WebAssembly (`src/wasm.rs`, the only
//! module that knows JavaScript exists).
//!
//! # Pipeline
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | clean | [`read::clean`] | text → lines with roles (title, heading, body, boilerplate, off-topic), in-line junk |
//! | segment | [`read::segment`] | a line → sentences with byte ranges |
//! | extract | [`extract`] | sentences → quantities, quotes with speakers, entity mentions, times |
//! | score | [`compare::score`] | two sentences → similarity 0..1 |
//! | align | [`compare::align`] | scored candidate pairs → facts (one sentence per source) |
//! | conflicts | [`compare::conflicts`] | facts and claims → disagreements with explanations |
//! | coverage | [`compare::coverage`] | facts → per-source shared and single-source claims |
//! | report | [`report`] | everything → the serializable [`Report`] (UTF-16 offsets) |
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

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod compare;
mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
pub mod extract;
pub mod input;
mod options;
pub mod read;
pub mod render;
pub mod report;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use error::Error;
pub use options::Options;
pub use report::{Article, Report};

/// Reads and compares `articles` and returns the report.
///
/// Fails only when the input as a whole is over the limits in `options`; a problem with one
/// article (empty, binary, too long) becomes a warning in the report and that article is
/// left out of the comparison.
pub fn compare(articles: &[Article], options: &Options) -> Result<Report, Error> {
    options.validate()?;
    if articles.len() > options.max_articles {
        return Err(Error::TooManyArticles { given: articles.len(), limit: options.max_articles });
    }
    // An article over the per-article limit is refused on its own and never read, so it does
    // not count towards the total.
    let total: usize = articles.iter().map(|a| a.text.len()).filter(|&len| len <= options.max_article_bytes).sum();
    if total > options.max_total_bytes {
        return Err(Error::InputTooLarge { given: total, limit: options.max_total_bytes });
    }
    let mut warnings = Vec::new();
    let read: Vec<read::ReadArticle<'_>> = articles
        .iter()
        .enumerate()
        .map(|(index, article)| match read::refusal(&article.text, options) {
            Some(message) => {
                warnings.push(report::Warning { source: index, message });
                read::ReadArticle::empty(&article.text)
            }
            None => read::read_article(&article.text),
        })
        .collect();
    let comparison = compare::compare_articles(&read, options);
    Ok(report::assemble(articles, &read, &comparison, warnings))
}

/// The crate version, as written into every report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

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

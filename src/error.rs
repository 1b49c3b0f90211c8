//! The one error type of the core. Problems with a single article are not errors: they
//! become [`crate::report::Warning`]s and the other articles are still compared.

use std::fmt;

/// Why a comparison could not run at all.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// More articles than [`crate::Options::max_articles`].
    TooManyArticles {
        /// How many were given.
        given: usize,
        /// The limit.
        limit: usize,
    },
    /// More text in total than [`crate::Options::max_total_bytes`].
    InputTooLarge {
        /// Bytes given.
        given: usize,
        /// The limit.
        limit: usize,
    },
    /// The options could not be used.
    InvalidOptions(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooManyArticles { given, limit } => {
                write!(f, "{given} articles given; crosscheck compares at most {limit} at once")
            }
            Error::InputTooLarge { given, limit } => write!(
                f,
                "{:.1} MB of text given; crosscheck reads at most {:.1} MB at once",
                *given as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::InvalidOptions(why) => write!(f, "invalid options: {why}"),
        }
    }
}

impl std::error::Error for Error {}

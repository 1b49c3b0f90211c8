//! Claim extraction: what a fact-checker checks in a sentence.
//!
//! In: sentence text (and, for entities and quotes, the article with its sentence ranges).
//! Out: matches with byte ranges into the text they were given.
//!
//! - [`quantities`]: numbers with units and bounds ("more than a fifth" → > 20 %);
//! - [`times`]: weekdays, dates, months, years, relative times;
//! - [`entities`]: people, places, organisations, merged across spelling variants;
//! - [`quotes`]: quotations with their speakers.

pub mod entities;
pub mod quantities;
pub mod quotes;
pub mod times;

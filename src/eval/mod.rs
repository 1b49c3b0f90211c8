//! Evaluation against public data sets in `../shared/data` (native only).
//!
//! In: the data folder. Out: [`Figure`] rows that `crosscheck eval` prints and that the
//! integration tests assert on. Each submodule owns one task's suites.

/// One line of the evaluation table.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Which suite and metric, e.g. `golden rules (48, pySBD set): exact match`.
    pub name: String,
    /// Our measured value, formatted, e.g. `48/48 = 100.00%`.
    pub value: String,
    /// The reference point to compare with, e.g. `pySBD 47/48`.
    pub reference: String,
}

impl Figure {
    /// A figure row.
    pub fn new(name: impl Into<String>, value: impl Into<String>, reference: impl Into<String>) -> Self {
        Figure { name: name.into(), value: value.into(), reference: reference.into() }
    }
}

pub mod claims;
pub mod events;
pub mod html;
pub mod polnear;
pub mod quantities;
pub mod quotes;
pub mod segment;
pub mod similarity;

use std::path::Path;

/// Every figure, in the order the README lists them.
pub fn all_figures(data_dir: &Path) -> Result<Vec<Figure>, String> {
    if !data_dir.is_dir() {
        return Err(format!("no evaluation data at {}", data_dir.display()));
    }
    let mut figures = segment::figures(data_dir)?;
    figures.extend(quantities::figures(data_dir)?);
    figures.extend(quotes::figures(data_dir)?);
    figures.extend(polnear::figures(data_dir)?);
    figures.extend(similarity::figures(data_dir)?);
    figures.extend(events::figures(data_dir)?);
    figures.extend(claims::figures()?);
    figures.extend(html::figures(data_dir)?);
    Ok(figures)
}

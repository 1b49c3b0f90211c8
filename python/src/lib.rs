//! The Python boundary: the only code that knows Python exists, as `src/wasm.rs` is for
//! JavaScript.
//!
//! In and out go as JSON text: `python/crosscheck/__init__.py` turns articles, options and
//! reports into JSON and back, so a report read in Python is exactly the CLI's JSON parsed
//! (one serializer for every door), and the comparison runs without the GIL.

use std::path::PathBuf;

use crosscheck::report::{Article, Report};
use crosscheck::{Options, VERSION};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;

/// Compares articles (`[{"name", "text"}]` as JSON) with options (an object as JSON, or
/// None for the defaults); returns the report as JSON. Errors are `ValueError`s with the
/// CLI's messages.
#[pyfunction]
#[pyo3(signature = (articles_json, options_json=None))]
fn compare_json(py: Python<'_>, articles_json: &str, options_json: Option<&str>) -> PyResult<String> {
    py.detach(|| {
        let articles: Vec<Article> = serde_json::from_str(articles_json)
            .map_err(|e| format!("articles must be a list of {{name, text}} objects: {e}"))?;
        let options = match options_json {
            Some(json) => Options::from_deserializer(&mut serde_json::Deserializer::from_str(json))
                .map_err(|e| e.to_string())?,
            None => Options::default(),
        };
        let report = crosscheck::compare(&articles, &options).map_err(|e| e.to_string())?;
        serde_json::to_string(&report).map_err(|e| e.to_string())
    })
    .map_err(PyValueError::new_err)
}

/// Refuses options (an object as JSON) that `compare_json` would refuse, with the same message.
#[pyfunction]
fn check_options(options_json: &str) -> PyResult<()> {
    Options::from_deserializer(&mut serde_json::Deserializer::from_str(options_json))
        .map(drop)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A file's text, read exactly as the CLI and the page read files (UTF-8 or UTF-16 with a
/// byte-order mark; HTML reduced to its text). `OSError` when it cannot be opened,
/// `ValueError` with the CLI's one-line reason when it is not text.
#[pyfunction]
fn read_file(py: Python<'_>, path: PathBuf) -> PyResult<String> {
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let bytes = py.detach(|| std::fs::read(&path)).map_err(|e| PyOSError::new_err(format!("{}: {e}", path.display())))?;
    py.detach(|| crosscheck::input::decode(&bytes, &name))
        .map_err(|message| PyValueError::new_err(format!("{}: {message}", path.display())))
}

fn report_from_json(report_json: &str) -> PyResult<Report> {
    serde_json::from_str(report_json).map_err(|e| PyValueError::new_err(format!("not a crosscheck report: {e}")))
}

/// The report (as JSON) as the Markdown summary `crosscheck --format markdown` writes.
#[pyfunction]
fn markdown_json(report_json: &str) -> PyResult<String> {
    Ok(crosscheck::render::markdown(&report_from_json(report_json)?))
}

/// The report (as JSON) as the fact-matrix CSV `crosscheck --format csv` writes.
#[pyfunction]
fn csv_json(report_json: &str) -> PyResult<String> {
    Ok(crosscheck::render::csv(&report_from_json(report_json)?))
}

#[pymodule]
fn _crosscheck(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(compare_json, module)?)?;
    module.add_function(wrap_pyfunction!(check_options, module)?)?;
    module.add_function(wrap_pyfunction!(read_file, module)?)?;
    module.add_function(wrap_pyfunction!(markdown_json, module)?)?;
    module.add_function(wrap_pyfunction!(csv_json, module)?)?;
    module.add("__version__", VERSION)?;
    Ok(())
}

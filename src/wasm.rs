//! The WebAssembly boundary: the only module that knows JavaScript exists.
//!
//! In: JavaScript values (`[{name, text}]`, an options object). Out: the [`Report`] as a
//! plain JavaScript object (maps as objects, not `Map`s), or a thrown `Error` with a
//! readable message. Everything else is the plain Rust core.
//!
//! The generated `.d.ts` types every export from the one contract: `www/report.d.ts` (checked
//! against the JSON Schema of [`Report`] by `tools/test_types.py`) is included in it, and the
//! parameters and results name its types instead of `any`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::options::Options;
use crate::report::{Article, Report, VERSION};

type JsResult<T> = Result<T, JsError>;

#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../www/report.d.ts");

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsResult<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not build the report object: {e}")))
}

/// Compares articles and returns the report.
///
/// ```js
/// import init, { compare } from "./pkg/crosscheck.js";
/// await init();
/// const report = compare([{ name: "a.txt", text: "..." }, { name: "b.txt", text: "..." }]);
/// console.log(report.facts.length, report.conflicts);
/// ```
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "Article[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | null")] options: JsValue,
) -> JsResult<JsValue> {
    let articles: Vec<Article> = serde_wasm_bindgen::from_value(articles)
        .map_err(|e| JsError::new(&format!("articles must be a list of {{name, text}} objects: {e}")))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        Options::from_deserializer(serde_wasm_bindgen::Deserializer::from(options)).map_err(|e| JsError::new(&e.to_string()))?
    };
    let report: Report = crate::pipeline::compare(&articles, &options).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report)
}

/// The default options, for a settings form.
///
/// ```js
/// const options = defaultOptions(); // { maxArticles: 2000, minFactScore: 0.5, ... }
/// ```
#[wasm_bindgen(js_name = defaultOptions, unchecked_return_type = "Required<Options>")]
pub fn default_options() -> JsResult<JsValue> {
    to_js(&Options::default())
}

/// The crosscheck version.
///
/// ```js
/// version(); // "0.1.0"
/// ```
#[wasm_bindgen]
pub fn version() -> String {
    VERSION.to_string()
}

fn report_from_js(report: JsValue) -> JsResult<Report> {
    serde_wasm_bindgen::from_value(report).map_err(|e| JsError::new(&format!("not a crosscheck report: {e}")))
}

/// The report as a Markdown summary (the same text as `crosscheck --format markdown`).
///
/// ```js
/// const markdown = toMarkdown(compare(articles));
/// ```
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(#[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue) -> JsResult<String> {
    Ok(crate::render::markdown(&report_from_js(report)?))
}

/// The fact matrix as CSV (the same text as `crosscheck --format csv`).
///
/// ```js
/// const csv = toCsv(compare(articles));
/// ```
#[wasm_bindgen(js_name = toCsv)]
pub fn to_csv(#[wasm_bindgen(unchecked_param_type = "Report")] report: JsValue) -> JsResult<String> {
    Ok(crate::render::csv(&report_from_js(report)?))
}

/// A file's bytes as article text, exactly as the CLI reads files: UTF-8 or UTF-16 with a
/// byte-order mark, HTML reduced to its text (a page in a legacy encoding decoded by the
/// browser's `TextDecoder`, as the CLI's `encoding_rs` does). Throws an `Error` whose message
/// says, in one line, why a file cannot be read (binary, not UTF-8, empty).
///
/// ```js
/// const text = decodeFile(new Uint8Array(await file.arrayBuffer()), file.name);
/// ```
#[wasm_bindgen(js_name = decodeFile)]
pub fn decode_file(bytes: &[u8], name: &str) -> JsResult<String> {
    crate::input::decode_with(bytes, name, text_decoder).map_err(|message| JsError::new(&message))
}

/// The host's decoder for a legacy encoding label; `None` for a label it does not know.
fn text_decoder(label: &str, bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label(label).ok()?.decode_with_u8_array(bytes).ok()
}

//! The wasm package in real Chromium (`wasm-pack test --headless --chrome -- --test wasm_browser`):
//! the report object works with the DOM the way the page uses it, article text set with
//! `textContent` stays text, and right-to-left text keeps its offsets.
#![cfg(target_arch = "wasm32")]

use crosscheck::report::Report;
use crosscheck::wasm;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Serialize)]
struct JsArticle<'a> {
    name: &'a str,
    text: &'a str,
}

fn compare(articles: &[JsArticle<'_>]) -> Report {
    let value = articles.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap();
    serde_wasm_bindgen::from_value(wasm::compare(value, JsValue::UNDEFINED).unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn article_text_rendered_with_text_content_stays_text() {
    let hostile = "<img src=x onerror=alert(1)> was written on the wall, the mayor of Marrowby said.";
    let report = compare(&[JsArticle { name: "<b>x</b>.txt", text: hostile }]);
    let document = web_sys::window().unwrap().document().unwrap();
    let cell = document.create_element("td").unwrap();
    cell.set_text_content(Some(&report.sources[0].sentences[0].text));
    assert_eq!(cell.child_element_count(), 0);
    assert!(cell.text_content().unwrap().starts_with("<img"));
}

#[wasm_bindgen_test]
fn right_to_left_text_keeps_exact_utf16_offsets() {
    let arabic = "قال رئيس البلدية إن 40 شخصا أُنقذوا يوم الاثنين. وأضاف أن الجسر سيُبنى من جديد.";
    let report = compare(&[JsArticle { name: "ar.txt", text: arabic }]);
    let js_text = js_sys::JsString::from(arabic);
    for sentence in &report.sources[0].sentences {
        let slice: String = js_text.slice(sentence.start as u32, sentence.end as u32).into();
        assert_eq!(slice, sentence.text);
    }
    assert!(!report.sources[0].sentences.is_empty());
}

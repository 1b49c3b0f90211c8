//! The wasm boundary under node (`wasm-pack test --node -- --test wasm`): what goes in as
//! JavaScript values comes back as a plain JavaScript report object that reads back into
//! the Rust `Report`, and bad input becomes a thrown `Error`, never a panic.
#![cfg(target_arch = "wasm32")]

use crosscheck::report::{ConflictKind, Report, SCHEMA_VERSION};
use crosscheck::wasm;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[derive(Serialize)]
struct JsArticle<'a> {
    name: &'a str,
    text: &'a str,
}

fn to_js<T: Serialize>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

const FIRST: &str = "Flood in Marrowby\nThe mayor of Marrowby, Ilse Varga, said 40 people were rescued on Monday.\n\
                     “We will rebuild the bridge,” Varga said.";
const SECOND: &str = "Marrowby floods\nMore than 60 people were rescued on Monday, Marrowby mayor Ilse Varga said.\n\
                      “We will rebuild every bridge,” Varga said.";

#[wasm_bindgen_test]
fn compare_returns_a_plain_report_object() {
    let articles = to_js(&[JsArticle { name: "a.txt", text: FIRST }, JsArticle { name: "b.txt", text: SECOND }]);
    let value = wasm::compare(articles, JsValue::UNDEFINED).unwrap();
    assert!(js_sys::Array::is_array(&js_sys::Reflect::get(&value, &"sources".into()).unwrap()));
    let report: Report = serde_wasm_bindgen::from_value(value).unwrap();
    assert_eq!(report.schema_version, SCHEMA_VERSION);
    assert_eq!(report.sources.len(), 2);
    assert!(report.facts.iter().any(|f| f.sources == vec![0, 1]));
    assert!(report.conflicts.iter().any(|c| c.kind == ConflictKind::Quantity));
    let sentence = &report.sources[0].sentences[1];
    let utf16: Vec<u16> = FIRST.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[sentence.start..sentence.end]).unwrap(), sentence.text);
}

#[wasm_bindgen_test]
fn bad_input_throws_a_readable_error() {
    let error = wasm::compare(JsValue::from_str("not a list"), JsValue::UNDEFINED).unwrap_err();
    let error: JsValue = error.into();
    let message = js_sys::Reflect::get(&error, &"message".into()).unwrap().as_string().unwrap();
    assert!(message.contains("list of {name, text}"), "{message}");

    for (options, says) in [
        (r#"{"minFactScore": 7}"#, "minFactScore takes a number from 0 to 1, not 7"),
        (r#"{"minFactScor": 0.9}"#, "unknown option minFactScor; the options are maxArticles"),
        (r#"{"maxArticles": "many"}"#, "maxArticles takes a whole number from 1 up"),
        ("[0.5]", "options must be an object"),
    ] {
        let articles = to_js(&[JsArticle { name: "a.txt", text: FIRST }]);
        let error: JsValue = wasm::compare(articles, js_sys::JSON::parse(options).unwrap()).unwrap_err().into();
        let message = js_sys::Reflect::get(&error, &"message".into()).unwrap().as_string().unwrap();
        assert!(message.contains(says), "{options}: {message}");
    }
}

#[wasm_bindgen_test]
fn files_are_decoded_like_the_cli_does() {
    assert_eq!(wasm::decode_file("Kyiv".as_bytes(), "a.txt").unwrap(), "Kyiv");
    assert!(wasm::decode_file(b"\x89PNG\r\n\x1a\n\0\0\0", "a.txt").is_err());
    // A legacy encoding goes to the host's TextDecoder, as the CLI's to encoding_rs.
    let japanese = b"<meta charset=\"shift_jis\"><p>\x83\x5f\x83\x80\x82\xaa\x8c\x88\x89\xf3\x82\xb5\x82\xbd\x81\x42</p>";
    assert_eq!(wasm::decode_file(japanese, "page.html").unwrap(), "ダムが決壊した。");
    assert!(wasm::decode_file(b"<meta charset=\"x-made-up\"><p>\x83\x5f</p>", "page.html").is_err());
    let articles = to_js(&[JsArticle { name: "a.txt", text: FIRST }, JsArticle { name: "b.txt", text: SECOND }]);
    let report = wasm::compare(articles, JsValue::UNDEFINED).unwrap();
    assert!(wasm::to_markdown(report.clone()).unwrap().contains("# crosscheck: 2 sources"));
    assert!(wasm::to_csv(report).unwrap().starts_with("\"fact\",\"label\",\"sources\",\"support\",\"conflicts\",\"quotes\",\"numbers\",\"a.txt\",\"b.txt\""));
    assert_eq!(wasm::version(), crosscheck::VERSION);
}

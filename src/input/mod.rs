//! Turning a file's bytes into article text, the same way in the CLI and in the page.
//!
//! In: the bytes and the file name. Out: the text to compare, or a one-line reason why the
//! file cannot be read. Handles UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark, HTML pages in UTF-8, windows-1252 or the legacy encoding they declare
//! (reduced to their text) and refuses binary files, invalid UTF-8 in plain text and files
//! without text with a message instead of guessing. [`html`] reduces a page to
//! the text of its story, with html5ever in the CLI and in the page alike.

mod html;

pub use html::html_to_text;

/// Decodes bytes in the legacy encoding a web page declares, given the label it uses
/// (`shift_jis`, `koi8-r`): the Encoding Standard's decoder for that label, or `None` when
/// the label names no encoding it has.
pub type LegacyDecoder = fn(label: &str, bytes: &[u8]) -> Option<String>;

/// Decodes a file into article text, or says in one line why it cannot; pages in legacy
/// encodings are decoded with `encoding_rs` natively and refused in the wasm, where
/// [`decode_with`] takes the browser's decoder.
///
/// ```
/// use crosscheck::input::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFHello", "a.txt").unwrap(), "Hello");
/// assert_eq!(decode(b"<p>One &amp; two</p>", "a.html").unwrap().trim(), "One & two");
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0", "photo.txt").is_err());
/// ```
pub fn decode(bytes: &[u8], name: &str) -> Result<String, String> {
    decode_with(bytes, name, encoding_standard)
}

#[cfg(not(target_arch = "wasm32"))]
fn encoding_standard(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label_no_replacement(label.as_bytes())?;
    Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
}

#[cfg(target_arch = "wasm32")]
fn encoding_standard(_label: &str, _bytes: &[u8]) -> Option<String> {
    None
}

/// [`decode`], with `legacy` decoding pages in encodings other than UTF-8, UTF-16 and
/// windows-1252.
pub fn decode_with(bytes: &[u8], name: &str, legacy: LegacyDecoder) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("is empty".into());
    }
    let lower = name.to_ascii_lowercase();
    let html_name = lower.ends_with(".html") || lower.ends_with(".htm");
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else if looks_binary(bytes) {
        return Err("looks like a binary file (an image, PDF or archive?), not text".into());
    } else if html_name || looks_like_html(bytes) {
        html_bytes(bytes, legacy)?
    } else {
        utf8(bytes)?
    };
    let is_html = html_name || looks_like_html(text.as_bytes());
    let text = if is_html { html_to_text(&text) } else { text };
    if text.trim().is_empty() {
        return Err("has no text".into());
    }
    Ok(text)
}

fn utf8(bytes: &[u8]) -> Result<String, String> {
    String::from_utf8(bytes.to_vec()).map_err(|e| {
        format!("is not UTF-8 text (invalid byte at position {}); save it as UTF-8 and try again", e.utf8_error().valid_up_to())
    })
}

/// Decodes a page without a byte-order mark. Bytes that are valid UTF-8 are read as UTF-8
/// whatever the page declares (text in any other encoding almost never is, and pages saved
/// from a browser often keep a stale declaration). Otherwise, as browsers do: the `charset`
/// its first 1,024 bytes declare, windows-1252 (of which ISO-8859-1 and ASCII are labels) when
/// they declare none; a page declared UTF-8 with a stray invalid byte keeps its text, the byte
/// shown as U+FFFD (a UTF-16 label, which a page's bytes cannot declare, counts as UTF-8, as
/// the standard says). Other legacy encodings (Shift_JIS, GBK, KOI8-R, ...) go to `legacy`;
/// a label it does not know is refused by name.
fn html_bytes(bytes: &[u8], legacy: LegacyDecoder) -> Result<String, String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    match declared_charset(bytes).as_deref() {
        None => Ok(windows_1252(bytes)),
        Some(label) if is_windows_1252_label(label) => Ok(windows_1252(bytes)),
        Some("utf-8" | "utf8" | "unicode-1-1-utf-8" | "utf-16" | "utf-16le" | "utf-16be" | "unicode" | "ucs-2") => {
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
        Some(other) => legacy(other, bytes)
            .ok_or_else(|| format!("is a web page in an encoding crosscheck does not know ({other}); save it as UTF-8 and try again")),
    }
}

/// The `charset=` value in the first 1,024 bytes (`<meta charset>` or the `http-equiv` form),
/// lower-cased.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// The labels the Encoding Standard gives windows-1252.
fn is_windows_1252_label(label: &str) -> bool {
    matches!(
        label,
        "windows-1252" | "cp1252" | "x-cp1252" | "iso-8859-1" | "iso8859-1" | "iso_8859-1" | "latin1" | "l1" | "cp819"
            | "ibm819" | "us-ascii" | "ascii" | "ansi_x3.4-1968" | "iso-ir-100" | "csisolatin1" | "iso88591"
    )
}

/// Decodes windows-1252: bytes 0x80 to 0x9F are the typographic characters the encoding puts
/// there (curly quotes, dashes, the euro sign), every other byte is the code point of its value.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [u16; 32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => char::from_u32(u32::from(HIGH[usize::from(b - 0x80)])).unwrap_or('\u{FFFD}'),
            _ => char::from(b),
        })
        .collect()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    let units = bytes.chunks(2).map(|pair| unit([pair[0], *pair.get(1).unwrap_or(&0)]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| "is UTF-16 with an invalid character; save it as UTF-8 and try again".to_string())
}

/// Binary files carry NUL bytes or many control bytes early on; text never does. A PDF can
/// open with kilobytes of plain ASCII, so it is known by its signature instead.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"%PDF-") {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    head.contains(&0) || control * 50 > head.len()
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head = &bytes[start..bytes.len().min(start + 14)];
    [&b"<!doctype html"[..], b"<html"].iter().any(|tag| head.len() >= tag.len() && head[..tag.len()].eq_ignore_ascii_case(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_supported_encoding_and_refuses_the_rest() {
        let utf16le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Kyiv ✓".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Kyiv ✓".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&utf16le, "a.txt").unwrap(), "Kyiv ✓");
        assert_eq!(decode(&utf16be, "a.txt").unwrap(), "Kyiv ✓");
        assert_eq!(decode("مرحبا بالعالم".as_bytes(), "ar.txt").unwrap(), "مرحبا بالعالم");
        assert_eq!(decode(b"", "a.txt").unwrap_err(), "is empty");
        assert_eq!(decode(b" \r\n\t ", "a.txt").unwrap_err(), "has no text");
        assert_eq!(decode(b"<html><script>x()</script></html>", "a.html").unwrap_err(), "has no text");
        assert!(decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>", "a.txt")
            .unwrap_err()
            .contains("binary"));
        assert!(decode(b"caf\xe9 au lait", "a.txt").unwrap_err().contains("not UTF-8"));
        assert!(decode(b"%PDF-1.7\n\0\0\x01\x02", "a.txt").unwrap_err().contains("binary"));
        assert!(decode(b"\xFF\xFE\x00\xD8", "a.txt").is_err(), "a lone surrogate is refused");
    }

    #[test]
    fn a_page_not_in_utf8_is_decoded_as_it_declares() {
        let latin = b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93Zur Post\x94 \x80 5</p></body></html>";
        assert_eq!(decode(latin, "page.html").unwrap(), "Caf\u{e9} \u{201c}Zur Post\u{201d} \u{20ac} 5");
        let undeclared = b"<!DOCTYPE html><p>Caf\xe9 au lait</p>";
        assert_eq!(decode(undeclared, "saved").unwrap(), "Caf\u{e9} au lait", "undeclared: windows-1252");
        let stray = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=UTF-8\"><p>Na\xefve \xe2\x80\x9cquote\xe2\x80\x9d</p>";
        assert_eq!(decode(stray, "page.htm").unwrap(), "Na\u{fffd}ve \u{201c}quote\u{201d}", "declared UTF-8: the stray byte is U+FFFD");
        let japanese = b"<meta charset=\"shift_jis\"><p>\x83\x5f\x83\x80\x82\xaa\x8c\x88\x89\xf3\x82\xb5\x82\xbd\x81\x42</p>";
        assert_eq!(decode(japanese, "page.html").unwrap(), "ダムが決壊した。");
        let russian = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xe4\xc1\xcd\xc1</p>";
        assert_eq!(decode(russian, "page.html").unwrap(), "Дама");
        let unknown = b"<meta charset=\"x-made-up\"><p>\x83\x5f</p>";
        assert_eq!(
            decode(unknown, "page.html").unwrap_err(),
            "is a web page in an encoding crosscheck does not know (x-made-up); save it as UTF-8 and try again"
        );
        assert!(decode_with(japanese, "page.html", |_, _| None).is_err(), "without a legacy decoder, refused");
        assert!(decode(b"caf\xe9 au lait", "notes.txt").unwrap_err().contains("not UTF-8"), "plain text is never guessed");
    }

    #[test]
    fn html_is_reduced_to_its_text() {
        let page = "<!DOCTYPE html><html><head><title>Flood &amp; rescue</title><script>alert(1)</script></head>\
                    <body><nav>Home | News</nav><h1>Flood &amp; rescue</h1><p>First  line<br>second&#8217;s</p>\
                    <!-- <p>hidden</p> --><footer>© Outlet</footer></body></html>";
        assert_eq!(decode(page.as_bytes(), "page.txt").unwrap(), "Flood & rescue\nFirst line\nsecond’s");
        assert_eq!(html_to_text("<p>unclosed <b"), "unclosed");
        assert_eq!(html_to_text("a &bogus; b &#0; c"), "a &bogus; b \u{fffd} c", "as the HTML standard decodes them");
    }

    #[test]
    fn a_page_inside_one_form_keeps_its_text() {
        let page = "<html><body><form action=\"/post\"><h1>Dam opens</h1><p>The gates opened at noon.</p>\
                    <button>Send</button></form></body></html>";
        assert_eq!(decode(page.as_bytes(), "page.html").unwrap(), "Dam opens\nThe gates opened at noon.");
    }
}

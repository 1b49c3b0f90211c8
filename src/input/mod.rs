//! Turning a file's bytes into article text, the same way in the CLI and in the page.
//!
//! In: the bytes and the file name. Out: the text to compare, or a one-line reason why the
//! file cannot be read. Handles UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark, HTML pages (reduced to their text) and refuses binary files, invalid
//! UTF-8 and files without text with a message instead of guessing. [`html`] reduces a page to
//! the text of its story.

mod html;

pub use html::html_to_text;

/// Decodes a file into article text, or says in one line why it cannot.
///
/// ```
/// use crosscheck::input::decode;
/// assert_eq!(decode(b"\xEF\xBB\xBFHello", "a.txt").unwrap(), "Hello");
/// assert_eq!(decode(b"<p>One &amp; two</p>", "a.html").unwrap().trim(), "One & two");
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0", "photo.txt").is_err());
/// ```
pub fn decode(bytes: &[u8], name: &str) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("is empty".into());
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)?
    } else {
        if looks_binary(bytes) {
            return Err("looks like a binary file (an image, PDF or archive?), not text".into());
        }
        utf8(bytes)?
    };
    let lower = name.to_ascii_lowercase();
    let is_html = lower.ends_with(".html") || lower.ends_with(".htm") || looks_like_html(&text);
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

fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
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
    fn html_is_reduced_to_its_text() {
        let page = "<!DOCTYPE html><html><head><title>T</title><script>alert(1)</script></head>\
                    <body><nav>Home | News</nav><h1>Flood &amp; rescue</h1><p>First  line<br>second&#8217;s</p>\
                    <!-- <p>hidden</p> --><footer>© Outlet</footer></body></html>";
        assert_eq!(decode(page.as_bytes(), "page.txt").unwrap(), "Flood & rescue\nFirst line\nsecond’s");
        assert_eq!(html_to_text("<p>unclosed <b"), "unclosed");
        assert_eq!(html_to_text("a &bogus; b &#0; c"), "a &bogus; b &#0; c");
    }

    #[test]
    fn a_page_inside_one_form_keeps_its_text() {
        let page = "<html><body><form action=\"/post\"><h1>Dam opens</h1><p>The gates opened at noon.</p>\
                    <button>Send</button></form></body></html>";
        assert_eq!(decode(page.as_bytes(), "page.html").unwrap(), "Dam opens\nThe gates opened at noon.");
    }
}

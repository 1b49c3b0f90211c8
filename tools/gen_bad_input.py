#!/usr/bin/env python3
"""Writes the generated cases of the bad-input corpus (tests/bad_input/cases.json).

The small cases are committed in tests/bad_input/; the ones that are large, binary or have
names git cannot carry portably are made here, the same bytes on every run:

    python3 tools/gen_bad_input.py            # writes target/bad-input/
    python3 tools/gen_bad_input.py OUT_DIR

Text comes only from the committed case files; the large cases are about size, not content.
"""

from __future__ import annotations

import os
import shutil
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "bad_input"
MIB = 1024 * 1024
XMP_FIELDS = [
    ("title", "Velmora ferries sail again"),
    ("creator", "The Quayside Gazette newsroom"),
    ("description", "Print edition page 3, harbour and transport"),
    ("rights", "For the bad-input corpus of crosscheck only"),
]

# Every name a Linux file system accepts that tends to break quoting, option parsing or display.
ODD_NAMES = [
    "name with  two spaces .txt",
    " leading space.txt",
    "ünïcødé 報道 📰 ferry.txt",
    "-leading-dash.txt",
    "quotes \"double\" and 'single'.txt",
    "shell $HOME `tick` ;&|<>*?.txt",
    "back\\slash.txt",
    "tab\tin name.txt",
    "new\nline.txt",
    "\u202eright-to-left override.txt",
    ".hidden.txt",
    "no-extension",
    "long-" + "x" * 246 + ".txt",  # 255 bytes, the usual limit for one name
]


def png() -> bytes:
    """A valid 1x1 PNG: what a photo saved with the wrong extension starts like."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x20\x60\xa0", 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def pdf(text: str) -> bytes:
    """A one-page PDF laid out as writers do: a binary comment, then the XMP metadata, which the
    PDF standard asks to leave uncompressed, so the first kilobytes are mostly plain ASCII."""
    lines = " ".join(f"({line.replace('(', '').replace(')', '')}) Tj T*" for line in text.splitlines() if line.isascii())
    content = zlib.compress(f"BT /F1 11 Tf 14 TL 72 720 Td {lines} ET".encode("ascii"), 9)
    fields = "".join(f"   <dc:{field}>{value}</dc:{field}>\n" for field, value in XMP_FIELDS)
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f"{fields}  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n" + " " * 2000 + '\n<?xpacket end="w"?>'
    ).encode("utf-8")
    objects = [
        b"<< /Type /Catalog /Pages 3 0 R /Metadata 2 0 R >>",
        b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(xmp) + xmp + b"\nendstream",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def huge_line(text: str, size: int) -> str:
    """The article's sentences repeated on one line until it is `size` bytes, no newline anywhere."""
    line = " ".join(part.strip() for part in text.splitlines() if part.strip()) + " "
    repeated = line * (size // len(line.encode("utf-8")) + 1)
    cut = repeated.encode("utf-8")[:size]
    return cut.decode("utf-8", errors="ignore")


def one_sentence(text: str, size: int) -> str:
    """The article's words, without punctuation, repeated into one sentence of `size` bytes."""
    words = "".join(c if c.isalnum() or c.isspace() else " " for c in text).split()
    line = " ".join(words) + " "
    return (line * (size // len(line) + 1))[:size].rstrip() + ".\n"


# Our own short reports of the ferry story, for the pages in legacy encodings.
JAPANESE = """ヴェルモラとタスケリ島を結ぶフェリーは木曜日に運航を再開した。
港湾局によると、嵐の後の点検で三隻すべてに問題は見つからなかった。
最初の便は午前六時に出航し、約二百人の乗客を乗せていた。
"""
RUSSIAN = """Паромы между Вельморой и островом Таскери в четверг снова вышли в рейс.
По словам портовой администрации, после шторма все три судна прошли проверку.
Первый рейс отправился в шесть утра и перевёз около двухсот пассажиров.
"""


def paragraphs(text: str) -> str:
    """The article's lines as HTML paragraphs, with its characters escaped."""
    escape = lambda line: line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"<p>{escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())


def broken_markup(text: str) -> str:
    """The article in markup a browser forgives: unclosed and stray tags, a `<` that opens
    nothing, a `>` inside a quoted attribute, an unclosed comment and attribute at the end."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = "".join(f"<div><p class='x>y'>{line}<span><b>\n" for line in lines)
    return f"<!DOCTYPE html><html><body></section></div>{body}<p>1 < 2 and 3 <= 4</td></tr></table><!-- never closed <p>hidden\n"


def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def generate(out: Path) -> None:
    good = (CASES / "good.txt").read_text(encoding="utf-8")
    other = (CASES / "other.txt").read_text(encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)

    write(out / "photo.txt", png())
    write(out / "report.txt", pdf(good))
    write(out / "huge-line.txt", huge_line(good, 2 * MIB))
    first_paragraph = next(part for part in good.splitlines() if len(part.split()) > 8)
    write(out / "quoted-paragraph.txt", "The ferry captain said: \u201c" + huge_line(good, 2 * MIB) + "\u201d\n")
    write(out / "unclosed-quote.txt", f"The ferry captain said: \u201c{first_paragraph}\n\n{good}")
    write(out / "nested-quotes.txt", "The ferry captain said: " + "\u201c" * 500 + "we sail at dawn" + "\u201d" * 500 + ".\n\n" + good)
    write(out / "one-long-sentence.txt", one_sentence(good, MIB // 2))
    copies = -(-50 * MIB // len(good.encode("utf-8")))
    write(out / "fifty-megabytes.txt", good * copies)
    page = f"<!DOCTYPE html><html><head><title>Velmora ferries</title></head><body>{{}}</body></html>\n"
    write(out / "deep-divs.html", page.format("<div>" * 10_000 + paragraphs(good)))
    script = "var ready = 1 < 2; // </p><p>not article text</p>\n"
    write(out / "huge-script.html", page.format(paragraphs(good) + "<script>" + script * (20 * MIB // len(script)) + "</script>"))
    write(out / "broken-markup.html", broken_markup(good))
    latin = page.replace("<head>", '<head><meta charset="windows-1252">').format(paragraphs(good) + "<p>Caf\u00e9 \u201cZur Post\u201d, \u20ac 5.</p>")
    write(out / "windows-1252.html", latin.encode("cp1252", errors="xmlcharrefreplace"))
    stray = page.replace("<head>", '<head><meta charset="utf-8">').format(paragraphs(good)).encode("utf-8")
    write(out / "stray-byte.html", stray.replace(b"VELMORA \xe2\x80\x94", b"VELMORA \xe9 \xe2\x80\x94", 1))
    japanese = page.replace("<head>", '<head><meta charset="shift_jis">').format(paragraphs(JAPANESE))
    write(out / "shift-jis.html", japanese.encode("shift_jis"))
    russian = page.replace("<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">').format(paragraphs(RUSSIAN))
    write(out / "koi8-r.html", russian.encode("koi8_r"))
    martian = page.replace("<head>", '<head><meta charset="x-martian">').format(paragraphs(good))
    write(out / "unknown-charset.html", martian.encode("utf-8").replace(b"VELMORA", b"VELMORA \x83\x5f", 1))
    for number in range(1, 301):
        base = good if number % 2 else other
        write(out / "many" / f"article-{number:03}.txt", f"{base}This is copy {number} of the ferry report.\n")
    for name in ODD_NAMES:
        write(out / "odd-names" / name, other)
    # A name that is not UTF-8 at all: Linux allows any bytes but '/' and NUL.
    os.makedirs(out / "odd-bytes", exist_ok=True)
    with open(os.fsencode(out / "odd-bytes") + b"/latin1-caf\xe9.txt", "wb") as file:
        file.write(other.encode("utf-8"))
    write(out / "empty\nwith newline.txt", b"")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target" / "bad-input")

//! Input decoding: every encoding a report arrives in gives the same report.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

fn sample() -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/data/sample-2021.txt");
    std::fs::read_to_string(p).unwrap()
}

/// The items of a report, without spans (offsets differ between encodings).
fn items(r: &fou::Report) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    v.extend(r.projects.iter().map(|p| {
        format!(
            "P {} | {:?} | {:?} | {:?}",
            p.title, p.institution_raw, p.funding, p.theme
        )
    }));
    v.extend(
        r.portfolio
            .iter()
            .map(|p| format!("L {} | {:?} | {:?}", p.title, p.institution_raw, p.period)),
    );
    v.extend(
        r.analyses
            .iter()
            .map(|a| format!("A {} | {:?} | {:?}", a.title, a.subtitle, a.authors)),
    );
    v.extend(r.publications.iter().map(|p| format!("R {}", p.title)));
    v.push(format!(
        "{:?} {:?} {:?}",
        r.year,
        r.title,
        r.preface.as_ref().map(|p| &p.signatory)
    ));
    v
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = std::iter::once(0xFEFF)
        .filter(|_| bom)
        .chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[test]
fn every_encoding_gives_the_same_report() {
    let text = sample();
    let reference = fou::parse(&text).unwrap();
    assert!(reference.projects.len() >= 5, "the sample has projects");
    let want = items(&reference);
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("utf-8", text.as_bytes().to_vec(), "utf-8"),
        (
            "utf-8 with BOM",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            "utf-8-sig",
        ),
        ("utf-16le with BOM", utf16(&text, false, true), "utf-16le"),
        ("utf-16be with BOM", utf16(&text, true, true), "utf-16be"),
        (
            "utf-16le without BOM",
            utf16(&text, false, false),
            "utf-16le",
        ),
        (
            "utf-16be without BOM",
            utf16(&text, true, false),
            "utf-16be",
        ),
        ("windows-1252", cp1252.into_owned(), "windows-1252"),
        ("CRLF", text.replace('\n', "\r\n").into_bytes(), "utf-8"),
        ("lone CR", text.replace('\n', "\r").into_bytes(), "utf-8"),
        (
            "CRLF windows-1252",
            encoding_rs::WINDOWS_1252
                .encode(&text.replace('\n', "\r\n"))
                .0
                .into_owned(),
            "windows-1252",
        ),
    ];
    for (name, bytes, encoding) in cases {
        let r = fou::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.source.encoding, encoding, "{name}");
        assert_eq!(items(&r), want, "{name}");
        // Spans index the decoded text and stay inside it.
        let decoded_len = fou::Source::from_bytes(&bytes).unwrap().text().len();
        assert!(
            r.projects.iter().all(|p| p.span.end <= decoded_len),
            "{name}"
        );
    }
}

#[test]
fn utf8_spans_are_input_offsets_even_with_a_bom() {
    let text = sample();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let r = fou::parse_bytes(&bytes).unwrap();
    let p = &r.portfolio[0];
    let raw = std::str::from_utf8(&bytes[p.span.start..p.span.end]).unwrap();
    assert!(raw.contains(&*p.title), "{raw:?}");
}

#[test]
fn nul_and_control_bytes_do_not_lose_the_text_around_them() {
    let text = sample()
        .replacen("Prosjekttittel: ", "Prosjekttittel: \u{0}", 1)
        .replacen("Forord", "For\u{7}ord", 1);
    let r = fou::parse(&text).unwrap();
    let sample = sample();
    let reference = fou::parse(&sample).unwrap();
    assert_eq!(r.projects.len(), reference.projects.len());
    assert_eq!(r.projects[0].title, reference.projects[0].title);
    assert!(
        r.preface.is_some(),
        "the preface heading survives a BEL byte"
    );
}

#[test]
fn undecodable_input_is_an_error_naming_the_offset() {
    // UTF-16LE with a lone high surrogate at byte 4 (after the BOM and one unit).
    let bytes = [0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0];
    match fou::parse_bytes(&bytes) {
        Err(fou::Error::Decode {
            offset,
            encoding,
            line,
        }) => {
            assert_eq!((offset, line), (4, 1));
            assert_eq!(encoding, "utf-16le");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let err = fou::parse_bytes(&garbage).unwrap_err();
    assert!(matches!(err, fou::Error::Binary { .. }), "{err}");
    assert!(err.to_string().contains("offset"), "{err}");
}

// ---------------------------------------------------------------------------
// Damaged UTF-8 (issue 9, item 1): a byte that is not valid UTF-8 becomes
// U+FFFD with a `decode-replaced` warning; Windows-1252 only when the input is
// clearly not UTF-8.

/// Every byte that is not part of a valid UTF-8 sequence, by input offset
/// (computed with `std::str::from_utf8` alone).
fn invalid_bytes(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(e) => {
                let bad = at + e.valid_up_to();
                let n = e.error_len().unwrap_or(bytes.len() - bad);
                out.extend(bad..bad + n);
                at = bad + n;
            }
        }
    }
    out
}

fn codes(r: &fou::Report, code: &str) -> Vec<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn a_paragraph_in_windows_1252_inside_utf8_is_replaced_byte_by_byte() {
    let text = sample();
    let reference = fou::parse(&text).unwrap();
    // The preface paragraph re-encoded as Windows-1252, the rest UTF-8.
    let para = text
        .lines()
        .find(|l| l.starts_with("Året var preget"))
        .unwrap();
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(para);
    let at = text.find(para).unwrap();
    let bytes = [
        &text.as_bytes()[..at],
        &latin,
        &text.as_bytes()[at + para.len()..],
    ]
    .concat();
    let bad = invalid_bytes(&bytes);
    assert!(bad.len() >= 5, "{bad:?}");
    let r = fou::parse_bytes(&bytes).unwrap();
    assert_eq!(r.source.encoding, "utf-8");
    assert_eq!(r.source.replaced_bytes, bad.len());
    assert_eq!(items(&r), items(&reference), "nothing else changes");
    let src = fou::Source::from_bytes(&bytes).unwrap();
    let replaced: Vec<usize> = src
        .decoding()
        .replaced
        .iter()
        .flat_map(|r| r.input_offset..r.input_offset + r.bytes.len())
        .collect();
    assert_eq!(replaced, bad);
    // One warning per run of bad bytes, each naming its input offset.
    let runs = src.decoding().replaced.len();
    let warnings = codes(&r, "decode-replaced");
    assert_eq!(warnings.len(), runs);
    for (w, run) in warnings.iter().zip(&src.decoding().replaced) {
        assert!(
            w.contains(&format!("at input offset {} (line ", run.input_offset)),
            "{w}"
        );
    }
}

#[test]
fn windows_1252_only_when_the_bytes_are_clearly_not_utf8() {
    let text = sample();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let src = fou::Source::from_bytes(&cp1252).unwrap();
    assert_eq!(src.encoding(), "windows-1252");
    assert!(
        src.decoding()
            .evidence
            .ends_with("invalid as UTF-8 and no valid multi-byte UTF-8 sequence"),
        "{}",
        src.decoding().evidence
    );
    assert_eq!(src.text(), text);

    // An ASCII text with one stray high byte: nothing to damage either way.
    let src = fou::Source::from_bytes(b"FoU-rapport 2020\nTekst \xff.\n").unwrap();
    assert_eq!(
        (src.encoding(), src.text()),
        ("windows-1252", "FoU-rapport 2020\nTekst ÿ.\n")
    );

    // Windows-1252 with an accidental valid pair (`PÅ…` is C5 85, U+0145 in
    // UTF-8): still Windows-1252, and the pair is reported.
    let latin = format!("{}\nPÅ… og {}\n", text, "blåbær ".repeat(60));
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&latin);
    let r = fou::parse_bytes(&bytes).unwrap();
    assert_eq!(r.source.encoding, "windows-1252");
    let mixed = codes(&r, "encoding-mixed");
    assert_eq!(mixed.len(), 1, "{:?}", r.diagnostics);
    assert!(
        mixed[0].starts_with("1 valid multi-byte UTF-8 sequence read as Windows-1252"),
        "{mixed:?}"
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "encoding-mixed")
        .unwrap();
    let span = d.span.unwrap();
    let src = fou::Source::from_bytes(&bytes).unwrap();
    assert_eq!(&src.text()[span.start..span.end], "PÅ…"[1..].to_owned());

    // UTF-8 with a byte-order mark and a stray byte stays UTF-8 with a BOM.
    let src = fou::Source::from_bytes(b"\xEF\xBB\xBFFoU \xff\n").unwrap();
    assert_eq!(
        (src.encoding(), src.text()),
        ("utf-8-sig", "\u{feff}FoU \u{fffd}\n")
    );
}

#[test]
fn the_encoding_and_its_evidence_are_in_source_and_an_info_diagnostic() {
    let text = sample();
    let clean = fou::parse_bytes(text.as_bytes()).unwrap();
    assert_eq!(clean.source.encoding_evidence, "valid UTF-8");
    assert_eq!(clean.source.replaced_bytes, 0);
    assert!(codes(&clean, "encoding").is_empty(), "nothing to say");
    let json = serde_json::to_value(&clean).unwrap();
    assert_eq!(json["source"]["encoding"], "utf-8", "still a string");
    assert_eq!(json["source"]["encoding_evidence"], "valid UTF-8");
    // Text of valid UTF-8 names its encoding and evidence from static texts:
    // neither is copied (a parse of a short page pays for each copy).
    let borrowed = |t: &std::borrow::Cow<'static, str>| matches!(t, std::borrow::Cow::Borrowed(_));
    assert!(borrowed(&clean.source.encoding) && borrowed(&clean.source.encoding_evidence));

    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let r = fou::parse_bytes(&cp1252).unwrap();
    let info = codes(&r, "encoding");
    assert_eq!(info.len(), 1);
    assert!(
        info[0].starts_with("decoded as windows-1252: not UTF-8: "),
        "{info:?}"
    );
    assert_eq!(
        info[0],
        format!("decoded as windows-1252: {}", r.source.encoding_evidence)
    );
    let r = fou::parse_bytes(&utf16(&text, false, false)).unwrap();
    assert!(
        codes(&r, "encoding")[0].contains("no byte-order mark, but most odd bytes are NUL"),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn strict_makes_any_replacement_an_error() {
    let strict = fou::Options::default().with_strict(true);
    let bytes = b"FoU-rapport 2020\n\nForord\n\nBl\xc3\xa5b\xc3\xa6r.\xff\n";
    match fou::parse_bytes_with(bytes, &strict) {
        Err(fou::Error::InvalidUtf8 {
            offset,
            line,
            count,
        }) => assert_eq!((offset, line, count), (35, 5, 1)),
        other => panic!("expected InvalidUtf8, got {other:?}"),
    }
    let text = sample();
    assert!(fou::parse_bytes_with(text.as_bytes(), &strict).is_ok());
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(
        fou::parse_bytes_with(&cp1252, &strict).is_ok(),
        "Windows-1252 replaces nothing"
    );
    assert!(fou::parse_bytes(bytes).is_ok(), "lenient by default");
}

/// Decode `bytes` (one encoding's piece of the input) to text.
fn decode_piece(encoding: &str, bytes: &[u8]) -> String {
    match encoding {
        "windows-1252" => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        "utf-16le" => encoding_rs::UTF_16LE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        "utf-16be" => encoding_rs::UTF_16BE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[test]
fn input_offset_maps_every_span_back_to_its_input_bytes() {
    let text = sample();
    let mut damaged = text.as_bytes().to_vec();
    let at = text.find("Prosjekttittel").unwrap() - 1;
    damaged.insert(at, 0xff);
    damaged.insert(10, 0xfe);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("utf-8", text.as_bytes().to_vec()),
        ("damaged utf-8", damaged),
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        ),
        ("utf-16le with BOM", utf16(&text, false, true)),
        ("utf-16be without BOM", utf16(&text, true, false)),
    ];
    for (name, bytes) in cases {
        let src = fou::Source::from_bytes(&bytes).unwrap();
        let r = fou::parse_report(&src, &fou::Options::default());
        let spans = r
            .portfolio
            .iter()
            .map(|p| p.span)
            .chain(r.projects.iter().map(|p| p.span))
            .chain(r.stated_counts.iter().map(|c| c.span));
        let mut n = 0;
        for s in spans {
            let (a, b) = (src.input_offset(s.start), src.input_offset(s.end));
            assert_eq!(
                decode_piece(src.encoding(), &bytes[a..b]),
                &src.text()[s.start..s.end],
                "{name}: {s:?} -> {a}..{b}"
            );
            n += 1;
        }
        assert!(n > 20, "{name}: {n} spans");
        assert_eq!(src.input_offset(src.text().len()), bytes.len(), "{name}");
    }
}

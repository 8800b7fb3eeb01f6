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
    assert!(raw.contains(&p.title), "{raw:?}");
}

#[test]
fn nul_and_control_bytes_do_not_lose_the_text_around_them() {
    let text = sample()
        .replacen("Prosjekttittel: ", "Prosjekttittel: \u{0}", 1)
        .replacen("Forord", "For\u{7}ord", 1);
    let r = fou::parse(&text).unwrap();
    let reference = fou::parse(&sample()).unwrap();
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
        Err(fou::Error::Decode { offset, encoding }) => {
            assert_eq!(offset, 4);
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

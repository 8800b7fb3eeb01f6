//! The whole parser from bytes: never panics; on UTF-8 input every non-blank
//! line is in exactly one block and every span of the report is a range of
//! the input on char boundaries whose line numbers match its bytes. On any
//! input that decodes (damaged UTF-8, Windows-1252, UTF-16) the same holds
//! of the decoded text, and `Source::input_offset` maps it back to the input
//! in order.

#![no_main]

use fou::blocks::Block;
use fou::internals::split_blocks as split;
use fou::{Format, Options, Report, Source, Span};
use libfuzzer_sys::fuzz_target;

/// Line starts and content ends, independent of `fou`: `\n`, `\r\n`, a lone
/// `\r`, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029) end a line (the same model as `tests/properties.rs`).
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let start = pos;
        let mut end = text.len();
        let mut ending = 0;
        for (i, c) in text[start..].char_indices() {
            ending = match c {
                '\r' if text[start + i..].starts_with("\r\n") => 2,
                '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => c.len_utf8(),
                _ => continue,
            };
            end = start + i;
            break;
        }
        pos = end + ending;
        out.push((start, end));
    }
    out
}

fn line_of(lines: &[(usize, usize)], offset: usize) -> usize {
    lines.partition_point(|&(s, _)| s <= offset).max(1)
}

fn check_blocks(text: &str, lines: &[(usize, usize)], blocks: &[Block]) {
    let mut covered = vec![false; lines.len()];
    let mut prev = 0;
    for b in blocks {
        assert!(b.line_start > prev, "blocks overlap or go back: {b:?}");
        assert!(
            b.line_start <= b.line_end && b.line_end <= lines.len(),
            "{b:?}"
        );
        assert_eq!(
            (b.start, b.end),
            (lines[b.line_start - 1].0, lines[b.line_end - 1].1),
            "block bytes do not match its lines"
        );
        prev = b.line_end;
        covered[b.line_start - 1..b.line_end].fill(true);
    }
    for (n, &(s, e)) in lines.iter().enumerate() {
        assert!(
            covered[n] || text[s..e].trim().is_empty(),
            "line {} {:?} is in no block",
            n + 1,
            &text[s..e]
        );
    }
}

fn spans(r: &Report) -> Vec<Span> {
    let mut v: Vec<Span> = Vec::new();
    v.extend(r.outline.iter().map(|x| x.span));
    v.extend(r.items().iter().map(|x| x.span));
    v.extend(r.stated_counts.iter().map(|x| x.span));
    v.extend(r.dates.iter().map(|x| x.span));
    v.extend(r.diagnostics.iter().filter_map(|d| d.span));
    v
}

fn check_spans(text: &str, lines: &[(usize, usize)], report: &Report, blocks: &[Block]) {
    for s in spans(report) {
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{s:?} out of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{s:?}"
        );
        assert_eq!(s.line_start, line_of(lines, s.start), "{s:?}");
        assert_eq!(
            s.line_end,
            line_of(lines, s.end.saturating_sub(1).max(s.start)),
            "{s:?}"
        );
        let inside = |o: usize| blocks.iter().any(|b| b.start <= o && o <= b.end);
        assert!(
            inside(s.start) && inside(s.end),
            "{s:?} not inside the blocks"
        );
    }
}

/// The decoding path: the checks on the decoded text, and input offsets
/// that never go back and stay inside the input.
fn check_decoded(data: &[u8]) {
    let Ok(src) = Source::from_bytes(data) else {
        assert!(fou::parse_bytes(data).is_err());
        return;
    };
    let text = src.text();
    let lines = lines(text);
    let (report, placed) = fou::parse_source(&src, &Options::default());
    let blocks: Vec<Block> = placed.into_iter().map(|(b, _)| b).collect();
    check_blocks(text, &lines, &blocks);
    check_spans(text, &lines, &report, &blocks);
    // About 64 character offsets and the end (input_offset is linear in the
    // offset for Windows-1252 and UTF-16).
    let step = text.len() / 64 + 1;
    let mut prev = 0;
    for (i, _) in text.char_indices().filter(|(i, _)| i % step == 0) {
        let o = src.input_offset(i);
        assert!(o >= prev && o < data.len(), "input_offset({i}) = {o}");
        prev = o;
    }
    assert_eq!(src.input_offset(text.len()), data.len());
}

fuzz_target!(|data: &[u8]| {
    check_decoded(data);
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = fou::parse(text);
    let lines = lines(text);
    for format in [Format::Plain, Format::Markdown] {
        check_blocks(text, &lines, &split(text, format));
    }
    let src = Source::from_text(text);
    let (report, placed) = fou::parse_source(&src, &Options::default());
    let blocks: Vec<Block> = placed.into_iter().map(|(b, _)| b).collect();
    check_blocks(text, &lines, &blocks);
    check_spans(text, &lines, &report, &blocks);
});

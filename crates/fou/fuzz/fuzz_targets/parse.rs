//! The whole parser from bytes: never panics; on UTF-8 input every non-blank
//! line is in exactly one block and every span of the report is a range of
//! the input on char boundaries whose line numbers match its bytes. On any
//! input that decodes (damaged UTF-8, Windows-1252, UTF-16) the same holds
//! of the decoded text, and `Source::input_offset` maps it back to the input
//! in order.

#![no_main]

use fou::internals::oracle::{check_blocks, check_source};
use fou::internals::split_blocks as split;
use fou::{Format, Source};
use libfuzzer_sys::fuzz_target;

/// The decoding path: the checks on the decoded text, and input offsets
/// that never go back and stay inside the input.
fn check_decoded(data: &[u8]) {
    let Ok(src) = Source::from_bytes(data) else {
        assert!(fou::parse_bytes(data).is_err());
        return;
    };
    let text = src.text();
    if let Err(e) = check_source(&src) {
        panic!("{e}");
    }
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
    for format in [Format::Plain, Format::Markdown] {
        if let Err(e) = check_blocks(text, &split(text, format)) {
            panic!("{format:?}: {e}");
        }
    }
    if let Err(e) = check_source(&Source::from_text(text)) {
        panic!("{e}");
    }
});

//! The test oracle shared by the property tests (`tests/properties.rs`) and
//! the fuzz target (`fuzz/fuzz_targets/parse.rs`): a model of the input's
//! lines independent of the parser's own line splitting, and the invariants
//! every parse must keep — every non-blank line in exactly one block (or in
//! the items of a list split on its line), block
//! bytes equal to their lines' bytes, every span a range of the input on char
//! boundaries whose line numbers are those of its bytes and which lies inside
//! the blocks.

use crate::blocks::Block;
use crate::{Options, Report, Source, Span};

/// Physical lines of `text` as the parser documents them: `\n`, `\r\n`, a
/// lone `\r`, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR
/// (U+2029) end a line; a final line without terminator counts.
pub struct Lines {
    /// `(content_start, content_end)` of every line, terminator excluded.
    pub lines: Vec<(usize, usize)>,
    /// Byte offset where each line starts (same length as `lines`).
    pub starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let b = text.as_bytes();
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        let mut pos = 0;
        while pos < b.len() {
            let start = pos;
            let mut end = start;
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
            if ending == 0 {
                end = b.len();
            }
            pos = end + ending;
            lines.push((start, end));
            starts.push(start);
        }
        Lines { lines, starts }
    }

    /// 1-based line of byte `offset` (an offset at the very end belongs to the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The first and last lines (1-based) of block `b`, by this oracle's own
    /// line split.
    pub fn block_lines(&self, b: &Block) -> (usize, usize) {
        (
            self.line_of(b.start),
            self.line_of(b.end.saturating_sub(1).max(b.start)),
        )
    }
}

/// A line is blank when it holds only white space (what `str::trim` removes)
/// and characters the parser does not see (`lexicon::INVISIBLE_CHARS`: a
/// line of zero-width spaces is as blank as an empty one).
pub fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || crate::lexicon::INVISIBLE_CHARS.contains(&c))
}

// ---------------------------------------------------------------------------
// The invariants.

/// (b) Blocks are in order, their line ranges are disjoint, and together they
/// cover every non-blank line; their byte ranges agree with their lines.
/// The one exception is a list run together on its lines and split into
/// items (`RepairKind::ListSplit`): those blocks share lines, so they are
/// checked as a group, which must agree with its lines.
///
/// ```
/// use fou::internals::{oracle::check_blocks, split_blocks};
/// let text = "# A\n\ntekst\n";
/// let blocks = split_blocks(text, fou::Format::Markdown);
/// assert!(check_blocks(text, &blocks).is_ok());
/// assert!(check_blocks(text, &blocks[..1]).is_err()); // line 3 in no block
/// // A list run together on a line: its items share it.
/// let list = "• Arbeid, Fjellby forskning (2029-2031) • Tillit, Dalen institutt (2030-2032)\n";
/// let items = split_blocks(list, fou::Format::Plain);
/// assert_eq!(items.len(), 2);
/// assert!(check_blocks(list, &items).is_ok());
/// // Any other blocks that share a line are wrong.
/// let mut two = split_blocks("tekst\n", fou::Format::Plain);
/// two.push(two[0].clone());
/// assert!(check_blocks("tekst\n", &two).is_err());
/// ```
pub fn check_blocks(text: &str, blocks: &[Block]) -> Result<(), String> {
    let lines = Lines::new(text);
    let mut owner: Vec<Option<usize>> = vec![None; lines.lines.len()];
    let mut prev_end_line = 0usize;
    let mut group_end = 0usize;
    for (i, b) in blocks.iter().enumerate() {
        let what = format!("block {i} {:?} {:?}", b.kind, short(b.text()));
        let (line_start, line_end) = lines.block_lines(b);
        if line_start == 0 || line_start > line_end || line_end > lines.lines.len() {
            return Err(format!(
                "{what}: bad line range {}..={} (input has {} lines)",
                line_start,
                line_end,
                lines.lines.len()
            ));
        }
        if i >= group_end {
            group_end = i + shared_group(&lines, &blocks[i..]);
            if group_end > i + 1 {
                check_shared(text, &lines, &blocks[i..group_end])
                    .map_err(|e| format!("{what}: {e}"))?;
            }
        }
        let shares_prev = i > 0 && lines.block_lines(&blocks[i - 1]).1 == line_start;
        if shares_prev || group_end > i + 1 {
            // A block of a list split on its lines (checked as a group above).
            if !shares_prev && line_start <= prev_end_line {
                return Err(format!("{what}: lines overlap the previous block"));
            }
            prev_end_line = line_end;
            for slot in &mut owner[line_start - 1..line_end] {
                *slot = Some(i);
            }
            continue;
        }
        if line_start <= prev_end_line {
            return Err(format!(
                "{what}: lines {}..={} overlap or precede the previous block (ends at line {prev_end_line})",
                line_start, line_end
            ));
        }
        prev_end_line = line_end;
        if !(b.start <= b.end && b.end <= text.len()) {
            return Err(format!(
                "{what}: byte range {}..{} outside the input ({} bytes)",
                b.start,
                b.end,
                text.len()
            ));
        }
        if !text.is_char_boundary(b.start) || !text.is_char_boundary(b.end) {
            return Err(format!(
                "{what}: byte range {}..{} not on char boundaries",
                b.start, b.end
            ));
        }
        let first = lines.lines[line_start - 1];
        let last = lines.lines[line_end - 1];
        if b.start != first.0 || b.end != last.1 {
            return Err(format!(
                "{what}: bytes {}..{} but lines {}..={} are bytes {}..{}",
                b.start, b.end, line_start, line_end, first.0, last.1
            ));
        }
        for slot in &mut owner[line_start - 1..line_end] {
            *slot = Some(i);
        }
    }
    for (n, &(s, e)) in lines.lines.iter().enumerate() {
        if owner[n].is_none() && !is_blank(&text[s..e]) {
            return Err(format!(
                "line {} {:?} is in no block",
                n + 1,
                short(&text[s..e])
            ));
        }
    }
    Ok(())
}

/// How many blocks from `blocks[0]` on share lines, one with the next (1
/// when the first shares none).
fn shared_group(lines: &Lines, blocks: &[Block]) -> usize {
    1 + blocks
        .windows(2)
        .take_while(|w| lines.block_lines(&w[1]).0 == lines.block_lines(&w[0]).1)
        .count()
}

/// Blocks that share lines are the items of a list split on its lines (and
/// a paragraph's lead-in before them): list items after the first, in
/// order, byte ranges disjoint, each on its own lines; together they start
/// where their first line starts and end where their last line ends.
fn check_shared(text: &str, lines: &Lines, group: &[Block]) -> Result<(), String> {
    use crate::blocks::BlockKind;
    let (Some(first), Some(last)) = (group.first(), group.last()) else {
        return Ok(());
    };
    let (first_line, last_line) = (lines.block_lines(first).0, lines.block_lines(last).1);
    if last_line > lines.lines.len() || first_line == 0 {
        return Err(format!(
            "shared lines {}..={} outside the input",
            first_line, last_line
        ));
    }
    if group[1..].iter().any(|b| b.kind != BlockKind::ListItem) {
        return Err("blocks that share a line are not list items".into());
    }
    for w in group.windows(2) {
        if w[1].start < w[0].end {
            return Err(format!(
                "shared blocks overlap: {}..{} and {}..{}",
                w[0].start, w[0].end, w[1].start, w[1].end
            ));
        }
    }
    for b in group {
        let ok = b.start <= b.end
            && b.end <= text.len()
            && text.is_char_boundary(b.start)
            && text.is_char_boundary(b.end);
        if !ok {
            return Err(format!("bytes {}..{} are not in the input", b.start, b.end));
        }
    }
    let (a, z) = (lines.lines[first_line - 1].0, lines.lines[last_line - 1].1);
    if first.start != a || last.end != z {
        return Err(format!(
            "shared blocks span {}..{} but lines {}..={} are bytes {a}..{z}",
            first.start, last.end, first_line, last_line
        ));
    }
    Ok(())
}

/// Every span of the report with a name, in report order.
pub fn report_spans(r: &Report) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for (i, h) in r.outline.iter().enumerate() {
        out.push((format!("outline[{i}]"), h.span));
    }
    for item in r.items() {
        out.push((format!("{}[{}]", item.kind.key(), item.index), item.span));
    }
    for (i, x) in r.stated_counts.iter().enumerate() {
        out.push((format!("stated_counts[{i}]"), x.span));
    }
    for (i, x) in r.dates.iter().enumerate() {
        out.push((format!("dates[{i}]"), x.span));
        out.push((format!("dates[{i}].sentence_span"), x.sentence_span));
    }
    for (i, d) in r.diagnostics.iter().enumerate() {
        if let Some(s) = d.span {
            out.push((format!("diagnostics[{i}] ({})", d.code), s));
        }
    }
    out
}

/// (c) A span is a range of the input on char boundaries and its line
/// numbers are those of its first and last byte.
pub fn check_span(text: &str, lines: &Lines, name: &str, s: &Span) -> Result<(), String> {
    let lossy = |a: usize, b: usize| {
        let b = b.min(text.len());
        short(&String::from_utf8_lossy(&text.as_bytes()[a.min(b)..b]))
    };
    if !(s.start <= s.end && s.end <= text.len()) {
        return Err(format!(
            "{name}: {s:?} is not a range of the input ({} bytes): {:?}",
            text.len(),
            lossy(s.start, s.end)
        ));
    }
    if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
        return Err(format!(
            "{name}: {s:?} does not start and end on char boundaries: {:?}",
            lossy(s.start, s.end)
        ));
    }
    if s.line_start > s.line_end {
        return Err(format!("{name}: {s:?} has line_start > line_end"));
    }
    let want = (
        lines.line_of(s.start),
        lines.line_of(s.end.saturating_sub(1).max(s.start)),
    );
    if (s.line_start, s.line_end) != want {
        return Err(format!(
            "{name}: {s:?} but its bytes are on lines {}..={} ({:?})",
            want.0,
            want.1,
            lossy(s.start, s.end)
        ));
    }
    Ok(())
}

/// (d) A span lies inside the blocks: it starts inside one block and ends
/// inside one (possibly later) block.
pub fn check_in_blocks(name: &str, s: &Span, blocks: &[Block]) -> Result<(), String> {
    let first = blocks
        .iter()
        .position(|b| b.start <= s.start && s.start <= b.end);
    let last = blocks
        .iter()
        .rposition(|b| b.start <= s.end && s.end <= b.end);
    match (first, last) {
        (Some(f), Some(l)) if f <= l => Ok(()),
        _ => Err(format!(
            "{name}: {s:?} is not inside the blocks (start in block {first:?}, end in block {last:?})"
        )),
    }
}

/// Check (b), (c) and (d) for one decoded source, parsed as `explain` does.
///
/// ```
/// let src = fou::Source::from_text("FoU-rapport 2020\n\nForord\n\nTekst.\n");
/// assert!(fou::internals::oracle::check_source(&src).is_ok());
/// ```
pub fn check_source<'a>(src: &'a Source<'_>) -> Result<Report<'a>, String> {
    let text = src.text();
    let explained = crate::explain(src, &Options::default());
    let report = explained.report;
    let blocks: Vec<Block> = explained.blocks.into_iter().map(|(b, _)| b).collect();
    check_blocks(text, &blocks).map_err(|e| format!("(b) blocks: {e}"))?;
    let lines = Lines::new(text);
    for (name, span) in report_spans(&report) {
        check_span(text, &lines, &name, &span).map_err(|e| format!("(c) span: {e}"))?;
        check_in_blocks(&name, &span, &blocks).map_err(|e| format!("(d) in blocks: {e}"))?;
    }
    if report.source.bytes != text.len() {
        return Err(format!(
            "source.bytes = {} but the input has {} bytes",
            report.source.bytes,
            text.len()
        ));
    }
    Ok(report)
}

/// `s` cut to 60 characters for a message.
pub fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if t.len() < s.len() {
        t.push('…');
    }
    t
}

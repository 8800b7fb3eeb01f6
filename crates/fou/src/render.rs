//! Diagnostics shown the way a compiler shows them: the message, where it
//! is (`--> path:line:column`), and the source line with carets under the
//! span. `fou check` prints exactly this.

use std::fmt;

use crate::model::{Diagnostic, Severity};
use crate::source::Source;

/// Widest source line shown under a diagnostic, in characters (a longer
/// line is cut around the carets; see [`Source::excerpt_marks`]).
const WIDTH: usize = 100;

impl Severity {
    /// The contract's name: `"info"`, `"warning"` or `"error"`.
    ///
    /// ```
    /// assert_eq!(fou::Severity::Warning.as_str(), "warning");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    /// The contract's name ([`Severity::as_str`]).
    ///
    /// ```
    /// assert_eq!(fou::Severity::Error.to_string(), "error");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Diagnostic {
    /// The headline: `severity[code]: message`.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nForord\n\nVi møttes 31. februar 2021.\n").unwrap();
    /// assert_eq!(
    ///     r.diagnostics[0].to_string(),
    ///     r#"info[invalid-date]: "31. februar 2021" is not a calendar date (or has no year)"#
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}

impl Diagnostic {
    /// This diagnostic as a compiler shows it, for the source it was found
    /// in, with `path` as the file name: the headline
    /// (`severity[code]: message`), `--> path:line:column` (1-based, the
    /// column in characters), then the source line (cut to about 100
    /// characters around the span, `…` for each cut part, control
    /// characters as spaces) with carets under the span. A diagnostic
    /// without a place is the one line `path: severity[code]: message`.
    /// The text ends with a newline.
    ///
    /// A span that is not in `src` (a diagnostic of another text) is shown
    /// at the nearest place there is; it never panics.
    ///
    /// ```
    /// let text = "FoU-rapport 2021\n\nForord\n\nVi møttes 31. februar 2021.\n";
    /// let src = fou::Source::from_text(text);
    /// let report = fou::parse(text).unwrap();
    /// let shown = report.diagnostics[0].render(&src, "r.txt");
    /// let rows: Vec<&str> = shown.lines().collect();
    /// assert_eq!(rows, [
    ///     r#"info[invalid-date]: "31. februar 2021" is not a calendar date (or has no year)"#,
    ///     " --> r.txt:5:11",
    ///     "  |",
    ///     "5 | Vi møttes 31. februar 2021.",
    ///     "  |           ^^^^^^^^^^^^^^^^",
    /// ]);
    /// assert!(shown.ends_with('\n'));
    /// ```
    pub fn render(&self, src: &Source, path: &str) -> String {
        match self.span {
            Some(span) => render_line(src, path, span.line_start, &[self]),
            None => format!("{path}: {self}\n"),
        }
    }

    /// Many diagnostics of one source, as `fou check` prints them: sorted
    /// by place (stable; those without a place first), one block for each
    /// diagnostic without a place and one for each source line that spans
    /// start on. A line's block has the headline and `-->` of each of its
    /// diagnostics, then the line once with the carets of all of them
    /// (see [`Source::excerpt_marks`]), so a line with many diagnostics is
    /// not printed many times. Each block ends with a newline; print them
    /// separated by blank lines. One diagnostic alone is
    /// [`Diagnostic::render`].
    ///
    /// ```
    /// let text = "FoU-rapport 2021\n\nForord\n\nTekst.\n\nOppdragsprosjekter\n\n\
    ///             Ved årsskiftet pågikk 3 oppdragsprosjekter, og 2 oppdragsprosjekter ble ferdigstilt:\n\n\
    ///             - Tolk i NAV, Fjordforsk (2021-2022)\n";
    /// let src = fou::Source::from_text(text);
    /// let report = fou::parse(text).unwrap();
    /// // (the report also has an `incomplete` error, with no place: no
    /// // completed project was found)
    /// let mismatches: Vec<fou::Diagnostic> = report.diagnostics.iter()
    ///     .filter(|d| d.code == fou::DiagnosticCode::CountMismatch).cloned().collect();
    /// let blocks = fou::Diagnostic::render_all(&mismatches, &src, "r.txt");
    /// assert_eq!(blocks.len(), 1, "both diagnostics are on line 9");
    /// let rows: Vec<&str> = blocks[0].lines().collect();
    /// assert!(rows[0].starts_with("warning[count-mismatch]: the text states 3 ongoing"));
    /// assert_eq!(rows[1], " --> r.txt:9:1");
    /// assert!(rows[2].starts_with("warning[count-mismatch]: the text states 2 completed"));
    /// assert_eq!(rows[3], " --> r.txt:9:48");
    /// assert_eq!(rows[4], "  |");
    /// assert!(rows[5].starts_with("9 | Ved årsskiftet pågikk 3"));
    /// assert_eq!(rows[6], format!("  | {}     {}", "^".repeat(42), "^".repeat(36)));
    /// assert_eq!(rows.len(), 7, "the line once");
    /// ```
    pub fn render_all<'a>(
        diagnostics: impl IntoIterator<Item = &'a Diagnostic>,
        src: &Source,
        path: &str,
    ) -> Vec<String> {
        let mut diags: Vec<&Diagnostic> = diagnostics.into_iter().collect();
        diags.sort_by_key(|d| d.span.map(|s| (s.line_start, s.start)));
        let mut blocks = Vec::new();
        let mut rest = diags.as_slice();
        while let Some(first) = rest.first() {
            let line = first.span.map(|s| s.line_start);
            let n = rest
                .iter()
                .take_while(|d| d.span.map(|s| s.line_start) == line)
                .count();
            let (group, tail) = rest.split_at(n);
            match line {
                None => blocks.extend(group.iter().map(|d| d.render(src, path))),
                Some(line) => blocks.push(render_line(src, path, line, group)),
            }
            rest = tail;
        }
        blocks
    }
}

/// The diagnostics whose spans start on `line`: each headline with its
/// `--> path:line:column`, then the line once with all their carets.
fn render_line(src: &Source, path: &str, line: usize, group: &[&Diagnostic]) -> String {
    let spans: Vec<crate::Span> = group.iter().filter_map(|d| d.span).collect();
    let shown = src.excerpt_marks(line, &spans, WIDTH);
    let l = line.to_string();
    let pad = " ".repeat(l.len());
    let starts: Vec<usize> = spans.iter().map(|s| s.start).collect();
    let mut text = String::new();
    for (d, at) in group.iter().zip(src.line_cols(&starts)) {
        text.push_str(&format!("{d}\n{pad}--> {path}:{}:{}\n", at.line, at.column));
    }
    text.push_str(&format!(
        "{pad} |\n{l} | {}\n{pad} | {}\n",
        shown.text,
        shown.caret_line()
    ));
    text
}

#[cfg(test)]
mod tests {
    use crate::model::{Diagnostic, DiagnosticCode, Severity};
    use crate::source::Source;

    fn diag(code: DiagnosticCode, src: &Source, range: Option<(usize, usize)>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code,
            message: "m".to_owned(),
            span: range.map(|(s, e)| src.span(s, e)),
        }
    }

    #[test]
    fn one_block_per_line_with_every_caret_and_placeless_ones_first() {
        let src = Source::from_text("Tittel\nTre og fire og fem\n");
        let ds = [
            diag(DiagnosticCode::InvalidDate, &src, Some((22, 25))),
            diag(DiagnosticCode::CountMismatch, &src, Some((7, 10))),
            diag(DiagnosticCode::Encoding, &src, None),
            diag(DiagnosticCode::NoYear, &src, Some((0, 6))),
        ];
        let blocks = Diagnostic::render_all(&ds, &src, "a.txt");
        assert_eq!(
            blocks,
            [
                "a.txt: warning[encoding]: m\n",
                "warning[no-year]: m\n --> a.txt:1:1\n  |\n1 | Tittel\n  | ^^^^^^\n",
                "warning[count-mismatch]: m\n --> a.txt:2:1\n\
                 warning[invalid-date]: m\n --> a.txt:2:16\n  |\n\
                 2 | Tre og fire og fem\n  | ^^^            ^^^\n",
            ]
        );
        for d in &ds {
            let alone = Diagnostic::render_all([d], &src, "a.txt");
            assert_eq!(alone, [d.render(&src, "a.txt")]);
        }
    }

    #[test]
    fn a_long_line_is_cut_around_the_caret() {
        let text = format!("{}Tre prosjekter{}", "x ".repeat(100), " y".repeat(100));
        let src = Source::from_text(&text);
        let d = diag(DiagnosticCode::CountMismatch, &src, Some((200, 214)));
        let shown = d.render(&src, "a.txt");
        let rows: Vec<&str> = shown.lines().collect();
        assert_eq!(rows[1], " --> a.txt:1:201");
        let line = rows[3].strip_prefix("1 | ").unwrap_or_default();
        assert_eq!(line.chars().count(), 100);
        assert!(line.starts_with('…') && line.ends_with('…'));
        let caret = rows[4].strip_prefix("  | ").unwrap_or_default();
        let at = caret.find('^').unwrap_or_default();
        assert_eq!(caret.len() - at, "Tre prosjekter".len());
        assert_eq!(
            line.chars().skip(at).take(14).collect::<String>(),
            "Tre prosjekter"
        );
    }

    #[test]
    fn a_span_from_another_text_does_not_panic() {
        let text = "æøå\n".repeat(50);
        let long = Source::from_text(&text);
        let d = diag(DiagnosticCode::DecodeReplaced, &long, Some((150, 155)));
        let short = Source::from_text("kort\n");
        let shown = d.render(&short, "b.txt");
        assert!(
            shown.starts_with("warning[decode-replaced]: m\n"),
            "{shown}"
        );
        let _ = d.render(&Source::from_text(""), "c.txt");
    }
}

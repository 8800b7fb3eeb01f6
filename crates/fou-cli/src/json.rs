//! Pretty JSON as `serde_json::to_writer_pretty` writes it (two spaces a
//! level), with each line break and its indentation written at once:
//! serde_json's `PrettyFormatter` writes the two spaces of each level apart,
//! and a report has thousands of lines, several levels deep.

use serde::Serialize;
use serde_json::ser::Formatter;
use std::io::{self, Write};

/// A comma, a line break, then the indentation of [`LEVELS`] levels: from
/// its second byte on, the break before a first item.
const BREAK: &[u8; 2 + 2 * LEVELS] = &{
    let mut b = [b' '; 2 + 2 * LEVELS];
    b[0] = b',';
    b[1] = b'\n';
    b
};
/// Levels written with one write; deeper ones (none in fou's output) take
/// one more write for each further level.
const LEVELS: usize = 16;

/// `value` as pretty JSON into `writer`: the bytes of
/// `serde_json::to_writer_pretty`.
pub(crate) fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(writer, Pretty::default());
    value.serialize(&mut ser)
}

/// serde_json's `PrettyFormatter` with the default indentation.
#[derive(Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

impl Pretty {
    /// A line break and the indentation of the current depth, after a
    /// comma when `comma`.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W, comma: bool) -> io::Result<()> {
        let shown = self.depth.min(LEVELS);
        let from = usize::from(!comma);
        writer.write_all(&BREAK[from..2 + 2 * shown])?;
        for _ in shown..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn begin<W: ?Sized + Write>(&mut self, writer: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(open)
    }

    fn end<W: ?Sized + Write>(&mut self, writer: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.new_line(writer, false)?;
        }
        writer.write_all(close)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.new_line(writer, !first)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn both(value: &serde_json::Value) -> (String, String) {
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, value).unwrap();
        let theirs = serde_json::to_string_pretty(value).unwrap();
        (String::from_utf8(ours).unwrap(), theirs)
    }

    #[test]
    fn writes_the_bytes_serde_json_writes() {
        let values = [
            json!(null),
            json!([]),
            json!({}),
            json!([[], {}, [[]], {"a": {}}]),
            json!({"a": 1, "b": [1, 2.5, "x\n\"y\""], "c": {"d": null, "e": [true, {"f": []}]}}),
        ];
        for v in &values {
            let (ours, theirs) = both(v);
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn deeper_than_one_write_reaches_is_still_the_same() {
        let mut v = json!({"leaf": [1, 2]});
        for k in 0..(LEVELS + 5) {
            v = if k % 2 == 0 {
                json!([v, 3])
            } else {
                json!({"k": v})
            };
        }
        let (ours, theirs) = both(&v);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn a_report_is_written_as_serde_json_writes_it() {
        let text = "# FoU-rapport 2031\n\n## Prosjekter\n\n- Et prosjekt, Universitetet i Oslo (2030–2032)\n";
        let report = fou::parse(text).unwrap();
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, &report).unwrap();
        assert_eq!(ours, serde_json::to_vec_pretty(&report).unwrap());
    }
}

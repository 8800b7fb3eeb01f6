//! JSON as serde_json writes it, pretty (`serde_json::to_writer_pretty`:
//! two spaces a level) or compact (`serde_json::to_writer`), from a
//! serializer of its own: a string with nothing to escape (almost every
//! string of a report) is written as it stands after one vectorised test,
//! where serde_json looks up every byte in its escape table; each line break
//! and its indentation is one write. Strings with something to escape,
//! numbers and the other scalars are written by serde_json itself, so they
//! come out as its own; the tests compare the bytes with serde_json's on
//! reports and on every kind of value, in both forms.
//!
//! The command line writes its JSON with it, a collection hashes each
//! report's compact JSON with it ([`crate::collection::Text::hash`]), and
//! [`Report::to_json`](crate::Report::to_json) and
//! [`Report::to_json_line`](crate::Report::to_json_line) are made with it.
//!
//! ```
//! let report = fou::parse("# FoU-rapport 2020\n").unwrap();
//! let mut out = Vec::new();
//! fou::json::write_pretty(&mut out, &report).unwrap();
//! assert_eq!(out, serde_json::to_vec_pretty(&report).unwrap());
//! ```

use serde::Serialize;
use serde::ser::{self, Error as _};
use std::io::Write;

/// A line break, then the indentation of [`LEVELS`] levels.
const BREAK: &[u8; 1 + 2 * LEVELS] = &{
    let mut b = [b' '; 1 + 2 * LEVELS];
    b[0] = b'\n';
    b
};
/// Levels written with one write; deeper ones (none in fou's output) take
/// one more write for each further level.
const LEVELS: usize = 16;
/// Bytes of JSON gathered before they are given to a sink ([`stream`],
/// [`stream_pretty`]; at the next line break of pretty JSON, at the next
/// item of compact JSON): 64 KiB, the size of the command line's output
/// buffer, so that a `BufWriter` of that size passes the pieces straight
/// through instead of copying them, and the gathering buffer
/// ([`CHUNK_ROOM`]) stays below glibc's threshold for allocations of their
/// own mapping (128 KiB), which cost two system calls and page faults on
/// fresh pages each time.
///
/// ```
/// assert_eq!(fou::json::CHUNK, 64 * 1024);
/// ```
pub const CHUNK: usize = 64 * 1024;
/// Room to reserve for a buffer that gathers chunks: a chunk, and the line
/// that takes it past one (an item's text; longer ones grow it).
///
/// ```
/// assert!(fou::json::CHUNK_ROOM > fou::json::CHUNK);
/// ```
pub const CHUNK_ROOM: usize = CHUNK + CHUNK / 4;
/// Field names remembered as having nothing to escape
/// ([`Writer::field_name`]): more than a report's kinds of fields (some
/// 100), so that few share a place.
const FIELD_CACHE: usize = 128;
/// Bytes of a string tested at once for a byte to escape (a multiple of
/// the vector width, so the test compiles to vector compares).
const ESCAPE_BLOCK: usize = 32;

/// `value` as pretty JSON into `writer`: the bytes of
/// `serde_json::to_writer_pretty`, in writes of a [`CHUNK`] or more.
///
/// ```
/// let mut out = Vec::new();
/// fou::json::to_writer_pretty(&mut out, &serde_json::json!({"a": [1, "b"]})).unwrap();
/// assert_eq!(out, b"{\n  \"a\": [\n    1,\n    \"b\"\n  ]\n}");
/// ```
pub fn to_writer_pretty<W: Write, T: ?Sized + Serialize>(
    mut writer: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut out = Vec::new();
    stream_pretty(&mut out, value, &mut writer)?;
    writer.write_all(&out).map_err(serde_json::Error::io)
}

/// `value` as pretty JSON after the bytes of `out` (as
/// [`to_writer_pretty`] writes it), all of it in `out`.
///
/// ```
/// let mut out = b"[".to_vec();
/// fou::json::write_pretty(&mut out, &Some(1)).unwrap();
/// assert_eq!(out, b"[1");
/// ```
pub fn write_pretty<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    serialize::<T, true>(out, value, None)
}

/// `value` as compact JSON after the bytes of `out` (the bytes of
/// `serde_json::to_writer`), all of it in `out`.
///
/// ```
/// let mut out = Vec::new();
/// fou::json::write(&mut out, &serde_json::json!({"a": [1, "b\"c"]})).unwrap();
/// assert_eq!(out, br#"{"a":[1,"b\"c"]}"#);
/// ```
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    serialize::<T, false>(out, value, None)
}

/// `value` as compact JSON in a string (the string of
/// `serde_json::to_string`).
///
/// ```
/// let json = fou::json::to_string(&serde_json::json!({"a": ["b"]})).unwrap();
/// assert_eq!(json, r#"{"a":["b"]}"#);
/// ```
pub fn to_string<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write(&mut out, value)?;
    into_string(out)
}

/// `value` as pretty JSON in a string (the string of
/// `serde_json::to_string_pretty`).
///
/// ```
/// let json = fou::json::to_string_pretty(&serde_json::json!({"a": ["b"]})).unwrap();
/// assert_eq!(json, "{\n  \"a\": [\n    \"b\"\n  ]\n}");
/// ```
pub fn to_string_pretty<T: ?Sized + Serialize>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::new();
    write_pretty(&mut out, value)?;
    into_string(out)
}

/// The JSON written as a string: the writer writes UTF-8 only (strings as
/// they are or escaped by serde_json, ASCII around them), so this is a
/// check (a vectorised one, not `String::from_utf8_lossy`'s walk through
/// the bytes), never a copy.
fn into_string(out: Vec<u8>) -> serde_json::Result<String> {
    String::from_utf8(out).map_err(serde_json::Error::custom)
}

/// `value` as pretty JSON after the bytes of `out`, given to `sink` in
/// pieces of a [`CHUNK`] or more as it is written; what is left when the
/// value ends (less than a chunk and a line) stays in `out` for the caller
/// to write, with what it adds. The JSON of a report of any size then
/// takes a buffer of about a chunk, not of its own size.
///
/// ```
/// let (mut out, mut sink) = (Vec::new(), Vec::new());
/// fou::json::stream_pretty(&mut out, &[1, 2], &mut sink).unwrap();
/// // (shorter than a chunk: all of it left in `out`)
/// assert_eq!((out.as_slice(), sink.len()), (&b"[\n  1,\n  2\n]"[..], 0));
/// ```
pub fn stream_pretty<T: ?Sized + Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    sink: &mut dyn Write,
) -> serde_json::Result<()> {
    serialize::<T, true>(out, value, Some(sink))
}

/// `value` as compact JSON after the bytes of `out`, given to `sink` in
/// pieces of a [`CHUNK`] or more (each ending before an item of an array
/// or object) as it is written; what is left when the value ends stays in
/// `out` for the caller, as [`stream_pretty`] leaves it.
///
/// ```
/// let (mut out, mut sink) = (Vec::new(), Vec::new());
/// let long = vec!["ord"; 30_000];
/// fou::json::stream(&mut out, &long, &mut sink).unwrap();
/// assert!(sink.len() >= fou::json::CHUNK);
/// assert_eq!([sink, out].concat(), serde_json::to_vec(&long).unwrap());
/// ```
pub fn stream<T: ?Sized + Serialize>(
    out: &mut Vec<u8>,
    value: &T,
    sink: &mut dyn Write,
) -> serde_json::Result<()> {
    serialize::<T, false>(out, value, Some(sink))
}

/// `value` as JSON after the bytes of `out`, pretty when `PRETTY` (a
/// writer for each form: neither tests the form as it writes).
fn serialize<T: ?Sized + Serialize, const PRETTY: bool>(
    out: &mut Vec<u8>,
    value: &T,
    sink: Option<&mut dyn Write>,
) -> serde_json::Result<()> {
    let mut writer = Writer::<PRETTY> {
        out: std::mem::take(out),
        depth: 0,
        has_value: false,
        sink,
        clean_fields: [(0, 0); FIELD_CACHE],
    };
    let written = value.serialize(&mut writer);
    *out = writer.out;
    written
}

/// Does JSON escape any byte of `s` (`"`, `\\` or a control character)?
///
/// Blocks of [`ESCAPE_BLOCK`] bytes are tested with vector compares, what
/// is left of them eight bytes at a time ([`word_needs_escape`]), the last
/// eight bytes of the string as one more word (it may overlap the words
/// before it), and a string shorter than a word as one word too
/// ([`short_needs_escape`]: most of them are field names, and most texts
/// are shorter than a block).
fn needs_escape(s: &str) -> bool {
    let escaped = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let bytes = s.as_bytes();
    let Some(last) = bytes.last_chunk::<8>() else {
        return short_needs_escape(bytes);
    };
    let blocks = bytes.chunks_exact(ESCAPE_BLOCK);
    let rest = blocks.remainder();
    word_needs_escape(last)
        || rest
            .chunks_exact(8)
            .filter_map(<[u8]>::first_chunk::<8>)
            .any(word_needs_escape)
        || blocks
            .into_iter()
            .any(|block| block.iter().fold(false, |any, &b| any | escaped(b)))
}

/// [`needs_escape`] of fewer than eight bytes: from four, the first four
/// bytes and the last four (they overlap below eight) as one word; below
/// four, the first, the middle and the last byte, which are every byte of
/// one to three.
fn short_needs_escape(bytes: &[u8]) -> bool {
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let word =
            u64::from(u32::from_le_bytes(*first)) | u64::from(u32::from_le_bytes(*last)) << 32;
        return word_needs_escape(&word.to_le_bytes());
    }
    [bytes.first(), bytes.get(bytes.len() / 2), bytes.last()]
        .into_iter()
        .flatten()
        .any(|&b| (b < 0x20) | (b == b'"') | (b == b'\\'))
}

/// Is any of these eight bytes `"`, `\\` or below 0x20? One test for the
/// word: a byte below a bound `n` is one whose `b - n` borrows, which sets
/// its top bit while the top bit of `b` is clear (a borrow from the byte
/// below can make a byte look so too, but only when that byte is itself
/// below its bound, so the answer for the word stays exact); `"` and `\\`
/// are the bytes that become 0 (below 1) under an XOR.
fn word_needs_escape(word: &[u8; 8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const TOPS: u64 = u64::from_le_bytes([0x80; 8]);
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & TOPS;
    let w = u64::from_le_bytes(*word);
    (below(w, 0x20)
        | below(w ^ (ONES * u64::from(b'"')), 1)
        | below(w ^ (ONES * u64::from(b'\\')), 1))
        != 0
}

/// The JSON writer, as a serializer: serde_json's `PrettyFormatter` with
/// the default indentation when `PRETTY`, else its `CompactFormatter`. It
/// writes into a buffer of its own (the many small writes of punctuation
/// are then stores, not calls); with a `sink`, the buffer is given to it
/// whenever it holds [`CHUNK`] bytes at a line break (pretty) or before an
/// item or a close (compact), so it stays that small whatever the size of
/// the value.
struct Writer<'w, const PRETTY: bool> {
    out: Vec<u8>,
    depth: usize,
    /// The open array or object has an item.
    has_value: bool,
    sink: Option<&'w mut dyn Write>,
    /// Field names found to have nothing to escape, by address and length
    /// ([`Writer::field_name`]); `(0, 0)` for none.
    clean_fields: [(usize, usize); FIELD_CACHE],
}

/// What an open array or object has had: nothing yet, or an item.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Written closed at once (`[]`, `{}`): a length of 0 was given.
    Closed,
    First,
    Rest,
}

/// An open array or object, and what closes the value it is part of
/// (`]` or `}`, then the `}` of a variant's object when `variant`).
struct Compound<'a, 'w, const PRETTY: bool> {
    ser: &'a mut Writer<'w, PRETTY>,
    state: State,
    variant: bool,
}

impl<'w, const PRETTY: bool> Writer<'w, PRETTY> {
    fn write(&mut self, bytes: &[u8]) -> serde_json::Result<()> {
        self.out.extend_from_slice(bytes);
        Ok(())
    }

    /// A line break and the indentation of the current depth (pretty JSON
    /// only), after a comma when `comma`: all of [`BREAK`] copied (a copy
    /// of a known size: a few vector stores, not a call), then cut to its
    /// length. What was written before it goes to the sink first when it
    /// has come to a [`CHUNK`].
    /// (Inlined, as it was before it could write: it runs once for each
    /// item and key, and the write once for each chunk.)
    #[inline]
    fn new_line(&mut self, comma: bool) -> serde_json::Result<()> {
        if comma {
            self.out.push(b',');
        }
        if self.out.len() >= CHUNK {
            self.give_chunk()?;
        }
        if !PRETTY {
            return Ok(());
        }
        let shown = self.depth.min(LEVELS);
        let at = self.out.len();
        self.out.extend_from_slice(BREAK);
        self.out.truncate(at + 1 + 2 * shown);
        for _ in shown..self.depth {
            self.write(b"  ")?;
        }
        Ok(())
    }

    /// What was written, to the sink (if there is one).
    #[cold]
    #[inline(never)]
    fn give_chunk(&mut self) -> serde_json::Result<()> {
        if let Some(sink) = self.sink.as_mut() {
            sink.write_all(&self.out).map_err(serde_json::Error::io)?;
            self.out.clear();
        }
        Ok(())
    }

    fn begin(&mut self, open: &[u8]) -> serde_json::Result<()> {
        self.depth += 1;
        self.has_value = false;
        self.write(open)
    }

    fn end(&mut self, close: &[u8]) -> serde_json::Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.has_value {
            self.new_line(false)?;
        }
        self.write(close)
    }

    /// Open an array or object (`open`), closed at once when `len` is 0.
    fn open(
        &mut self,
        open: &[u8],
        len: Option<usize>,
        variant: bool,
    ) -> serde_json::Result<Compound<'_, 'w, PRETTY>> {
        self.begin(open)?;
        let state = if len == Some(0) {
            self.end(if open == b"[" { b"]" } else { b"}" })?;
            State::Closed
        } else {
            State::First
        };
        Ok(Compound {
            ser: self,
            state,
            variant,
        })
    }

    /// `{"variant": ` of an enum variant with data, the value to follow.
    fn open_variant(&mut self, variant: &str) -> serde_json::Result<()> {
        self.begin(b"{")?;
        self.new_line(false)?;
        self.write_str(variant)?;
        self.colon()
    }

    /// What follows a key: `: ` in pretty JSON, `:` in compact (each a
    /// copy of a known length, a store or two, not a call).
    fn colon(&mut self) -> serde_json::Result<()> {
        if PRETTY {
            self.write(b": ")
        } else {
            self.write(b":")
        }
    }

    /// The `}` after a variant's value.
    fn close_variant(&mut self) -> serde_json::Result<()> {
        self.has_value = true;
        self.end(b"}")
    }

    /// A string: as it stands between quotes, or escaped by serde_json.
    fn write_str(&mut self, s: &str) -> serde_json::Result<()> {
        self.quoted(s, b"\"")
    }

    /// `s` as a JSON string and then the rest of `closing` (which starts
    /// with the closing quote): a field name and its `": "` are written
    /// with one reservation. `s` stands as it is between the quotes unless
    /// it has something to escape ([`Writer::escaped`]).
    #[inline(always)]
    fn quoted(&mut self, s: &str, closing: &[u8]) -> serde_json::Result<()> {
        if needs_escape(s) {
            return self.escaped(s, closing);
        }
        self.out.reserve(s.len() + 1 + closing.len());
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.extend_from_slice(closing);
        Ok(())
    }

    /// A struct's field name and the `: ` after it (`:` in compact JSON).
    /// A field name is a `&'static str`, whose bytes never change: once they are found to
    /// have nothing to escape, its address and length say so for every
    /// later field of that name (each of a report's thousand or so fields
    /// is one of some hundred names), and it is copied untested.
    #[inline(always)]
    fn field_name(&mut self, key: &'static str) -> serde_json::Result<()> {
        let at = (key.as_ptr() as usize, key.len());
        let slot = (at.0 ^ (at.0 >> 7)) % FIELD_CACHE;
        let known = self.clean_fields.get(slot) == Some(&at);
        if !known && needs_escape(key) {
            self.escaped(key, b"\"")?;
            return self.colon();
        }
        if let Some(place) = self.clean_fields.get_mut(slot) {
            *place = at;
        }
        self.out.reserve(key.len() + 4);
        self.out.push(b'"');
        self.out.extend_from_slice(key.as_bytes());
        self.out.push(b'"');
        self.colon()
    }

    /// [`Writer::quoted`] of a string with something to escape: written
    /// by serde_json.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, s: &str, closing: &[u8]) -> serde_json::Result<()> {
        serde_json::to_writer(&mut self.out, s)?;
        self.write(closing.get(1..).unwrap_or_default())
    }

    /// A scalar as serde_json writes it (numbers, `true`, `null`: the
    /// pretty and the compact writer write them alike).
    fn scalar<T: Serialize>(&mut self, v: T) -> serde_json::Result<()> {
        serde_json::to_writer(&mut self.out, &v)
    }
}

type Result<T = ()> = serde_json::Result<T>;

impl<'a, 'w, const PRETTY: bool> ser::Serializer for &'a mut Writer<'w, PRETTY> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Compound<'a, 'w, PRETTY>;
    type SerializeTuple = Compound<'a, 'w, PRETTY>;
    type SerializeTupleStruct = Compound<'a, 'w, PRETTY>;
    type SerializeTupleVariant = Compound<'a, 'w, PRETTY>;
    type SerializeMap = Compound<'a, 'w, PRETTY>;
    type SerializeStruct = Compound<'a, 'w, PRETTY>;
    type SerializeStructVariant = Compound<'a, 'w, PRETTY>;

    fn serialize_bool(self, v: bool) -> Result {
        self.scalar(v)
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.scalar(v)
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.scalar(v)
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.scalar(v)
    }
    fn serialize_i64(self, v: i64) -> Result {
        self.scalar(v)
    }
    fn serialize_i128(self, v: i128) -> Result {
        self.scalar(v)
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.scalar(v)
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.scalar(v)
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.scalar(v)
    }
    fn serialize_u64(self, v: u64) -> Result {
        self.scalar(v)
    }
    fn serialize_u128(self, v: u128) -> Result {
        self.scalar(v)
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.scalar(v)
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.scalar(v)
    }
    fn serialize_char(self, v: char) -> Result {
        self.write_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result {
        self.write_str(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result {
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result {
        self.write(b"null")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.write(b"null")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result {
        self.write(b"null")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result {
        self.write_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, v: &T) -> Result {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result {
        self.open_variant(variant)?;
        v.serialize(&mut *self)?;
        self.close_variant()
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, 'w, PRETTY>> {
        self.open(b"[", len, false)
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, 'w, PRETTY>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w, PRETTY>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w, PRETTY>> {
        self.open_variant(variant)?;
        self.open(b"[", Some(len), true)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, 'w, PRETTY>> {
        self.open(b"{", len, false)
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound<'a, 'w, PRETTY>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, 'w, PRETTY>> {
        self.open_variant(variant)?;
        self.open(b"{", Some(len), true)
    }
}

impl<const PRETTY: bool> Compound<'_, '_, PRETTY> {
    /// The break before an item, and its value.
    fn item<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.ser.new_line(self.state == State::Rest)?;
        self.state = State::Rest;
        value.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    /// The break before a key, and the key: a string as it is, any other
    /// key as serde_json writes it.
    fn key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.ser.new_line(self.state == State::Rest)?;
        self.state = State::Rest;
        // serde_json's key, cut out of a one-entry object `{KEY:null}`.
        let mut one = Vec::new();
        let mut json = serde_json::Serializer::new(&mut one);
        let mut map = ser::Serializer::serialize_map(&mut json, Some(1))?;
        ser::SerializeMap::serialize_entry(&mut map, key, &())?;
        ser::SerializeMap::end(map)?;
        let end = one.len().saturating_sub(b":null}".len());
        match one.get(1..end) {
            Some(k) => self.ser.write(k),
            None => Err(serde_json::Error::custom("a key serde_json did not write")),
        }
    }

    /// `: ` (`:` in compact JSON) and the value of an object's entry.
    fn value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.ser.colon()?;
        value.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    /// A field named by the struct: a key with nothing to escape (all of
    /// fou's) is written as it is.
    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.ser.new_line(self.state == State::Rest)?;
        self.state = State::Rest;
        self.ser.field_name(key)?;
        value.serialize(&mut *self.ser)?;
        self.ser.has_value = true;
        Ok(())
    }

    /// Close the array (`]`) or object (`}`), and a variant's object.
    fn close(self, close: &[u8]) -> Result {
        if self.state != State::Closed {
            self.ser.end(close)?;
        }
        if self.variant {
            self.ser.close_variant()?;
        }
        Ok(())
    }
}

/// The serializer's sequences: each element an item, closed by `]`.
macro_rules! sequence {
    ($($trait:ident: $element:ident),*) => {$(
        impl<const PRETTY: bool> ser::$trait for Compound<'_, '_, PRETTY> {
            type Ok = ();
            type Error = serde_json::Error;
            fn $element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
                self.item(value)
            }
            fn end(self) -> Result {
                self.close(b"]")
            }
        }
    )*};
}

sequence!(
    SerializeSeq: serialize_element,
    SerializeTuple: serialize_element,
    SerializeTupleStruct: serialize_field,
    SerializeTupleVariant: serialize_field
);

/// The serializer's structs: each field named, closed by `}`.
macro_rules! structure {
    ($($trait:ident),*) => {$(
        impl<const PRETTY: bool> ser::$trait for Compound<'_, '_, PRETTY> {
            type Ok = ();
            type Error = serde_json::Error;
            fn serialize_field<T: ?Sized + Serialize>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result {
                self.field(key, value)
            }
            fn end(self) -> Result {
                self.close(b"}")
            }
        }
    )*};
}

structure!(SerializeStruct, SerializeStructVariant);

impl<const PRETTY: bool> ser::SerializeMap for Compound<'_, '_, PRETTY> {
    type Ok = ();
    type Error = serde_json::Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.key(key)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.value(value)
    }
    fn end(self) -> Result {
        self.close(b"}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Our JSON of `value` and serde_json's: the pretty form, a line
    /// break, then the compact form.
    /// (Through `to_writer_pretty`, then `to_string` and `to_string_pretty`,
    /// which must agree.)
    fn both<T: ?Sized + Serialize>(value: &T) -> (String, String) {
        let mut ours = Vec::new();
        to_writer_pretty(&mut ours, value).unwrap();
        let ours = String::from_utf8(ours).unwrap();
        assert_eq!(ours, to_string_pretty(value).unwrap());
        let ours = ours + "\n" + &to_string(value).unwrap();
        let theirs = serde_json::to_string_pretty(value).unwrap();
        let theirs = theirs + "\n" + &serde_json::to_string(value).unwrap();
        (ours, theirs)
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

    /// A field name is remembered only when it has nothing to escape: one
    /// to escape is escaped each time it comes, and names that share a
    /// place in the memory are each written as they are.
    #[test]
    fn field_names_are_written_as_serde_json_writes_them_each_time() {
        #[derive(Serialize)]
        struct Fields {
            plain: u8,
            #[serde(rename = "a\"b")]
            quote: u8,
            #[serde(rename = "tab\there")]
            tab: u8,
            another_plain_name: u8,
        }
        let one = || Fields {
            plain: 1,
            quote: 2,
            tab: 3,
            another_plain_name: 4,
        };
        let many: Vec<Fields> = (0..FIELD_CACHE + 3).map(|_| one()).collect();
        let (ours, theirs) = both(&many);
        assert_eq!(ours, theirs);
    }

    /// Every kind of value serde has, in the shapes serde_json writes in
    /// its own ways: enum variants with and without data, empty and
    /// non-empty sequences, maps with keys that are no strings, bytes,
    /// characters, numbers at their limits and floats that are no number.
    #[test]
    fn every_kind_of_value_is_written_as_serde_json_writes_it() {
        use std::collections::BTreeMap;
        #[derive(Serialize)]
        struct Unit;
        #[derive(Serialize)]
        struct Empty {}
        #[derive(Serialize)]
        struct Tuple(u8, &'static str);
        #[derive(Serialize)]
        struct Newtype(i64);
        #[derive(Serialize)]
        enum E {
            Unit,
            Newtype(Vec<u8>),
            Tuple(i8, Option<bool>),
            EmptyTuple(),
            Struct { a: f64, b: char },
            EmptyStruct {},
        }
        #[derive(Serialize)]
        struct All<'a> {
            unit: Unit,
            empty: Empty,
            tuple: Tuple,
            newtype: Newtype,
            variants: Vec<E>,
            #[serde(with = "serde_bytes_like")]
            bytes: &'a [u8],
            no_bytes: Vec<u8>,
            ints: BTreeMap<i32, u128>,
            chars: BTreeMap<char, i128>,
            units: BTreeMap<bool, ()>,
            floats: [f64; 5],
            small: (f32, u16, i16),
            none: Option<String>,
            nested: Vec<Vec<Option<E>>>,
            #[serde(rename = "a \"quoted\"\tname")]
            escaped_name: u8,
        }
        mod serde_bytes_like {
            pub fn serialize<S: serde::Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(b)
            }
        }
        let all = All {
            unit: Unit,
            empty: Empty {},
            tuple: Tuple(7, "t\u{1}"),
            newtype: Newtype(i64::MIN),
            variants: vec![
                E::Unit,
                E::Newtype(vec![1, 2]),
                E::Newtype(vec![]),
                E::Tuple(-1, None),
                E::EmptyTuple(),
                E::Struct { a: 0.1, b: '"' },
                E::EmptyStruct {},
            ],
            bytes: b"ab",
            no_bytes: vec![],
            ints: BTreeMap::from([(-3, u128::MAX), (4, 0)]),
            chars: BTreeMap::from([('\n', i128::MIN), ('ø', 1)]),
            units: BTreeMap::from([(true, ()), (false, ())]),
            floats: [1.0, -0.0, 1e300, f64::NAN, f64::NEG_INFINITY],
            small: (0.3, u16::MAX, i16::MIN),
            none: None,
            nested: vec![
                vec![],
                vec![None, Some(E::Unit)],
                vec![Some(E::Tuple(2, Some(true)))],
            ],
            escaped_name: 7,
        };
        let (ours, theirs) = both(&all);
        assert_eq!(ours, theirs);
    }

    /// Strings are written as they are only when nothing in them is
    /// escaped: a quote, a backslash or a control character at every place
    /// of strings around the length tested at once, in keys and in values.
    #[test]
    fn strings_are_escaped_wherever_an_escape_stands() {
        let mut escaped = 0;
        for len in [
            0,
            1,
            2,
            3,
            4,
            5,
            6,
            7,
            8,
            9,
            15,
            16,
            17,
            ESCAPE_BLOCK - 1,
            ESCAPE_BLOCK,
            ESCAPE_BLOCK + 1,
            ESCAPE_BLOCK + 9,
            2 * ESCAPE_BLOCK + 3,
        ] {
            for at in 0..len.max(1) {
                // the bytes to escape, their neighbours, and bytes with
                // the top bit set whose low seven bits are `"` or `\\`
                for c in [
                    '"', '\\', '\n', '\u{1f}', ' ', '!', '#', '[', ']', '\u{7f}', 'å', '¢', 'Ü',
                    'a',
                ] {
                    let mut s: String = "x".repeat(len);
                    if len > 0 {
                        s.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
                    }
                    let expected = s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
                    assert_eq!(needs_escape(&s), expected, "{s:?}");
                    escaped += usize::from(expected);
                    let v = serde_json::json!({ s.clone(): [s] });
                    let (ours, theirs) = both(&v);
                    assert_eq!(ours, theirs, "{s:?}");
                }
            }
        }
        assert!(escaped > 100, "{escaped}");
    }

    /// The real reports and the bundled samples, byte for byte.
    #[test]
    fn the_real_reports_are_written_as_serde_json_writes_them() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut seen = 0;
        for dir in ["../shared/corpus", "examples/data"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                let report = crate::parse(&text).unwrap();
                let mut ours = b"before".to_vec();
                write_pretty(&mut ours, &report).unwrap();
                write(&mut ours, &report).unwrap();
                let mut theirs = b"before".to_vec();
                serde_json::to_writer_pretty(&mut theirs, &report).unwrap();
                serde_json::to_writer(&mut theirs, &report).unwrap();
                assert!(ours == theirs, "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen >= 3, "{seen}");
    }

    /// A sink that keeps the size of every write.
    #[derive(Default)]
    struct Writes {
        bytes: Vec<u8>,
        sizes: Vec<usize>,
    }

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.sizes.push(buf.len());
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Streamed, the JSON is serde_json's, given to the sink in pieces of
    /// a chunk and less than a line more (the buffer stays that small),
    /// with less than a chunk and a line left to the caller; a value
    /// shorter than a chunk is not written to the sink at all.
    #[test]
    fn pretty_json_is_streamed_in_chunks() {
        let line = "Et prosjekt om arbeid og helse, med \"sitat\" og æøå";
        let long: Vec<Vec<String>> = (0..60)
            .map(|i| (0..60).map(|j| format!("{line} {i}.{j}")).collect())
            .collect();
        let short = vec![line; 3];
        let (mut long_sink, mut short_sink) = (Writes::default(), Writes::default());
        let mut long_tail = b"before".to_vec();
        stream_pretty(&mut long_tail, &long, &mut long_sink).unwrap();
        let mut short_tail = Vec::new();
        stream_pretty(&mut short_tail, &short, &mut short_sink).unwrap();
        let mut theirs = b"before".to_vec();
        serde_json::to_writer_pretty(&mut theirs, &long).unwrap();
        let whole = [long_sink.bytes.as_slice(), &long_tail].concat();
        assert!(whole == theirs);
        assert!(theirs.len() > 3 * CHUNK, "{}", theirs.len());
        let most = line.len() + 64;
        assert!(long_sink.sizes.len() >= 3, "{:?}", long_sink.sizes);
        for &n in &long_sink.sizes {
            assert!((CHUNK..CHUNK + most).contains(&n), "{:?}", long_sink.sizes);
        }
        assert!(long_tail.len() < CHUNK + most, "{}", long_tail.len());
        assert!(short_sink.sizes.is_empty());
        assert_eq!(short_tail, serde_json::to_vec_pretty(&short).unwrap());
    }

    /// Compact JSON streamed as the pretty is: serde_json's bytes, in
    /// pieces of a chunk and less than an item more, before an item or a
    /// close; less than a chunk and an item left to the caller.
    #[test]
    fn compact_json_is_streamed_in_chunks() {
        let item = "Et prosjekt om arbeid og helse, med \"sitat\" og æøå";
        let long: Vec<Vec<String>> = (0..60)
            .map(|i| (0..60).map(|j| format!("{item} {i}.{j}")).collect())
            .collect();
        let mut sink = Writes::default();
        let mut tail = b"before".to_vec();
        stream(&mut tail, &long, &mut sink).unwrap();
        let mut theirs = b"before".to_vec();
        serde_json::to_writer(&mut theirs, &long).unwrap();
        assert!([sink.bytes.as_slice(), &tail].concat() == theirs);
        assert!(theirs.len() > 3 * CHUNK, "{}", theirs.len());
        let most = item.len() + 64;
        assert!(sink.sizes.len() >= 3, "{:?}", sink.sizes);
        for &n in &sink.sizes {
            assert!((CHUNK..CHUNK + most).contains(&n), "{:?}", sink.sizes);
        }
        assert!(tail.len() < CHUNK + most, "{}", tail.len());
    }

    #[test]
    fn a_report_is_written_as_serde_json_writes_it() {
        let text = "# FoU-rapport 2031\n\n## Prosjekter\n\n- Et prosjekt, Universitetet i Oslo (2030–2032)\n";
        let report = crate::parse(text).unwrap();
        let (ours, theirs) = both(&report);
        assert_eq!(ours, theirs);
    }
}

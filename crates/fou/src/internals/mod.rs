//! What the command line, benches, fuzz targets and tests reach below the
//! public API. Hidden from the docs and not part of the stable interface.

pub mod oracle;

use crate::blocks::{self, Block};
use crate::{Format, sections};

/// Split a text into blocks as the report parser does (with the report's
/// [`Hints`](crate::blocks::Hints)).
///
/// ```
/// let blocks = fou::internals::split_blocks("# Forord\n\nTekst.\n", fou::Format::Markdown);
/// assert_eq!(blocks.len(), 2);
/// ```
pub fn split_blocks(text: &str, format: Format) -> Vec<Block<'_>> {
    blocks::split_with(text, format, &sections::ReportHints)
}

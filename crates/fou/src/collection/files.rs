//! Finding the texts of a directory.

use std::path::{Path, PathBuf};

/// File name endings read as texts: plain text and Markdown.
const TEXT_EXTENSIONS: [&str; 4] = ["txt", "text", "md", "markdown"];

/// The text files under `dir` (`.txt`, `.text`, `.md`, `.markdown`, any
/// case), in every subdirectory, sorted. Hidden files and directories (a
/// name starting with `.`) are skipped, and symbolic links to directories
/// are not followed (no loops).
///
/// # Errors
///
/// A directory that cannot be listed.
///
/// ```
/// let dir = std::env::temp_dir().join("fou-doc-text-files");
/// std::fs::create_dir_all(dir.join("sub")).unwrap();
/// for f in ["b.md", "sub/a.txt", "c.pdf", ".skjult.txt"] {
///     std::fs::write(dir.join(f), "FoU-rapport 2021\n").unwrap();
/// }
/// let found = fou::collection::text_files(&dir).unwrap();
/// let names: Vec<_> = found.iter().map(|p| p.strip_prefix(&dir).unwrap().to_owned()).collect();
/// assert_eq!(names, [std::path::Path::new("b.md"), std::path::Path::new("sub/a.txt")]);
/// ```
pub fn text_files(dir: impl AsRef<Path>) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut todo = vec![dir.as_ref().to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type()?;
            if kind.is_dir() {
                todo.push(path);
            } else if is_text(&path) && (kind.is_file() || path.is_file()) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| TEXT_EXTENSIONS.iter().any(|t| e.eq_ignore_ascii_case(t)))
}

#!/usr/bin/env bash
# Regenerate tests/fixtures/renderings/ from the two sample reports in examples/data/.
#
# Each sample is rendered the ways people actually receive a report: as text pulled out of a PDF
# (LibreOffice PDF of a Word file, then poppler's pdftotext), through pandoc's writers, as a Word
# "save as text" file, and with the byte-level variations that files pick up on the way
# (CRLF, a UTF-8 byte-order mark, Windows-1252). See tests/fixtures/renderings/README.md.
#
# Tools (Debian 12 / bookworm packages, versions used for the committed fixtures):
#   pandoc 2.17.1.1-2~deb12u1, libreoffice-writer-nogui 4:7.4.7-1+deb12u14,
#   poppler-utils 22.12.0-2+deb12u3, hyphen-no 1:7.5.0-1, fonts-dejavu-core 2.37-6,
#   python3 (zipfile, for the page-number footer), iconv (glibc).
#   apt-get install -y --no-install-recommends pandoc=2.17.1.1-2~deb12u1 \
#       libreoffice-writer-nogui=4:7.4.7-1+deb12u14 poppler-utils=22.12.0-2+deb12u3 \
#       hyphen-no=1:7.5.0-1 fonts-dejavu-core=2.37-6
# (Debian drops superseded point releases from its mirrors; a later +deb12uN of the same upstream
# version gave identical fixtures when deb12u12/deb12u1 disappeared. The script warns when an
# upstream version differs from the one recorded here.)
#
# Real converters (issue 10): the samples in tests/fixtures/renderings/samples/ (each with its
# hand-checked <name>.expected.json) go sample -> .docx (pandoc) -> PDF (LibreOffice), and
# sample -> standalone HTML (pandoc); then through the tools people use today, into
# tests/fixtures/renderings/<name>/<tool>.{txt,md}. Besides the Debian packages above:
#   w3m 0.5.3+git20230121-2, lynx 2.9.0dev.12-1
#   apt-get install -y --no-install-recommends w3m=0.5.3+git20230121-2 lynx=2.9.0dev.12-1
#   a venv (CPython 3.11) with pymupdf4llm 1.28.2 (pymupdf 1.28.2, pymupdf-layout 1.28.2) and
#   markitdown 0.1.9 (pdfminer.six 20260107, mammoth 1.13.0):
#     python3 -m venv /work/venv-rend
#     /work/venv-rend/bin/pip install pymupdf4llm==1.28.2 pymupdf==1.28.2 pymupdf-layout==1.28.2 \
#         'markitdown[pdf,docx]==0.1.9' pdfminer.six==20260107 mammoth==1.13.0
#   (plain `pip install pymupdf4llm` resolves to 2.0, an empty package.)
#   a second venv for docling (it pulls torch; the native PDF pipeline and the DOCX backend need
#   no model download):
#     python3 -m venv /work/venv-rend-docling
#     /work/venv-rend-docling/bin/pip install docling==2.143.0   (docling-core 2.104.0, docling-parse 7.23.1, torch 2.15.0)
# RENDER_VENV and RENDER_DOCLING_VENV override the venv paths. Without the converters
# (RENDER_CONVERTERS=0) only the two examples/data samples are rendered.
#
# Usage: scripts/render-fixtures.sh            (from anywhere; writes into the repository)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/tests/fixtures/renderings"
SAMPLES=("$ROOT/examples/data/sample-2021.txt" "$ROOT/examples/data/sample-2023.md")

for tool in pandoc soffice pdftotext iconv python3; do
    command -v "$tool" >/dev/null || { echo "render-fixtures: $tool not found (see the header of $0)" >&2; exit 2; }
done

# The upstream versions that made the committed fixtures; others wrap and hyphenate differently.
check_version() {
    local tool=$1 want=$2 got=$3
    [[ $got == *"$want"* ]] || echo "render-fixtures: warning: $tool is '$got', the fixtures were made with $want" >&2
}
check_version pandoc 2.17.1.1 "$(pandoc --version | head -n 1)"
check_version soffice 7.4.7.2 "$(soffice --version 2>/dev/null | head -n 1)"
check_version pdftotext 22.12.0 "$(pdftotext -v 2>&1 | head -n 1)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A private LibreOffice profile: no clash with a running office, no dependence on the user's settings.
LO=(soffice "-env:UserInstallation=file://$WORK/lo-profile" --headless --norestore)

# Give a pandoc .docx what a real report has and pandoc does not write: an A4 page with a page
# number in the footer, and automatic hyphenation (Norwegian Bokmål, hyphen-no patterns).
patch_docx() {
    python3 - "$1" <<'PY'
import re, shutil, sys, zipfile
path = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
footer = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          f'<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rIdFouFooter"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" '
        'w:footer="708" w:gutter="0"/></w:sectPr>')
src = zipfile.ZipFile(path)
parts = {n: src.read(n) for n in src.namelist()}
src.close()
doc = parts['word/document.xml'].decode()
doc = re.sub(r'<w:sectPr>.*?</w:sectPr>', '', doc, flags=re.S)
doc = doc.replace('</w:body>', sect + '</w:body>')
parts['word/document.xml'] = doc.encode()
rels = parts['word/_rels/document.xml.rels'].decode()
rels = rels.replace('</Relationships>',
    '<Relationship Id="rIdFouFooter" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/footer" Target="footer1.xml"/></Relationships>')
parts['word/_rels/document.xml.rels'] = rels.encode()
ct = parts['[Content_Types].xml'].decode()
ct = ct.replace('</Types>', '<Override PartName="/word/footer1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
parts['[Content_Types].xml'] = ct.encode()
settings = parts['word/settings.xml'].decode()
settings = re.sub(r'(<w:zoom[^>]*/>)', r'\1<w:autoHyphenation w:val="true"/>', settings, count=1)
parts['word/settings.xml'] = settings.encode()
parts['word/footer1.xml'] = footer.encode()
with zipfile.ZipFile(path + '.tmp', 'w', zipfile.ZIP_DEFLATED) as out:
    for name, data in parts.items():
        out.writestr(name, data)
shutil.move(path + '.tmp', path)
PY
}

# The source's table of contents with its entries run together on one line (what a converter or a
# copy from a PDF viewer does to a tab-separated TOC): the entry lines after the TOC heading, up to
# the next blank line, joined with single spaces.
toc_oneline() {
    python3 - "$1" <<'PY'
import sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
out, i = [], 0
while i < len(lines):
    out.append(lines[i])
    heading = lines[i].lstrip('#').strip().lower()
    if heading in ('innhold', 'innholdsfortegnelse') and i + 2 < len(lines) and lines[i + 1] == '':
        j = i + 2
        while j < len(lines) and lines[j].strip():
            j += 1
        out += ['', ' '.join(l.replace('\t', ' ').strip() for l in lines[i + 2:j])]
        i = j
        continue
    i += 1
sys.stdout.write('\n'.join(out))
PY
}

for sample in "${SAMPLES[@]}"; do
    base=$(basename "$sample")
    name=${base%.*}
    ext=${base##*.}
    dir="$OUT/$name"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "render-fixtures: $base -> ${dir#"$ROOT"/}" >&2

    # pandoc reads both samples as Markdown with every line break kept (the TOC, the signature);
    # no smart punctuation, so "....." stays dots. The Markdown sample's <b> tags are raw HTML,
    # which pandoc's .docx writer would drop, so it goes Markdown -> HTML -> .docx (the HTML reader
    # turns <b> into bold).
    from=(-f markdown+hard_line_breaks-smart)
    if [[ $ext == md ]]; then
        pandoc "${from[@]}" -t html5 "$sample" -o "$WORK/$name.html"
        pandoc -f html -t docx -M lang=nb-NO "$WORK/$name.html" -o "$WORK/$name.docx"
    else
        pandoc "${from[@]}" -t docx -M lang=nb-NO "$sample" -o "$WORK/$name.docx"
    fi
    patch_docx "$WORK/$name.docx"

    # PDF by LibreOffice, text by poppler: hard-wrapped lines, form feeds, page numbers,
    # hyphenated words, list bullets.
    "${LO[@]}" --convert-to pdf --outdir "$WORK" "$WORK/$name.docx" >/dev/null 2>&1
    pdftotext -enc UTF-8 "$WORK/$name.pdf" "$dir/pdftotext.txt"
    pdftotext -enc UTF-8 -layout "$WORK/$name.pdf" "$dir/pdftotext-layout.txt"

    # Word/Writer "save as plain text": one line per paragraph, no hard wraps.
    "${LO[@]}" --convert-to "txt:Text (encoded):UTF8" --outdir "$WORK/lo-txt" "$WORK/$name.docx" >/dev/null 2>&1
    cp "$WORK/lo-txt/$name.txt" "$dir/writer-text.txt"

    # pandoc's writers: default wrapping at 72 columns, and --wrap=none (all paragraphs on one line).
    pandoc "${from[@]}" -t markdown "$sample" -o "$dir/pandoc-markdown.md"
    pandoc "${from[@]}" -t gfm "$sample" -o "$dir/pandoc-gfm.md"
    pandoc "${from[@]}" -t plain "$sample" -o "$dir/pandoc-plain.txt"
    pandoc "${from[@]}" -t plain --wrap=none "$sample" -o "$dir/pandoc-plain-nowrap.txt"
    pandoc "${from[@]}" -t markdown --wrap=none "$sample" -o "$dir/pandoc-markdown-nowrap.md"

    # Byte-level variants of the source itself.
    sed 's/$/\r/' "$sample" > "$dir/crlf.$ext"
    { printf '\xEF\xBB\xBF'; cat "$sample"; } > "$dir/bom.$ext"
    iconv -f UTF-8 -t WINDOWS-1252 "$sample" > "$dir/cp1252.$ext"
    toc_oneline "$sample" > "$dir/toc-oneline.$ext"
done

# ---------------------------------------------------------------------------------------------
# Real converters on the samples with expected JSON (issue 10).
[[ ${RENDER_CONVERTERS:-1} == 0 ]] && { echo "render-fixtures: done (converters skipped)" >&2; exit 0; }
VENV=${RENDER_VENV:-/work/venv-rend}
DVENV=${RENDER_DOCLING_VENV:-/work/venv-rend-docling}
for tool in w3m lynx "$VENV/bin/python" "$VENV/bin/markitdown" "$DVENV/bin/docling"; do
    command -v "$tool" >/dev/null || { echo "render-fixtures: $tool not found (see the header of $0)" >&2; exit 2; }
done
check_version w3m 0.5.3+git20230121 "$(w3m -version | head -n 1)"
check_version lynx 2.9.0dev.12 "$(lynx -version | head -n 1)"
check_version pymupdf4llm 1.28.2 "$("$VENV/bin/python" -c 'import pymupdf4llm; print(pymupdf4llm.__version__)')"
check_version markitdown 0.1.9 "$("$VENV/bin/python" -c 'import markitdown; print(markitdown.__version__)')"
check_version docling 2.143.0 "$("$DVENV/bin/python" -c 'import importlib.metadata as m; print(m.version("docling"))')"
# No network for the converters: docling must not fetch a model, nothing may phone home.
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 DOCLING_DEVICE=cpu

for sample in "$OUT"/samples/*.txt "$OUT"/samples/*.md; do
    base=$(basename "$sample")
    name=${base%.*}
    ext=${base##*.}
    dir="$OUT/$name"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "render-fixtures: converters: $base -> ${dir#"$ROOT"/}" >&2
    w="$WORK/conv-$name"
    mkdir -p "$w"

    # The document as it is published: .docx (pandoc, via HTML so <b> becomes bold), the same A4
    # page, page-number footer and nb-NO hyphenation as above, a PDF by LibreOffice, and a
    # standalone web page.
    from=(-f markdown+hard_line_breaks-smart)
    pandoc "${from[@]}" -t html5 "$sample" -o "$w/$name.frag.html"
    pandoc -f html -t docx -M lang=nb-NO "$w/$name.frag.html" -o "$w/$name.docx"
    patch_docx "$w/$name.docx"
    "${LO[@]}" --convert-to pdf --outdir "$w" "$w/$name.docx" >/dev/null 2>&1
    pandoc "${from[@]}" -s -t html5 -M lang=nb-NO --metadata pagetitle="$name" "$sample" -o "$w/$name.html"

    # PDF text: poppler in its three modes.
    pdftotext -enc UTF-8 "$w/$name.pdf" "$dir/pdftotext.txt"
    pdftotext -enc UTF-8 -layout "$w/$name.pdf" "$dir/pdftotext-layout.txt"
    pdftotext -enc UTF-8 -raw "$w/$name.pdf" "$dir/pdftotext-raw.txt"

    # PDF -> Markdown: pymupdf4llm, markitdown (pdfminer), docling's native pipeline (no models).
    "$VENV/bin/python" -c 'import pathlib, sys, pymupdf4llm
pathlib.Path(sys.argv[2]).write_text(pymupdf4llm.to_markdown(sys.argv[1]), encoding="utf-8")' \
        "$w/$name.pdf" "$dir/pymupdf4llm.md" 2>/dev/null
    "$VENV/bin/markitdown" "$w/$name.pdf" -o "$dir/markitdown-pdf.md"
    "$DVENV/bin/docling" convert --pipeline native --no-ocr --to md --device cpu \
        --output "$w/docling-pdf" "$w/$name.pdf" >/dev/null 2>&1
    cp "$w/docling-pdf/$name.md" "$dir/docling-pdf.md"

    # DOCX -> text: markitdown (mammoth), docling's Word backend, pandoc's Markdown, plain and CommonMark writers.
    "$VENV/bin/markitdown" "$w/$name.docx" -o "$dir/markitdown-docx.md"
    "$DVENV/bin/docling" convert --no-ocr --to md --device cpu \
        --output "$w/docling-docx" "$w/$name.docx" >/dev/null 2>&1
    cp "$w/docling-docx/$name.md" "$dir/docling-docx.md"
    pandoc -f docx -t markdown "$w/$name.docx" -o "$dir/pandoc-docx-markdown.md"
    pandoc -f docx -t plain "$w/$name.docx" -o "$dir/pandoc-docx-plain.txt"
    # CommonMark has no tables: pandoc writes them in HTML (<table>, <tr>, <td>).
    pandoc -f docx -t commonmark "$w/$name.docx" -o "$dir/pandoc-docx-commonmark.md"

    # Web page -> text: the text browsers' dumps at 80 columns.
    w3m -dump -cols 80 -T text/html "$w/$name.html" > "$dir/w3m.txt"
    lynx -dump -nolist -width=80 -display_charset=utf-8 "$w/$name.html" > "$dir/lynx.txt"
done
echo "render-fixtures: done" >&2

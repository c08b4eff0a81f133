//! Article import in every format: the sample article saved as a news page with site
//! chrome, as Windows-1252 text with typographic quotes and CRLF, as UTF-16, as Markdown
//! and as DOCX gives the same claims and speakers as the plain text; bad files give one
//! clear line naming the file while the rest of the same import goes in.

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use claimdesk::extract::extract;
use claimdesk::io::article::read_article;
use claimdesk::io::import::import_articles;
use claimdesk::model::Project;

use crate::web;

use web::{SAMPLE, escape, news_page, sample_lines};

/// (content, speaker name) of every claim, in order.
fn claims(text: &str) -> Vec<(String, Option<String>)> {
    let ex = extract(text);
    ex.claims
        .iter()
        .map(|c| (c.content.clone(), ex.speaker_of(c).map(|s| s.name.clone())))
        .collect()
}

fn speakers(text: &str) -> Vec<String> {
    extract(text).speakers.into_iter().map(|s| s.name).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// The reader's text gives the plain sample's claims and speakers.
fn assert_same_claims(path: &Path) {
    let source = read_article(path).unwrap_or_else(|e| panic!("{e}"));
    let want = claims(SAMPLE);
    assert!(want.len() >= 8, "the sample has claims: {want:?}");
    assert_eq!(claims(&source.text), want, "claims of {}", path.display());
    assert_eq!(
        speakers(&source.text),
        speakers(SAMPLE),
        "speakers of {}",
        path.display()
    );
}

#[test]
fn news_page_gives_the_articles_claims_and_metadata() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "rafah.html", news_page().as_bytes());
    assert_same_claims(&path);
    let source = read_article(&path).expect("reads");
    assert_eq!(source.title, sample_lines()[0]);
    for chrome in [
        "cookies",
        "Most read",
        "Olaf Bergmann",
        "Bob Miles",
        "Kate Doe",
        "Sam Carter",
        "Politics",
        "Share on X",
        "Advertisement",
        "dataLayer",
        "font-family",
        "rights reserved",
    ] {
        assert!(
            !source.text.contains(chrome),
            "{chrome:?} leaked into {:?}",
            source.text
        );
    }
    // One paragraph a line, as in the plain text, less the "Read more: …" links to other
    // stories that the sample keeps between its paragraphs (the page's chrome).
    let paragraphs: Vec<&str> = sample_lines()
        .into_iter()
        .filter(|l| !l.starts_with("Read more:"))
        .collect();
    assert!(paragraphs.len() < sample_lines().len());
    assert_eq!(source.text.lines().collect::<Vec<_>>(), paragraphs);
    assert_eq!(source.meta.outlet.as_deref(), Some("The Daily Example"));
    assert_eq!(source.meta.author.as_deref(), Some("Jane Reporter"));
    assert_eq!(
        source.meta.published.as_deref(),
        Some("2024-02-13T10:15:00Z")
    );
    assert_eq!(
        source.meta.url.as_deref(),
        Some("https://news.example/world/us-rafah-kirby")
    );
    // The import keeps the metadata on the article.
    let mut project = Project::new("p");
    assert!(import_articles(&mut project, &[path]).is_empty());
    assert_eq!(project.articles[0].meta, source.meta);
}

#[test]
fn windows_1252_with_typographic_quotes_and_crlf() {
    // Straight double quotes become “…” pairs; apostrophes become ’.
    let mut typographic = String::new();
    for line in SAMPLE.lines() {
        let mut open = true;
        for ch in line.chars() {
            match ch {
                '"' => {
                    typographic.push(if open { '“' } else { '”' });
                    open = !open;
                }
                '\'' => typographic.push('’'),
                c => typographic.push(c),
            }
        }
        typographic.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&typographic);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "really not UTF-8");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "rafah-cp1252.txt", &bytes);
    let source = read_article(&path).expect("reads");
    assert_eq!(
        source.text,
        typographic.replace("\r\n", "\n"),
        "quotes kept"
    );
    assert_eq!(
        claims(&source.text),
        claims(&typographic.replace("\r\n", "\n"))
    );
    assert_eq!(claims(&source.text).len(), claims(SAMPLE).len());
    assert_eq!(speakers(&source.text), speakers(SAMPLE));

    // Lone CR line ends too (old Mac files).
    let cr = write(
        dir.path(),
        "rafah-cr.txt",
        SAMPLE.replace('\n', "\r").as_bytes(),
    );
    assert_same_claims(&cr);
}

#[test]
fn utf16_with_bom_both_byte_orders() {
    let dir = tempfile::tempdir().expect("tempdir");
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_same_claims(&write(dir.path(), "rafah-le.txt", &le));
    assert_same_claims(&write(dir.path(), "rafah-be.txt", &be));
    let bom8: Vec<u8> = b"\xEF\xBB\xBF"
        .iter()
        .copied()
        .chain(SAMPLE.bytes())
        .collect();
    assert_same_claims(&write(dir.path(), "rafah-bom.txt", &bom8));
}

#[test]
fn markdown_article() {
    let lines = sample_lines();
    let mut md = format!("# {}\n\n*{}*\n\n", lines[0], lines[1]);
    for (i, p) in lines[2..].iter().enumerate() {
        if i == 5 {
            md.push_str("---\n\n");
        }
        md.push_str(p);
        md.push_str("\n\n");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "rafah.md", md.as_bytes());
    assert_same_claims(&path);
    assert_eq!(read_article(&path).expect("reads").title, lines[0]);
}

/// A minimal DOCX: each paragraph split into runs, as Word stores it.
fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::new();
    for p in paragraphs {
        let p = escape(p);
        let cut = p
            .char_indices()
            .nth(p.chars().count() / 2)
            .map_or(0, |(i, _)| i);
        // Don't cut inside an entity.
        let cut = p[..cut]
            .rfind('&')
            .filter(|&a| !p[a..cut].contains(';'))
            .unwrap_or(cut);
        body.push_str(&format!(
            "<w:p><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r><w:r><w:delText>deleted words</w:delText></w:r></w:p>",
            &p[..cut],
            &p[cut..]
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    let core = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>Docx title</dc:title><dc:creator>Jane Reporter</dc:creator><dcterms:created>2024-02-13T10:15:00Z</dcterms:created></cp:coreProperties>";
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", "<Types/>".to_string()),
        ("word/document.xml", document),
        ("docProps/core.xml", core.to_string()),
    ] {
        zip.start_file(name, opts).expect("zip entry");
        zip.write_all(data.as_bytes()).expect("zip write");
    }
    zip.finish().expect("zip finish").into_inner()
}

#[test]
fn docx_article() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "rafah.docx", &docx(&sample_lines()));
    assert_same_claims(&path);
    let source = read_article(&path).expect("reads");
    assert!(!source.text.contains("deleted words"));
    assert_eq!(source.title, "Docx title");
    assert_eq!(source.meta.author.as_deref(), Some("Jane Reporter"));
    // A DOCX saved without the extension is still recognised by its bytes.
    let unnamed = write(dir.path(), "rafah-noext", &docx(&sample_lines()));
    assert_same_claims(&unnamed);
}

/// A PDF with one page whose content stream is `content` and the given extra resources,
/// with a correct cross-reference table. `trailer_extra` goes into the trailer.
fn pdf(content: &str, resources: &str, extra_objects: &[&str], trailer_extra: &str) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".into(),
        format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources {resources} /Contents 4 0 R >>"
        ),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    ];
    objects.extend(extra_objects.iter().map(|s| s.to_string()));
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    common::pdf_file(&objects, &format!("{trailer_extra} "))
}

fn text_pdf() -> Vec<u8> {
    pdf(
        "BT /F1 12 Tf 72 720 Td (Kirby said the talks were \"at an advanced stage.\") Tj ET",
        "<< /Font << /F1 5 0 R >> >>",
        &[],
        "",
    )
}

#[test]
fn pdf_text_layer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "statement.pdf", &text_pdf());
    let source = read_article(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        source
            .text
            .contains("Kirby said the talks were \"at an advanced stage.\""),
        "{:?}",
        source.text
    );
}

/// Greedy wrap at `width` characters, as a typesetter lays out lines.
fn wrap(paragraph: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let last = lines.last_mut().expect("a line");
        if !last.is_empty() && last.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    lines
}

#[test]
fn pdf_article_lines_become_paragraphs_again() {
    // The sample typeset as a PDF: headline wrapped at 50 characters, body at 95, each
    // visual line placed by its own move, as PDF writers store it.
    let lines = sample_lines();
    // Paragraphs are 6 points apart on top of the 12-point line distance.
    let mut paragraphs = vec![wrap(lines[0], 50)];
    paragraphs.extend(lines[1..].iter().map(|p| wrap(p, 95)));
    let mut content = String::from("BT /F1 10 Tf 50 800 Td\n");
    let mut visual = 0;
    for paragraph in &paragraphs {
        for line in paragraph {
            let escaped = line
                .replace('\\', "\\\\")
                .replace('(', "\\(")
                .replace(')', "\\)");
            content.push_str(&format!("({escaped}) Tj 0 -12 Td\n"));
            visual += 1;
        }
        content.push_str("0 -6 Td\n");
    }
    content.push_str("ET");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "rafah.pdf",
        &pdf(&content, "<< /Font << /F1 5 0 R >> >>", &[], ""),
    );
    assert!(visual > lines.len() + 10, "lines really wrap");
    assert_same_claims(&path);
    assert_eq!(read_article(&path).expect("reads").title, lines[0]);
}

#[test]
fn claimdesk_extract_reads_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = write(dir.path(), "rafah.html", news_page().as_bytes());
    let docx = write(dir.path(), "rafah.docx", &docx(&sample_lines()));
    let out = Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .arg("extract")
        .arg(&html)
        .arg(&docx)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let want = claims(SAMPLE).len();
    for article in json["articles"].as_array().expect("articles") {
        assert_eq!(article["claims"].as_array().map(Vec::len), Some(want));
    }
}

/// One import with good files and every kind of bad one: each bad file gives one line
/// naming it, and the good ones are in the project.
#[test]
fn bad_files_fail_alone_with_a_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good_txt = write(d, "good.txt", SAMPLE.as_bytes());
    let good_html = write(d, "good.html", news_page().as_bytes());

    // A picture with an article's name, and a text file named .pdf.
    let png = write(
        d,
        "photo.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    );
    let fake_pdf = write(d, "notes.pdf", b"Just some notes, not a PDF.");

    // A zip bomb: document.xml inflates to 100 MB of spaces from about 100 KB.
    let bomb = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(true);
        zip.start_file("word/document.xml", opts).expect("entry");
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..100 {
            zip.write_all(&chunk).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    };
    assert!(bomb.len() < 2 << 20, "the bomb is small: {}", bomb.len());
    let bomb = write(d, "bomb.docx", &bomb);

    // A zip of very many entries.
    let many = {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        for i in 0..10_001 {
            zip.start_file(format!("e{i}"), opts).expect("entry");
        }
        zip.finish().expect("finish").into_inner()
    };
    let many = write(d, "many.docx", &many);

    // 100,000 nested elements.
    let deep = format!(
        "<!DOCTYPE html><html><body>{}<p>\"Deep,\" he said.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let deep = write(d, "deep.html", deep.as_bytes());

    let encrypted = write(
        d,
        "locked.pdf",
        &pdf(
            "BT /F1 12 Tf 72 720 Td (secret) Tj ET",
            "<< /Font << /F1 5 0 R >> >>",
            &[
                "<< /Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4 >>",
            ],
            "/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
        ),
    );
    let scanned = write(
        d,
        "scan.pdf",
        &pdf(
            "q 612 0 0 792 0 0 cm /Im1 Do Q",
            "<< /XObject << /Im1 6 0 R >> >>",
            &[
                "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\u{7f}\nendstream",
            ],
            "",
        ),
    );

    // A PDF whose page content inflates to 100 MB.
    let pdf_bomb = {
        use lopdf::{Object, Stream, dictionary};
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let mut stream = Stream::new(dictionary! {}, vec![b' '; 100 << 20]);
        stream.compress().expect("compress");
        let content_id = doc.add_object(stream);
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        });
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            }),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).expect("save");
        out
    };
    assert!(
        pdf_bomb.len() < 2 << 20,
        "the bomb is small: {}",
        pdf_bomb.len()
    );
    let pdf_bomb = write(d, "bomb.pdf", &pdf_bomb);

    // 200 MB, sparse: nothing is written, nothing is read.
    let big = d.join("huge.txt");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(200 * 1024 * 1024))
        .expect("sparse file");

    let empty = write(d, "empty.md", b"  \n");

    let bad = [
        (png.clone(), "binary"),
        (fake_pdf.clone(), "not a PDF"),
        (bomb.clone(), "zip bomb"),
        (many.clone(), "entries"),
        (deep.clone(), "nests"),
        (encrypted.clone(), "encrypted"),
        (scanned.clone(), "no text layer"),
        (pdf_bomb.clone(), "bomb"),
        (big.clone(), "200 MB"),
        (empty.clone(), "empty"),
    ];
    let mut paths = vec![good_txt.clone()];
    paths.extend(bad.iter().map(|(p, _)| p.clone()));
    paths.push(good_html.clone());
    let mut project = Project::new("p");
    let errors = import_articles(&mut project, &paths);
    assert_eq!(
        project.articles.len(),
        2,
        "the good files are in: {errors:?}"
    );
    assert_eq!(errors.len(), bad.len(), "{errors:?}");
    for ((path, why), err) in bad.iter().zip(&errors) {
        let line = err.to_string();
        assert_eq!(&err.path, path);
        assert!(line.contains(&path.display().to_string()), "{line}");
        assert!(line.contains(why), "{line} should say {why:?}");
        assert!(!line.contains('\n'), "one line: {line:?}");
    }
}

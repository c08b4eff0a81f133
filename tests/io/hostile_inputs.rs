//! Issue 9: every input ends quickly with bounded memory and an exact message: pipes,
//! FIFOs, standard input, binary files, pathological web pages, cut PDFs.

use crate::common;

#[cfg(unix)]
use common::mkfifo;
use common::{spawn, stderr, wait_within};

use std::fs;
use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use claimdesk::io::article::read_article;
use claimdesk::io::project_file::{ProjectErrorKind, load_project};

/// A FIFO with no writer: refused at once (it would block in open), as article and as
/// project, for extract and import.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("article.txt");
    mkfifo(&fifo);
    let out = wait_within(
        spawn(&[&"extract", &fifo], Stdio::null()),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a regular file"),
        "{}",
        stderr(&out)
    );
    let project = dir.path().join("p.claimdesk");
    let out = wait_within(
        spawn(&[&"import", &project, &fifo], Stdio::null()),
        Duration::from_secs(20),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(!project.exists());
    let as_project = dir.path().join("fifo.claimdesk");
    mkfifo(&as_project);
    let e = load_project(&as_project).unwrap_err();
    assert_eq!(e.kind, ProjectErrorKind::NotAFile, "{e}");
}

/// `-` reads standard input, like a file.
#[test]
fn a_dash_reads_standard_input() {
    let mut child = spawn(&[&"extract", &"-"], Stdio::piped());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "Bridge to reopen\n\n“We will rebuild it by April,” the mayor said.\n".as_bytes(),
        )
        .unwrap();
    let out = wait_within(child, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["articles"][0]["title"], "Bridge to reopen");
}

/// Binary bytes on a pipe that stays open: refused from the first bytes, without waiting
/// for (or reading) the rest.
#[test]
fn binary_input_is_refused_from_its_head() {
    let mut child = spawn(&[&"extract", &"-"], Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&[0u8; 16 * 1024]).unwrap();
    // The pipe stays open while the command decides.
    let out = wait_within(child, Duration::from_secs(20));
    drop(stdin);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("standard input: looks like a binary file"),
        "{err}"
    );
    // A large file of NULs (sparse, so the test stays cheap) is refused the same way.
    let dir = tempfile::tempdir().unwrap();
    let zeros = dir.path().join("zeros.txt");
    fs::File::create(&zeros)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    let e = read_article(&zeros).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
}

/// A file over the limit is refused from its size; the size cap holds while reading too
/// (tested in src/io/article.rs on an endless reader).
#[test]
fn files_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    fs::File::create(&big)
        .unwrap()
        .set_len(claimdesk::io::article::MAX_ARTICLE_BYTES + 1)
        .unwrap();
    let e = read_article(&big).unwrap_err();
    assert!(e.to_string().contains("are not read"), "{e}");
}

/// `<div></x>` repeated: 180 KB of unmatched end tags nest 20,000 deep in the parser's
/// tree; refused for its depth (it took 110 s to score before).
#[test]
fn unmatched_end_tags_do_not_defeat_the_nesting_limit() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep.html");
    let body = "<div></x>".repeat(20_000);
    fs::write(
        &page,
        format!("<!DOCTYPE html><html><body>{body}</body></html>"),
    )
    .unwrap();
    let e = read_article(&page).unwrap_err();
    assert!(e.to_string().contains("nests elements"), "{e}");
    // A page whose end tags do match is read as usual.
    let ok = dir.path().join("ok.html");
    let para = "<div><p>The council met on Monday to discuss the budget for the coming year \
                and members spoke for hours about schools and roads.</p></div></x>";
    fs::write(
        &ok,
        format!(
            "<html><body><article>{}</article></body></html>",
            para.repeat(200)
        ),
    )
    .unwrap();
    assert!(read_article(&ok).is_ok());
}

/// A minimal one-page PDF with a text layer and a correct cross-reference table.
fn text_pdf() -> Vec<u8> {
    let content = "BT /F1 12 Tf 72 720 Td (Kirby said the talks were at an advanced stage.) Tj ET";
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let objects: Vec<Vec<u8>> = objects.into_iter().map(String::into_bytes).collect();
    common::pdf_file(&objects, "")
}

/// A PDF cut short is reported as damaged or truncated, not as a scan needing OCR.
#[test]
fn a_cut_pdf_says_it_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let whole = text_pdf();
    let path = dir.path().join("whole.pdf");
    fs::write(&path, &whole).unwrap();
    assert!(read_article(&path).unwrap().text.contains("advanced stage"));
    for cut in [whole.len() / 2, whole.len() / 3, whole.len() - 40] {
        let path = dir.path().join(format!("cut-{cut}.pdf"));
        fs::write(&path, &whole[..cut]).unwrap();
        match read_article(&path) {
            // lopdf may recover the text of a file cut after its content stream.
            Ok(a) => assert!(a.text.contains("advanced stage")),
            Err(e) => {
                let msg = e.to_string();
                assert!(
                    msg.contains("damaged") || msg.contains("truncated"),
                    "{msg}"
                );
                assert!(!msg.contains("OCR"), "{msg}");
            }
        }
    }
    // Cut before the content stream: no text, and the message says why.
    let cut = whole.len() / 3;
    let path = dir.path().join("early.pdf");
    fs::write(&path, &whole[..cut]).unwrap();
    let msg = read_article(&path).unwrap_err().to_string();
    assert!(
        msg.contains("truncated") || msg.contains("damaged"),
        "{msg}"
    );
}

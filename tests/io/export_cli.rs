//! `claimdesk export` as the real binary, for every `--format`, on the project of
//! `export_formats.rs`.

use crate::common;
use crate::export_formats::*;

use std::fs;
use std::path::Path;

use claimdesk::io::export::{self, Format};
use claimdesk::io::project_file::save_project;
use serde_json::Value;

use common::{claimdesk, stderr};

fn saved_project(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("tricky.claimdesk");
    save_project(&path, &project()).expect("save the test project");
    path
}

#[test]
fn cli_every_format_to_stdout_and_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = saved_project(dir.path());
    let p = project();
    for format in Format::ALL {
        let out = claimdesk(&[&"export", &project_path, &"--format", &format.key()]);
        assert_eq!(out.status.code(), Some(0), "{format:?}: {}", stderr(&out));
        // The binary writes what the library renders, byte for byte.
        assert_eq!(out.stdout, render(&p, format), "{format:?}");

        let target = dir.path().join(format!("out.{}", format.extension()));
        let out = claimdesk(&[
            &"export",
            &project_path,
            &"--format",
            &format.key(),
            &"-o",
            &target,
        ]);
        assert_eq!(out.status.code(), Some(0), "{format:?}: {}", stderr(&out));
        assert!(out.stdout.is_empty());
        assert_eq!(fs::read(&target).unwrap(), render(&p, format), "{format:?}");
    }
    // --format markdown is md; --bom for CSV.
    let out = claimdesk(&[&"export", &project_path, &"--format", &"markdown"]);
    assert_eq!(out.stdout, render(&p, Format::Markdown));
    let out = claimdesk(&[&"export", &project_path, &"--format", &"csv", &"--bom"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.starts_with(export::csv::BOM));
    let mut reader = csv::Reader::from_reader(&out.stdout[3..]);
    assert_eq!(reader.records().count(), p.claims.len());
    // The default stays JSON.
    let out = claimdesk(&[&"export", &project_path]);
    assert_eq!(out.stdout, render(&p, Format::Json));
}

#[test]
fn cli_claimreview_warns_about_missing_settings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bare.claimdesk");
    let mut p = project();
    p.settings = Default::default();
    save_project(&path, &p).unwrap();
    let out = claimdesk(&[&"export", &path, &"--format", &"claimreview"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("warning: no organisation"), "{err}");
    assert!(err.contains("warning: no review address pattern"), "{err}");
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc.as_array().unwrap().len(), 5);
}

#[test]
fn cli_errors_are_clear_and_exit_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let project_path = saved_project(dir.path());

    let missing = dir.path().join("gone.claimdesk");
    let out = claimdesk(&[&"export", &missing, &"--format", &"csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("gone.claimdesk: no such file"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let out = claimdesk(&[&"export", &project_path, &"--format", &"xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("invalid value 'xlsx'"), "{err}");
    assert!(err.contains("csv, json, claimreview, html, md"), "{err}");
    assert!(out.stdout.is_empty());

    let out = claimdesk(&[&"export", &project_path, &"--format", &"json", &"--bom"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--bom is only for --format csv"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let nowhere = dir.path().join("no-dir").join("report.html");
    let out = claimdesk(&[
        &"export",
        &project_path,
        &"--format",
        &"html",
        &"-o",
        &nowhere,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("report.html: cannot write the export"),
        "{}",
        stderr(&out)
    );
    // A failed export leaves an existing file as it was.
    let existing = dir.path().join("keep.csv");
    fs::write(&existing, "old").unwrap();
    let out = claimdesk(&[&"export", &missing, &"--format", &"csv", &"-o", &existing]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&existing).unwrap(), "old");
}

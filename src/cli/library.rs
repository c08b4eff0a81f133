//! `claimdesk library add|search|check` (docs/library.md): earlier fact-checks kept in a
//! folder, searched for a claim, and a project's claims checked against them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{exit_code, load_any};

/// `claimdesk library add`: every readable file is added; each one that is not is named
/// on its own line, and the exit code is then 2 (1 when nothing could be read).
pub(super) fn add(dir: &Path, files: &[PathBuf]) -> ExitCode {
    let report = match crate::io::library::add_files(dir, files) {
        Ok(report) => report,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    for failure in &report.failed {
        eprintln!("claimdesk: {failure}");
    }
    if report.skipped > 0 {
        eprintln!(
            "claimdesk: warning: {} ClaimReview object(s) without a url or a claim were skipped",
            report.skipped
        );
    }
    println!(
        "added {} review(s), updated {}, {} already there; {} in {}",
        report.added,
        report.updated,
        report.unchanged,
        report.total,
        dir.display()
    );
    exit_code(files.len() - report.failed.len(), report.failed.len())
}

/// `claimdesk library search`: one JSON object a line per query, in input order
/// (docs/library.md).
pub(super) fn search(
    dir: &Path,
    text: Option<String>,
    queries: Option<&Path>,
    limit: usize,
) -> ExitCode {
    let mut all: Vec<String> = text.into_iter().collect();
    if let Some(file) = queries {
        let read = if file == Path::new("-") {
            std::io::read_to_string(std::io::stdin())
        } else {
            std::fs::read(file).map(|b| String::from_utf8_lossy(&b).into_owned())
        };
        match read {
            Ok(text) => all.extend(text.lines().map(str::to_owned)),
            Err(e) => {
                eprintln!(
                    "claimdesk: {}: cannot read the queries: {e}",
                    file.display()
                );
                return ExitCode::from(1);
            }
        }
    }
    if all.is_empty() && queries.is_none() {
        eprintln!("claimdesk: library search: give a query TEXT or --queries FILE");
        return ExitCode::from(1);
    }
    let Some(library) = open_library(dir) else {
        return ExitCode::from(1);
    };
    print_lines(
        all.iter()
            .map(|q| crate::io::library::search_line(q, &library.search_scored(q, limit))),
    )
}

/// `claimdesk library check`: one JSON object a line per claim of the project, in project
/// order, with what the window's "Checked before" shows for it (docs/library.md).
pub(super) fn check(dir: &Path, path: &Path, limit: usize) -> ExitCode {
    let project = match load_any(path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    let Some(library) = open_library(dir) else {
        return ExitCode::from(1);
    };
    print_lines(project.claims.iter().map(|claim| {
        let article = project.article(claim.article).map_or(String::new(), |a| {
            a.source_path.clone().unwrap_or_else(|| a.title.clone())
        });
        // As the window shows them: the analyst's rejected matches left out, confirmed first.
        let speaker = claim.speaker.and_then(|id| project.speaker(id));
        let mut matches = library.check_claim(claim, speaker.map(|s| s.name.as_str()), limit);
        claim.as_judged(&mut matches, |m| &m.review.url);
        crate::io::library::check_line(claim.id.0, &article, &claim.content, &matches)
    }))
}

/// Write `lines` to standard output, one a line; a reader that stops reading (a closed
/// pipe) is no error.
fn print_lines(lines: impl Iterator<Item = String>) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut lines = lines;
    let written = lines
        .try_for_each(|line| writeln!(out, "{line}"))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

/// The library at `dir`, or `None` after its one-line error.
fn open_library(dir: &Path) -> Option<crate::io::library::Library> {
    crate::io::library::Library::open(dir)
        .map_err(|e| eprintln!("claimdesk: {e}"))
        .ok()
}

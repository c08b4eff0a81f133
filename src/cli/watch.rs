//! `claimdesk watch PROJECT [--feed URL]... [--feeds FILE] [--once] [--now] [--library LIB]`:
//! follow feeds into a project file (`io::feeds::watch_file`). Each article added, alert and failure is
//! one line: added articles on stdout, `ALERT …` lines on stdout, failures and notes on
//! stderr. Exit code 0 when everything asked went well, 2 when some feed or item failed
//! but the run went on, 1 when nothing could be done.

use std::path::Path;
use std::process::ExitCode;

use super::args::WatchArgs;
use crate::io::feeds::{Report, WatchSetup, watch_file};

pub fn watch(args: WatchArgs) -> ExitCode {
    if super::shared_address(&args.project).is_some() {
        eprintln!(
            "claimdesk: {}: watch follows feeds into project files only",
            args.project.display()
        );
        return ExitCode::from(1);
    }
    let mut feeds = args.feeds;
    if let Some(file) = &args.feeds_file {
        match read_feeds_file(file) {
            Ok(more) => feeds.extend(more),
            Err(e) => {
                eprintln!("claimdesk: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let setup = WatchSetup {
        project: args.project,
        add_feeds: feeds,
        watch_speakers: args.speakers,
        watch_words: args.words,
        once: args.once,
        force: args.now,
        library: args.library,
        options: Default::default(),
    };
    let mut report = |r: Report| match r {
        Report::Added(line) | Report::Alert(line) => println!("{line}"),
        Report::Failed(line) => eprintln!("claimdesk: {line}"),
        Report::Note(line) => eprintln!("claimdesk: note: {line}"),
    };
    match watch_file(&setup, &mut report) {
        Ok(done) => {
            let failed = done.feeds_failed + done.items_failed;
            if failed > 0 && done.feeds_failed == done.feeds_asked && done.added == 0 {
                ExitCode::from(1)
            } else if failed > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("claimdesk: {e}");
            ExitCode::from(1)
        }
    }
}

/// Feed addresses, one a line; blank lines and lines starting with `#` skipped. At most 1 MB.
fn read_feeds_file(path: &Path) -> Result<Vec<String>, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    if meta.len() > 1024 * 1024 {
        return Err(format!("{shown}: over 1 MB; not a list of feeds"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{shown}: is not UTF-8 text"))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

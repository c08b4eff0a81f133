//! Command-line parsing and the headless commands. The window is launched from here too.
//!
//! Exit codes: 0 everything went well; 1 nothing could be done (no input could be read,
//! bad arguments); 2 some inputs failed but the others were processed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use crate::io::{export, extract_output, project_file, shared};
use crate::model::{FilterArgs, Project};

mod args;
mod library;
mod watch;
pub use args::{
    Cli, Command, ExportFilters, ExportFormat, ExtractFormat, LibraryCommand, RankFormat,
};

impl ExportFilters {
    /// The filters as the model reads them (`FilterArgs::to_filter`), `None` if none given.
    fn to_args(&self) -> Option<FilterArgs> {
        let args = FilterArgs {
            statuses: self.status.clone(),
            tags: self.tag.clone(),
            speaker: self.speaker.clone(),
            article: self.article.clone(),
            assignee: self.assignee.clone(),
            priority: self.priority.clone(),
            text: self.text.clone(),
            checked: self.checked.clone(),
        };
        (args != FilterArgs::default()).then_some(args)
    }
}

impl ExportFormat {
    fn format(self) -> export::Format {
        match self {
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Json => export::Format::Json,
            ExportFormat::ClaimReview => export::Format::ClaimReview,
            ExportFormat::Html => export::Format::Html,
            ExportFormat::Markdown => export::Format::Markdown,
        }
    }
}

/// A command works through its inputs one long buffer after another (an article's text,
/// its claims, their JSON), two at a time on two cores. glibc raises its threshold for
/// serving an allocation from fresh pages to the largest block freed so far, after which
/// a freed article's megabytes stay in the process and the next one's come on top: a
/// fixed threshold gives them back (`extract` of six 3.8 MB articles peaked at 54 MB, now
/// 47 MB, for the same time). Not for the window, whose frames reuse their large buffers.
fn return_large_frees() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator, under its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 10);
    }
}

/// Parse the process arguments and run.
pub fn main() -> ExitCode {
    // clap's own exit code for a usage error is 2, which here means "some inputs failed":
    // bad arguments are "nothing could be done" (1); --help and --version succeed.
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    if cli.command.is_some() {
        return_large_frees();
    }
    match cli.command {
        None => run_window(cli.files),
        Some(Command::Extract {
            format,
            statements,
            parse,
            files,
        }) => extract(format, statements, parse, &files),
        Some(Command::Rank {
            lines,
            format,
            files,
        }) => rank(lines, format == RankFormat::Csv, &files),
        Some(Command::Import { project, files }) => import(&project, &files),
        Some(Command::Export {
            project,
            format,
            output,
            bom,
            include_rejected,
            filters,
        }) => {
            let options = export::Options {
                bom,
                include_rejected,
                only_claims: None,
            };
            let library = filters.library.clone();
            let filters = filters.to_args();
            export(
                &project,
                format.format(),
                output.as_deref(),
                options,
                (&filters, library.as_deref()),
            )
        }
        Some(Command::Share { file, address }) => share(&file, &address),
        Some(Command::Watch(args)) => watch::watch(args),
        Some(Command::Library { command }) => match command {
            LibraryCommand::Add { library, files } => library::add(&library, &files),
            LibraryCommand::Search {
                library,
                text,
                queries,
                limit,
            } => library::search(&library, text, queries.as_deref(), limit),
            LibraryCommand::Check {
                library,
                project,
                limit,
            } => library::check(&library, &project, limit),
        },
    }
}

fn run_window(files: Vec<PathBuf>) -> ExitCode {
    let files: Vec<PathBuf> = files.into_iter().map(desktop_path).collect();
    // A shared project's address that cannot be one is said before the window opens (the
    // window itself says when the server cannot be reached).
    for url in files.iter().filter_map(|f| shared_address(f)) {
        if let Err(e) = shared::Address::parse(url) {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    }
    match crate::ui::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A desktop may pass a file as a `file://` URI (a `.desktop` entry's `%U`, some file
/// managers' drops): that is the local path it names. Anything else is kept as given.
fn desktop_path(arg: PathBuf) -> PathBuf {
    let Some(s) = arg.to_str() else { return arg };
    if !s.starts_with("file://") {
        return arg;
    }
    url::Url::parse(s)
        .ok()
        .and_then(|u| u.to_file_path().ok())
        .unwrap_or(arg)
}

/// Read, extract and print each input, in the order given (reporting the ones that fail,
/// and what a cap cut); several at once on all cores, memory about that of the largest
/// input ([`extract_output::stream`]).
fn extract(
    format: ExtractFormat,
    statements: Option<f32>,
    parse: bool,
    files: &[PathBuf],
) -> ExitCode {
    let format = match format {
        ExtractFormat::Json => extract_output::Format::Json,
        ExtractFormat::Csv => extract_output::Format::Csv,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut report = |line: extract_output::Report| match line {
        extract_output::Report::Failed(e) => eprintln!("claimdesk: {e}"),
        extract_output::Report::Warning(w) => eprintln!("claimdesk: warning: {w}"),
    };
    let options = crate::extract::Options {
        parse,
        ..Default::default()
    };
    let streamed =
        extract_output::stream(format, statements, options, files, &mut out, &mut report);
    let done = match streamed.and_then(|done| out.flush().map(|()| done)) {
        Ok(done) => done,
        // A closed pipe (`claimdesk extract … | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: cannot write output: {e}");
            return ExitCode::from(1);
        }
    };
    exit_code(done.written, done.failed)
}

/// `claimdesk rank`: each file read and scored in turn, its sentences written at once; a
/// file that cannot be read is one line on stderr and the others go on.
fn rank(lines: bool, csv: bool, files: &[PathBuf]) -> ExitCode {
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let (mut read, mut failed) = (0usize, 0usize);
    let written = crate::io::rank_output::Sink::new(out, csv).and_then(|mut sink| {
        for path in files {
            match crate::io::import::read_input(path) {
                Ok(source) => {
                    read += 1;
                    sink.article(&source, lines)?;
                }
                Err(e) => {
                    eprintln!("claimdesk: {e}");
                    failed += 1;
                }
            }
        }
        sink.flush()
    });
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("claimdesk: cannot write output: {e}");
            ExitCode::from(1)
        }
        _ => exit_code(read, failed),
    }
}

pub(crate) fn exit_code(succeeded: usize, failed: usize) -> ExitCode {
    match (succeeded, failed) {
        (_, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(2),
    }
}

/// Load (or start) the project, add the articles, save atomically if anything was added:
/// all of it under the project's lock, so that two imports at once never lose an article
/// (the second waits for the first, or gives up with a message and exit code 1).
fn import(path: &Path, files: &[PathBuf]) -> ExitCode {
    if let Some(url) = shared_address(path) {
        return import_shared(url, files);
    }
    // Standard input is read before the lock is taken: whoever writes into the pipe, and
    // however slowly, never holds the project against other writers.
    let inputs: Vec<_> = files
        .iter()
        .map(|f| crate::io::import::Input::read_stdin_now(f))
        .collect();
    let lock = match project_file::ProjectLock::acquire(path) {
        Ok(lock) => lock,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    let target = lock.project_path();
    let mut project = if std::fs::symlink_metadata(target).is_ok() {
        match project_file::load_project(target) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("claimdesk: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Project::new(name)
    };
    let (articles_before, claims_before) = (project.articles.len(), project.claims.len());
    let mut warn = |w: String| eprintln!("claimdesk: warning: {w}");
    let errors = crate::io::import::import_inputs(&mut project, inputs, &mut warn);
    for e in &errors {
        eprintln!("claimdesk: {e}");
    }
    let added = project.articles.len() - articles_before;
    if added == 0 {
        eprintln!("claimdesk: nothing imported; {} unchanged", path.display());
        return ExitCode::from(1);
    }
    if let Err(e) = project_file::save_project_locked(&lock, &project) {
        eprintln!("claimdesk: {e}");
        return ExitCode::from(1);
    }
    drop(lock);
    println!(
        "imported {added} article(s) with {} claim(s) into {}",
        project.claims.len() - claims_before,
        path.display()
    );
    exit_code(added, errors.len())
}

fn export(
    path: &Path,
    format: export::Format,
    output: Option<&Path>,
    mut options: export::Options,
    (filters, library): (&Option<FilterArgs>, Option<&Path>),
) -> ExitCode {
    if options.bom && format != export::Format::Csv {
        eprintln!("claimdesk: --bom is only for --format csv");
        return ExitCode::from(1);
    }
    let project = match load_any(path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    // The claims the window's table shows with the same filters: nothing is written when a
    // filter names nothing in the project.
    if let Some(args) = filters {
        let filter = args
            .to_filter(&project)
            .and_then(|filter| Ok((checked_levels(&project, &filter, library)?, filter)));
        match filter {
            Ok((checked, filter)) => options.restrict_to_checked(&project, &filter, &checked),
            Err(e) => {
                eprintln!("claimdesk: {e}");
                return ExitCode::from(1);
            }
        }
    } else if library.is_some() {
        eprintln!("claimdesk: --library is for --checked");
        return ExitCode::from(1);
    }
    let bytes = match export::render(&project, format, options) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    for warning in export::warnings(&project, format) {
        eprintln!("claimdesk: warning: {warning}");
    }
    let written = export::deliver(output, &bytes);
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if output.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let target = output.map_or("stdout".into(), |p| p.display().to_string());
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                // An export refused to replace a project (export::deliver says why).
                eprintln!("claimdesk: {target}: {e}");
            } else {
                eprintln!("claimdesk: {target}: cannot write the export: {e}");
            }
            ExitCode::from(1)
        }
    }
}

/// The claims' "checked before" levels in `library`, when `filter` reads them (`--checked`
/// needs `--library`): as the window finds them.
fn checked_levels(
    project: &Project,
    filter: &crate::model::Filter,
    library: Option<&Path>,
) -> Result<crate::model::CheckedLevels, String> {
    if filter.checked.is_empty() {
        return match library {
            Some(_) => Err("--library is for --checked".into()),
            None => Ok(Default::default()),
        };
    }
    let dir = library.ok_or("--checked needs --library LIB (the claim library to match in)")?;
    let library = crate::io::library::Library::open(dir).map_err(|e| e.to_string())?;
    Ok(library.checked_levels(project))
}

/// The argument as a shared project's address, if it is one (postgres:// or
/// postgresql://); any other argument is a path.
fn shared_address(arg: &Path) -> Option<&str> {
    arg.to_str().filter(|s| shared::is_shared_address(s))
}

/// A project file, or a shared project by its address.
fn load_any(path: &Path) -> Result<Project, String> {
    match shared_address(path) {
        Some(url) => load_shared(url),
        None => project_file::load_project(path).map_err(|e| e.to_string()),
    }
}

fn load_shared(url: &str) -> Result<Project, String> {
    let mut project = with_password(url, shared::SharedProject::open)?;
    project.load().map_err(|e| e.to_string())
}

/// Run `op` on the address `url`; when the server asks for a password that the address,
/// `PGPASSWORD` and the password file did not give, ask on the terminal (no echo) and run
/// it again; without a terminal, one line naming the address (never the password).
fn with_password<T>(
    url: &str,
    op: impl Fn(&shared::Address) -> Result<T, shared::SharedError>,
) -> Result<T, String> {
    use std::io::IsTerminal as _;
    let mut address = shared::Address::parse(url).map_err(|e| e.to_string())?;
    match op(&address) {
        Err(e) if e.needs_password() => {
            if !std::io::stdin().is_terminal() {
                return Err(shared::password::no_password_line(&address));
            }
            let password = rpassword::prompt_password(format!("Password for {address}: "))
                .map_err(|e| format!("{address}: cannot read the password: {e}"))?;
            address.set_password(&password);
            op(&address).map_err(|e| e.to_string())
        }
        other => other.map_err(|e| e.to_string()),
    }
}

/// `claimdesk share FILE URL`: the whole project file as a new shared project.
fn share(file: &Path, url: &str) -> ExitCode {
    let shown = match shared::Address::parse(url) {
        Ok(a) => a.to_string(),
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    let project = match project_file::load_project(file) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    // Said of the file, before connecting: the file is what to mend.
    if let Some(why) = shared::duplicate_number(&project) {
        eprintln!(
            "claimdesk: {}: {why}; nothing was uploaded to {shown}",
            file.display()
        );
        return ExitCode::from(1);
    }
    match with_password(url, |address| shared::share(&project, address)) {
        Ok(summary) => {
            println!(
                "shared {} article(s), {} claim(s) and {} speaker(s) of {} as {shown}",
                summary.articles,
                summary.claims,
                summary.speakers,
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("claimdesk: {e}");
            ExitCode::from(1)
        }
    }
}

/// `claimdesk import URL FILE...`: each article added in its own transaction.
fn import_shared(url: &str, files: &[PathBuf]) -> ExitCode {
    let opened = with_password(url, shared::SharedProject::open_or_create);
    let mut project = match opened {
        Ok(p) => p,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
    let mut warn = |w: String| eprintln!("claimdesk: warning: {w}");
    let (added, errors) = shared::import_files_with(&mut project, files, &mut warn);
    for e in &errors {
        eprintln!("claimdesk: {e}");
    }
    if added.is_empty() {
        // One file: its line said it all (and names the address). Not "unchanged": an
        // import cut during its commit may have been added.
        if files.len() > 1 {
            eprintln!("claimdesk: nothing imported into {}", project.address());
        }
        return ExitCode::from(1);
    }
    let claims: usize = added.iter().map(|r| r.added_claims.len()).sum();
    println!(
        "imported {} article(s) with {claims} claim(s) into {}",
        added.len(),
        project.address()
    );
    exit_code(added.len(), errors.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn desktop_file_uris_become_paths() {
        assert_eq!(
            desktop_path(PathBuf::from("file:///home/a/My%20Project.claimdesk")),
            PathBuf::from("/home/a/My Project.claimdesk")
        );
        // Paths, web addresses and shared projects' addresses are kept as given.
        for kept in [
            "/tmp/file:///x",
            "article.txt",
            "https://example.org/a",
            "postgres://u@h/db?project=p",
        ] {
            assert_eq!(desktop_path(PathBuf::from(kept)), PathBuf::from(kept));
        }
        // A malformed file URI is not guessed at.
        assert_eq!(
            desktop_path(PathBuf::from("file://remote-host/x")),
            PathBuf::from("file://remote-host/x")
        );
    }
}

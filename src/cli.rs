//! Command-line parsing and the headless commands. The window is launched from here too.
//!
//! Exit codes: 0 everything went well; 1 nothing could be done (no input could be read,
//! bad arguments); 2 some inputs failed but the others were processed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::io::article::{ArticleSource, read_article};
use crate::io::{export, extract_output, project_file};
use crate::model::Project;

#[derive(Debug, Parser)]
#[command(
    name = "claimdesk",
    version,
    about = "Find every claim in news articles and who made it, then check them.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Articles or a project to open in the window.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every claim of the given articles (JSON or CSV on stdout).
    Extract {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Article files: text (any common encoding), HTML, Markdown, PDF or DOCX.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Add articles, with their extracted claims, to a project (created if missing).
    Import {
        /// The project file (.claimdesk).
        project: PathBuf,
        /// Article files: text (any common encoding), HTML, Markdown, PDF or DOCX.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a project's claims, with their articles and speakers, for other tools and
    /// newsrooms (docs/exports.md).
    Export {
        /// The project file (.claimdesk).
        project: PathBuf,
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Start the CSV with a UTF-8 byte-order mark, so that spreadsheets detect UTF-8.
        #[arg(long)]
        bom: bool,
        /// Also export the claims marked "Not a claim" (status `rejected`), left out
        /// otherwise.
        #[arg(long)]
        include_rejected: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// One row per claim (docs/exports.md).
    Csv,
    /// The claimdesk export document (docs/export-json.md).
    Json,
    /// schema.org ClaimReview JSON-LD, one review per claim with a verdict.
    #[value(name = "claimreview")]
    ClaimReview,
    /// A self-contained HTML report.
    Html,
    /// A Markdown report.
    #[value(name = "md", alias = "markdown")]
    Markdown,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Csv,
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
    match cli.command {
        None => run_window(cli.files),
        Some(Command::Extract { format, files }) => extract(format, &files),
        Some(Command::Import { project, files }) => import(&project, &files),
        Some(Command::Export {
            project,
            format,
            output,
            bom,
            include_rejected,
        }) => {
            let options = export::Options {
                bom,
                include_rejected,
                only_claims: None,
            };
            export(&project, format.format(), output.as_deref(), options)
        }
    }
}

fn run_window(files: Vec<PathBuf>) -> ExitCode {
    match crate::ui::run(files) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Read each file (reporting the ones that fail), extract, print in one go.
fn extract(format: ExtractFormat, files: &[PathBuf]) -> ExitCode {
    let mut read: Vec<ArticleSource> = Vec::new();
    let mut failed = 0usize;
    for path in files {
        match read_article(path) {
            Ok(source) => read.push(source),
            Err(e) => {
                eprintln!("claimdesk: {e}");
                failed += 1;
            }
        }
    }
    let extracted: Vec<_> = read
        .iter()
        .map(|s| (s, crate::extract::extract(&s.text)))
        .collect();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = match format {
        ExtractFormat::Json => extract_output::write_json(&mut out, &extracted),
        ExtractFormat::Csv => extract_output::write_csv(&mut out, &extracted),
    }
    .and_then(|()| out.flush());
    if let Err(e) = written {
        // A closed pipe (`claimdesk extract … | head`) is not an error worth a message.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("claimdesk: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    exit_code(read.len(), failed)
}

fn exit_code(succeeded: usize, failed: usize) -> ExitCode {
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
    let errors = crate::io::import::import_articles(&mut project, files);
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
    options: export::Options,
) -> ExitCode {
    if options.bom && format != export::Format::Csv {
        eprintln!("claimdesk: --bom is only for --format csv");
        return ExitCode::from(1);
    }
    let project = match project_file::load_project(path) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("claimdesk: {e}");
            return ExitCode::from(1);
        }
    };
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

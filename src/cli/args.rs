//! The command line's definitions (clap), alone in this file so that build.rs can read
//! them too: the man page and the shell completions are generated from these same types
//! and never drift from the code. Nothing here may name another module of the crate.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Articles (files or http(s) URLs) or a project to open in the window.
    pub files: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every claim of the given articles (JSON or CSV on stdout).
    Extract {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
        /// Also the check-worthy sentences no one is quoted saying, from this score
        /// (`--statements=0.6`; 0.75 if none given): claims of kind `statement`, the
        /// article's own voice (docs/worth.md).
        #[arg(long, value_name = "SCORE", num_args = 0..=1, require_equals = true, default_missing_value = "0.75")]
        statements: Option<f32>,
        /// Article files (text in any common encoding, HTML, Markdown, PDF or DOCX; `-`
        /// reads standard input) or http(s) URLs of articles.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Score every sentence of the given articles for check-worthiness, in input order:
    /// {"file","line","start","end","text","score","type"} per sentence (docs/worth.md).
    Rank {
        /// Every non-empty input line is one sentence (transcripts, data sets).
        #[arg(long)]
        lines: bool,
        #[arg(long, value_enum, default_value_t = RankFormat::Jsonl)]
        format: RankFormat,
        /// Article files in any format `extract` reads (`-` reads standard input), or
        /// http(s) URLs.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Add articles, with their extracted claims, to a project (created if missing).
    Import {
        /// The project file (.claimdesk), or a shared project's address
        /// (postgres://USER@HOST/DB?project=NAME; docs/shared-projects.md).
        project: PathBuf,
        /// Article files (text in any common encoding, HTML, Markdown, PDF or DOCX; `-`
        /// reads standard input) or http(s) URLs of articles.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a project's claims, with their articles and speakers, for other tools and
    /// newsrooms (docs/exports.md).
    Export {
        /// The project file (.claimdesk), or a shared project's address
        /// (postgres://USER@HOST/DB?project=NAME).
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
    /// Upload a project file, everything in it, as a new shared project in PostgreSQL
    /// (docs/shared-projects.md).
    Share {
        /// The project file (.claimdesk).
        file: PathBuf,
        /// The shared project's address: postgres://USER@HOST:PORT/DB?project=NAME.
        address: String,
    },
    /// The claim library: earlier fact-checks, searched for a claim (docs/library.md).
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Add fact-checks to the library folder LIB (created if missing): ClaimReview JSON-LD
    /// (an object, an array, a @graph or a DataFeed) and .claimdesk projects (their claims
    /// with a verdict). Reviews already there (same url) are not added twice.
    Add {
        /// The library folder.
        library: PathBuf,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the best matches of each query as JSON Lines, one object per query in input
    /// order (docs/library.md).
    Search {
        /// The library folder.
        library: PathBuf,
        /// A query (a claim, a post, any text).
        text: Option<String>,
        /// A file of queries, one a line (`-` reads standard input).
        #[arg(long)]
        queries: Option<PathBuf>,
        /// Matches per query, best first.
        #[arg(long, default_value_t = 5)]
        limit: usize,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RankFormat {
    /// One JSON object a line.
    Jsonl,
    Csv,
}

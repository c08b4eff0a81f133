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
        /// Also read a dependency parse where the rules find no frame: a little more
        /// reported speech found, for about twice the time (docs/parser.md).
        #[arg(long)]
        parse: bool,
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
        /// The window's filters: export exactly the claims the table shows with them.
        #[command(flatten)]
        filters: ExportFilters,
    },
    /// Upload a project file, everything in it, as a new shared project in PostgreSQL
    /// (docs/shared-projects.md).
    Share {
        /// The project file (.claimdesk).
        file: PathBuf,
        /// The shared project's address: postgres://USER@HOST:PORT/DB?project=NAME.
        address: String,
    },
    /// Follow news feeds (RSS, Atom, JSON Feed): each new item's page is read, its claims
    /// found and added to the project, saved after each article (docs/feeds.md).
    Watch(WatchArgs),
    /// The claim library: earlier fact-checks, searched for a claim (docs/library.md).
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
}

/// `claimdesk export`'s filters, those of the claims table (docs/exports.md). Claims must
/// match every filter given; a list matches any of its values.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ExportFilters {
    /// Only claims with one of these statuses, comma-separated: unchecked, verified,
    /// disputed, false, misleading, unverifiable, rejected (Not a claim).
    #[arg(long, value_name = "STATUS,…")]
    pub status: Vec<String>,
    /// Only claims tagged so (any case); repeat or comma-separate for any of several.
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Only the claims of this speaker (name or alias, any case).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,
    /// Only the claims of the article with this title (any case).
    #[arg(long, value_name = "TITLE")]
    pub article: Option<String>,
    /// Only claims assigned to this name; `none`: to no one.
    #[arg(long, value_name = "NAME")]
    pub assignee: Option<String>,
    /// Only claims of this priority: high, normal or low.
    #[arg(long, value_name = "PRIORITY")]
    pub priority: Option<String>,
    /// Only claims whose text, speaker, notes, rationale or tags hold this text (as the
    /// window's search; `#17` is claim 17).
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,
    /// Only claims the claim library matches at one of these levels, comma-separated:
    /// strong, possible, none (the window's "Checked before" filter; needs --library).
    #[arg(long, value_name = "LEVEL,…")]
    pub checked: Vec<String>,
    /// The claim library folder that --checked matches the claims in.
    #[arg(long, value_name = "LIB")]
    pub library: Option<PathBuf>,
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
    /// Check every claim of a project against the library: one JSON object a line per
    /// claim, with the fact-checks that may examine the same assertion, most probable
    /// first, as the window's "Checked before" shows them (docs/library.md).
    Check {
        /// The library folder.
        library: PathBuf,
        /// The project file (.claimdesk) or a shared project's address.
        project: PathBuf,
        /// Matches per claim, most probable first.
        #[arg(long, default_value_t = 3)]
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

/// `claimdesk watch`'s arguments (docs/feeds.md).
#[derive(Debug, Clone, clap::Args)]
pub struct WatchArgs {
    /// The project file (.claimdesk; created if missing). Feeds given here are
    /// remembered in it.
    pub project: PathBuf,
    /// A feed's http(s) address to follow (repeatable).
    #[arg(long = "feed", value_name = "URL")]
    pub feeds: Vec<String>,
    /// A file of feed addresses, one a line (lines starting with `#` are comments).
    #[arg(long = "feeds", value_name = "FILE")]
    pub feeds_file: Option<PathBuf>,
    /// Poll the feeds that are due once, then exit (for cron or a systemd timer).
    #[arg(long)]
    pub once: bool,
    /// Ask every feed now, whatever its interval (at most once per run with --once).
    #[arg(long)]
    pub now: bool,
    /// Flag new claims of this speaker (name or alias; repeatable; remembered).
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,
    /// Flag new claims with this word (repeatable; remembered).
    #[arg(long = "word", value_name = "WORD")]
    pub words: Vec<String>,
    /// Flag new claims with a strong "checked before" match in this claim library
    /// (a folder made by `claimdesk library add`).
    #[arg(long, value_name = "LIB")]
    pub library: Option<PathBuf>,
}

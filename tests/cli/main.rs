//! The command line as other tools call it, and the desktop integration files.
//! Grouped so that a clean build links a few test binaries, not one per file.

#[path = "../common/mod.rs"]
mod common;

mod cli_export_filters;
mod cli_extract;
mod cli_project;
mod cli_rank;
mod packaging;

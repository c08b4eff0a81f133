//! Files in and out: article formats, URLs and feeds, hostile input, the project file and its
//! history, exports, the claim library (`tests/project_recovery.rs`, which changes the process's
//! environment, is its own binary).
//! Grouped so that a clean build links a few test binaries, not one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../web/mod.rs"]
mod web;

mod export_cli;
mod export_escaping;
mod export_formats;
mod export_reports;
mod feeds;
mod fetch;
mod hostile_addresses;
mod hostile_files;
mod hostile_inputs;
mod hostile_work;
mod import_formats;
mod library;
mod library_check;
mod no_lost_work;
mod not_a_claim;
mod project_crash;
mod project_file;
mod project_fuzz;
mod project_publish;
mod project_speakers;
mod rationale_workflow;

//! The window's flows, driven through egui_kittest: one binary for every `ui_*` file (tests that
//! change the process's environment stay binaries of their own: `tests/ui_document_flow.rs`).
//! Grouped so that a clean build links a few test binaries, not one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../pg_support/mod.rs"]
mod pg_support;
#[path = "../ui_support/mod.rs"]
mod ui_support;
#[path = "../web/mod.rs"]
mod web;

mod ui_bulk;
mod ui_export;
mod ui_feeds;
mod ui_keys;
mod ui_library;
mod ui_long_article;
mod ui_not_a_claim;
mod ui_publish;
mod ui_rooms;
mod ui_saving;
mod ui_shared;
mod ui_speaker_split;
mod ui_speakers;
mod ui_table_layout;
mod ui_tags;
mod ui_triage_fields;
mod ui_typing;
mod ui_views;
mod ui_web;
mod ui_workbench;
mod ui_workbench_files;
mod ui_worth;

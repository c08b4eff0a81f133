//! claimdesk: find every claim in news articles and who made it, then check them.
//!
//! Rooms: `model` (plain data), `extract` (text → claims), `io` (files), `ui` (egui),
//! `cli` (headless commands). See docs/architecture.md.

pub mod cli;
pub mod extract;
pub mod io;
pub mod model;
pub mod ui;

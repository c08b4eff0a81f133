//! Shared projects on PostgreSQL (`CLAIMDESK_TEST_PG`, started by `.ci/run`): one binary for every
//! `shared_*` file (`tests/shared_password.rs`, which changes the process's environment, is its own).
//! Grouped so that a clean build links a few test binaries, not one per file.

#[path = "../common/mod.rs"]
mod common;
#[path = "../pg_support/mod.rs"]
mod pg_support;

mod shared_faults;
mod shared_library_match;
mod shared_projects;
mod shared_publish;
mod shared_roles;
mod shared_server;
mod shared_undo;
mod shared_window;

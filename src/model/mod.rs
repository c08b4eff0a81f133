//! The project as plain data: articles, claims, speakers, statuses.
//!
//! No egui and no I/O live here. Every change to a [`Project`] that the analyst makes goes
//! through [`Edit`](edit::Edit) (see `edit.rs`) so that undo/redo and "unsaved changes"
//! have one home.

mod article;
mod claim;
pub mod edit;
pub mod feeds;
pub mod filter;
mod filter_args;
mod project;
mod publication;
pub mod rating;
mod records;
pub mod similar;
mod speaker;
mod speaker_index;
mod status;
pub mod table_layout;
pub mod tags;
pub mod time;
mod workflow;

pub use article::{Article, ArticleId, ArticleMeta};
pub use claim::{Claim, ClaimId, ClaimKind, ClaimOrigin, Evidence, MatchVerdict, StatusChange};
pub use feeds::{Feed, FeedItem, FeedWatch, Flag};
pub use filter::{AssigneeFilter, CheckedLevel, CheckedLevels, Filter, NamedView};
pub use filter_args::FilterArgs;
pub use project::{IdsExhausted, Project, ProjectSettings, UnknownKeys};
pub use publication::{Publication, PublishState};
pub use records::{SpeakerRecord, StatusTally};
pub use speaker::{HandMerge, Speaker, SpeakerId};
pub use status::Status;
pub use table_layout::TableLayout;
pub use workflow::Priority;

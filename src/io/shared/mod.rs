//! Shared projects: a project kept in PostgreSQL, worked on by several analysts at once.
//! See docs/shared-projects.md.
//!
//! - `address.rs`: the `postgres://…?project=NAME` address; the password is never shown
//!   (`url.rs` takes the URL apart once, for connecting and for showing).
//! - `schema.rs`: the tables, versioned and migrated by claimdesk; `roles.rs`: what each
//!   role may do, enforced by the server's triggers and constraints (version 3).
//! - `rows.rs`: a project as rows (each entity's object as the project file writes it)
//!   and rows as a project again.
//! - `journal.rs`: the window's offline journal; `sync.rs`: loading with the last edit
//!   included, LISTEN, others' edits to replay.
//! - `edits.rs`: one [`Edit`](crate::model::edit::Edit) applied in one transaction to the
//!   rows it touches, logged with its author and time, announced with NOTIFY.
//!
//! Connections use the synchronous `postgres` client, with TLS through the platform's
//! library (`sslmode` as libpq reads it, `verify-ca` and `verify-full` included).

mod address;
mod edits;
mod import;
pub mod journal;
pub mod password;
mod publications;
mod roles;
mod rows;
pub mod schema;
mod sync;
mod url;

pub use address::{Address, AddressError, is_shared_address, pgpass_lookup, redact};
pub use edits::EditReceipt;
pub use import::{import_files, import_files_with};
pub use rows::duplicate_number;

use std::fmt;

use postgres::config::SslMode;
use postgres::{Client, GenericClient, NoTls};

use crate::extract::FoundSpeaker;
use crate::model::{ClaimId, Project};
use rows::{ProjectRow, Row, Table};

/// Why a shared project could not be used; shown as `ADDRESS: reason` (no password).
#[derive(Debug)]
pub struct SharedError {
    pub address: String,
    pub kind: SharedErrorKind,
}

#[derive(Debug)]
pub enum SharedErrorKind {
    BadAddress(String),
    Connect(String),
    Database(String),
    SchemaNewer {
        found: i32,
        supported: i32,
    },
    NoSuchProject(String),
    ProjectExists(String),
    /// Two claims of a project to share have the same number ([`duplicate_number`]).
    DuplicateNumber(String),
    Damaged(String),
    /// The rows, put together, are not a valid project (the file code's words).
    Stored(String),
    Edit(crate::model::edit::EditError),
    /// An article with the same bytes is already in the project.
    Duplicate {
        id: i64,
        title: String,
    },
    /// The connection was lost while the server was committing the edit: it may or may
    /// not have been applied (the client cannot know).
    CommitUnknown(String),
    /// The connection was lost before the edit was committed: nothing was changed.
    Lost(String),
}

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.address)?;
        match &self.kind {
            SharedErrorKind::BadAddress(why) => f.write_str(why),
            SharedErrorKind::Connect(why) => write!(f, "cannot connect: {why}"),
            SharedErrorKind::Database(why) => write!(f, "the database refused: {why}"),
            SharedErrorKind::SchemaNewer { found, supported } => write!(
                f,
                "the database was set up by a newer claimdesk (schema version {found}; this \
                 one knows up to {supported}); nothing was changed"
            ),
            SharedErrorKind::NoSuchProject(name) => {
                write!(
                    f,
                    "there is no shared project named “{name}” in this database"
                )
            }
            SharedErrorKind::ProjectExists(name) => write!(
                f,
                "a shared project named “{name}” already exists there; nothing was uploaded"
            ),
            SharedErrorKind::DuplicateNumber(why) => write!(f, "{why}; nothing was uploaded"),
            SharedErrorKind::Damaged(why) => write!(f, "the shared project is damaged: {why}"),
            SharedErrorKind::Stored(why) => write!(f, "the shared project {why}"),
            SharedErrorKind::Edit(e) => write!(f, "the edit was refused: {e}"),
            SharedErrorKind::Duplicate { id, title } => {
                write!(f, "already in the project as article {id} (“{title}”)")
            }
            SharedErrorKind::Lost(why) => write!(
                f,
                "the connection to the server was lost ({why}); nothing was changed"
            ),
            SharedErrorKind::CommitUnknown(why) => write!(
                f,
                "the connection was lost while the server was committing ({why}); the edit \
                 may have been applied"
            ),
        }
    }
}

impl std::error::Error for SharedError {}

/// A database error in one line: the server's message, else the client's.
fn db_message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_string(),
        None => e.to_string(),
    }
}

/// A connection error in one line, with its cause (the TLS handshake's reason, the
/// refused connection's).
fn connect_message(e: &postgres::Error) -> String {
    use std::error::Error as _;
    let mut message = db_message(e);
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !message.contains(&text) {
            message = format!("{message}: {text}");
        }
        cause = c.source();
    }
    message.replace('\n', " ")
}

/// A connection to one shared project.
pub struct SharedProject {
    client: Client,
    address: Address,
    id: i64,
}

/// What the connected role may do ([`SharedProject::access`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read and export only.
    Read,
    /// Also apply edits and import articles.
    Edit,
    /// Also create shared projects (`claimdesk share`, an import into a new name).
    Create,
    /// Also publish verdicts (an editor: `claimdesk.publications` may be written). Roles
    /// with this right normally also create projects.
    Publish,
}

impl Access {
    /// Whether edits are allowed at all.
    pub fn may_edit(self) -> bool {
        self != Access::Read
    }

    /// Whether verdicts may be published (or their publication withdrawn).
    pub fn may_publish(self) -> bool {
        self == Access::Publish
    }
}

/// What [`share`] uploaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareSummary {
    pub articles: usize,
    pub speakers: usize,
    pub claims: usize,
}

/// One entry of the edit log.
#[derive(Debug, Clone, PartialEq)]
pub struct EditRecord {
    pub id: i64,
    /// The database role that made the edit (`current_user`).
    pub author: String,
    /// The server's time of the edit, seconds since the Unix epoch.
    pub at: i64,
    /// The edit's short description ("set status").
    pub kind: String,
    /// The edit as JSON (serde's form of `Edit`; an added article is summarised).
    pub edit: String,
}

impl SharedProject {
    /// Connect and bring the schema up to date (a database at the current version is only
    /// read).
    fn connect(address: &Address) -> Result<Client, SharedError> {
        let fail = |kind| SharedError {
            address: address.to_string(),
            kind,
        };
        let connected = if address.config.get_ssl_mode() == SslMode::Disable {
            address.config.connect(NoTls)
        } else {
            let tls = address
                .tls_connector()
                .map_err(|e| fail(SharedErrorKind::Connect(e)))?;
            address
                .config
                .connect(postgres_native_tls::MakeTlsConnector::new(tls))
        };
        let mut client =
            connected.map_err(|e| fail(SharedErrorKind::Connect(connect_message(&e))))?;
        schema::migrate(&mut client, &schema::MIGRATIONS).map_err(|e| match e {
            schema::SchemaError::Newer { found, supported } => {
                fail(SharedErrorKind::SchemaNewer { found, supported })
            }
            schema::SchemaError::Db(e) => fail(SharedErrorKind::Database(db_message(&e))),
        })?;
        Ok(client)
    }

    fn error(&self, kind: SharedErrorKind) -> SharedError {
        SharedError {
            address: self.address.to_string(),
            kind,
        }
    }

    fn db(&self, e: &postgres::Error) -> SharedError {
        self.error(SharedErrorKind::Database(db_message(e)))
    }

    /// Open the shared project the address names; it must exist.
    pub fn open(address: &Address) -> Result<SharedProject, SharedError> {
        let mut client = Self::connect(address)?;
        let row = client
            .query_opt(
                "SELECT id FROM claimdesk.projects WHERE name = $1",
                &[&address.project],
            )
            .map_err(|e| SharedError {
                address: address.to_string(),
                kind: SharedErrorKind::Database(db_message(&e)),
            })?;
        match row {
            Some(row) => Ok(SharedProject {
                client,
                address: address.clone(),
                id: row.get(0),
            }),
            None => Err(SharedError {
                address: address.to_string(),
                kind: SharedErrorKind::NoSuchProject(address.project.clone()),
            }),
        }
    }

    /// Open the shared project, creating it empty (named as in the address) if missing.
    pub fn open_or_create(address: &Address) -> Result<SharedProject, SharedError> {
        let client = Self::connect(address)?;
        let mut shared = SharedProject {
            client,
            address: address.clone(),
            id: 0,
        };
        let find = "SELECT id FROM claimdesk.projects WHERE name = $1";
        // Looked up first: a role without the right to create projects (an analyst) can
        // still import into one that exists.
        if let Some(row) = shared
            .client
            .query_opt(find, &[&address.project])
            .map_err(|e| shared.db(&e))?
        {
            shared.id = row.get(0);
            return Ok(shared);
        }
        let empty = Project::new(address.project.clone());
        let parts = rows::split(&empty).map_err(|e| shared.error(SharedErrorKind::Damaged(e)))?;
        let next_id =
            rows::big(parts.next_id).map_err(|e| shared.error(SharedErrorKind::Damaged(e)))?;
        // Two imports creating the same project at once: one inserts, both then read it.
        let result = shared.client.execute(
            "INSERT INTO claimdesk.projects (name, format_version, doc, next_id, next_number)
             VALUES ($1, $2, $3::text::json, $4, 0) ON CONFLICT (name) DO NOTHING",
            &[
                &address.project,
                &rows::format_version(),
                &parts.doc,
                &next_id,
            ],
        );
        result.map_err(|e| shared.db(&e))?;
        let row = shared
            .client
            .query_one(find, &[&address.project])
            .map_err(|e| shared.db(&e))?;
        shared.id = row.get(0);
        Ok(shared)
    }

    /// What the connected role may do with this project, from its privileges: read
    /// only (a reader), edit (an analyst), also create projects, or also publish verdicts
    /// (an editor). A window
    /// shows a project it may not edit as read-only.
    pub fn access(&mut self) -> Result<Access, SharedError> {
        let row = self
            .client
            .query_one(
                "SELECT has_table_privilege('claimdesk.claims', 'UPDATE')
                    AND has_table_privilege('claimdesk.edits', 'INSERT')
                    AND has_any_column_privilege('claimdesk.projects', 'UPDATE'),
                        has_table_privilege('claimdesk.projects', 'INSERT'),
                        has_table_privilege('claimdesk.publications', 'INSERT')
                    AND has_table_privilege('claimdesk.publications', 'UPDATE')
                    AND has_table_privilege('claimdesk.publications', 'DELETE')",
                &[],
            )
            .map_err(|e| self.db(&e))?;
        let (edit, create, publish): (bool, bool, bool) = (row.get(0), row.get(1), row.get(2));
        Ok(match (edit, create, publish) {
            (false, _, _) => Access::Read,
            (true, _, true) => Access::Publish,
            (true, false, false) => Access::Edit,
            (true, true, false) => Access::Create,
        })
    }

    /// The project's id in the database.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The address, as shown (no password).
    pub fn address(&self) -> &Address {
        &self.address
    }

    /// The NOTIFY channel of this project: every applied edit is announced on it with a
    /// JSON payload `{"edit": ID, "author": ROLE, "kind": "set status"}`.
    pub fn channel(&self) -> String {
        channel(self.id)
    }

    /// The connection, for LISTEN and for tests.
    pub fn client(&mut self) -> &mut Client {
        &mut self.client
    }

    /// The whole project, read in one consistent snapshot ([`SharedProject::load_at`]
    /// without the id of its last edit).
    pub fn load(&mut self) -> Result<Project, SharedError> {
        self.load_at().map(|(project, _)| project)
    }

    /// The project's speakers as the extractor knows them (for analysing an article before
    /// adding it).
    pub fn known_speakers(&mut self) -> Result<Vec<FoundSpeaker>, SharedError> {
        let id = self.id;
        let docs: Result<Vec<String>, _> = self
            .client
            .query(
                "SELECT doc::text FROM claimdesk.speakers WHERE project = $1 ORDER BY seq",
                &[&id],
            )
            .map(|rows| rows.iter().map(|r| r.get(0)).collect());
        let docs = docs.map_err(|e| self.db(&e))?;
        let row = ProjectRow {
            format_version: rows::format_version(),
            doc: r#"{"file":{},"project":{"name":""}}"#.into(),
            next_id: 1,
            next_number: 0,
        };
        let text = rows::assemble(&row, &[], &docs, &[])
            .map_err(|e| self.error(SharedErrorKind::Damaged(e)))?;
        let part = crate::io::project_file::part_from_str(&text)
            .map_err(|e| self.error(SharedErrorKind::Stored(e.kind.to_string())))?;
        Ok(part.known_speakers())
    }

    /// The edits logged after edit `after` (0: all), oldest first: what a window that
    /// LISTENs on [`SharedProject::channel`] fetches when told of new edits.
    pub fn edits_since(&mut self, after: i64) -> Result<Vec<EditRecord>, SharedError> {
        let id = self.id;
        let rows = self
            .client
            .query(
                "SELECT id, author, extract(epoch FROM at)::bigint, kind, edit::text
                 FROM claimdesk.edits WHERE project = $1 AND id > $2 ORDER BY id",
                &[&id, &after],
            )
            .map_err(|e| self.db(&e))?;
        Ok(rows.iter().map(edit_record).collect())
    }

    /// The edits that touched a claim, oldest first, with who made them and when.
    pub fn claim_history(&mut self, claim: ClaimId) -> Result<Vec<EditRecord>, SharedError> {
        let claim = rows::big(claim.0).map_err(|e| self.error(SharedErrorKind::Damaged(e)))?;
        let id = self.id;
        let rows = self
            .client
            .query(
                "SELECT id, author, extract(epoch FROM at)::bigint, kind, edit::text
                 FROM claimdesk.edits WHERE project = $1 AND claims @> ARRAY[$2::bigint]
                 ORDER BY id",
                &[&id, &claim],
            )
            .map_err(|e| self.db(&e))?;
        Ok(rows.iter().map(edit_record).collect())
    }
}

fn edit_record(r: &postgres::Row) -> EditRecord {
    EditRecord {
        id: r.get(0),
        author: r.get(1),
        at: r.get(2),
        kind: r.get(3),
        edit: r.get(4),
    }
}

/// The NOTIFY channel of project `id`.
pub fn channel(id: i64) -> String {
    format!("claimdesk_project_{id}")
}

/// Every row of project `id`, put together as project file text.
fn read_all(
    tx: &mut impl GenericClient,
    id: i64,
) -> Result<Result<String, String>, postgres::Error> {
    let row = tx.query_one(
        "SELECT format_version, doc::text, next_id, next_number
         FROM claimdesk.projects WHERE id = $1",
        &[&id],
    )?;
    let row = ProjectRow {
        format_version: row.get(0),
        doc: row.get(1),
        next_id: row.get(2),
        next_number: row.get(3),
    };
    let mut lists: Vec<Vec<String>> = Vec::new();
    for table in [Table::Articles, Table::Speakers, Table::Claims] {
        let sql = format!(
            "SELECT doc::text FROM {} WHERE project = $1 ORDER BY seq, id",
            table.name()
        );
        lists.push(tx.query(&sql, &[&id])?.iter().map(|r| r.get(0)).collect());
    }
    Ok(rows::assemble(&row, &lists[0], &lists[1], &lists[2]))
}

/// Upload a whole project as a new shared project named as in the address, in one
/// transaction: everything or nothing.
pub fn share(project: &Project, address: &Address) -> Result<ShareSummary, SharedError> {
    let mut client = SharedProject::connect(address)?;
    let fail = |kind| SharedError {
        address: address.to_string(),
        kind,
    };
    let db = |e: postgres::Error| fail(SharedErrorKind::Database(db_message(&e)));
    if let Some(why) = duplicate_number(project) {
        return Err(fail(SharedErrorKind::DuplicateNumber(why)));
    }
    // Publications go to their own table (sharing one takes the publish right).
    let mut project = project.clone();
    let published = publications::take(&mut project);
    let project = &project;
    let parts = rows::split(project).map_err(|e| fail(SharedErrorKind::Damaged(e)))?;
    let built = entity_rows(project, &parts).map_err(|e| fail(SharedErrorKind::Damaged(e)));
    let (articles, speakers, claims) = built?;
    let next_id = rows::big(parts.next_id).map_err(|e| fail(SharedErrorKind::Damaged(e)))?;
    let next_number =
        rows::big(parts.next_number).map_err(|e| fail(SharedErrorKind::Damaged(e)))?;
    let mut tx = client.transaction().map_err(db)?;
    let created = tx
        .query_opt(
            "INSERT INTO claimdesk.projects (name, format_version, doc, next_id, next_number)
             VALUES ($1, $2, $3::text::json, $4, $5) ON CONFLICT (name) DO NOTHING
             RETURNING id",
            &[
                &address.project,
                &rows::format_version(),
                &parts.doc,
                &next_id,
                &next_number,
            ],
        )
        .map_err(db)?;
    let Some(created) = created else {
        return Err(fail(SharedErrorKind::ProjectExists(
            address.project.clone(),
        )));
    };
    let id: i64 = created.get(0);
    rows::upsert(&mut tx, Table::Articles, id, &articles).map_err(db)?;
    rows::upsert(&mut tx, Table::Speakers, id, &speakers).map_err(db)?;
    rows::upsert(&mut tx, Table::Claims, id, &claims).map_err(db)?;
    publications::write(&mut tx, id, &Default::default(), &published).map_err(db)?;
    let summary = ShareSummary {
        articles: articles.len(),
        speakers: speakers.len(),
        claims: claims.len(),
    };
    let log = serde_json::json!({"Share": {
        "articles": summary.articles, "speakers": summary.speakers, "claims": summary.claims
    }});
    tx.execute(
        "INSERT INTO claimdesk.edits (project, kind, edit) VALUES ($1, 'share', $2::text::json)",
        &[&id, &log.to_string()],
    )
    .map_err(db)?;
    tx.commit().map_err(db)?;
    Ok(summary)
}

type EntityRows = (Vec<Row>, Vec<Row>, Vec<Row>);

/// The rows of every entity of `project`, spaced in project order.
fn entity_rows(project: &Project, parts: &rows::Parts) -> Result<EntityRows, String> {
    let seq = |i: usize| (i as f64 + 1.0) * 1024.0;
    let articles = project
        .articles
        .iter()
        .zip(&parts.articles)
        .enumerate()
        .map(|(i, (a, doc))| {
            Ok(Row {
                id: rows::big(a.id.0)?,
                seq: seq(i),
                doc: doc.clone(),
                sha256: a.sha256.clone(),
                claim: None,
            })
        })
        .collect::<Result<_, String>>()?;
    let speakers = project
        .speakers
        .iter()
        .zip(&parts.speakers)
        .enumerate()
        .map(|(i, (s, doc))| {
            Ok(Row {
                id: rows::big(s.id.0)?,
                seq: seq(i),
                doc: doc.clone(),
                sha256: None,
                claim: None,
            })
        })
        .collect::<Result<_, String>>()?;
    let claims = project
        .claims
        .iter()
        .zip(&parts.claims)
        .enumerate()
        .map(|(i, (c, doc))| claim_row(c, doc, seq(i)))
        .collect::<Result<_, String>>()?;
    Ok((articles, speakers, claims))
}

fn claim_row(c: &crate::model::Claim, doc: &str, seq: f64) -> Result<Row, String> {
    Ok(Row {
        id: rows::big(c.id.0)?,
        seq,
        doc: doc.to_string(),
        sha256: None,
        claim: Some((
            rows::big(c.number)?,
            rows::big(c.article.0)?,
            c.speaker.map(|s| rows::big(s.0)).transpose()?,
        )),
    })
}

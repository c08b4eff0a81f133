//! The shared store's tables, created and migrated by claimdesk: versioned like the file
//! format. `claimdesk.schema_version` holds the version; `MIGRATIONS[i]` turns version `i`
//! into `i + 1` (version 0: no claimdesk tables yet). A database already at the current
//! version is only read (a reader role needs no right to create anything); an older one
//! is migrated under an advisory lock, so that two claimdesks starting at once migrate it
//! once. A role that may not migrate (not the schema's owner) works on a database at
//! [`MIN_USABLE`] or later as it is, until the owner's claimdesk connects and migrates it.
//! See docs/shared-projects.md.

use postgres::Client;

/// The schema version this claimdesk creates and works with.
pub const SCHEMA_VERSION: i32 = 3;

/// The oldest version this claimdesk can work with when the connected role may not
/// migrate it (version 3 only adds the server's own checks, `roles.rs`).
pub const MIN_USABLE: i32 = 2;

/// The advisory lock key migrations hold ("claimdsk" in ASCII).
const MIGRATION_LOCK: i64 = 0x636c_6169_6d64_736b;

/// Version 1: projects, their articles, speakers and claims (each row the entity's object
/// as the project file writes it), and the log of edits.
const V1: &str = r#"
CREATE SCHEMA IF NOT EXISTS claimdesk;
CREATE TABLE claimdesk.schema_version (
    version integer NOT NULL,
    migrated_at timestamptz NOT NULL DEFAULT now(),
    migrated_by text NOT NULL DEFAULT current_user
);
CREATE TABLE claimdesk.projects (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    format_version integer NOT NULL,
    doc json NOT NULL,
    next_id bigint NOT NULL,
    next_number bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT current_user
);
CREATE TABLE claimdesk.articles (
    project bigint NOT NULL REFERENCES claimdesk.projects (id) ON DELETE CASCADE,
    id bigint NOT NULL,
    seq double precision NOT NULL,
    sha256 text,
    doc json NOT NULL,
    PRIMARY KEY (project, id)
);
CREATE INDEX articles_sha256 ON claimdesk.articles (project, sha256);
CREATE TABLE claimdesk.speakers (
    project bigint NOT NULL REFERENCES claimdesk.projects (id) ON DELETE CASCADE,
    id bigint NOT NULL,
    seq double precision NOT NULL,
    doc json NOT NULL,
    PRIMARY KEY (project, id)
);
CREATE TABLE claimdesk.claims (
    project bigint NOT NULL REFERENCES claimdesk.projects (id) ON DELETE CASCADE,
    id bigint NOT NULL,
    seq double precision NOT NULL,
    number bigint NOT NULL,
    article bigint NOT NULL,
    speaker bigint,
    doc json NOT NULL,
    PRIMARY KEY (project, id)
);
CREATE UNIQUE INDEX claims_number ON claimdesk.claims (project, number) WHERE number <> 0;
CREATE INDEX claims_article ON claimdesk.claims (project, article);
CREATE INDEX claims_speaker ON claimdesk.claims (project, speaker);
CREATE INDEX claims_seq ON claimdesk.claims (project, seq);
CREATE TABLE claimdesk.edits (
    id bigserial PRIMARY KEY,
    project bigint NOT NULL REFERENCES claimdesk.projects (id) ON DELETE CASCADE,
    author text NOT NULL DEFAULT current_user,
    at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL,
    claims bigint[] NOT NULL DEFAULT '{}',
    edit json NOT NULL
);
CREATE INDEX edits_project ON claimdesk.edits (project, id);
CREATE INDEX edits_claims ON claimdesk.edits USING gin (claims);
"#;

/// Version 2: published verdicts, in a table of their own so that publishing is a right of
/// its own (GRANT INSERT, UPDATE, DELETE on it to editors only). A claim deleted takes its
/// publication with it.
const V2: &str = r#"
CREATE TABLE claimdesk.publications (
    project bigint NOT NULL,
    claim bigint NOT NULL,
    status text NOT NULL,
    rationale text NOT NULL DEFAULT '',
    at bigint NOT NULL,
    by text NOT NULL DEFAULT current_user,
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (project, claim),
    FOREIGN KEY (project, claim) REFERENCES claimdesk.claims (project, id) ON DELETE CASCADE
);
"#;

/// The migrations, in order: `MIGRATIONS[i]` takes version `i` to `i + 1`.
pub const MIGRATIONS: [&str; SCHEMA_VERSION as usize] = [V1, V2, super::roles::V3];

/// Why the schema cannot be used.
#[derive(Debug)]
pub enum SchemaError {
    /// A newer claimdesk migrated this database.
    Newer {
        found: i32,
        supported: i32,
    },
    Db(postgres::Error),
}

impl From<postgres::Error> for SchemaError {
    fn from(e: postgres::Error) -> Self {
        SchemaError::Db(e)
    }
}

/// The version the database is at (0: no claimdesk tables).
pub fn version(client: &mut Client) -> Result<i32, postgres::Error> {
    let exists: bool = client
        .query_one(
            "SELECT to_regclass('claimdesk.schema_version') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = client.query_one(
        "SELECT coalesce(max(version), 0) FROM claimdesk.schema_version",
        &[],
    )?;
    Ok(row.get(0))
}

/// Bring the database to the last of `steps` (normally [`MIGRATIONS`]); returns the
/// version it was at. Each step runs in the one transaction that also records the new
/// version, so a failure leaves the database at the version before. A role without the
/// right to migrate keeps using a database at [`MIN_USABLE`] or later as it is (returns
/// its version).
pub fn migrate(client: &mut Client, steps: &[&str]) -> Result<i32, SchemaError> {
    let supported = i32::try_from(steps.len()).unwrap_or(i32::MAX);
    let found = version(client)?;
    if found > supported {
        return Err(SchemaError::Newer { found, supported });
    }
    if found == supported {
        return Ok(found);
    }
    // A session lock taken before the transaction starts: the transaction then sees the
    // catalog as the claimdesk that migrated before it left it (an advisory lock taken
    // inside would not refresh the catalog caches).
    client.execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK])?;
    let migrated = migrate_locked(client, steps, supported);
    let unlocked = client.execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK]);
    match migrated {
        Err(SchemaError::Db(e))
            if found >= MIN_USABLE
                && e.code() == Some(&postgres::error::SqlState::INSUFFICIENT_PRIVILEGE) => {}
        other => other?,
    }
    unlocked?;
    Ok(found)
}

fn migrate_locked(client: &mut Client, steps: &[&str], supported: i32) -> Result<(), SchemaError> {
    // Another claimdesk may have migrated while this one waited for the lock.
    let now = version(client)?;
    if now > supported {
        return Err(SchemaError::Newer {
            found: now,
            supported,
        });
    }
    let mut tx = client.transaction()?;
    for (i, step) in steps
        .iter()
        .enumerate()
        .skip(usize::try_from(now).unwrap_or(0))
    {
        tx.batch_execute(step)?;
        let v = i32::try_from(i + 1).unwrap_or(i32::MAX);
        tx.execute(
            "INSERT INTO claimdesk.schema_version (version) VALUES ($1)",
            &[&v],
        )?;
    }
    tx.commit()?;
    Ok(())
}

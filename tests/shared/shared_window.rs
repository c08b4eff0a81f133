//! The window's side of a shared project, without egui: the offline journal, the link
//! thread (open, send, LISTEN for others' edits, reconnect), replaying others' edits on a
//! local copy, read-only detection. Against the server of `CLAIMDESK_TEST_PG`
//! (tests/pg_support; skipped without it unless CI=true).

use crate::pg_support;

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use claimdesk::io::shared::journal::{Journal, journal_path};
use claimdesk::io::shared::{Access, Address};
use claimdesk::model::edit::{Edit, History};
use claimdesk::model::{ClaimId, Project, Status};
use claimdesk::ui::apply_remote;
use claimdesk::ui::jobs::shared::{LinkStatus, SharedEvent, ToServer, start_link};
use pg_support::{ANALYST, READER, notes, open, shared_fixture};

/// A window's model and its link, without the window.
struct Window {
    project: Project,
    history: History,
    access: Access,
    link: Sender<ToServer>,
    events: Receiver<SharedEvent>,
    seq: u64,
    status: LinkStatus,
    /// Others' edits replayed here.
    remote_edits: usize,
}

fn start(url: &str, journal: &std::path::Path) -> Result<Window, String> {
    let (tx, events) = channel();
    let link = start_link(
        Address::parse(url).unwrap(),
        journal.to_path_buf(),
        move |e| {
            let _ = tx.send(e);
        },
    );
    match events.recv_timeout(Duration::from_secs(20)) {
        Ok(SharedEvent::Opened {
            project, access, ..
        }) => Ok(Window {
            project: *project,
            history: History::new(),
            access,
            link,
            events,
            seq: 0,
            status: LinkStatus::default(),
            remote_edits: 0,
        }),
        Ok(SharedEvent::OpenFailed(why)) => Err(why),
        Ok(_) => Err("another event first".into()),
        Err(e) => Err(format!("no answer: {e}")),
    }
}

impl Window {
    /// An edit made here, as the dispatcher makes it: applied, then sent.
    fn edit(&mut self, edit: Edit) {
        let added = self
            .history
            .apply(&mut self.project, edit.clone())
            .expect("applies")
            .added_claims
            .clone();
        self.seq += 1;
        self.link
            .send(ToServer::Edit {
                seq: self.seq,
                edit: Box::new(edit),
                added,
            })
            .unwrap();
    }

    /// Handle events for `d` (as the window's dispatcher does).
    fn pump(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.events.recv_timeout(left) {
                Ok(SharedEvent::Remote { edits, through }) if through == self.seq => {
                    self.remote_edits += edits.len();
                    apply_remote(&mut self.history, &mut self.project, &edits);
                }
                Ok(SharedEvent::Reloaded { project, through }) if through == self.seq => {
                    self.project = *project;
                    self.history = History::new();
                }
                Ok(SharedEvent::Remote { .. } | SharedEvent::Reloaded { .. }) => {
                    self.link.send(ToServer::Resync).unwrap();
                }
                Ok(SharedEvent::Link(status)) => self.status = status,
                Ok(_) => {}
                Err(_) => break,
            }
        }
    }

    /// Pump until `done` holds (or fail after `limit`); returns the time it took.
    fn until(&mut self, limit: Duration, done: impl Fn(&Window) -> bool) -> Duration {
        let started = Instant::now();
        while !done(self) {
            assert!(started.elapsed() < limit, "not within {limit:?}");
            self.pump(Duration::from_millis(20));
        }
        started.elapsed()
    }

    fn notes_of(&self, claim: u64) -> String {
        self.project
            .claims
            .iter()
            .find(|c| c.id == ClaimId(claim))
            .map(|c| c.notes.clone())
            .unwrap_or_default()
    }
}

fn first_claims(p: &Project) -> (u64, u64) {
    (p.claims[0].id.0, p.claims[1].id.0)
}

#[test]
fn journal_keeps_unsent_edits_across_a_crash_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let address = Address::parse("postgres://anna:secret@db.example/news?project=A").unwrap();
    let path = journal_path(dir.path(), &address);
    assert!(
        !path.to_string_lossy().contains("secret"),
        "named by a hash, no password"
    );
    {
        let mut j = Journal::open(dir.path(), &address).unwrap();
        for (i, text) in ["one", "two", "three"].iter().enumerate() {
            assert_eq!(j.append(&notes(7, text)).unwrap(), i as u64 + 1);
        }
        j.sent(1).unwrap();
        // Dropped without a goodbye: the "crash".
    }
    // A torn last line, as a crash while writing leaves it.
    let mut text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("secret"));
    text.push_str("{\"seq\":4,\"edit\":{\"SetNo");
    std::fs::write(&path, text).unwrap();
    let mut j = Journal::open(dir.path(), &address).unwrap();
    let pending: Vec<(u64, Edit)> = j.pending().to_vec();
    assert_eq!(pending, vec![(2, notes(7, "two")), (3, notes(7, "three"))]);
    j.sent(2).unwrap();
    j.sent(3).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        0,
        "emptied once all sent"
    );
    let held = Journal::open(dir.path(), &address).err().unwrap();
    assert!(
        held.contains("in use by another claimdesk window"),
        "{held}"
    );
    drop(j);
    assert!(
        Journal::open(dir.path(), &address)
            .unwrap()
            .pending()
            .is_empty()
    );
    // Another address, another journal.
    let other = Address::parse("postgres://anna@db.example/news?project=B").unwrap();
    assert_ne!(journal_path(dir.path(), &other), path);
}

#[test]
fn two_windows_converge_through_the_listener_and_own_edits_are_not_applied_twice() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "Desk");
    let (a_claim, b_claim) = first_claims(&project);
    let (ja, jb) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = start(&db.url("Desk"), ja.path()).unwrap();
    let mut b = start(&db.url("Desk"), jb.path()).unwrap();
    assert_eq!(a.project.claims.len(), project.claims.len());

    a.edit(notes(a_claim, "from A"));
    let took = b.until(Duration::from_secs(2), |w| w.notes_of(a_claim) == "from A");
    eprintln!("A's edit shown in B after {took:?}");
    assert!(
        !b.history.can_undo(),
        "others' edits are not on B's undo history"
    );
    assert!(a.history.can_undo(), "A's own edit is");

    b.edit(notes(b_claim, "from B"));
    b.edit(Edit::SetStatus {
        claims: vec![ClaimId(a_claim)],
        status: if project.claims[0].status == Status::Misleading {
            Status::Disputed
        } else {
            Status::Misleading
        },
        at: 1_800_000_000,
    });
    a.until(Duration::from_secs(2), |w| w.notes_of(b_claim) == "from B");
    a.pump(Duration::from_millis(1500));
    // Both copies equal the server's, and A never got its own edit back as a remote one.
    let mut server = open(&db.url("Desk")).load().unwrap();
    server.ensure_claim_numbers();
    let json = |p: &Project| claimdesk::io::project_file::project_to_string(p);
    assert_eq!(json(&a.project), json(&server));
    assert_eq!(json(&b.project), json(&server));
    assert_eq!(a.remote_edits, 2, "B's two edits, not A's own coming back");
    assert_eq!(b.remote_edits, 1, "A's one edit");
    assert_eq!(a.status.pending, 0);
    assert!(a.status.online);
    let log = open(&db.url("Desk")).edits_since(0).unwrap();
    assert_eq!(
        log.len(),
        4,
        "share + three edits, none sent twice: {log:?}"
    );
}

#[test]
fn journal_edits_of_an_earlier_session_are_sent_first_on_open() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "Desk");
    let (claim, _) = first_claims(&project);
    let dir = tempfile::tempdir().unwrap();
    let address = Address::parse(&db.url("Desk")).unwrap();
    {
        // An earlier window crashed with two edits not yet sent.
        let mut j = Journal::open(dir.path(), &address).unwrap();
        j.append(&notes(claim, "first")).unwrap();
        j.append(&notes(claim, "kept while offline")).unwrap();
    }
    let w = start(&db.url("Desk"), dir.path()).unwrap();
    assert_eq!(
        w.notes_of(claim),
        "kept while offline",
        "sent before the load"
    );
    let file = journal_path(dir.path(), &address);
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 0, "all sent");
    let log = open(&db.url("Desk")).claim_history(ClaimId(claim)).unwrap();
    assert_eq!(log.len(), 2, "both sent, in order");
}

#[test]
fn server_gone_keeps_edits_in_the_journal_and_sends_them_when_back() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    let project = shared_fixture(&db, "Desk");
    let (claim, _) = first_claims(&project);
    let dir = tempfile::tempdir().unwrap();
    let mut w = start(&db.url("Desk"), dir.path()).unwrap();
    // From the server's admin database: a database cannot refuse connections to itself.
    let server = std::env::var("CLAIMDESK_TEST_PG").unwrap();
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    let cut = format!(
        "ALTER DATABASE {0} ALLOW_CONNECTIONS false;
         SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = '{0}' AND pid <> pg_backend_pid()",
        db.name
    );
    admin.batch_execute(&cut).unwrap();
    w.edit(notes(claim, "made offline"));
    w.until(Duration::from_secs(10), |w| {
        !w.status.online && w.status.pending == 1
    });
    let address = Address::parse(&db.url("Desk")).unwrap();
    let file = journal_path(dir.path(), &address);
    let on_disk = std::fs::read_to_string(&file).unwrap();
    assert!(
        on_disk.contains("made offline"),
        "on disk while away: {on_disk}"
    );
    let other = Journal::open(dir.path(), &address).err().unwrap();
    assert!(
        other.contains("in use by another claimdesk window"),
        "{other}"
    );
    admin
        .batch_execute(&format!(
            "ALTER DATABASE {} ALLOW_CONNECTIONS true",
            db.name
        ))
        .unwrap();
    w.until(Duration::from_secs(15), |w| {
        w.status.online && w.status.pending == 0
    });
    let mut server = open(&db.url("Desk")).load().unwrap();
    server.ensure_claim_numbers();
    let note = server
        .claims
        .iter()
        .find(|c| c.id == ClaimId(claim))
        .unwrap();
    assert_eq!(note.notes, "made offline");
    w.pump(Duration::from_millis(300));
    assert_eq!(w.notes_of(claim), "made offline");
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 0, "all sent");
}

#[test]
fn read_only_role_is_detected_and_a_missing_project_named() {
    let Some(mut db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let reader = db.role("reader", READER);
    let analyst = db.role("analyst", ANALYST);
    let dir = tempfile::tempdir().unwrap();
    let r = start(&db.url_as(&reader, "Desk"), dir.path()).unwrap();
    assert_eq!(r.access, Access::Read);
    let a = start(&db.url_as(&analyst, "Desk"), dir.path()).unwrap();
    assert_eq!(a.access, Access::Edit);
    let missing = db.url_as(&analyst, "Nope");
    let why = start(&missing, dir.path()).err().unwrap();
    assert!(why.contains("no shared project named “Nope”"), "{why}");
    assert!(why.starts_with("postgres://"), "names the address: {why}");
    let gone = start(
        "postgres://anna:hunter2@127.0.0.1:1/x?project=P&connect_timeout=2",
        dir.path(),
    )
    .err()
    .unwrap();
    assert!(
        gone.contains("cannot connect") && gone.contains("anna:***@"),
        "{gone}"
    );
    assert!(!gone.contains("hunter2"));
}

//! Undo and redo in a shared project against a real server (`CLAIMDESK_TEST_PG`;
//! tests/pg_support): for every kind of edit, window A makes it, undoes it and redoes it,
//! each step sent as an ordinary edit ([`Edit::Revert`]) in one ordered stream; window B
//! and the server follow, and all three copies stay equal.

use crate::pg_support;

use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use claimdesk::extract::Extraction;
use claimdesk::io::shared::Address;
use claimdesk::model::edit::{DismissClaims, Edit, History, Revert, revert_of};
use claimdesk::model::{
    Article, ArticleId, ArticleMeta, ClaimId, Evidence, Priority, Project, ProjectSettings, Status,
};
use claimdesk::ui::apply_remote;
use claimdesk::ui::jobs::shared::{LinkStatus, SharedEvent, ToServer, start_link};
use pg_support::{open, shared_fixture};

/// A window's model and link, with a shared project's undo and redo stacks (as
/// `ui/app/shared_actions.rs` keeps them).
struct Window {
    project: Project,
    history: History,
    link: Sender<ToServer>,
    events: Receiver<SharedEvent>,
    seq: u64,
    status: LinkStatus,
    undo: Vec<Revert>,
    redo: Vec<Revert>,
}

fn start(url: &str, journal: &std::path::Path) -> Window {
    let (tx, events) = channel();
    let link = start_link(
        Address::parse(url).unwrap(),
        journal.to_path_buf(),
        move |e| {
            let _ = tx.send(e);
        },
    );
    match events.recv_timeout(Duration::from_secs(20)) {
        Ok(SharedEvent::Opened { project, .. }) => Window {
            project: *project,
            history: History::new(),
            link,
            events,
            seq: 0,
            status: LinkStatus::default(),
            undo: Vec::new(),
            redo: Vec::new(),
        },
        _ => panic!("the shared project did not open"),
    }
}

impl Window {
    fn send(&mut self, edit: Edit, added: Vec<ClaimId>) {
        self.seq += 1;
        self.status.pending += 1;
        let edit = Box::new(edit);
        let seq = self.seq;
        self.link.send(ToServer::Edit { seq, edit, added }).unwrap();
    }

    fn edit(&mut self, edit: Edit) {
        let patch = self
            .history
            .apply(&mut self.project, edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        let added = patch.added_claims.clone();
        let revert = revert_of(patch, &self.project, 1_900_000_000, false);
        self.undo.push(revert);
        self.redo.clear();
        self.send(edit, added);
    }

    fn undo_or_redo(&mut self, redo: bool) {
        let revert = if redo {
            self.redo.pop()
        } else {
            self.undo.pop()
        }
        .expect("a step");
        let edit = Edit::Revert(Box::new(revert));
        let patch = (self.history)
            .apply_unrecorded(&mut self.project, &edit)
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        assert!(patch.conflicts.is_empty(), "{:?}", patch.conflicts);
        let back = revert_of(&patch, &self.project, 1_900_000_001, !redo);
        if redo { &mut self.undo } else { &mut self.redo }.push(back);
        self.send(edit, Vec::new());
    }

    fn pump(&mut self, d: Duration) {
        let until = Instant::now() + d;
        while let Some(left) = until.checked_duration_since(Instant::now()) {
            match self.events.recv_timeout(left) {
                Ok(SharedEvent::Remote { edits, through }) if through == self.seq => {
                    apply_remote(&mut self.history, &mut self.project, &edits);
                }
                Ok(SharedEvent::Reloaded { project, through }) if through == self.seq => {
                    self.project = *project;
                    self.project.ensure_claim_numbers();
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
}

fn json(p: &Project) -> String {
    claimdesk::io::project_file::project_to_string(p)
}

/// The project without status histories: a status set back is a new entry, so a redo is
/// the edit again with two more entries.
fn normal(p: &Project) -> String {
    let mut p = p.clone();
    for c in &mut p.claims {
        c.history.clear();
    }
    json(&p)
}

/// Wait until A has sent everything and A, B and the server hold the same project.
fn converge(url: &str, a: &mut Window, b: &mut Window, what: &str) {
    let started = Instant::now();
    loop {
        a.pump(Duration::from_millis(30));
        b.pump(Duration::from_millis(30));
        if a.status.pending == 0 && a.status.error.is_none() {
            let mut server = open(url).load().unwrap();
            server.ensure_claim_numbers();
            let s = json(&server);
            if json(&a.project) == s && json(&b.project) == s {
                return;
            }
            if started.elapsed() > Duration::from_secs(10) {
                assert_eq!(json(&a.project), s, "A after {what}");
                assert_eq!(json(&b.project), s, "B after {what}");
            }
        }
        let status = &a.status;
        assert!(
            started.elapsed() < Duration::from_secs(12),
            "{what}: {status:?}"
        );
    }
}

type Make = fn(&Project) -> Edit;

/// The id of the project's `i`th claim.
fn c(p: &Project, i: usize) -> ClaimId {
    p.claims[i].id
}

/// One edit of every kind the window makes, each made from the project as it is then.
fn kinds() -> Vec<(&'static str, Make)> {
    vec![
        ("status", |p| Edit::SetStatus {
            claims: vec![c(p, 0), c(p, 1)],
            status: Status::False,
            at: 5,
        }),
        ("content", |p| Edit::SetContent {
            claim: c(p, 0),
            content: "new words".into(),
        }),
        ("speaker name", |p| Edit::SetSpeakerName {
            claim: c(p, 1),
            name: "Lloyd Austin".into(),
        }),
        ("role", |p| Edit::SetRole {
            speaker: p.speakers[0].id,
            role: "Spokesperson".into(),
        }),
        ("assign speaker", |p| Edit::AssignSpeaker {
            claims: vec![c(p, 2), c(p, 3)],
            name: "A Ministry".into(),
        }),
        ("notes", |p| Edit::SetNotes {
            claim: c(p, 1),
            notes: "call back".into(),
        }),
        ("rationale", |p| Edit::SetRationale {
            claim: c(p, 1),
            rationale: "records".into(),
        }),
        ("assignee", |p| Edit::SetAssignee {
            claims: vec![c(p, 0)],
            assignee: Some("anna".into()),
        }),
        ("priority", |p| Edit::SetPriority {
            claims: vec![c(p, 0)],
            priority: Priority::High,
        }),
        ("in progress", |p| Edit::SetInProgress {
            claims: vec![c(p, 2)],
            in_progress: true,
        }),
        ("assignees", |_| Edit::SetAssignees {
            names: vec!["anna".into(), "ben".into()],
        }),
        ("article memo", |p| Edit::SetArticleMemo {
            article: p.articles[0].id,
            memo: "ask".into(),
        }),
        ("project memo", |_| Edit::SetProjectMemo {
            memo: "elections".into(),
        }),
        ("add evidence", |p| Edit::AddEvidence {
            claim: c(p, 0),
            evidence: evidence(),
        }),
        ("remove evidence", |p| Edit::RemoveEvidence {
            claim: c(p, 0),
            index: 0,
        }),
        ("apply check", |p| Edit::ApplyCheck {
            claim: c(p, 3),
            status: Some(Status::Misleading),
            evidence: evidence(),
            at: 6,
        }),
        ("add claim", |p| Edit::AddClaim {
            article: p.articles[0].id,
            start: 0,
            end: 8,
            speaker: None,
        }),
        ("delete claims", |p| Edit::DeleteClaims {
            claims: vec![c(p, 1), c(p, 2)],
        }),
        ("rename speaker", |p| Edit::RenameSpeaker {
            speaker: p.speakers[0].id,
            name: "Someone Else".into(),
        }),
        ("merge speakers", |p| Edit::MergeSpeakers {
            from: p.speakers[0].id,
            into: p.speakers[1].id,
        }),
        ("not a speaker", |p| Edit::DismissSpeakers {
            speakers: vec![p.speakers[0].id],
            claims: DismissClaims::NotAClaim,
            at: 7,
        }),
        ("not-a-speaker names", |_| Edit::SetNotSpeakers {
            names: vec!["The Desk".into()],
        }),
        ("re-extract", |p| Edit::ReExtract {
            article: p.articles[1].id,
            extraction: found(),
        }),
        ("add article", |_| Edit::AddArticle {
            article: Box::new(article()),
            extraction: Extraction::default(),
        }),
        ("settings", |_| Edit::SetSettings {
            settings: ProjectSettings {
                organisation: "Desk".into(),
                review_url_pattern: String::new(),
                statement_threshold: None,
                ..Default::default()
            },
        }),
        ("article details", |p| Edit::SetArticleMeta {
            article: p.articles[0].id,
            title: "Retitled".into(),
            meta: ArticleMeta {
                outlet: Some("Paper".into()),
                ..Default::default()
            },
        }),
    ]
}

/// A claim found again in the second article ("Caf"), beside the analyst's own.
fn found() -> Extraction {
    Extraction {
        claims: vec![claimdesk::extract::FoundClaim {
            content: "Caf".into(),
            start: 0,
            end: 3,
            kind: claimdesk::model::ClaimKind::Direct,
            cue: "said".into(),
            mention: None,
            mention_span: None,
            speaker: None,
            worth: Default::default(),
            claim_type: Default::default(),
            antecedent: None,
        }],
        speakers: Vec::new(),
    }
}

fn evidence() -> Evidence {
    Evidence {
        url: "https://checks.example/1".into(),
        description: "an earlier check".into(),
    }
}

fn article() -> Article {
    Article {
        id: ArticleId(0),
        title: "Added".into(),
        text: "The minister said \"all is well\".".into(),
        source_path: None,
        sha256: Some("ab".repeat(32)),
        imported_at: None,
        meta: ArticleMeta::default(),
        memo: String::new(),
    }
}

#[test]
fn undo_and_redo_of_every_kind_of_edit_converge_in_two_windows_and_on_the_server() {
    let Some(db) = pg_support::fresh_db() else {
        return;
    };
    shared_fixture(&db, "Desk");
    let url = db.url("Desk");
    let (ja, jb) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut a = start(&url, ja.path());
    let mut b = start(&url, jb.path());
    for (what, make) in kinds() {
        let edit = make(&a.project);
        a.edit(edit);
        converge(&url, &mut a, &mut b, what);
        let done = normal(&a.project);
        a.undo_or_redo(false);
        converge(&url, &mut a, &mut b, &format!("undo of {what}"));
        assert_ne!(normal(&a.project), done, "undo of {what} changed something");
        a.undo_or_redo(true);
        converge(&url, &mut a, &mut b, &format!("redo of {what}"));
        assert_eq!(
            normal(&a.project),
            done,
            "redo of {what} brings the edit back"
        );
    }
    // Undo of another's same-field edit: B changes what A set; A's undo keeps B's value.
    let claim = a.project.claims[0].id;
    a.edit(Edit::SetNotes {
        claim,
        notes: "A".into(),
    });
    converge(&url, &mut a, &mut b, "A's notes");
    b.history
        .apply(
            &mut b.project,
            Edit::SetNotes {
                claim,
                notes: "B".into(),
            },
        )
        .unwrap();
    b.seq += 1;
    let seq = b.seq;
    let edit = Box::new(Edit::SetNotes {
        claim,
        notes: "B".into(),
    });
    b.link
        .send(ToServer::Edit {
            seq,
            edit,
            added: vec![],
        })
        .unwrap();
    let started = Instant::now();
    while a.project.claim(claim).unwrap().notes != "B" {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "B's notes not seen by A"
        );
        a.pump(Duration::from_millis(30));
        b.pump(Duration::from_millis(30));
    }
    let revert = a.undo.pop().unwrap();
    let err = a
        .history
        .apply_unrecorded(&mut a.project, &Edit::Revert(Box::new(revert)));
    assert!(
        err.is_err(),
        "nothing of A's left to undo: B's later edit is kept"
    );
    assert_eq!(a.project.claim(claim).unwrap().notes, "B");
}

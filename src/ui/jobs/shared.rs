//! The window's link to a shared project: one long-lived thread that owns the connection.
//! It opens the project (first sending what the offline journal still holds), then sends
//! the window's edits one by one, in order, each in its own transaction
//! (`SharedProject::apply`), written to the journal first; and it fetches others' edits
//! when the project's channel is notified (LISTEN), or every second anyway.
//!
//! Keeping the window's copy equal to the server's: others' edits are sent to the window
//! to replay only when the window has made no edit the server has not yet ordered
//! (`through`, the last local edit sent, must still be the window's last), none of its own
//! edits came after one of theirs, and the log holds the whole edit; otherwise the project
//! is loaded again (`Reloaded`). When the server goes away the edits wait in the journal;
//! the thread tries again every 3 s, sends them, and loads the project again.

use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

use crate::io::shared::journal::Journal;
use crate::io::shared::{Access, Address, SharedProject};
use crate::model::edit::Edit;
use crate::model::{ClaimId, Project};

const RETRY_EVERY: Duration = Duration::from_secs(3);
const POLL_EVERY: Duration = Duration::from_secs(1);
const WAKE_EVERY: Duration = Duration::from_millis(100);

/// What the window tells the link.
pub enum ToServer {
    /// An edit applied locally, number `seq` (1, 2, …), which added these claims there.
    Edit {
        seq: u64,
        edit: Box<Edit>,
        added: Vec<ClaimId>,
    },
    /// Load the project again once every edit is sent.
    Resync,
}

/// What the link tells the window (as `JobMsg::Shared`).
pub enum SharedEvent {
    Opened {
        project: Box<Project>,
        access: Access,
        /// Edits of an earlier session found in the journal and sent before loading.
        resent: usize,
    },
    /// The project could not be opened; one line naming the address (no password).
    OpenFailed(String),
    /// The server asks for a password that none of the usual means gave (or refused the
    /// one given): the window asks, then opens again with it. The line names the address.
    NeedsPassword(String),
    /// Others' edits, in the server's order, after the window's edit `through`.
    Remote {
        edits: Vec<Edit>,
        through: u64,
    },
    /// The project as the server has it, with the window's edits up to `through`.
    Reloaded {
        project: Box<Project>,
        through: u64,
    },
    Link(LinkStatus),
}

/// The link's state, shown in the status bar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkStatus {
    pub online: bool,
    /// Edits made in the window and not yet on the server (kept in the journal).
    pub pending: usize,
    /// Edits sent in this session.
    pub sent: u64,
    /// The last problem (the server gone, an edit refused).
    pub error: Option<String>,
}

struct Outgoing {
    /// In the journal.
    jseq: u64,
    /// In the window (0: from an earlier session's journal).
    seq: u64,
    edit: Edit,
    added: Vec<ClaimId>,
}

/// Start the link for `address`, keeping its journal in `journal_dir`; `out` receives
/// every event. The thread ends when the returned sender is dropped.
pub fn start_link(
    address: Address,
    journal_dir: PathBuf,
    out: impl FnMut(SharedEvent) + Send + 'static,
) -> Sender<ToServer> {
    let (tx, rx) = channel();
    std::thread::spawn(move || Link::open(address, journal_dir, out, rx));
    tx
}

struct Link<F> {
    address: Address,
    journal: Journal,
    conn: Option<SharedProject>,
    out: F,
    rx: Receiver<ToServer>,
    queue: VecDeque<Outgoing>,
    /// The last edit of the log the window's copy includes.
    last_seen: i64,
    /// Log ids of our own edits not yet seen coming back.
    own: HashSet<i64>,
    through: u64,
    reload: bool,
    /// A NOTIFY arrived and its edits are not fetched yet.
    notified: bool,
    status: LinkStatus,
    shown: LinkStatus,
    last_poll: Instant,
    last_try: Instant,
}

impl<F: FnMut(SharedEvent)> Link<F> {
    fn open(address: Address, dir: PathBuf, mut out: F, rx: Receiver<ToServer>) {
        let journal = match Journal::open(&dir, &address) {
            Ok(j) => j,
            Err(e) => {
                out(SharedEvent::OpenFailed(format!(
                    "{address}: cannot keep the offline journal: {e}"
                )));
                return;
            }
        };
        let mut conn = match SharedProject::open(&address) {
            Ok(c) => c,
            Err(e) if e.needs_password() || e.wrong_password() => {
                return out(SharedEvent::NeedsPassword(e.to_string()));
            }
            Err(e) => return out(SharedEvent::OpenFailed(e.to_string())),
        };
        let access = match conn.access() {
            Ok(a) => a,
            Err(e) => return out(SharedEvent::OpenFailed(e.to_string())),
        };
        let queue = journal
            .pending()
            .iter()
            .map(|(jseq, edit)| Outgoing {
                jseq: *jseq,
                seq: 0,
                edit: edit.clone(),
                added: Vec::new(),
            })
            .collect::<VecDeque<_>>();
        let resent = queue.len();
        let mut link = Link {
            address,
            journal,
            conn: Some(conn),
            out,
            rx,
            queue,
            last_seen: 0,
            own: HashSet::new(),
            through: 0,
            reload: false,
            notified: false,
            status: LinkStatus {
                online: true,
                ..Default::default()
            },
            shown: LinkStatus::default(),
            last_poll: Instant::now(),
            last_try: Instant::now(),
        };
        link.flush();
        let Some(conn) = link.conn.as_mut() else {
            let why = link.status.error.clone().unwrap_or_default();
            return (link.out)(SharedEvent::OpenFailed(why));
        };
        let loaded = conn.listen().and_then(|()| conn.load_at());
        match loaded {
            Ok((project, last)) => {
                link.last_seen = last;
                link.own.clear();
                link.reload = false;
                (link.out)(SharedEvent::Opened {
                    project: Box::new(project),
                    access,
                    resent,
                });
            }
            Err(e) => return (link.out)(SharedEvent::OpenFailed(e.to_string())),
        }
        link.run();
    }

    fn run(&mut self) {
        loop {
            // Waiting on the server's NOTIFY while there is nothing to send (an edit of
            // the window waits at most that long), else on the window.
            match self.conn.as_mut() {
                Some(conn) if self.queue.is_empty() => match conn.wait_notified(WAKE_EVERY) {
                    Ok(n) => self.notified |= n,
                    Err(e) => self.offline(e.to_string()),
                },
                _ => match self.rx.recv_timeout(WAKE_EVERY) {
                    Ok(cmd) => self.take(cmd),
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return,
                },
            }
            loop {
                match self.rx.try_recv() {
                    Ok(cmd) => self.take(cmd),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return,
                }
            }
            if self.conn.is_none() && self.last_try.elapsed() >= RETRY_EVERY {
                self.reconnect();
            }
            self.flush();
            if self.conn.is_some() && self.queue.is_empty() {
                self.follow();
            }
            self.report();
        }
    }

    fn take(&mut self, cmd: ToServer) {
        match cmd {
            ToServer::Edit { seq, edit, added } => {
                self.through = seq;
                match self.journal.append(&edit) {
                    Ok(jseq) => self.queue.push_back(Outgoing {
                        jseq,
                        seq,
                        edit: *edit,
                        added,
                    }),
                    Err(e) => {
                        self.status.error = Some(format!("offline journal: {e}"));
                        self.queue.push_back(Outgoing {
                            jseq: 0,
                            seq,
                            edit: *edit,
                            added,
                        });
                    }
                }
            }
            ToServer::Resync => self.reload = true,
        }
        self.status.pending = self.queue.len();
    }

    fn reconnect(&mut self) {
        self.last_try = Instant::now();
        match SharedProject::open(&self.address).and_then(|mut c| c.listen().map(|()| c)) {
            Ok(conn) => {
                self.conn = Some(conn);
                self.status.online = true;
                self.status.error = None;
                // Others may have edited meanwhile, before our journal's edits.
                self.reload = true;
            }
            Err(e) => self.offline(e.to_string()),
        }
    }

    fn offline(&mut self, why: String) {
        self.conn = None;
        self.status.online = false;
        self.status.error = Some(why);
        self.last_try = Instant::now();
    }

    /// Send the queued edits, oldest first, while the server answers.
    fn flush(&mut self) {
        while let (Some(next), Some(conn)) = (self.queue.front(), self.conn.as_mut()) {
            match conn.apply(&next.edit) {
                Ok(receipt) => {
                    self.own.insert(receipt.edit_id);
                    if next.seq != 0 && receipt.added_claims != next.added {
                        // The server gave out other ids than the window did.
                        self.reload = true;
                    }
                    self.status.sent += 1;
                }
                Err(e) if conn.is_closed() => return self.offline(e.to_string()),
                Err(e) => {
                    // Refused (a claim gone, no right to edit): dropped, and the window's
                    // copy is put right.
                    self.status.error = Some(format!("not saved on the server: {e}"));
                    self.reload = true;
                }
            }
            if let Some(done) = self.queue.pop_front()
                && done.jseq != 0
                && let Err(e) = self.journal.sent(done.jseq)
            {
                self.status.error = Some(format!("offline journal: {e}"));
            }
            self.status.pending = self.queue.len();
        }
    }

    /// Fetch others' edits (or the whole project) when told of them, or every second.
    fn follow(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            return;
        };
        if self.reload {
            match conn.load_at() {
                Ok((project, last)) => {
                    self.last_seen = last;
                    self.own.clear();
                    self.reload = false;
                    (self.out)(SharedEvent::Reloaded {
                        project: Box::new(project),
                        through: self.through,
                    });
                }
                Err(e) if conn.is_closed() => self.offline(e.to_string()),
                Err(e) => self.status.error = Some(e.to_string()),
            }
            return;
        }
        if !self.notified && self.last_poll.elapsed() < POLL_EVERY {
            return;
        }
        self.notified = false;
        self.last_poll = Instant::now();
        let records = match conn.edits_since(self.last_seen) {
            Ok(r) => r,
            Err(e) if conn.is_closed() => return self.offline(e.to_string()),
            Err(e) => {
                self.status.error = Some(e.to_string());
                return;
            }
        };
        let mut edits = Vec::new();
        let mut theirs_before_ours = false;
        for record in &records {
            self.last_seen = self.last_seen.max(record.id);
            if self.own.remove(&record.id) {
                theirs_before_ours |= !edits.is_empty();
                continue;
            }
            match record.replayable() {
                Some(edit) => edits.push(edit),
                None => self.reload = true,
            }
        }
        if self.reload || theirs_before_ours {
            self.reload = true;
            return self.follow();
        }
        if !edits.is_empty() {
            (self.out)(SharedEvent::Remote {
                edits,
                through: self.through,
            });
        }
    }

    fn report(&mut self) {
        if self.status != self.shown {
            self.shown = self.status.clone();
            (self.out)(SharedEvent::Link(self.status.clone()));
        }
    }
}

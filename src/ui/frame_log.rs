//! A log of the window's frames, for measuring it (off unless `CLAIMDESK_FRAME_LOG` names a
//! file): one line a frame, `end_ms frame_ms keys claims`, where `end_ms` is when the
//! frame's work ended (milliseconds since the Unix epoch, to compare with when a key was
//! sent), `frame_ms` how long the app's own work of the frame took (logic and drawing,
//! not the painting after), `keys` the key presses and clicks the frame read, `claims`
//! the rows of the claims table. Nothing is measured or written when it is off.

use std::io::Write;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The environment variable naming the log file.
pub const FRAME_LOG: &str = "CLAIMDESK_FRAME_LOG";

#[derive(Default)]
pub struct FrameLog {
    out: Option<std::io::BufWriter<std::fs::File>>,
    started: Option<Instant>,
    /// Key presses, clicks and wheel turns of the frame, counted before the shortcuts take
    /// them out of egui's event list.
    keys: usize,
}

impl FrameLog {
    /// The log the environment asks for, or one that does nothing.
    pub fn from_env() -> Self {
        let out = std::env::var_os(FRAME_LOG)
            .filter(|p| !p.is_empty())
            .and_then(|p| std::fs::File::create(p).ok())
            .map(std::io::BufWriter::new);
        FrameLog {
            out,
            started: None,
            keys: 0,
        }
    }

    /// The frame's work begins: `first` in `logic`, which starts every pass (a pass that
    /// draws nothing is forgotten by the next), then in `ui` if `logic` did not run.
    pub fn begin(&mut self, ctx: &egui::Context, first: bool) {
        if self.out.is_some() && (first || self.started.is_none()) {
            self.started = Some(Instant::now());
            self.keys = ctx.input(|i| {
                i.events
                    .iter()
                    .filter(|e| {
                        matches!(
                            e,
                            egui::Event::Key { pressed: true, .. }
                                | egui::Event::PointerButton { pressed: true, .. }
                                | egui::Event::MouseWheel { .. }
                        )
                    })
                    .count()
            });
        }
    }

    /// The frame's work ended: write its line.
    pub fn end(&mut self, claims: usize) {
        let (Some(out), Some(started)) = (&mut self.out, self.started.take()) else {
            return;
        };
        let keys = self.keys;
        let end_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let frame_ms = started.elapsed().as_secs_f64() * 1000.0;
        let _ = writeln!(out, "{end_ms} {frame_ms:.2} {keys} {claims}");
        let _ = out.flush();
    }
}

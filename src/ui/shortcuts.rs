//! Keyboard shortcuts as data ([`SHORTCUTS`]; Help → Keyboard shortcuts is drawn from the
//! same table) and the reading of the frame's key events into [`Action`]s.
//!
//! Keys are read from the frame's input events in the order they arrived, never polled
//! one key at a time, so "Down v Down" tags the second claim however fast it is typed.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Action, FileAction, LibraryAction, Queue, TriageAction, ViewAction};
use crate::model::Status;

/// Where a shortcut works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Also while typing in a text field (Ctrl+S saves what is being typed).
    Always,
    /// When no text field has the keys (Ctrl+Z in a text field undoes typing instead).
    NotTyping,
    /// On the claims table: no text field has the keys and the Claims tab is shown.
    Table,
    /// On the list shown, the claims table or the speakers list: no text field has the keys.
    List,
}

/// One keyboard shortcut: the keys, where they work, what they do, and its line in Help.
pub struct Shortcut {
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
    pub action: fn() -> Action,
    pub help: &'static str,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);

pub const SAVE: KeyboardShortcut = key(CMD, Key::S);
pub const SAVE_AS: KeyboardShortcut = key(CMD_SHIFT, Key::S);
pub const OPEN: KeyboardShortcut = key(CMD, Key::O);
pub const OPEN_URL: KeyboardShortcut = key(CMD_SHIFT, Key::O);
pub const PASTE: KeyboardShortcut = key(CMD, Key::V);
pub const FIND: KeyboardShortcut = key(CMD, Key::F);
pub const UNDO: KeyboardShortcut = key(CMD, Key::Z);
pub const REDO: KeyboardShortcut = key(CMD_SHIFT, Key::Z);
pub const ZOOM_IN: KeyboardShortcut = key(CMD, Key::Plus);
pub const ZOOM_OUT: KeyboardShortcut = key(CMD, Key::Minus);
pub const ZOOM_RESET: KeyboardShortcut = key(CMD, Key::Num0);
pub const SELECT_ALL: KeyboardShortcut = key(CMD, Key::A);
pub const NEXT_UNCHECKED: KeyboardShortcut = key(NONE, Key::J);
pub const APPLY_MATCH: KeyboardShortcut = key(NONE, Key::L);
pub const TAG: KeyboardShortcut = key(NONE, Key::T);
pub const PUBLISH: KeyboardShortcut = key(CMD_SHIFT, Key::P);

/// Every keyboard shortcut. More specific entries (with Shift) come before the plain key,
/// because a pattern without Shift also matches Shift+key.
pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: &[key(NONE, Key::V)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Verified)),
        help: "Mark selected claims Verified (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::D)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Disputed)),
        help: "Mark selected claims Disputed (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::F)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::False)),
        help: "Mark selected claims False (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::M)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Misleading)),
        help: "Mark selected claims Misleading (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::N)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Unverifiable)),
        help: "Mark selected claims Unverifiable (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::U)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Unchecked)),
        help: "Mark selected claims Unchecked (and move on)",
    },
    Shortcut {
        keys: &[key(NONE, Key::R)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Tag(Status::Rejected)),
        help: "Mark selected claims Not a claim: hidden, left out of counts and exports (and move on)",
    },
    Shortcut {
        keys: &[TAG],
        scope: Scope::Table,
        action: || Action::View(ViewAction::FocusTags),
        help: "Tag the selected claims: type a tag (Tab completes, Enter adds, Esc returns)",
    },
    Shortcut {
        keys: &[APPLY_MATCH],
        scope: Scope::Table,
        action: || Action::Library(LibraryAction::ApplyBestMatch),
        help: "Take over the best earlier fact-check (Checked before): its verdict, and its review as evidence (and move on)",
    },
    Shortcut {
        keys: &[key(SHIFT, Key::ArrowUp)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: -1,
                extend: true,
            })
        },
        help: "Extend the selection up",
    },
    Shortcut {
        keys: &[key(SHIFT, Key::ArrowDown)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: 1,
                extend: true,
            })
        },
        help: "Extend the selection down",
    },
    Shortcut {
        keys: &[key(NONE, Key::ArrowUp)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: -1,
                extend: false,
            })
        },
        help: "Previous claim (or speaker)",
    },
    Shortcut {
        keys: &[key(NONE, Key::ArrowDown)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: 1,
                extend: false,
            })
        },
        help: "Next claim (or speaker)",
    },
    Shortcut {
        keys: &[key(NONE, Key::PageUp)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: -PAGE,
                extend: false,
            })
        },
        help: "A page up",
    },
    Shortcut {
        keys: &[key(NONE, Key::PageDown)],
        scope: Scope::List,
        action: || {
            Action::Triage(TriageAction::Move {
                rows: PAGE,
                extend: false,
            })
        },
        help: "A page down",
    },
    Shortcut {
        keys: &[key(NONE, Key::Home)],
        scope: Scope::List,
        action: || Action::Triage(TriageAction::First { extend: false }),
        help: "First claim (or speaker)",
    },
    Shortcut {
        keys: &[key(NONE, Key::End)],
        scope: Scope::List,
        action: || Action::Triage(TriageAction::Last { extend: false }),
        help: "Last claim (or speaker)",
    },
    Shortcut {
        keys: &[SELECT_ALL],
        scope: Scope::List,
        action: || Action::Triage(TriageAction::SelectAll),
        help: "Select every claim (or speaker) shown",
    },
    Shortcut {
        keys: &[NEXT_UNCHECKED],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::NextUnchecked),
        help: "Jump to the next unchecked claim",
    },
    Shortcut {
        keys: &[key(NONE, Key::Escape)],
        scope: Scope::List,
        action: || Action::Triage(TriageAction::ClearSelection),
        help: "Clear the selection (in a text field: leave it, keeping what was typed)",
    },
    Shortcut {
        keys: &[PUBLISH],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::Publish),
        help: "Publish the selected claims' verdicts (shared: the editor role)",
    },
    Shortcut {
        keys: &[key(NONE, Key::Delete)],
        scope: Scope::Table,
        action: || Action::Triage(TriageAction::DeleteSelected),
        help: "Delete the selected claims (the next claim takes their place)",
    },
    Shortcut {
        keys: &[REDO, key(CMD, Key::Y)],
        scope: Scope::NotTyping,
        action: || Action::Triage(TriageAction::Redo),
        help: "Redo",
    },
    Shortcut {
        keys: &[UNDO],
        scope: Scope::NotTyping,
        action: || Action::Triage(TriageAction::Undo),
        help: "Undo",
    },
    Shortcut {
        keys: &[FIND],
        scope: Scope::Always,
        action: || Action::View(ViewAction::FocusSearch),
        help: "Search claims (# and a number finds that claim: #17)",
    },
    Shortcut {
        keys: &[OPEN_URL],
        scope: Scope::Always,
        action: || Action::File(FileAction::ShowOpenUrl),
        help: "Open articles by URL (one or several)",
    },
    Shortcut {
        keys: &[PASTE],
        scope: Scope::NotTyping,
        action: || Action::File(FileAction::PasteArticle(None)),
        help: "Paste an article (HTML or text on the clipboard; in a text field: paste)",
    },
    Shortcut {
        keys: &[OPEN],
        scope: Scope::Always,
        action: || Action::File(FileAction::OpenDialog),
        help: "Open articles or a project",
    },
    Shortcut {
        keys: &[SAVE_AS],
        scope: Scope::Always,
        action: || Action::File(FileAction::SaveAs),
        help: "Save as",
    },
    Shortcut {
        keys: &[SAVE],
        scope: Scope::Always,
        action: || Action::File(FileAction::Save),
        help: "Save",
    },
    Shortcut {
        keys: &[ZOOM_IN, key(CMD, Key::Equals)],
        scope: Scope::Always,
        action: || Action::View(ViewAction::ZoomIn),
        help: "Larger text",
    },
    Shortcut {
        keys: &[ZOOM_OUT],
        scope: Scope::Always,
        action: || Action::View(ViewAction::ZoomOut),
        help: "Smaller text",
    },
    Shortcut {
        keys: &[ZOOM_RESET],
        scope: Scope::Always,
        action: || Action::View(ViewAction::ZoomReset),
        help: "Text at its usual size",
    },
];

/// The key that sets `status` on the selected claims (for button labels).
pub fn tag_key(status: Status) -> Option<Key> {
    SHORTCUTS.iter().find_map(|s| match (s.action)() {
        Action::Triage(TriageAction::Tag(st)) if st == status => {
            s.keys.first().map(|k| k.logical_key)
        }
        _ => None,
    })
}

/// Rows a PageUp/PageDown moves.
pub const PAGE: isize = 15;

/// What the mouse does, listed under the keys in Help.
pub const MOUSE: &[(&str, &str)] = &[
    ("Shift-click", "Extend the selection to a claim"),
    ("Ctrl-click", "Add or remove a claim from the selection"),
    ("Click a header", "Sort by that column (again: reverse)"),
    (
        "Right-click a claim",
        "Mark, assign a speaker, priority or assignee, or delete (the whole selection)",
    ),
];

/// Where the keys go this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyContext {
    /// A text field has the keys (letters are typing).
    pub typing: bool,
    /// A text field had the keys at the end of the last frame and lost them to an Esc of
    /// this frame: keys up to that Esc were meant for the field.
    pub left_field: bool,
    /// A modal window is open: its own keys only.
    pub modal: bool,
    /// The claims table is shown.
    pub table: bool,
    /// The speakers list is shown.
    pub speakers: bool,
}

/// The shortcut a key press means here, if any.
pub fn shortcut_for(key: Key, modifiers: Modifiers, ctx: KeyContext) -> Option<&'static Shortcut> {
    SHORTCUTS.iter().find(|s| {
        s.keys
            .iter()
            .any(|k| k.logical_key == key && modifiers.matches_logically(k.modifiers))
            && match s.scope {
                Scope::Always => !ctx.modal,
                Scope::NotTyping => !ctx.modal && !ctx.typing,
                Scope::Table => !ctx.modal && !ctx.typing && ctx.table,
                Scope::List => !ctx.modal && !ctx.typing && (ctx.table || ctx.speakers),
            }
    })
}

/// Turn this frame's key presses into actions, in the order they were pressed, and take
/// those events out of the input so that no widget acts on them a second time.
pub fn read_keys(ctx: &egui::Context, keys: KeyContext, queue: &mut Queue) {
    let events = ctx.input(|i| i.events.clone());
    let mut handled = vec![false; events.len()];
    // Until the Esc that left a text field, keys belonged to that field. (A field left by
    // Tab or a click the frame before has no Esc here: every key is the table's.)
    let esc = events.iter().any(|e| {
        matches!(
            e,
            egui::Event::Key {
                key: Key::Escape,
                pressed: true,
                ..
            }
        )
    });
    let mut in_field = keys.left_field && esc;
    let mut keys = keys;
    // After Ctrl+F, the frame's keys and text are the search's (the field has not been
    // drawn with the keys yet): letters are typed, not shortcuts.
    let mut search_text: Option<String> = None;
    // After T, the same for the tag field; there Tab completes and Enter adds the tag.
    let mut tag_text: Option<String> = None;
    for (i, event) in events.iter().enumerate() {
        if let (Some(text), egui::Event::Text(t)) = (search_text.as_mut(), event) {
            text.push_str(t);
            handled[i] = true;
            continue;
        }
        if let Some(text) = tag_text.as_mut() {
            match event {
                egui::Event::Text(t) => text.push_str(t),
                egui::Event::Key {
                    key: key @ (Key::Tab | Key::Enter),
                    pressed: true,
                    ..
                } => {
                    queue.push(ViewAction::TypeTag(std::mem::take(text)));
                    queue.push(if *key == Key::Tab {
                        Action::View(ViewAction::CompleteTag)
                    } else {
                        Action::Triage(TriageAction::AddTypedTag)
                    });
                }
                egui::Event::Key {
                    key: Key::Escape,
                    pressed: true,
                    ..
                } => {
                    queue.push(ViewAction::TypeTag(std::mem::take(text)));
                    queue.push(ViewAction::FocusTable);
                    tag_text = None;
                    keys.typing = false;
                }
                _ => continue,
            }
            handled[i] = true;
            continue;
        }
        // Ctrl+V as the system delivers it (the clipboard's text already read): outside
        // text fields, an article to paste.
        if let egui::Event::Paste(text) = event {
            if !in_field && !keys.typing && !keys.modal && search_text.is_none() {
                queue.push(FileAction::PasteArticle(Some(text.clone())));
                handled[i] = true;
            }
            continue;
        }
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            continue;
        };
        if in_field {
            if *key == Key::Escape {
                in_field = false;
                handled[i] = true;
            }
            continue;
        }
        if let Some(shortcut) = shortcut_for(*key, *modifiers, keys) {
            let action = (shortcut.action)();
            if matches!(action, Action::View(ViewAction::FocusSearch)) {
                keys.typing = true;
                search_text.get_or_insert_with(String::new);
            }
            if matches!(action, Action::View(ViewAction::FocusTags)) {
                keys.typing = true;
                tag_text.get_or_insert_with(String::new);
            }
            queue.push(action);
            handled[i] = true;
        }
    }
    if let Some(text) = search_text.filter(|t| !t.is_empty()) {
        queue.push(ViewAction::TypeSearch(text));
    }
    if let Some(text) = tag_text.filter(|t| !t.is_empty()) {
        queue.push(ViewAction::TypeTag(text));
    }
    if handled.iter().any(|h| *h) {
        ctx.input_mut(|input| {
            let mut i = 0;
            input.events.retain(|_| {
                let keep = !handled.get(i).copied().unwrap_or(false);
                i += 1;
                keep
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: KeyContext = KeyContext {
        typing: false,
        left_field: false,
        modal: false,
        table: true,
        speakers: false,
    };

    #[test]
    fn shift_arrows_extend_and_plain_arrows_move() {
        let up = shortcut_for(Key::ArrowUp, Modifiers::SHIFT, TABLE).map(|s| (s.action)());
        assert!(matches!(
            up,
            Some(Action::Triage(TriageAction::Move {
                rows: -1,
                extend: true
            }))
        ));
        let down = shortcut_for(Key::ArrowDown, Modifiers::NONE, TABLE).map(|s| (s.action)());
        assert!(matches!(
            down,
            Some(Action::Triage(TriageAction::Move {
                rows: 1,
                extend: false
            }))
        ));
    }

    #[test]
    fn letters_tag_only_on_the_table_and_save_works_while_typing() {
        let typing = KeyContext {
            typing: true,
            ..TABLE
        };
        assert!(shortcut_for(Key::V, Modifiers::NONE, typing).is_none());
        let paste = shortcut_for(Key::V, Modifiers::COMMAND, TABLE).map(|s| (s.action)());
        assert!(matches!(
            paste,
            Some(Action::File(FileAction::PasteArticle(None)))
        ));
        assert!(shortcut_for(Key::V, Modifiers::COMMAND, typing).is_none());
        assert!(shortcut_for(Key::S, Modifiers::COMMAND, typing).is_some());
        assert!(shortcut_for(Key::Z, Modifiers::COMMAND, typing).is_none());
        let shift_save = shortcut_for(Key::S, CMD_SHIFT, typing).map(|s| (s.action)());
        assert!(matches!(shift_save, Some(Action::File(FileAction::SaveAs))));
    }

    /// Ctrl+F then "Gn" in one frame: the letters are the search's, not Unverifiable.
    #[test]
    fn text_typed_with_ctrl_f_goes_to_the_search() {
        let ctx = egui::Context::default();
        let key = |key: Key, modifiers: Modifiers| egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        let input = egui::RawInput {
            events: vec![
                key(Key::V, Modifiers::NONE),
                key(Key::F, Modifiers::COMMAND),
                key(Key::G, Modifiers::NONE),
                egui::Event::Text("G".into()),
                key(Key::N, Modifiers::NONE),
                egui::Event::Text("n".into()),
                key(Key::S, Modifiers::COMMAND),
            ],
            ..Default::default()
        };
        let mut queue = Queue::default();
        let mut output = ctx.run_ui(input, |ui| read_keys(ui.ctx(), TABLE, &mut queue));
        output.textures_delta.clear();
        let actions = queue.take();
        assert!(
            matches!(
                actions.as_slice(),
                [
                    Action::Triage(TriageAction::Tag(Status::Verified)),
                    Action::View(ViewAction::FocusSearch),
                    Action::File(FileAction::Save),
                    Action::View(ViewAction::TypeSearch(text)),
                ] if text == "Gn"
            ),
            "{actions:?}"
        );
    }

    #[test]
    fn the_speakers_list_takes_the_list_keys_but_no_verdict() {
        let speakers = KeyContext {
            table: false,
            speakers: true,
            ..TABLE
        };
        let down = shortcut_for(Key::ArrowDown, Modifiers::SHIFT, speakers).map(|s| (s.action)());
        assert!(matches!(
            down,
            Some(Action::Triage(TriageAction::Move {
                rows: 1,
                extend: true
            }))
        ));
        assert!(shortcut_for(Key::A, Modifiers::COMMAND, speakers).is_some());
        for key in [Key::V, Key::D, Key::J, Key::Delete] {
            assert!(
                shortcut_for(key, Modifiers::NONE, speakers).is_none(),
                "{key:?}"
            );
        }
    }

    #[test]
    fn every_key_is_bound_once() {
        let mut seen = Vec::new();
        for s in SHORTCUTS {
            for k in s.keys {
                assert!(
                    !seen.contains(&(k.modifiers, k.logical_key)),
                    "{k:?} bound twice"
                );
                seen.push((k.modifiers, k.logical_key));
            }
        }
    }
}

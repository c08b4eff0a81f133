//! The claims table's columns ([`COLUMNS`], one entry per column, in order) and their
//! widths: the Claim column takes what the others leave and never less than
//! [`CLAIM_SHARE`] of the table at any zoom; a column no row shown fills (Role, Triage,
//! Tags, Notes) shrinks to its header; the others are narrowed alike (the number and the
//! status pill last), and when even that is too narrow the columns of [`DROP_ORDER`] are
//! left out, Cue first. The analyst's layout of the project (`model::table_layout`:
//! order, dragged widths, hidden columns) applies on top: a dragged width is the column's
//! width, narrowed alike with the others when the Claim column's share needs it.

use super::rows::{Filled, SortColumn};
use crate::model::TableLayout;

/// One column of the table: what it sorts by, its header, its (min, max) width when it
/// has content (Claim's is what the others leave), and the width it shrinks to, its
/// header's, when no row shown has anything in it (`None`: never empty). A new column is
/// one more entry here and one more cell in `show`.
pub struct ColumnDef {
    pub sort: SortColumn,
    pub header: &'static str,
    pub width: (f32, f32),
    pub empty_width: Option<f32>,
}

const fn col(sort: SortColumn, header: &'static str, width: (f32, f32)) -> ColumnDef {
    ColumnDef {
        sort,
        header,
        width,
        empty_width: None,
    }
}

/// A column that shrinks to `empty` when no row shown fills it.
const fn opt(sort: SortColumn, header: &'static str, width: (f32, f32), empty: f32) -> ColumnDef {
    ColumnDef {
        sort,
        header,
        width,
        empty_width: Some(empty),
    }
}

/// The columns, in order.
pub const COLUMNS: [ColumnDef; 12] = [
    col(SortColumn::Number, "#", (34.0, 52.0)),
    col(SortColumn::Speaker, "Speaker", (70.0, 150.0)),
    opt(SortColumn::Role, "Role", (50.0, 150.0), 40.0),
    col(SortColumn::Claim, "Claim", (0.0, 0.0)),
    col(SortColumn::Cue, "Cue", (34.0, 60.0)),
    col(SortColumn::Kind, "Kind", (58.0, 64.0)),
    col(SortColumn::Article, "Article", (60.0, 150.0)),
    col(SortColumn::Status, "Status", (92.0, 100.0)),
    opt(SortColumn::Triage, "Triage", (60.0, 140.0), 50.0),
    opt(SortColumn::Tags, "Tags", (50.0, 140.0), 40.0),
    opt(SortColumn::Marks, "Notes", (70.0, 200.0), 48.0),
    col(SortColumn::Worth, "Worth", (46.0, 56.0)),
];
/// A column's key in the project's table layout.
pub fn key(c: SortColumn) -> &'static str {
    match c {
        SortColumn::Number => "number",
        SortColumn::Speaker => "speaker",
        SortColumn::Role => "role",
        SortColumn::Claim => "claim",
        SortColumn::Cue => "cue",
        SortColumn::Kind => "kind",
        SortColumn::Article => "article",
        SortColumn::Status => "status",
        SortColumn::Triage => "triage",
        SortColumn::Marks => "notes",
        SortColumn::Tags => "tags",
        SortColumn::Worth => "worth",
    }
}

/// Every column's key, in [`COLUMNS`]' order.
pub fn keys() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| key(c.sort)).collect()
}

const CLAIM_MIN: f32 = 100.0;
/// The Claim column's least share of the table's width (at any zoom).
pub const CLAIM_SHARE: f32 = 0.45;
/// Space between columns (narrower than egui's default item spacing).
pub const COLUMN_GAP: f32 = 6.0;

/// The columns left out first when the table is too narrow for every column at three
/// quarters of its minimum beside a Claim column of [`CLAIM_SHARE`] (a large zoom).
const DROP_ORDER: [SortColumn; 8] = [
    SortColumn::Cue,
    SortColumn::Kind,
    SortColumn::Article,
    SortColumn::Worth,
    SortColumn::Role,
    SortColumn::Tags,
    SortColumn::Triage,
    SortColumn::Marks,
];

/// The columns to draw (indices into [`COLUMNS`]) for a table `available` points wide:
/// every column but Article when `show_article` is off, less those of [`DROP_ORDER`] the
/// width cannot hold legibly.
/// The columns come in the `layout`'s order, less those it hides (never Claim).
pub fn shown_columns(
    available: f32,
    show_article: bool,
    filled: Filled,
    spacing: f32,
    layout: &TableLayout,
) -> Vec<usize> {
    let mut shown: Vec<usize> = (layout.order_of(&keys()).into_iter())
        .filter(|&i| show_article || COLUMNS[i].sort != SortColumn::Article)
        .filter(|&i| {
            COLUMNS[i].sort == SortColumn::Claim || !layout.is_hidden(key(COLUMNS[i].sort))
        })
        .collect();
    let fits = |shown: &[usize]| {
        let gaps = spacing * shown.len() as f32;
        let claim_floor = (available * CLAIM_SHARE).max(CLAIM_MIN.min(available * 0.5));
        // By the columns' own minimums: a column dragged wide is narrowed with the
        // others rather than push another one out.
        let own = TableLayout::default();
        let mins: f32 = shown.iter().map(|&i| range(i, filled, &own).0).sum();
        mins * 0.75 <= available - gaps - claim_floor
    };
    for drop in DROP_ORDER {
        if fits(&shown) {
            break;
        }
        shown.retain(|&i| COLUMNS[i].sort != drop);
    }
    shown
}

/// A column's (min, max) width: the width the analyst dragged it to, else its header's
/// when no row shown fills it.
fn range(i: usize, filled: Filled, layout: &TableLayout) -> (f32, f32) {
    let c = &COLUMNS[i];
    if c.sort != SortColumn::Claim
        && let Some(w) = layout.width(key(c.sort))
    {
        return (w, w);
    }
    match c.empty_width {
        Some(w) if !is_filled(c.sort, filled) => (w, w),
        _ => c.width,
    }
}

/// Whether the rows shown fill the optional column `c` (see [`Filled`]).
fn is_filled(c: SortColumn, filled: Filled) -> bool {
    match c {
        SortColumn::Role => filled.role,
        SortColumn::Triage => filled.triage,
        SortColumn::Tags => filled.tags,
        SortColumn::Marks => filled.notes,
        _ => true,
    }
}

/// Column widths for `available` points: the columns `shown` (indices into [`COLUMNS`]).
/// Each column gets its minimum (an empty one its header's width), then the spare width is
/// shared out up to each maximum (half of it kept for the Claim column), and the Claim
/// column takes the rest, never less than [`CLAIM_SHARE`] of the table: when the others'
/// minimums leave less (a narrow window, a large zoom), they are narrowed alike.
pub fn column_widths(
    available: f32,
    shown: &[usize],
    filled: Filled,
    spacing: f32,
    layout: &TableLayout,
) -> Vec<f32> {
    let range = |i: usize| range(i, filled, layout);
    let gaps = spacing * shown.len() as f32;
    let claim_floor = (available * CLAIM_SHARE).max(CLAIM_MIN.min(available * 0.5));
    let budget = (available - gaps - claim_floor).max(0.0);
    let mut widths: Vec<f32> = shown.iter().map(|&i| range(i).0).collect();
    let fixed: f32 = widths.iter().sum();
    if fixed > budget && fixed > 0.0 {
        // Narrowed alike, but the number, the status pill and the Worth chip (its header
        // just fits) keep their width while the budget holds them.
        let kept = |i: usize| {
            matches!(
                COLUMNS[i].sort,
                SortColumn::Number | SortColumn::Status | SortColumn::Worth
            )
        };
        let held: f32 = shown
            .iter()
            .filter(|&&i| kept(i))
            .map(|&i| range(i).0)
            .sum();
        let (rest, room) = if held < budget {
            (fixed - held, budget - held)
        } else {
            (fixed, budget)
        };
        for (w, &i) in widths.iter_mut().zip(shown) {
            if held >= budget || !kept(i) {
                *w *= room / rest.max(1.0);
            }
        }
    } else {
        let spare = (available - gaps - fixed - CLAIM_MIN).max(0.0);
        let room: f32 = shown.iter().map(|&i| range(i).1 - range(i).0).sum();
        let share = (spare * 0.5).min(room).min(budget - fixed);
        for (w, &i) in widths.iter_mut().zip(shown) {
            let (lo, hi) = range(i);
            if room > 0.0 {
                *w = lo + (hi - lo) * share / room;
            }
        }
    }
    let used: f32 = widths.iter().sum();
    if let Some(claim) = shown
        .iter()
        .position(|&i| COLUMNS[i].sort == SortColumn::Claim)
    {
        widths[claim] = (available - gaps - used).max(claim_floor);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOWN: [usize; 12] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const NONE: TableLayout = TableLayout {
        order: Vec::new(),
        widths: std::collections::BTreeMap::new(),
        hidden: Vec::new(),
        other: std::collections::BTreeMap::new(),
    };
    const FULL: Filled = Filled {
        role: true,
        triage: true,
        notes: true,
        tags: true,
    };

    /// The table's width in a 1280×800 window at each zoom, the side panels (articles
    /// list and details pane, about 520 points at 100%) taken off.
    #[test]
    fn the_claim_column_gets_at_least_45_percent_from_100_to_200_percent() {
        for zoom in [1.0f32, 1.25, 1.5, 1.75, 2.0] {
            let window = 1280.0 / zoom;
            let tables = [window - 520.0, window * 0.6, window * 0.45];
            for table in tables.into_iter().filter(|t| *t >= 250.0) {
                for filled in [FULL, Filled::default()] {
                    let widths = column_widths(table, &SHOWN, filled, COLUMN_GAP, &NONE);
                    let claim = widths[3];
                    assert!(
                        claim >= 0.45 * table - 0.01,
                        "zoom {zoom}, table {table}: claim {claim}"
                    );
                    let total: f32 = widths.iter().sum::<f32>() + COLUMN_GAP * 11.0;
                    assert!(total <= table + 0.5, "fits: {total} in {table}");
                    assert!(widths.iter().all(|w| *w > 0.0));
                }
            }
        }
    }

    #[test]
    fn columns_are_left_out_cue_first_only_when_too_narrow() {
        let all = shown_columns(1000.0, true, FULL, COLUMN_GAP, &NONE);
        assert_eq!(
            all.len(),
            COLUMNS.len(),
            "a 1280 window at 100% shows every column"
        );
        let narrow = shown_columns(420.0, true, FULL, COLUMN_GAP, &NONE);
        let names: Vec<&str> = narrow.iter().map(|&i| COLUMNS[i].header).collect();
        assert!(!names.contains(&"Cue") && names.contains(&"Claim") && names.contains(&"Status"));
        let widths = column_widths(420.0, &narrow, FULL, COLUMN_GAP, &NONE);
        let status = narrow
            .iter()
            .position(|&i| COLUMNS[i].header == "Status")
            .unwrap();
        assert!(
            widths[status] >= 92.0 * 0.75,
            "the pill stays legible: {widths:?}"
        );
    }

    #[test]
    fn empty_columns_shrink_to_their_header_and_the_claim_column_takes_the_room() {
        // A wide table (a large screen): empty columns at their header's width.
        let full = column_widths(1800.0, &SHOWN, FULL, COLUMN_GAP, &NONE);
        let empty = column_widths(1800.0, &SHOWN, Filled::default(), COLUMN_GAP, &NONE);
        for (i, c) in COLUMNS.iter().enumerate() {
            if let Some(w) = c.empty_width {
                assert!((empty[i] - w).abs() < 0.01, "{} shrinks", c.header);
                assert!(full[i] > w, "{} is wider with content", c.header);
            }
        }
        assert!(empty[3] > full[3] + 100.0, "{} vs {}", empty[3], full[3]);
        // The table of a 1280-wide window: narrower than with content, and the room goes
        // to the columns that have some.
        let full = column_widths(760.0, &SHOWN, FULL, COLUMN_GAP, &NONE);
        let empty = column_widths(760.0, &SHOWN, Filled::default(), COLUMN_GAP, &NONE);
        assert!(
            empty[8] < full[8] && empty[1] > full[1],
            "{empty:?} {full:?}"
        );
    }

    /// A layout with every other column dragged wide and the Claim column moved last:
    /// it still gets its share at every zoom, and the order is the layout's.
    #[test]
    fn a_dragged_layout_keeps_the_claim_column_share_and_its_order() {
        let mut layout = TableLayout::default();
        for k in keys().into_iter().filter(|k| *k != "claim") {
            layout = layout.with_width(k, 400.0);
        }
        let layout = layout.moved(&keys(), &keys(), "claim", false);
        for zoom in [1.0f32, 1.5, 2.0] {
            let table = 1280.0 / zoom - 520.0 / zoom;
            let shown = shown_columns(table, true, FULL, COLUMN_GAP, &layout);
            let widths = column_widths(table, &shown, FULL, COLUMN_GAP, &layout);
            let claim = shown
                .iter()
                .position(|&i| COLUMNS[i].sort == SortColumn::Claim);
            let claim = claim.expect("the Claim column is never left out");
            assert!(widths[claim] >= CLAIM_SHARE * table - 0.01, "zoom {zoom}");
        }
        let shown = shown_columns(2000.0, true, FULL, COLUMN_GAP, &layout);
        let names: Vec<&str> = shown.iter().map(|&i| COLUMNS[i].header).collect();
        assert_eq!(names[3..5], ["Cue", "Claim"], "{names:?}");
        // A hidden column is not drawn; Claim cannot be hidden.
        let hidden = TableLayout::default()
            .with_hidden("speaker", true)
            .with_hidden("claim", true);
        let shown = shown_columns(2000.0, true, FULL, COLUMN_GAP, &hidden);
        let names: Vec<&str> = shown.iter().map(|&i| COLUMNS[i].header).collect();
        assert!(
            !names.contains(&"Speaker") && names.contains(&"Claim"),
            "{names:?}"
        );
        // A dragged width is the column's own (room allowing).
        let wide = TableLayout::default().with_width("speaker", 222.0);
        let all: Vec<usize> = (0..COLUMNS.len()).collect();
        let widths = column_widths(2400.0, &all, FULL, COLUMN_GAP, &wide);
        assert!((widths[1] - 222.0).abs() < 0.01, "{widths:?}");
    }
}

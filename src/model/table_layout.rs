//! The claims table's columns as the analyst left them in this project: their order, the
//! widths dragged, the columns hidden (project file: `settings.table_layout`, not written
//! while it is the default, so older files re-save byte for byte). Columns are named by
//! key ("speaker", "notes"); a key this version does not know is kept in place, and keys
//! a newer version writes inside the layout are kept too. Changed by
//! `Edit::SetTableLayout` (one undo step, the document is modified like by any edit).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Widths kept, in points: a dragged width is clamped to these.
pub const WIDTH_RANGE: (u32, u32) = (24, 800);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct TableLayout {
    /// Column keys in the order shown; a column not named here keeps its default place
    /// (after the column that precedes it by default).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<String>,
    /// Widths set by dragging a column's edge, in points (the Claim column has none: it
    /// takes what the others leave, never less than its share of the table).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub widths: BTreeMap<String, u32>,
    /// Column keys hidden.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden: Vec<String>,
    /// Keys a newer version wrote inside the layout, written back as read.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

impl TableLayout {
    pub fn is_default(&self) -> bool {
        *self == TableLayout::default()
    }

    /// The columns `defaults` (keys, in their default order) in this layout's order, as
    /// indices into `defaults`; every column once, hidden ones included.
    pub fn order_of(&self, defaults: &[&str]) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(defaults.len());
        for key in &self.order {
            if let Some(i) = defaults.iter().position(|d| d == key)
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        // A column the layout does not name goes after its default predecessor.
        for i in 0..defaults.len() {
            if out.contains(&i) {
                continue;
            }
            let at = (0..i)
                .rev()
                .find_map(|before| out.iter().position(|&j| j == before))
                .map_or(0, |p| p + 1);
            out.insert(at, i);
        }
        out
    }

    pub fn is_hidden(&self, key: &str) -> bool {
        self.hidden.iter().any(|h| h == key)
    }

    pub fn width(&self, key: &str) -> Option<f32> {
        self.widths.get(key).map(|&w| w as f32)
    }

    /// The layout with `key` moved one place left (or right) among the columns `shown`
    /// (keys, as drawn): it takes its neighbour's place. Unchanged at an end.
    pub fn moved(&self, defaults: &[&str], shown: &[&str], key: &str, left: bool) -> TableLayout {
        let Some(at) = shown.iter().position(|k| *k == key) else {
            return self.clone();
        };
        let neighbour = match (left, at) {
            (true, 0) => return self.clone(),
            (true, _) => shown[at - 1],
            (false, _) => match shown.get(at + 1) {
                Some(k) => *k,
                None => return self.clone(),
            },
        };
        let mut order: Vec<String> = self
            .order_of(defaults)
            .into_iter()
            .map(|i| defaults[i].to_string())
            .collect();
        // Unknown keys of the stored order keep their place at the end.
        order.extend(
            (self.order.iter())
                .filter(|k| !defaults.contains(&k.as_str()))
                .cloned(),
        );
        let (Some(from), Some(to)) = (
            order.iter().position(|k| k == key),
            order.iter().position(|k| k == neighbour),
        ) else {
            return self.clone();
        };
        let moving = order.remove(from);
        order.insert(to, moving);
        TableLayout {
            order,
            ..self.clone()
        }
    }

    /// The layout with `key` `width` points wide (clamped to [`WIDTH_RANGE`]).
    pub fn with_width(&self, key: &str, width: f32) -> TableLayout {
        let mut out = self.clone();
        let w = (width.round().max(0.0) as u32).clamp(WIDTH_RANGE.0, WIDTH_RANGE.1);
        out.widths.insert(key.to_string(), w);
        out
    }

    /// The layout with `key` hidden, or shown again.
    pub fn with_hidden(&self, key: &str, hidden: bool) -> TableLayout {
        let mut out = self.clone();
        out.hidden.retain(|h| h != key);
        if hidden {
            out.hidden.push(key.to_string());
        }
        out
    }

    /// The default layout, keeping only what a newer version wrote.
    pub fn reset(&self) -> TableLayout {
        TableLayout {
            other: self.other.clone(),
            ..TableLayout::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&str; 5] = ["number", "speaker", "claim", "status", "notes"];

    fn keys(layout: &TableLayout) -> Vec<&'static str> {
        layout
            .order_of(&KEYS)
            .into_iter()
            .map(|i| KEYS[i])
            .collect()
    }

    #[test]
    fn the_default_order_is_the_columns_order() {
        assert_eq!(keys(&TableLayout::default()), KEYS);
    }

    #[test]
    fn moving_a_column_swaps_it_with_its_shown_neighbour() {
        let l = TableLayout::default().moved(&KEYS, &KEYS, "status", true);
        assert_eq!(keys(&l), ["number", "speaker", "status", "claim", "notes"]);
        // A hidden neighbour is passed over: "notes" moves left of "claim" when "status"
        // is not shown.
        let shown = ["number", "speaker", "claim", "notes"];
        let l = TableLayout::default().moved(&KEYS, &shown, "notes", true);
        assert_eq!(keys(&l), ["number", "speaker", "notes", "claim", "status"]);
        // At an end: unchanged.
        assert_eq!(
            TableLayout::default().moved(&KEYS, &KEYS, "number", true),
            TableLayout::default()
        );
    }

    #[test]
    fn a_column_the_stored_order_lacks_keeps_its_default_place() {
        // Written by a version without "status"; and a key this one does not know.
        let l = TableLayout {
            order: vec![
                "speaker".into(),
                "number".into(),
                "claim".into(),
                "future".into(),
            ],
            ..Default::default()
        };
        assert_eq!(keys(&l), ["speaker", "number", "claim", "status", "notes"]);
        let moved = l.moved(&KEYS, &KEYS, "notes", true);
        assert!(moved.order.contains(&"future".to_string()), "kept");
    }

    #[test]
    fn widths_are_clamped_and_unknown_keys_round_trip() {
        let l = TableLayout::default().with_width("speaker", 5000.0);
        assert_eq!(l.width("speaker"), Some(WIDTH_RANGE.1 as f32));
        let text =
            r#"{"order":["claim"],"widths":{"speaker":120},"hidden":["notes"],"pinned":["x"]}"#;
        let read: TableLayout = serde_json::from_str(text).unwrap();
        assert!(read.is_hidden("notes") && read.width("speaker") == Some(120.0));
        let back = serde_json::to_string(&read).unwrap();
        assert!(back.contains(r#""pinned":["x"]"#), "{back}");
        assert!(read.reset().other.contains_key("pinned"));
        assert!(
            TableLayout::default()
                .with_hidden("notes", true)
                .is_hidden("notes")
        );
    }
}

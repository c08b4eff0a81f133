//! The project loader never panics, whatever text it is given.

use claimdesk::io::project_file::{project_from_str, project_to_string};
use proptest::prelude::*;
use serde_json::Value;

const FIXTURE: &str = include_str!("../data/project-v1.claimdesk");

/// Replace the `n`-th number (depth-first) of `v` with `new`; false if there are fewer.
fn replace_nth_number(v: &mut Value, n: &mut usize, new: &Value) -> bool {
    match v {
        Value::Number(_) if *n == 0 => {
            *v = new.clone();
            true
        }
        Value::Number(_) => {
            *n -= 1;
            false
        }
        Value::Array(a) => a.iter_mut().any(|x| replace_nth_number(x, n, new)),
        Value::Object(o) => o.values_mut().any(|x| replace_nth_number(x, n, new)),
        _ => false,
    }
}

/// The fixture with its `which`-th number (modulo their count) replaced by `value`.
fn with_number(which: usize, value: i128) -> String {
    let new = if value < 0 {
        Value::from(value as i64)
    } else {
        Value::from(value as u64)
    };
    let mut doc: Value = serde_json::from_str(FIXTURE).unwrap();
    let mut n = which;
    if !replace_nth_number(&mut doc, &mut n, &new) {
        let count = which - n;
        let mut n = which % count.max(1);
        replace_nth_number(&mut doc, &mut n, &new);
    }
    doc.to_string()
}

/// Every cut of the fixture, not a random sample: a cut that still leaves valid JSON (only
/// the final newline is gone) loads as the whole project; any other cut is an error, never
/// a panic. (A random cut made this fail about once in twelve runs when it asserted an
/// error for every cut.)
#[test]
fn truncated_fixture_loads_only_while_it_is_whole_json() {
    let whole = project_from_str(FIXTURE).unwrap();
    let mut still_json = 0;
    for cut in (0..FIXTURE.len()).filter(|&c| FIXTURE.is_char_boundary(c)) {
        let text = &FIXTURE[..cut];
        let valid_json = serde_json::from_str::<Value>(text).is_ok();
        match project_from_str(text) {
            Ok(p) => {
                assert!(valid_json, "cut {cut} loaded though it is not valid JSON");
                assert_eq!(p, whole, "cut {cut}");
                still_json += 1;
            }
            Err(e) => assert!(!valid_json, "cut {cut} is valid JSON but did not load: {e}"),
        }
    }
    // Only cuts in the trailing whitespace keep the JSON whole.
    let trailing = FIXTURE.len() - FIXTURE.trim_end().len();
    assert_eq!(still_json, trailing);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,400}") {
        let _ = project_from_str(&s);
    }

    #[test]
    fn json_looking_text_never_panics(s in r#"[\[\]{}",:0-9a-z\\ \n-]{0,200}"#) {
        let _ = project_from_str(&s);
        let _ = project_from_str(&format!("{{\"format\":\"claimdesk-project\",\"version\":1,\"project\":{s}"));
    }

    #[test]
    fn mutated_fixture_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = FIXTURE.as_bytes().to_vec();
        for (at, b) in edits {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(p) = project_from_str(&text) {
            // Whatever loads must save and load back to the same project.
            prop_assert_eq!(project_from_str(&project_to_string(&p)).unwrap(), p);
        }
    }

    #[test]
    fn numbers_anywhere_never_panic(
        which in 0usize..1000,
        value in prop_oneof![
            -3i128..300,
            Just(u64::MAX as i128),
            Just(i64::MIN as i128),
            Just(usize::MAX as i128 - 1),
        ],
    ) {
        let text = with_number(which, value);
        if let Ok(p) = project_from_str(&text) {
            // Loaded claims always slice their article's text safely.
            for c in &p.claims {
                let article = p.article(c.article).unwrap();
                let _ = &article.text[c.start..c.end];
                if let Some((s, e)) = c.mention_span {
                    let _ = &article.text[s..e];
                }
            }
        }
    }
}

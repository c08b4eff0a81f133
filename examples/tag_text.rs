//! Print a text as the syntactic layer reads it: each sentence's words with their tags,
//! then its noun phrases (with kind) and verb groups.
//!
//! `cargo run --release --example tag_text -- FILE` (or text on stdin).

use std::io::Read;

use claimdesk::extract::syntax::{self, Analysis};

fn show(text: &str, a: &Analysis) {
    let span = |s: usize, e: usize| &text[a.tokens[s].0..a.tokens[e - 1].1];
    let words: Vec<String> = (0..a.tokens.len())
        .map(|i| {
            let w = span(i, i + 1);
            match a.tagged.clitics[i] {
                Some(c) => format!("{w}/{}+{c}", a.tagged.tags[i]),
                None => format!("{w}/{}", a.tagged.tags[i]),
            }
        })
        .collect();
    println!("{}", words.join(" "));
    let nps: Vec<String> = a
        .noun_phrases
        .iter()
        .map(|c| format!("[{} {:?}]", span(c.start, c.end), c.kind))
        .collect();
    println!("  NP: {}", nps.join(" "));
    let vgs: Vec<String> = a
        .verb_groups
        .iter()
        .map(|g| {
            format!(
                "[{} {:?} {:?} {:?}{}{}{}]",
                span(g.start, g.end),
                g.form,
                g.tense,
                g.voice,
                if g.perfect { " perfect" } else { "" },
                if g.progressive { " progressive" } else { "" },
                if g.negated { " negated" } else { "" }
            )
        })
        .collect();
    println!("  VG: {}", vgs.join(" "));
}

fn main() -> std::io::Result<()> {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path)?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    for a in syntax::analyse(&text, false) {
        show(&text, &a);
    }
    Ok(())
}

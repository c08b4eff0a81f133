//! Keeps the extractor's quality on the sample article from falling: F1 against the
//! hand-made gold list, computed as `../shared/eval/score.py` computes it.

use std::collections::HashSet;

use claimdesk::extract::extract;
use serde::Deserialize;

const ARTICLE: &str = include_str!("../../assets/rafah-kirby-gallant.txt");
const GOLD: &str = include_str!("../data/rafah-kirby-gallant.gold.json");

#[derive(Deserialize)]
struct Gold {
    claims: Vec<GoldClaim>,
}

#[derive(Deserialize)]
struct GoldClaim {
    content: String,
    speaker: String,
}

fn words(s: &str) -> Vec<String> {
    let s = s.replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() || (c == '\'' && !cur.is_empty()) {
            cur.push(c.to_ascii_lowercase());
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches('\'').to_string());
            cur.clear();
        }
    }
    if !cur.is_empty() {
        out.push(cur.trim_end_matches('\'').to_string());
    }
    out
}

fn overlap(a: &str, b: &str) -> f64 {
    let (sa, sb): (HashSet<_>, HashSet<_>) = (
        words(a).into_iter().collect(),
        words(b).into_iter().collect(),
    );
    if sa.is_empty() || sb.is_empty() {
        return 0.0;
    }
    let i = sa.intersection(&sb).count() as f64;
    (i / sa.len() as f64).min(i / sb.len() as f64)
}

fn speaker_words(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an" | "mr" | "mrs" | "ms" | "dr"))
        .map(|w| w.strip_suffix("'s").map(str::to_string).unwrap_or(w))
        .collect()
}

fn speaker_ok(pred: &str, gold: &str) -> bool {
    let (p, g) = (speaker_words(pred), speaker_words(gold));
    match (p.last(), g.last()) {
        (None, None) => true,
        (Some(a), Some(b)) if a == b => true,
        (Some(_), Some(_)) => {
            let (sp, sg) = (p.join(" "), g.join(" "));
            sp.contains(&sg) || sg.contains(&sp)
        }
        _ => false,
    }
}

fn f1(tp: usize, predicted: usize, gold: usize) -> f64 {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[test]
fn sample_article_scores_stay_high() {
    let gold: Gold = serde_json::from_str(GOLD).expect("gold file parses");
    let ex = extract(ARTICLE);
    let predicted: Vec<(String, String)> = ex
        .claims
        .iter()
        .map(|c| {
            (
                c.content.clone(),
                ex.speaker_of(c).map(|s| s.name.clone()).unwrap_or_default(),
            )
        })
        .collect();
    let mut pairs = Vec::new();
    for (i, p) in predicted.iter().enumerate() {
        for (j, g) in gold.claims.iter().enumerate() {
            pairs.push((overlap(&p.0, &g.content), i, j));
        }
    }
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
    let (mut tp_content, mut tp_speaker) = (0, 0);
    for (ov, i, j) in pairs {
        if ov < 0.5 {
            break;
        }
        if used_p.contains(&i) || used_g.contains(&j) {
            continue;
        }
        used_p.insert(i);
        used_g.insert(j);
        tp_content += 1;
        if speaker_ok(&predicted[i].1, &gold.claims[j].speaker) {
            tp_speaker += 1;
        }
    }
    let content = f1(tp_content, predicted.len(), gold.claims.len());
    let speaker = f1(tp_speaker, predicted.len(), gold.claims.len());
    assert!(content >= 0.95, "content F1 {content:.3} < 0.95");
    assert!(speaker >= 0.95, "content+speaker F1 {speaker:.3} < 0.95");
}

#[test]
fn sample_article_speakers_have_roles() {
    let ex = extract(ARTICLE);
    let role_of = |name: &str| {
        ex.speakers
            .iter()
            .find(|s| s.name == name)
            .and_then(|s| s.role.clone())
    };
    assert_eq!(
        role_of("John Kirby").as_deref(),
        Some("National Security Council Spokesperson")
    );
    assert_eq!(
        role_of("Yoav Gallant").as_deref(),
        Some("Israeli Security Minister")
    );
    assert_eq!(
        role_of("Benjamin Netanyahu").as_deref(),
        Some("Israeli Prime Minister")
    );
    assert!(ex.speakers.iter().any(|s| s.name == "White House"));
}

#[test]
fn sample_article_offsets_point_at_content() {
    let ex = extract(ARTICLE);
    for c in &ex.claims {
        if !c.content.contains('\u{2026}') {
            assert_eq!(&ARTICLE[c.start..c.end], c.content);
        }
        if let (Some((a, b)), Some(m)) = (c.mention_span, &c.mention) {
            assert_eq!(&ARTICLE[a..b], m);
        }
    }
    assert!(
        !ex.claims.iter().any(|c| c.content.contains("got played")),
        "Read more lines are navigation"
    );
}

//! Shared by the integration tests (and benches): projects to work on, and the real
//! binary run as a command.
#![allow(dead_code)]

use claimdesk::model::{
    Article, ArticleId, ArticleMeta, Claim, ClaimId, ClaimKind, ClaimOrigin, Evidence, Project,
    Speaker, SpeakerId, Status, StatusChange,
};

/// A project of `articles` articles with `claims_per_article` claims each, every field
/// used, text with multi-byte characters. `tag` changes every claim's notes, so that two
/// tags give two projects of the same size but different content.
pub fn big_project(articles: usize, claims_per_article: usize, tag: &str) -> Project {
    let mut p = Project::new(format!("Big project {tag}"));
    p.settings.organisation = "Example Checks".into();
    let speakers = 200usize;
    for s in 0..speakers {
        p.speakers.push(Speaker {
            id: SpeakerId(s as u64 + 1),
            name: format!("Speaker Número {s}"),
            role: (s % 3 == 0).then(|| format!("Minister of Affairs {s}")),
            aliases: vec![format!("Número {s}")],
            is_body: s % 7 == 0,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        });
    }
    let mut next = speakers as u64 + 1;
    for a in 0..articles {
        let article_id = ArticleId(next);
        next += 1;
        let mut text = format!("Article {a}: talks resume — día {a}\n\n");
        for c in 0..claims_per_article {
            text.push_str(&format!("“Claim {c} of article {a}: "));
            let content_start = text.len();
            let content = format!(
                "the ceasefire will hold, prices fell by {c}% and the café reopened in {a} — \
                 we have the figures, the résumé and the plan for the next quarter {tag}"
            );
            text.push_str(&content);
            let content_end = text.len();
            text.push_str(",” said ");
            let speaker = (a * 31 + c) % speakers;
            let mention = format!("Speaker Número {speaker}");
            let mention_start = text.len();
            text.push_str(&mention);
            let mention_end = text.len();
            text.push_str(". Officials confirmed the figures later that evening in a statement.\n");
            // The six verdicts before Not a claim (which exports leave out).
            let status = Status::ALL[(a + c) % 6];
            p.claims.push(Claim {
                id: ClaimId(next),
                number: 0,
                article: article_id,
                content: text[content_start..content_end].to_string(),
                start: content_start,
                end: content_end,
                kind: ClaimKind::ALL[c % 4],
                cue: "said".into(),
                mention: Some(mention),
                mention_span: Some((mention_start, mention_end)),
                speaker: (c % 5 != 4).then_some(SpeakerId(speaker as u64 + 1)),
                antecedent: None,
                status,
                notes: if c % 2 == 0 {
                    format!("Checked against the ministry's figures ({tag}); see evidence.")
                } else {
                    String::new()
                },
                evidence: if c % 3 == 0 {
                    vec![Evidence {
                        url: format!("https://example.org/evidence/{a}/{c}"),
                        description: "Official statistics".into(),
                    }]
                } else {
                    Vec::new()
                },
                history: if status == Status::Unchecked {
                    Vec::new()
                } else {
                    vec![StatusChange {
                        at: 1_700_000_000 + (a * 100 + c) as i64,
                        from: Status::Unchecked,
                        to: status,
                    }]
                },
                origin: [
                    ClaimOrigin::Extracted,
                    ClaimOrigin::Edited,
                    ClaimOrigin::Manual,
                ][c % 3],
                rationale: String::new(),
                assignee: None,
                priority: Default::default(),
                in_progress: false,
                published: None,
                tags: Vec::new(),
                worth: None,
                claim_type: None,
                match_verdicts: Vec::new(),
            });
            next += 1;
        }
        p.articles.push(Article {
            id: article_id,
            title: format!("Article {a}: talks resume — día {a}"),
            text,
            source_path: Some(format!("articles/{a}.txt")),
            sha256: Some(format!("{:064x}", a)),
            imported_at: Some(1_700_000_000 + a as i64),
            meta: ArticleMeta {
                outlet: Some("Example News".into()),
                author: (a % 2 == 0).then(|| "A. Reporter".into()),
                published: Some("2024-03-02".into()),
                url: Some(format!("https://news.example.com/{a}")),
            },
            memo: String::new(),
        });
    }
    p.next_id = next;
    p
}

/// Run the real `claimdesk` binary with `args` and wait for it.
pub fn claimdesk(args: &[&dyn AsRef<std::ffi::OsStr>]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("run claimdesk")
}

/// A finished command's standard error as text.
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

mod pdf;
#[allow(unused_imports)] // Not every test binary writes a PDF.
pub use pdf::pdf_file;

/// Run claimdesk with `args` and standard input `stdin`, its output captured.
pub fn spawn(
    args: &[&dyn AsRef<std::ffi::OsStr>],
    stdin: std::process::Stdio,
) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_claimdesk"))
        .args(args.iter().map(|a| a.as_ref()))
        .stdin(stdin)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run claimdesk")
}

/// Wait for `child` at most `limit`; a child still running then is killed and the test
/// fails (instead of hanging the suite).
pub fn wait_within(
    mut child: std::process::Child,
    limit: std::time::Duration,
) -> std::process::Output {
    let started = std::time::Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("claimdesk still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// [`claimdesk`] with no standard input, stopped (and the test failed) after `limit`.
pub fn claimdesk_within(
    args: &[&dyn AsRef<std::ffi::OsStr>],
    limit: std::time::Duration,
) -> std::process::Output {
    wait_within(spawn(args, std::process::Stdio::null()), limit)
}

#[cfg(unix)]
pub fn mkfifo(path: &std::path::Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

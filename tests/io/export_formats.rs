//! Every export format of a project full of tricky text, parsed back: each claim and field
//! is found, nothing a spreadsheet, a browser or a Markdown renderer would run survives.
//! The HTML and Markdown reports are in `export_reports.rs`, `claimdesk export` as the real
//! binary in `export_cli.rs`; both use this file's project.

use std::collections::HashMap;

use claimdesk::io::export::{self, Format, Options, claimreview};
use claimdesk::model::{
    Article, ArticleId, ArticleMeta, Claim, ClaimId, ClaimKind, ClaimOrigin, Evidence, Project,
    Speaker, SpeakerId, Status, StatusChange,
};
use serde_json::Value;

pub(crate) const SCRIPT: &str = "<script>alert(1)</script>";
pub(crate) const HYPERLINK: &str = "=HYPERLINK(\"http://x\")";
pub(crate) const JS_URL: &str = "javascript:alert(1)";

struct Spec {
    article: u64,
    content: &'static str,
    speaker: Option<u64>,
    mention: Option<&'static str>,
    cue: &'static str,
    kind: ClaimKind,
    status: Status,
    notes: &'static str,
    evidence: Vec<(&'static str, &'static str)>,
    history: Vec<(i64, Status, Status)>,
}

/// Claims that try every trick: quotes, commas, newlines, non-ASCII, HTML, formulas,
/// Markdown syntax, a `javascript:` evidence address.
fn specs() -> Vec<Spec> {
    use Status::*;
    vec![
        Spec {
            article: 1,
            content: "We said \"no\", then \"yes\" — and, frankly,\nwe meant it: café, naïve, 東京",
            speaker: Some(10),
            mention: Some("José Ñúñez"),
            cue: "said",
            kind: ClaimKind::Direct,
            status: Verified,
            notes: "Checked twice.\nSee <script>alert(1)</script> and \"quotes\", commas,",
            evidence: vec![
                (
                    "https://ok.example/report?a=1&b=(2)",
                    "Official [report] *here*",
                ),
                (JS_URL, "click me"),
                ("https://data.example/x", ""),
            ],
            history: vec![
                (1_709_400_000, Unchecked, Disputed),
                (1_709_500_000, Disputed, Verified),
            ],
        },
        Spec {
            article: 1,
            content: HYPERLINK,
            speaker: Some(11),
            mention: Some("@SUM(A1)"),
            cue: "according to",
            kind: ClaimKind::Indirect,
            status: False,
            notes: "=1+1",
            evidence: vec![("=HYPERLINK(\"http://evil\")", "-2+3")],
            history: vec![(1_709_600_000, Unchecked, False)],
        },
        Spec {
            article: 1,
            content: "+1 more, surely",
            speaker: None,
            mention: Some("- the aide"),
            cue: "claimed",
            kind: ClaimKind::Mixed,
            status: Unverifiable,
            notes: "@SUM(A1)",
            evidence: vec![],
            history: vec![(1_709_700_000, Unchecked, Unverifiable)],
        },
        Spec {
            article: 2,
            content: "@SUM(A1)",
            speaker: Some(10),
            mention: None,
            cue: ":",
            kind: ClaimKind::Headline,
            status: Unchecked,
            notes: "",
            evidence: vec![],
            history: vec![],
        },
        Spec {
            article: 2,
            content: "\tTabbed start, then a CR\rinside",
            speaker: Some(11),
            mention: Some("they"),
            cue: "added",
            kind: ClaimKind::Indirect,
            status: Disputed,
            notes: "-dash first",
            evidence: vec![("HTTP://UPPER.example/ok", "upper-case scheme")],
            history: vec![(1_709_800_000, Unchecked, Disputed)],
        },
        Spec {
            article: 2,
            content: "# not a heading\n1. not a list\n> not a quote\n`code` ![img](http://x) | table | <b>bold</b>",
            speaker: Some(12),
            mention: Some("Dr. <i>Who</i>"),
            cue: "wrote",
            kind: ClaimKind::Direct,
            status: Misleading,
            notes: "&amp; entity ~~strike~~ $math$ _em_ **strong** [link](javascript:alert(1))\n---\n===",
            evidence: vec![("https://x.example/a_(b)", "<img src=x onerror=alert(1)>")],
            history: vec![
                (1_709_900_000, Unchecked, Verified),
                (1_710_000_000, Verified, Misleading),
            ],
        },
    ]
}

pub(crate) fn project() -> Project {
    let mut p = Project::new(format!("Checks \"2024\", {SCRIPT}"));
    p.settings.organisation = "Vérif & Co <Team>".into();
    p.settings.review_url_pattern = "https://checks.example.org/claims/{id}?ref=cd".into();
    p.speakers = vec![
        Speaker {
            id: SpeakerId(10),
            name: "José Ñúñez".into(),
            role: Some("Minister, Finance \"acting\"".into()),
            aliases: vec!["Ñúñez".into()],
            is_body: false,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        },
        Speaker {
            id: SpeakerId(11),
            name: "@SUM(A1) Group".into(),
            role: Some("-2+3 lobby".into()),
            aliases: vec![],
            is_body: true,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        },
        Speaker {
            id: SpeakerId(12),
            name: "Dr. <i>Who</i>".into(),
            role: None,
            aliases: vec![],
            is_body: false,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        },
    ];
    let metas = [
        (
            format!("Ceasefire, \"talks\" & {SCRIPT}"),
            ArticleMeta {
                outlet: Some("Le Monde, Paris".into()),
                author: Some("=cmd|' /C calc'!A0".into()),
                published: Some("2024-03-02T08:00:00Z".into()),
                url: Some("https://news.example.com/a?x=1&y=\"2\"".into()),
            },
        ),
        (
            HYPERLINK.to_string(),
            ArticleMeta {
                outlet: Some("+1 News".into()),
                author: None,
                published: Some("March 2, 2024".into()),
                url: Some(JS_URL.into()),
            },
        ),
    ];
    for (i, (title, meta)) in metas.into_iter().enumerate() {
        let id = i as u64 + 1;
        let text: String = specs()
            .iter()
            .filter(|s| s.article == id)
            .map(|s| format!("{}\n\n", s.content.replace('\r', " ")))
            .collect();
        p.articles.push(Article {
            id: ArticleId(id),
            title,
            text,
            source_path: None,
            sha256: None,
            imported_at: Some(1_709_000_000),
            meta,
            memo: String::new(),
        });
    }
    for (i, s) in specs().into_iter().enumerate() {
        let text = &p.articles[s.article as usize - 1].text;
        let start = text
            .find(&s.content.replace('\r', " "))
            .expect("content in text");
        p.claims.push(Claim {
            id: ClaimId(100 + i as u64),
            number: 0,
            article: ArticleId(s.article),
            content: s.content.into(),
            start,
            end: start + s.content.len(),
            kind: s.kind,
            cue: s.cue.into(),
            mention: s.mention.map(Into::into),
            mention_span: None,
            speaker: s.speaker.map(SpeakerId),
            antecedent: None,
            status: s.status,
            notes: s.notes.into(),
            evidence: s
                .evidence
                .iter()
                .map(|(url, description)| Evidence {
                    url: (*url).into(),
                    description: (*description).into(),
                })
                .collect(),
            history: s
                .history
                .iter()
                .map(|&(at, from, to)| StatusChange { at, from, to })
                .collect(),
            origin: ClaimOrigin::Extracted,
            // The public rationale carries the same tricky text as the notes.
            rationale: public(s.notes),
            assignee: None,
            priority: Default::default(),
            in_progress: false,
            published: None,
            tags: Vec::new(),
            worth: None,
            claim_type: None,
            match_verdicts: Vec::new(),
        });
    }
    p.next_id = 200;
    p
}

/// A rationale made of a claim's tricky notes (none when there are no notes).
pub(crate) fn public(notes: &str) -> String {
    if notes.is_empty() {
        String::new()
    } else {
        format!("{notes}\nPublic reason")
    }
}

pub(crate) fn render(p: &Project, format: Format) -> Vec<u8> {
    export::render(p, format, Options::default()).expect("export")
}

/// What a CSV cell must hold: the text, with an apostrophe first if a spreadsheet would
/// run it as a formula.
pub(crate) fn neutralised(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

#[test]
fn csv_has_every_claim_and_field_and_no_formula() {
    let p = project();
    let bytes = render(&p, Format::Csv);
    assert!(!bytes.starts_with(export::csv::BOM));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, export::csv::HEADER);
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed record");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), p.claims.len());
    // Export order: article order, then position in the article.
    let ids: Vec<&str> = rows.iter().map(|r| r["claim_id"].as_str()).collect();
    assert_eq!(ids, ["100", "101", "102", "103", "104", "105"]);

    for row in &rows {
        for (column, cell) in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{column} would run as a formula: {cell:?}"
            );
        }
    }
    for c in &p.claims {
        let row = rows
            .iter()
            .find(|r| r["claim_id"] == c.id.0.to_string())
            .expect("a row per claim");
        let article = p.article(c.article).unwrap();
        let speaker = c.speaker.and_then(|s| p.speaker(s));
        let m = &article.meta;
        let expect = |column: &str, text: &str| {
            assert_eq!(row[column], neutralised(text), "claim {} {column}", c.id.0);
        };
        expect("claim", &c.content);
        expect("article_title", &article.title);
        expect("outlet", m.outlet.as_deref().unwrap_or(""));
        expect("url", m.url.as_deref().unwrap_or(""));
        expect("published", m.published.as_deref().unwrap_or(""));
        expect("speaker", speaker.map_or("", |s| s.name.as_str()));
        expect(
            "role",
            speaker.and_then(|s| s.role.as_deref()).unwrap_or(""),
        );
        expect(
            "speaker_is_body",
            speaker.map_or("", |s| if s.is_body { "yes" } else { "no" }),
        );
        expect("mention", c.mention.as_deref().unwrap_or(""));
        expect("cue", &c.cue);
        expect("kind", c.kind.key());
        expect("status", c.status.key());
        expect("notes", &c.notes);
        expect("rationale", &c.rationale);
        let urls: Vec<&str> = c.evidence.iter().map(|e| e.url.as_str()).collect();
        expect("evidence_urls", &urls.join("\n"));
        let descriptions: Vec<&str> = c.evidence.iter().map(|e| e.description.as_str()).collect();
        expect("evidence_descriptions", &descriptions.join("\n"));
    }
    let first = &rows[0];
    assert_eq!(
        first["verdict_date"], "2024-03-03",
        "the latest status change"
    );
    assert_eq!(rows[3]["verdict_date"], "", "never reviewed");
    assert_eq!(rows[1]["claim"], "'=HYPERLINK(\"http://x\")");
    assert_eq!(rows[2]["claim"], "'+1 more, surely");
    assert_eq!(rows[3]["claim"], "'@SUM(A1)");
    assert_eq!(rows[4]["claim"], "'\tTabbed start, then a CR\rinside");
    assert_eq!(rows[1]["speaker"], "'@SUM(A1) Group");
    assert_eq!(rows[0]["published"], "2024-03-02T08:00:00Z");
}

#[test]
fn csv_bom_is_optional_and_the_rest_identical() {
    let p = project();
    let plain = render(&p, Format::Csv);
    let with = export::render(
        &p,
        Format::Csv,
        Options {
            bom: true,
            ..Options::default()
        },
    )
    .unwrap();
    assert_eq!(&with[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(&with[3..], plain.as_slice());
    assert!(std::str::from_utf8(&plain).is_ok());
    // JSON must not start with a BOM: refused, with the reason.
    let err = export::render(
        &p,
        Format::Json,
        Options {
            bom: true,
            ..Options::default()
        },
    )
    .unwrap_err();
    assert!(err.contains("only for CSV"), "{err}");
}

#[test]
fn csv_evidence_with_line_breaks_keeps_urls_and_descriptions_aligned() {
    let mut p = project();
    p.claims[0].evidence = vec![
        Evidence {
            url: "https://a.example/1".into(),
            description: "two\nlines".into(),
        },
        Evidence {
            url: "https://a.example/2".into(),
            description: "second".into(),
        },
    ];
    let bytes = render(&p, Format::Csv);
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let record = reader.records().next().unwrap().unwrap();
    assert_eq!(&record[15], "https://a.example/1\nhttps://a.example/2");
    assert_eq!(&record[16], "two lines\nsecond");
}

#[test]
fn json_is_the_documented_contract_with_every_claim() {
    let p = project();
    let doc: Value = serde_json::from_slice(&render(&p, Format::Json)).unwrap();
    assert_eq!(doc["format"], "claimdesk-export");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["project"], p.name.as_str());
    assert_eq!(doc["organisation"], "Vérif & Co <Team>");
    let claims = doc["claims"].as_array().unwrap();
    assert_eq!(claims.len(), p.claims.len());
    for c in &p.claims {
        let out = claims
            .iter()
            .find(|o| o["id"] == c.id.0)
            .expect("every claim");
        assert_eq!(out["content"], c.content.as_str());
        assert_eq!(out["notes"], c.notes.as_str());
        assert_eq!(out["rationale"], c.rationale.as_str());
        assert_eq!(out["status"], c.status.key());
        assert_eq!(out["evidence"].as_array().unwrap().len(), c.evidence.len());
        for (e, o) in c.evidence.iter().zip(out["evidence"].as_array().unwrap()) {
            assert_eq!(o["url"], e.url.as_str());
            assert_eq!(o["description"], e.description.as_str());
        }
        let speaker = c.speaker.and_then(|s| p.speaker(s));
        assert_eq!(
            out["speaker_name"],
            speaker.map_or(Value::Null, |s| s.name.as_str().into())
        );
        assert_eq!(
            out["article_title"],
            p.article(c.article).unwrap().title.as_str()
        );
    }
}

#[test]
fn claimreview_has_one_review_per_verdict() {
    let p = project();
    let doc: Value = serde_json::from_slice(&render(&p, Format::ClaimReview)).unwrap();
    let reviews = doc.as_array().expect("a JSON array");
    let reviewed: Vec<&Claim> = p
        .claims
        .iter()
        .filter(|c| c.status != Status::Unchecked)
        .collect();
    assert_eq!(reviews.len(), reviewed.len());
    assert_eq!(reviewed.len(), 5);
    for (c, r) in reviewed.iter().zip(reviews) {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        assert_eq!(r["claimReviewed"], c.content.as_str());
        assert_eq!(
            r["url"],
            format!("https://checks.example.org/claims/{}?ref=cd", c.id.0).as_str()
        );
        assert_eq!(r["author"]["@type"], "Organization");
        assert_eq!(r["author"]["name"], "Vérif & Co <Team>");
        let latest = c.history.iter().map(|h| h.at).max().unwrap();
        assert_eq!(r["datePublished"], export::iso_date(latest).as_str());
        let rating = &r["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        assert_eq!(rating["alternateName"], c.status.label());
        match claimreview::rating_value(c.status) {
            Some(v) => {
                assert_eq!(rating["ratingValue"], v);
                assert_eq!(rating["bestRating"], 5);
                assert_eq!(rating["worstRating"], 1);
            }
            None => {
                assert!(rating.get("ratingValue").is_none());
                assert!(rating.get("bestRating").is_none());
            }
        }
        let item = &r["itemReviewed"];
        assert_eq!(item["@type"], "Claim");
        match c.speaker.and_then(|s| p.speaker(s)) {
            Some(s) => {
                let author = &item["author"];
                assert_eq!(author["name"], s.name.as_str());
                if s.is_body {
                    assert_eq!(author["@type"], "Organization");
                    assert_eq!(author["description"], s.role.as_deref().unwrap());
                } else {
                    assert_eq!(author["@type"], "Person");
                    assert_eq!(
                        author["jobTitle"],
                        s.role.as_deref().map_or(Value::Null, Value::from)
                    );
                }
            }
            None => assert!(item.get("author").is_none()),
        }
        let article = p.article(c.article).unwrap();
        let appearance = &item["appearance"];
        assert_eq!(appearance["@type"], "CreativeWork");
        assert_eq!(appearance["headline"], article.title.as_str());
        if c.article == ArticleId(1) {
            assert_eq!(item["datePublished"], "2024-03-02");
            assert_eq!(appearance["url"], "https://news.example.com/a?x=1&y=\"2\"");
            assert_eq!(appearance["publisher"]["name"], "Le Monde, Paris");
        } else {
            // "March 2, 2024" is no ISO date; a javascript: address is no appearance.
            assert!(item.get("datePublished").is_none());
            assert!(appearance.get("url").is_none());
        }
    }
    assert_eq!(reviews[0]["reviewRating"]["ratingValue"], 5);
    assert_eq!(reviews[1]["reviewRating"]["ratingValue"], 1);
    assert_eq!(
        reviews[1]["itemReviewed"]["author"]["@type"],
        "Organization"
    );
    assert_eq!(reviews[2]["reviewRating"]["alternateName"], "Unverifiable");
    assert_eq!(reviews[3]["reviewRating"]["ratingValue"], 3);
    assert_eq!(reviews[4]["reviewRating"]["ratingValue"], 2);
}

/// A reported clause keeps its "that" in the claim (the clause as reported); the
/// ClaimReview's claimReviewed is the statement itself.
#[test]
fn claimreview_reviews_the_statement_without_its_complementizer() {
    let mut p = project();
    let c = p
        .claims
        .iter_mut()
        .find(|c| c.status != Status::Unchecked)
        .expect("a reviewed claim");
    let statement = c.content.clone();
    c.content = format!("that {statement}");
    let doc: Value = serde_json::from_slice(&render(&p, Format::ClaimReview)).unwrap();
    assert_eq!(doc[0]["claimReviewed"], statement.as_str());
}

#[test]
fn claimreview_without_settings_leaves_out_author_and_url_and_warns() {
    let mut p = project();
    p.settings = Default::default();
    let doc: Value = serde_json::from_slice(&render(&p, Format::ClaimReview)).unwrap();
    let first = &doc[0];
    assert!(first.get("author").is_none());
    assert!(first.get("url").is_none());
    let warnings = export::warnings(&p, Format::ClaimReview);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    p.settings.review_url_pattern = "javascript:open({id})".into();
    let doc: Value = serde_json::from_slice(&render(&p, Format::ClaimReview)).unwrap();
    assert!(doc[0].get("url").is_none());
    assert!(export::warnings(&p, Format::Csv).is_empty());
    // A project with no verdict gives an empty array.
    let empty: Value =
        serde_json::from_slice(&render(&Project::new("x"), Format::ClaimReview)).unwrap();
    assert_eq!(empty, Value::Array(vec![]));
}

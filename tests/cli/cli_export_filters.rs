//! `claimdesk export P --status … --tag … --speaker …`: exactly the claims the window's
//! table shows with the same filters (one filter code for both), and a bad value is one
//! line naming the valid ones, exit 1, nothing written.

use crate::common;

use common::{big_project, claimdesk, stderr};

use claimdesk::io::project_file::save_project;
use claimdesk::model::filter::filtered;
use claimdesk::model::{Filter, Project, Status};
use serde_json::Value;

/// A project with tags on some claims and one claim marked Not a claim.
fn tagged_project() -> Project {
    let mut p = big_project(4, 12, "t");
    for (i, c) in p.claims.iter_mut().enumerate() {
        if i % 3 == 0 {
            c.tags.push("For tomorrow".into());
        }
        if i % 4 == 0 {
            c.tags.push("economy".into());
        }
    }
    p.claims[0].status = Status::Rejected;
    p
}

fn exported_ids(stdout: &[u8]) -> Vec<u64> {
    let doc: Value = serde_json::from_slice(stdout).expect("JSON");
    let mut ids: Vec<u64> = doc["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .map(|c| c["id"].as_u64().expect("id"))
        .collect();
    ids.sort_unstable();
    ids
}

fn shown_ids(p: &Project, f: &Filter) -> Vec<u64> {
    let mut ids: Vec<u64> = filtered(p, f).iter().map(|&i| p.claims[i].id.0).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn the_export_holds_exactly_what_the_table_shows_with_those_filters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.claimdesk");
    let p = tagged_project();
    save_project(&path, &p).unwrap();
    let speaker = p.claims[3].speaker.expect("a speaker");
    let name = p.speaker(speaker).unwrap().name.clone();

    let window = Filter {
        statuses: vec![Status::Verified, Status::Disputed],
        tags: vec!["For tomorrow".into()],
        ..Filter::default()
    };
    let out = claimdesk(&[
        &"export",
        &path,
        &"--status",
        &"verified,DISPUTED",
        &"--tag",
        &"for tomorrow",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let want = shown_ids(&p, &window);
    assert!(
        !want.is_empty() && want.len() < p.claims.len() / 4,
        "{want:?}"
    );
    assert_eq!(exported_ids(&out.stdout), want);

    // Speaker by name (any case), tags as any of several.
    let window = Filter {
        speaker: Some(speaker),
        tags: vec!["economy".into(), "For tomorrow".into()],
        ..Filter::default()
    };
    let upper = name.to_uppercase();
    let out = claimdesk(&[
        &"export",
        &path,
        &"--speaker",
        &upper,
        &"--tag",
        &"economy,for tomorrow",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(exported_ids(&out.stdout), shown_ids(&p, &window));

    // Not a claim chosen as a status: exported, as the table shows it.
    let out = claimdesk(&[&"export", &path, &"--status", &"rejected"]);
    assert_eq!(exported_ids(&out.stdout), vec![p.claims[0].id.0]);

    // The CSV: the same rows, tags in the last column.
    let out = claimdesk(&[
        &"export",
        &path,
        &"--format",
        &"csv",
        &"--tag",
        &"economy",
        &"--status",
        &"unchecked",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",in_progress,worth,claim_type,tags")
    );
    let rows: Vec<&str> = lines.collect();
    let window = Filter {
        statuses: vec![Status::Unchecked],
        tags: vec!["economy".into()],
        ..Filter::default()
    };
    assert_eq!(rows.len(), shown_ids(&p, &window).len());
    assert!(rows.iter().all(|r| r.contains("economy")), "{rows:?}");
}

#[test]
fn a_bad_filter_value_is_one_line_naming_the_valid_ones_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("day.claimdesk");
    save_project(&path, &tagged_project()).unwrap();
    let target = dir.path().join("out.json");
    for (flag, value, valid) in [
        ("--status", "verified,done", "unchecked, verified, disputed"),
        ("--tag", "nope", "\"economy\", \"For tomorrow\""),
        ("--speaker", "Nobody Here", "\"Speaker Número 0\""),
        ("--priority", "urgent", "high, normal, low"),
        ("--assignee", "Ana", "\"none\""),
        (
            "--article",
            "No such title",
            "\"Article 0: talks resume — día 0\"",
        ),
    ] {
        let out = claimdesk(&[&"export", &path, &flag, &value, &"-o", &target]);
        assert_eq!(out.status.code(), Some(1), "{flag} {value}");
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(flag) && err.contains(valid), "{err}");
        assert!(!target.exists(), "nothing written for {flag} {value}");
        assert!(out.stdout.is_empty());
    }
}

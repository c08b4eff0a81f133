//! `claimdesk rank`: one record per sentence in input order, `--lines`, CSV, bad files.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn claimdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
}

fn rank_stdin(args: &[&str], input: &str) -> Output {
    let mut child = claimdesk()
        .arg("rank")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writes");
    child.wait_with_output().expect("finishes")
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
        .collect()
}

const TALK: &str = "Thank you all for coming tonight.\n\
                    Unemployment fell to 3.5% last year. What do you think?\n\
                    \n\
                    We will build a new bridge by 2030.\n";

#[test]
fn every_sentence_in_input_order_with_its_line_and_offsets() {
    let out = rank_stdin(&["-"], TALK);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let texts: Vec<&str> = recs.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "Thank you all for coming tonight.",
            "Unemployment fell to 3.5% last year.",
            "What do you think?",
            "We will build a new bridge by 2030."
        ]
    );
    let lines: Vec<u64> = recs.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 2, 4]);
    for r in &recs {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&TALK[s..e], r["text"].as_str().unwrap());
        let score = r["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score), "{score}");
        assert!(r["type"].is_string());
        assert_eq!(r["file"], "-");
    }
    let (thanks, fact) = (
        recs[0]["score"].as_f64().unwrap(),
        recs[1]["score"].as_f64().unwrap(),
    );
    assert!(fact > thanks, "fact {fact} vs thanks {thanks}");
    assert!(fact >= 0.5, "{fact}");
    assert_eq!(recs[1]["type"], "quantity");
    assert_eq!(recs[0]["type"], "none");
}

#[test]
fn lines_makes_each_non_empty_line_one_sentence() {
    let out = rank_stdin(&["--lines", "-"], TALK);
    assert!(out.status.success());
    let recs = records(&out);
    let lines: Vec<u64> = recs.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [1, 2, 4]);
    assert_eq!(
        recs[1]["text"],
        "Unemployment fell to 3.5% last year. What do you think?"
    );
}

#[test]
fn a_bad_file_is_one_line_and_the_others_go_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "The deficit doubled to $2 trillion in 2020.\n").expect("writes");
    let missing = dir.path().join("missing.txt");
    let out = claimdesk()
        .args(["rank".as_ref(), missing.as_os_str(), good.as_os_str()])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("missing.txt"), "{err}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["file"], good.display().to_string());
    let none = claimdesk()
        .args(["rank".as_ref(), missing.as_os_str()])
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn csv_quotes_commas_quotes_and_formulas() {
    let input = "He said \"no, never\" and left.\n=SUM(A1) cost 5 dollars.\n";
    let out = rank_stdin(&["--lines", "--format", "csv", "-"], input);
    assert!(out.status.success());
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        ["file", "line", "start", "end", "text", "score", "type"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][4], "He said \"no, never\" and left.");
    // A formula is shown as text.
    assert_eq!(&rows[1][4], "'=SUM(A1) cost 5 dollars.");
    let score: f64 = rows[0][5].parse().expect("a number");
    assert!((0.0..=1.0).contains(&score));
}

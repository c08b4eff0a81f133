//! `claimdesk extract`: the JSON contract, CSV, and clear errors on bad input.

use std::process::Command;

fn claimdesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimdesk"))
}

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/rafah-kirby-gallant.txt"
);

#[test]
fn json_shape_is_the_documented_contract() {
    let out = claimdesk()
        .args(["extract", SAMPLE])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let article = &doc["articles"][0];
    assert_eq!(article["path"], SAMPLE);
    assert_eq!(
        article["title"],
        "US to closely monitor Israeli military actions in Rafah: White House"
    );
    // Metadata a plain text file does not have is null (web pages fill it in).
    for key in ["outlet", "author", "published", "url"] {
        assert!(article.get(key).is_some_and(|v| v.is_null()), "{key}");
    }
    let claims = article["claims"].as_array().expect("claims array");
    assert!(claims.len() >= 20);
    let kirby = claims
        .iter()
        .find(|c| c["mention"] == "Kirby" && c["cue"] == "said")
        .expect("a claim by Kirby");
    assert_eq!(kirby["speaker"], "John Kirby");
    assert_eq!(kirby["role"], "National Security Council Spokesperson");
    for key in ["content", "cue", "kind", "start", "end"] {
        assert!(!kirby[key].is_null(), "{key} missing");
    }
    let text = std::fs::read_to_string(SAMPLE).expect("sample");
    let (s, e) = (
        kirby["start"].as_u64().unwrap() as usize,
        kirby["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], kirby["content"].as_str().unwrap());
}

#[test]
fn csv_has_a_header_and_a_row_per_claim() {
    let out = claimdesk()
        .args(["extract", "--format", "csv", SAMPLE])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = rdr.headers().expect("header").clone();
    assert_eq!(&headers[2], "speaker");
    let rows: Vec<_> = rdr.records().collect::<Result<_, _>>().expect("rows parse");
    assert!(rows.len() >= 20);
    assert!(rows.iter().any(|r| &r[2] == "Yoav Gallant"));
}

#[test]
fn bad_inputs_give_one_line_errors_and_the_rest_still_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = |name: &str| dir.path().join(name);
    std::fs::write(p("empty.txt"), b"").unwrap();
    std::fs::write(p("binary.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(p("latin1.txt"), b"Caf\xe9 owner said prices rose.").unwrap();
    std::fs::write(p("quotes.txt"), "\"".repeat(100_000)).unwrap();
    std::fs::write(
        p("long.txt"),
        "He said the plan works, officials said. ".repeat(100_000),
    )
    .unwrap();
    std::fs::create_dir(p("folder")).unwrap();
    let out = claimdesk()
        .arg("extract")
        .args([
            p("empty.txt"),
            p("binary.bin"),
            p("latin1.txt"),
            p("missing.txt"),
            p("folder"),
        ])
        .arg(SAMPLE)
        .args([p("quotes.txt"), p("long.txt")])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(2),
        "some inputs failed, others were processed"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let (warnings, lines): (Vec<_>, Vec<_>) = stderr
        .lines()
        .partition(|l| l.starts_with("claimdesk: warning: "));
    assert_eq!(lines.len(), 4, "one line per bad file: {stderr}");
    // 100,000 claims in one line: the first 20,000 are taken, and a warning says so.
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0].contains("long.txt: has more claims than claimdesk takes from one article"),
        "{stderr}"
    );
    for (name, why) in [
        ("empty.txt", "empty"),
        ("binary.bin", "binary"),
        ("missing.txt", "no such file"),
        ("folder", "directory"),
    ] {
        assert!(
            lines.iter().any(|l| l.contains(name) && l.contains(why)),
            "{name}: {stderr}"
        );
    }
    assert!(!stderr.contains("panicked"));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    // Latin-1 text is read as such (issue 5), the rest as before.
    let articles = doc["articles"].as_array().expect("articles");
    assert_eq!(articles.len(), 4);
    assert!(
        articles
            .iter()
            .any(|a| a["title"] == "Café owner said prices rose.")
    );
}

#[test]
fn nothing_readable_exits_1() {
    let out = claimdesk()
        .args(["extract", "/nonexistent/a.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/a.txt"));
}

#[test]
fn bad_arguments_exit_1_and_help_exits_0() {
    let out = claimdesk()
        .args(["extract", "--format", "xml", SAMPLE])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("xml"));
    let out = claimdesk()
        .args(["extract", "--help"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.txt");
    std::fs::write(&big, "Officials said the talks went well. ".repeat(50_000)).unwrap();
    let mut child = claimdesk()
        .arg("extract")
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut first = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("some output");
    // stdout is dropped here: the pipe closes while claimdesk is still writing.
    let out = child.wait_with_output().expect("waits");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("Broken pipe") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

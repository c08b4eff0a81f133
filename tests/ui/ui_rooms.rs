//! Rooms you can find (issue 11, point 5): no import circles between the window's
//! modules, no view that takes the whole app, no source file over about 600 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `ui` module a file belongs to: `app` for everything under `ui/app/`.
fn module_of(ui: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(ui).unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The `ui` modules a file refers to (`super::x`, `crate::ui::x`).
fn uses(text: &str, modules: &BTreeSet<String>, inside_app: bool) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for m in modules {
        let direct = [format!("crate::ui::{m}"), format!("ui::{m}::")];
        let sup = if inside_app {
            format!("crate::ui::{m}")
        } else {
            format!("super::{m}")
        };
        let braces = text.contains("super::{") && !inside_app;
        if direct.iter().any(|d| text.contains(d.as_str()))
            || text.contains(&format!("{sup}::"))
            || text.contains(&format!("{sup};"))
            || (braces && brace_list_has(text, m))
        {
            found.insert(m.clone());
        }
    }
    found
}

/// `use super::{a, b::c, …}` names `m`.
fn brace_list_has(text: &str, m: &str) -> bool {
    text.match_indices("use super::{").any(|(at, _)| {
        let rest = &text[at..];
        let list = &rest[..rest.find("};").unwrap_or(rest.len())];
        list.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .any(|item| {
                item.trim_start_matches("use").trim() == m || item.starts_with(&format!("{m}::"))
            })
    })
}

#[test]
fn the_window_has_no_import_circles_and_no_view_takes_the_app() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .map(|f| module_of(&ui, f))
        .filter(|m| m != "mod")
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let m = module_of(&ui, file);
        if m == "mod" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        let mut deps = uses(&text, &modules, m == "app");
        deps.remove(&m);
        graph.entry(m.clone()).or_default().extend(deps);
        if m != "app" {
            assert!(
                !text.contains("ClaimdeskApp"),
                "{} names the app: views get narrow inputs",
                file.display()
            );
        }
    }
    assert!(graph["command"].is_empty() || !graph["command"].contains("app"));
    // Depth-first search for a cycle.
    fn visit(
        m: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = path.iter().position(|p| p == m) {
            panic!("import circle: {} -> {m}", path[at..].join(" -> "));
        }
        path.push(m.to_string());
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, path, done);
        }
        path.pop();
        done.insert(m.to_string());
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        visit(m, &graph, &mut Vec::new(), &mut done);
    }
    // The known circles of issue 11 are gone, and the check sees real edges.
    assert!(graph["article_view"].contains("state"));
    assert!(graph["app"].contains("command"));
}

#[test]
fn no_source_file_of_the_window_or_the_model_is_over_600_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/ui"), &mut files);
    rust_files(&root.join("src/model"), &mut files);
    for file in files {
        let lines = std::fs::read_to_string(&file).unwrap().lines().count();
        assert!(lines <= 600, "{} has {lines} lines", file.display());
    }
}

/// Views change what the table shows only through the queue (issue 11, point 1): no file
/// of `ui/` but the dispatcher (`app/`) and the view state itself assigns the filter, the
/// sort or the tab, or the Speakers tab's search, sort and selection.
#[test]
fn views_change_filter_sort_and_tab_only_through_actions() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut offenders = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&ui).unwrap().to_string_lossy().to_string();
        if rel.starts_with("app") || rel == "state.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let l = line.trim_start();
            for field in [
                "view.filter",
                "view.sort",
                "view.tab",
                "view.speakers.query",
                "view.speakers.selection",
            ] {
                if l.starts_with(field)
                    && l[field.len()..].trim_start().starts_with(['=', '.'])
                    && l.contains(" = ")
                {
                    offenders.push(format!("{rel}:{}: {l}", n + 1));
                }
            }
            if l.contains("&mut view.filter") {
                offenders.push(format!("{rel}:{}: {l}", n + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "views writing view state directly:\n{}",
        offenders.join("\n")
    );
}

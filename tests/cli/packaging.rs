//! The desktop integration files agree with each other and with the window (docs/packaging.md):
//! one app id everywhere, the `.claimdesk` type named the same in the menu entry and the MIME
//! package, and every packaged file present. The package itself is built, installed and
//! checked by `.ci/package.sh`.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

const ID: &str = claimdesk::ui::APP_ID;

#[test]
fn one_app_id_names_the_menu_entry_the_metadata_the_icon_and_the_window() {
    let desktop = read(&format!("packaging/{ID}.desktop"));
    assert!(desktop.lines().any(|l| l == format!("Icon={ID}")));
    assert!(desktop.lines().any(|l| l == format!("StartupWMClass={ID}")));
    assert!(desktop.lines().any(|l| l == "Exec=claimdesk %F"));
    let metainfo = read(&format!("packaging/{ID}.metainfo.xml"));
    assert!(metainfo.contains(&format!("<id>{ID}</id>")));
    assert!(metainfo.contains(&format!(
        "<launchable type=\"desktop-id\">{ID}.desktop</launchable>"
    )));
    assert!(metainfo.contains(&format!("<icon type=\"stock\">{ID}</icon>")));
    let cargo = read("Cargo.toml");
    for size in ["48x48", "64x64", "128x128", "256x256", "512x512"] {
        assert!(
            cargo.contains(&format!("usr/share/icons/hicolor/{size}/apps/{ID}.png")),
            "{size} icon not packaged"
        );
    }
    assert!(cargo.contains(&format!("usr/share/icons/hicolor/scalable/apps/{ID}.svg")));
}

#[test]
fn the_project_type_is_one_name_with_the_project_files_own_header() {
    let mime = read(&format!("packaging/{ID}.xml"));
    assert!(mime.contains("<mime-type type=\"application/x-claimdesk-project\">"));
    assert!(mime.contains("<glob pattern=\"*.claimdesk\"/>"));
    let desktop = read(&format!("packaging/{ID}.desktop"));
    let types = desktop
        .lines()
        .find_map(|l| l.strip_prefix("MimeType="))
        .expect("a MimeType line");
    assert!(
        types
            .split(';')
            .any(|t| t == "application/x-claimdesk-project")
    );
    // The magic is the header a saved project starts with.
    let saved = read("tests/data/project-v1.claimdesk");
    let head = &saved[..saved.len().min(1024)];
    assert!(head.contains("\"format\": \"claimdesk-project\""));
    assert!(mime.contains("&quot;format&quot;: &quot;claimdesk-project&quot;"));
}

#[test]
fn every_packaged_file_exists_and_the_window_icon_decodes() {
    let cargo = read("Cargo.toml");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for source in cargo
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .filter(|s| !s.starts_with("target/"))
    {
        assert!(
            root.join(source).is_file(),
            "{source} is packaged but missing"
        );
    }
    let icon = claimdesk::ui::window_icon().expect("the window icon decodes");
    assert_eq!((icon.width, icon.height), (128, 128));
    assert_eq!(icon.rgba.len(), 128 * 128 * 4);
}

#[test]
fn the_man_pages_and_completions_come_from_the_command_line_definitions() {
    let generated = Path::new(env!("OUT_DIR")).join("generated");
    let read_generated =
        |p: &str| std::fs::read_to_string(generated.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let man = read_generated("man/claimdesk.1");
    assert!(man.contains(".TH claimdesk 1"), "{man}");
    for sub in ["extract", "import", "export", "share", "library", "watch"] {
        assert!(man.contains(sub), "the man page does not name {sub}");
        assert!(generated.join(format!("man/claimdesk-{sub}.1")).is_file());
    }
    // Each shell's completion offers the subcommands and an option of one of them.
    for file in [
        "completions/claimdesk.bash",
        "completions/_claimdesk",
        "completions/claimdesk.fish",
    ] {
        let text = read_generated(file);
        for word in ["extract", "library", "include-rejected"] {
            assert!(text.contains(word), "{file} lacks {word}");
        }
    }
}

#[test]
fn the_packaged_man_pages_are_gzipped_copies_of_the_generated_ones() {
    use std::io::Read;
    let man = Path::new(env!("OUT_DIR")).join("generated/man");
    let plain = std::fs::read(man.join("claimdesk.1")).expect("claimdesk.1");
    let gz = std::fs::File::open(man.join("claimdesk.1.gz")).expect("claimdesk.1.gz");
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_end(&mut unpacked)
        .expect("gzip");
    assert_eq!(unpacked, plain);
}

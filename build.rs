//! Generates the man pages (plain and gzipped) and the bash, zsh and fish completions from the command line's
//! own definitions (`src/cli/args.rs`, read here as a module of this script), so they
//! never drift from the code.
//!
//! They are written to `OUT_DIR` and copied to `<target>/<profile>/generated/`, the one
//! place `cargo deb` can name (its asset paths start with `target/release/`, which it maps
//! to the profile it builds; see `[package.metadata.deb]` in Cargo.toml and
//! docs/packaging.md). The script runs again only when the definitions change.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

#[path = "src/cli/args.rs"]
#[allow(dead_code)]
mod args;

fn main() -> std::io::Result<()> {
    println!("cargo::rerun-if-changed=src/cli/args.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or(std::io::ErrorKind::NotFound)?);
    let generated = out.join("generated");
    generate(&generated)?;
    // OUT_DIR is <target>/<profile>/build/claimdesk-<hash>/out.
    if let Some(profile_dir) = out.ancestors().nth(3) {
        copy_dir(&generated, &profile_dir.join("generated"))?;
    }
    Ok(())
}

fn generate(dir: &Path) -> std::io::Result<()> {
    let man = dir.join("man");
    let completions = dir.join("completions");
    std::fs::create_dir_all(&man)?;
    std::fs::create_dir_all(&completions)?;
    // claimdesk.1 and one page per subcommand (claimdesk-extract.1, …), each also gzipped
    // as Debian installs man pages (cargo deb compresses only files it did not build).
    clap_mangen::generate_to(args::Cli::command(), &man)?;
    for entry in std::fs::read_dir(&man)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "1") {
            gzip(&path)?;
        }
    }
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let mut cmd = args::Cli::command();
        clap_complete::generate_to(shell, &mut cmd, "claimdesk", &completions)?;
    }
    Ok(())
}

/// `page.1` -> `page.1.gz`, best compression, no name or time in the header (the same
/// bytes on every build).
fn gzip(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    let file = std::fs::File::create(PathBuf::from(name))?;
    let mut gz = flate2::GzBuilder::new().write(file, flate2::Compression::best());
    gz.write_all(&std::fs::read(path)?)?;
    gz.finish()?.sync_all()
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

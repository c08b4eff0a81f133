#!/usr/bin/env bash
# CI: build the Debian package from the test build (cargo deb --profile dev: one build
# profile in CI; a release package is `cargo deb`, docs/packaging.md), install it, run the
# installed binary, check what a desktop reads (menu entry, AppStream metadata, MIME type,
# icon, man page, completions), then remove it. Run from the repository's root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! cargo deb --version >/dev/null 2>&1; then
  cargo install --locked cargo-deb --version 3.8.0
fi
rm -rf target/debian
cargo deb --profile dev --fast --quiet 2> >(grep -v "dev profile is not supported" >&2)
deb=$(ls target/debian/claimdesk_*.deb)
echo "package: $deb"

$SUDO apt-get install -y -qq "./$deb" >/dev/null
trap '$SUDO apt-get remove -y -qq claimdesk >/dev/null 2>&1 || true' EXIT

fail() { echo "package check: $*" >&2; exit 1; }
[ "$(command -v claimdesk)" = /usr/bin/claimdesk ] || fail "claimdesk is not /usr/bin/claimdesk"
/usr/bin/claimdesk --version | grep -q '^claimdesk ' || fail "claimdesk --version"
claims=$(/usr/bin/claimdesk extract assets/rafah-kirby-gallant.txt | grep -o '"content"' | wc -l)
[ "$claims" -gt 0 ] || fail "the installed claimdesk extracted no claim from the sample"
echo "package: /usr/bin/claimdesk extract found $claims claims in the sample"

desktop=/usr/share/applications/org.claimdesk.Claimdesk.desktop
[ -f "$desktop" ] || fail "no $desktop"
out=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $out"
[ -z "$out" ] || fail "desktop-file-validate: $out"
grep -qx 'Exec=claimdesk %F' "$desktop" || fail "Exec line"
grep -q '^MimeType=application/x-claimdesk-project;' "$desktop" || fail "MimeType line"
appstreamcli validate --no-net /usr/share/metainfo/org.claimdesk.Claimdesk.metainfo.xml >/dev/null \
  || fail "appstreamcli validate"
grep -q 'x-claimdesk-project:\*\.claimdesk' /usr/share/mime/globs2 || fail "MIME glob not in the database"
grep -q 'application/x-claimdesk-project' /usr/share/mime/magic || fail "MIME magic not in the database"
[ -f /usr/share/icons/hicolor/scalable/apps/org.claimdesk.Claimdesk.svg ] || fail "SVG icon"
for size in 48 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/org.claimdesk.Claimdesk.png" ] || fail "${size} px icon"
done
[ -f /usr/share/man/man1/claimdesk.1.gz ] || fail "man page"
zcat /usr/share/man/man1/claimdesk.1.gz | grep -q 'extract' || fail "the man page names no subcommand"
[ -f /usr/share/bash-completion/completions/claimdesk ] || fail "bash completion"
[ -f /usr/share/zsh/vendor-completions/_claimdesk ] || fail "zsh completion"
[ -f /usr/share/fish/vendor_completions.d/claimdesk.fish ] || fail "fish completion"

$SUDO apt-get remove -y -qq claimdesk >/dev/null
trap - EXIT
[ ! -e /usr/bin/claimdesk ] || fail "/usr/bin/claimdesk left after removal"
echo "package: built, installed, checked and removed"

#!/usr/bin/env bash
# Gather the treebank data the tagger is trained and measured on (see docs/tagger.md).
# Usage: tools/tagger-data.sh GUM_GIT_DIR EWT_DIR PUD_GIT_DIR OUT_DIR
#   GUM_GIT_DIR: a clone of github.com/UniversalDependencies/UD_English-GUM (its .git dir or work tree)
#   EWT_DIR:     a directory holding en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu
#   PUD_GIT_DIR: a clone of github.com/UniversalDependencies/UD_English-PUD
# Writes OUT_DIR/train/*.conllu (EWT dev + the GUM train/dev documents of CC BY or
# public-domain genres), OUT_DIR/gum-test/*.conllu (GUM test documents of those genres)
# and OUT_DIR/pud.conllu. Nothing here is committed: the treebanks stay outside the repository.
set -euo pipefail
gum=$1 ewt=$2 pud=$3 out=$4
# GUM genres whose texts are CC BY (Wikinews, Wikipedia, Wikivoyage, OpenStax, YouTube CC,
# Santa Barbara Corpus) or public domain (political speeches), per GUM's LICENSE.txt.
# Excluded: fiction and wikiHow (CC BY-NC-SA), and genres the licence does not name.
genres='bio|conversation|interview|news|speech|textbook|vlog|voyage'
mkdir -p "$out/train" "$out/gum-test"
g() { git --git-dir="$gum" "$@" 2>/dev/null || git -C "$gum" "$@"; }
[ -d "$gum/.git" ] && gum="$gum/.git"
g show HEAD:not-to-release/file-lists/files.test | tr -d '\r' > "$out/gum-test.list"
for f in $(g ls-tree --name-only HEAD not-to-release/sources/ | grep -E "GUM_($genres)_"); do
  doc=$(basename "$f" .conllu)
  if grep -qx "$doc" "$out/gum-test.list"; then dest=gum-test; else dest=train; fi
  g show "HEAD:$f" > "$out/$dest/$doc.conllu"
done
cp "$ewt/en_ewt-ud-dev.conllu" "$out/train/"
[ -d "$pud/.git" ] && pud="$pud/.git"
git --git-dir="$pud" show HEAD:en_pud-ud-test.conllu > "$out/pud.conllu"
echo "train: $(ls "$out/train" | wc -l) files; gum-test: $(ls "$out/gum-test" | wc -l) files"

#!/usr/bin/env bash
# Gather the treebank data the dependency parser is trained, tuned and measured on
# (see docs/parser.md).
# Usage: tools/parser-data.sh EWT_GIT_DIR GUM_GIT_DIR OUT_DIR
#   EWT_GIT_DIR: a clone of github.com/UniversalDependencies/UD_English-EWT (.git dir or work tree)
#   GUM_GIT_DIR: a clone of github.com/UniversalDependencies/UD_English-GUM
# Writes
#   OUT_DIR/train/ewt-train.conllu  EWT train, rebuilt from its per-document files in the
#                                   order of not-to-release/file-lists/files.train
#   OUT_DIR/train/GUM_*.conllu      GUM train documents of the CC BY / public-domain genres
#                                   (the genres tools/tagger-data.sh selects), not dev or test
#   OUT_DIR/ewt-dev.conllu          EWT dev (tuning; never trained on)
#   OUT_DIR/gum-dev/*.conllu        GUM dev documents of those genres (tuning)
#   OUT_DIR/ewt-test.conllu         EWT test (reported only)
# Nothing here is committed: the treebanks stay outside the repository.
set -euo pipefail
ewt=$1 gum=$2 out=$3
[ -d "$ewt/.git" ] && ewt="$ewt/.git"
[ -d "$gum/.git" ] && gum="$gum/.git"
e() { git --git-dir="$ewt" "$@"; }
g() { git --git-dir="$gum" "$@"; }
genres='bio|conversation|interview|news|speech|textbook|vlog|voyage'
mkdir -p "$out/train" "$out/gum-dev"
: > "$out/train/ewt-train.conllu"
for f in $(e show HEAD:not-to-release/file-lists/files.train | tr -d '\r'); do
  e show "HEAD:not-to-release/sources/$f" >> "$out/train/ewt-train.conllu"
done
e show HEAD:en_ewt-ud-dev.conllu > "$out/ewt-dev.conllu"
e show HEAD:en_ewt-ud-test.conllu > "$out/ewt-test.conllu"
g show HEAD:not-to-release/file-lists/files.test | tr -d '\r' > "$out/gum-test.list"
g show HEAD:not-to-release/file-lists/files.dev | tr -d '\r' > "$out/gum-dev.list"
for f in $(g ls-tree --name-only HEAD not-to-release/sources/ | grep -E "GUM_($genres)_"); do
  doc=$(basename "$f" .conllu)
  if grep -qx "$doc" "$out/gum-test.list"; then continue; fi
  if grep -qx "$doc" "$out/gum-dev.list"; then dest=gum-dev; else dest=train; fi
  g show "HEAD:$f" > "$out/$dest/$doc.conllu"
done
# No EWT test document may be in the training data.
for f in $(e show HEAD:not-to-release/file-lists/files.test | tr -d '\r'); do
  id=$(e show "HEAD:not-to-release/sources/$f" | grep -m1 '^# sent_id' || true)
  if [ -n "$id" ] && grep -qxF "$id" "$out/train/ewt-train.conllu"; then
    echo "EWT test document $f found in training data" >&2; exit 1
  fi
done
echo "train: $(ls "$out/train" | wc -l) files, $(grep -c '^# sent_id' "$out"/train/*.conllu | awk -F: '{s+=$2} END {print s}') sentences; gum-dev: $(ls "$out/gum-dev" | wc -l) files"

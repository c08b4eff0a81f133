#!/usr/bin/env python3
"""Census of a project's speakers: what a reader would judge by hand, counted.

usage: census.py EXPORT.json [--list]

EXPORT.json: `claimdesk export PROJECT -o EXPORT.json` of a project holding many articles
(e.g. `claimdesk import dev.claimdesk DIR/dev/*.txt`). Prints:
- distinct speakers (named, bodies, unresolved descriptions);
- pronoun aliases and bare-noun aliases ("official", "the spokesman"): must be 0;
- speakers whose names and aliases carry two different given names for one surname
  ("Jane Roe" with "John Roe"), or a one-word name that two articles use for two
  different full names: candidate wrong merges, to be judged by hand;
- suspect names: shapes that name no one (a sentence adverb or conjunction before a name,
  "X and Y", a lowercase head with "of", a bare common noun, a dateline in capitals).
  A heuristic: it points at what to read, the hand judgement is the figure.
With --list, every speaker with its aliases and claim count.
"""
import json, re, sys
from collections import Counter, defaultdict

PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "who", "which", "that", "one"}
DETS = {"the", "a", "an", "this", "that", "these", "those"}
# Words that open a clause or qualify it, never a name: "Even Ruritania", "And Roe".
OPENERS = {"and", "but", "or", "even", "also", "only", "just", "still", "yet", "so", "say",
           "everything", "everyone", "nothing", "some", "many", "most", "both", "all", "his",
           "her", "their", "its", "our", "my", "as", "if", "when", "while", "then", "now",
           "meanwhile", "however", "indeed", "instead", "perhaps", "maybe", "other", "others"}
HONORIFIC = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "senator"}


def words(s):
    return re.findall(r"[\w'’.-]+", s)


def suspect(s):
    name = s["name"]
    w = words(name)
    if not w:
        return "empty"
    low = [x.lower().strip(".") for x in w]
    if low[0] in OPENERS and len(w) > 1 and (w[1][:1].isupper() or not s.get("unresolved")):
        return "opener"
    if " and " in name or " & " in name:
        return "coordination"
    if name.isupper() and len(w) > 1 and not s["is_body"]:
        return "capitals"
    if "of" in low[1:] and not w[0][0].isupper() and s.get("unresolved") is False:
        return "partitive"
    if len(w) == 1 and w[0][0].islower() and not s.get("unresolved"):
        return "bare noun"
    if len(w) == 1 and low[0] in PRONOUNS:
        return "pronoun"
    if s["role"] and (s["role"][0].islower() and len(words(s["role"])) == 1
                      and s["role"].lower() in OPENERS | {"however"}):
        return "role junk"
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        sys.exit(__doc__)
    d = json.load(open(args[0], encoding="utf-8"))
    speakers = d["speakers"]
    claims = Counter(c.get("speaker") for c in d["claims"])
    pron, bare, conflicts, suspects = [], [], [], []
    full_by_surname = defaultdict(set)
    for s in speakers:
        names = [s["name"]] + list(s["aliases"])
        for a in s["aliases"]:
            aw = [x for x in words(a) if x.lower() not in DETS]
            if len(aw) == 1 and aw[0].lower().strip("’'s") in PRONOUNS:
                pron.append((s["name"], a))
            elif len(aw) == 1 and aw[0][0].islower():
                bare.append((s["name"], a))
        given = defaultdict(set)
        for n in names:
            n = n.split(",")[0]
            w = [x for x in words(n) if x.lower().strip(".") not in HONORIFIC]
            # The given name: the capitalised word before the surname, initials skipped.
            cap = [x for x in w if x[:1].isupper() and len(x.strip(".")) > 1]
            if len(cap) >= 2 and not s["is_body"] and " and " not in n:
                given[cap[-1].lower()].add(cap[-2].lower())
                full_by_surname[cap[-1].lower()].add(" ".join(cap))
        if any(len(g) > 1 for g in given.values()):
            conflicts.append(s["name"] + " | " + "; ".join(names[1:]))
        why = suspect(s)
        if why:
            suspects.append(f"{why}: {s['name']!r} (role {s['role']!r})")
    named = [s for s in speakers if not s.get("unresolved")]
    print(f"speakers: {len(speakers)} ({len(named)} named or bodies, "
          f"{len(speakers) - len(named)} unresolved descriptions)")
    print(f"pronoun aliases: {len(pron)} {pron[:10]}")
    print(f"bare-noun aliases: {len(bare)} {bare[:10]}")
    print(f"two given names on one speaker: {len(conflicts)}")
    for c in conflicts:
        print("  " + c)
    print(f"suspect names: {len(suspects)} ({100 * len(suspects) / max(len(speakers), 1):.1f}%)")
    for s in suspects:
        print("  " + s)
    if "--list" in sys.argv:
        for s in sorted(speakers, key=lambda s: s["name"].lower()):
            tag = "U" if s.get("unresolved") else "B" if s["is_body"] else " "
            print(f"{tag} {s['name']} | {s['role'] or ''} | {'; '.join(s['aliases'])} | "
                  f"{claims[s['id']]}")


if __name__ == "__main__":
    main()

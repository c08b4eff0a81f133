#!/usr/bin/env python3
"""Content + resolved-speaker F1 of `claimdesk extract --format json` on the hand-resolved sample.

usage: score.py CORPUS_DIR PRED.json [--verbose]

CORPUS_DIR holds dev/NNN.txt (PolNeAR converted by the project's recipe; not committed).
PRED.json: `claimdesk extract --format json CORPUS_DIR/dev/NNN.txt ...` for the sample's articles.

A predicted claim matches a gold claim when their content word sets overlap by >= 50% of
each side (one-to-one, greedy by best overlap), as in the shared PolNeAR scorer. Its
speaker (the resolved "speaker" field) is right when:
- the gold claim has no speaker and none is predicted;
- the normalised names (no articles, titles or possessive) end in the same word, or one
  contains the other, unless both have two words or more, neither's words include the
  other's and the words before the last differ (a different given name is another
  person: "Ivana Trump" is not "Donald Trump");
- never when the prediction is a pronoun, bare or as written.
Prints content P/R/F1 and content+speaker P/R/F1; the last line is machine-readable.
"""
import json, os, re, sys

WORD = re.compile(r"[A-Za-z0-9@\u00C0-\u024F]+(?:'[A-Za-z]+)?")
PRONOUNS = {"i", "me", "my", "we", "us", "our", "you", "he", "him", "his", "she", "her",
            "it", "its", "they", "them", "their", "who", "which", "that"}
STOP = {"the", "a", "an", "mr", "mrs", "ms", "dr"}


def words(s):
    s = (s or "").replace("\u2019", "'").replace("\u2018", "'")
    return [w.lower() for w in WORD.findall(s)]


def spk(s):
    w = [x for x in words(s) if x not in STOP]
    return [x[:-2] if x.endswith("'s") else x for x in w]


def speaker_ok(pred, gold):
    p, g = spk(pred), spk(gold)
    if not p and not g:
        return True
    if not p or not g:
        return False
    if len(p) == 1 and p[0] in PRONOUNS:
        return False
    same = p[-1] == g[-1] or " ".join(p) in " ".join(g) or " ".join(g) in " ".join(p)
    if same and len(p) > 1 and len(g) > 1 and p[-2] != g[-2]:
        if not (set(p) <= set(g) or set(g) <= set(p)):
            return False
    return same


def overlap(p, g):
    sp, sg = set(words(p)), set(words(g))
    if not sp or not sg:
        return 0.0
    i = len(sp & sg)
    return min(i / len(sp), i / len(sg))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, pred_path = args
    here = os.path.dirname(os.path.abspath(__file__))
    sample = json.load(open(os.path.join(here, "polnear-dev.json"), encoding="utf-8"))
    gold = {}
    for c in sample["claims"]:
        text = open(os.path.join(corpus, c["article"]), encoding="utf-8").read()
        content = " ".join(text[a:b] for a, b in c["content_spans"])
        gold.setdefault(os.path.basename(c["article"])[:-4], []).append((content, c["speaker"] or ""))
    preds = {}
    for a in json.load(open(pred_path, encoding="utf-8"))["articles"]:
        preds[re.sub(r"\.txt$", "", os.path.basename(a["path"]))] = a["claims"]
    n_gold = n_pred = tp_c = tp_s = 0
    for art, gs in sorted(gold.items()):
        ps = preds.get(art, [])
        n_gold += len(gs)
        n_pred += len(ps)
        pairs = sorted(((overlap(p.get("content") or p.get("text"), g[0]), i, j)
                        for i, p in enumerate(ps) for j, g in enumerate(gs)), reverse=True)
        used_p, used_g = set(), set()
        for o, i, j in pairs:
            if o < 0.5 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            tp_c += 1
            ok = speaker_ok(ps[i].get("speaker") or "", gs[j][1])
            tp_s += ok
            if verbose and not ok:
                print(f"{art}: gold {gs[j][1]!r} pred {ps[i].get('speaker')!r} "
                      f"(as written {ps[i].get('mention')!r}) | {gs[j][0][:60]}")
    def prf(tp):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)
    for label, tp in (("content", tp_c), ("content+speaker", tp_s)):
        p, r, f = prf(tp)
        print(f"{label:16} P={p:.3f} R={r:.3f} F1={f:.3f}  ({tp} of {n_gold} gold, {n_pred} predicted)")
    print(f"content_f1={prf(tp_c)[2]:.3f} speaker_f1={prf(tp_s)[2]:.3f}")


if __name__ == "__main__":
    main()

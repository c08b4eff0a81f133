//! The parser on real sentences, with the shipped model, and its oracle on gold trees.

use super::parser_features::{NMOVES, State};
use super::parser_train::{self, read_conllu};
use super::*;
use crate::extract::text;

/// The tokens, tags and parse of one sentence.
fn parsed(s: &str) -> (Vec<&str>, Parse) {
    let toks = text::tokenize(s, 0, s.len(), &[]);
    let tagged = tag(s, &toks);
    let p = parse(s, &toks, &tagged);
    assert_eq!(p.heads.len(), toks.len());
    (toks.iter().map(|t| t.text(s)).collect(), p)
}

fn at(words: &[&str], w: &str) -> usize {
    words
        .iter()
        .position(|&x| x == w)
        .unwrap_or_else(|| panic!("no token {w:?} in {words:?}"))
}

/// "word <-rel- head" for every token, for failure messages.
fn show(words: &[&str], p: &Parse) -> String {
    (0..words.len())
        .map(|i| {
            let h = p.heads[i].map_or("ROOT", |h| words[h]);
            format!("{} <-{}- {}", words[i], p.deprels[i], h)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn reported_speech_is_the_clausal_complement_of_said() {
    let s = "The minister said on Monday that the talks would resume next week.";
    let (w, p) = parsed(s);
    let said = at(&w, "said");
    assert_eq!(p.heads[said], None, "{}", show(&w, &p));
    assert_eq!(p.deprels[said], Deprel::Root);
    let resume = at(&w, "resume");
    assert_eq!(p.heads[resume], Some(said), "{}", show(&w, &p));
    assert_eq!(p.deprels[resume], Deprel::Ccomp, "{}", show(&w, &p));
    assert_eq!(p.child(said, Deprel::Ccomp), Some(resume));
    assert_eq!(p.child(said, Deprel::Nsubj), Some(at(&w, "minister")));
    // The content is the subtree of the complement: "that the talks … week".
    assert_eq!(p.subtree(resume), (at(&w, "that"), at(&w, "week") + 1));
}

#[test]
fn a_to_infinitive_is_the_open_complement_of_promised() {
    let s = "The governor promised to cut taxes for small businesses.";
    let (w, p) = parsed(s);
    let promised = at(&w, "promised");
    let cut = at(&w, "cut");
    assert_eq!(p.heads[cut], Some(promised), "{}", show(&w, &p));
    assert_eq!(p.deprels[cut], Deprel::Xcomp, "{}", show(&w, &p));
    assert_eq!(p.child(cut, Deprel::Obj), Some(at(&w, "taxes")));
    assert_eq!(p.child(cut, Deprel::Mark), Some(at(&w, "to")));
}

#[test]
fn a_passive_and_its_agent() {
    let s = "The report was published by the ministry on Tuesday.";
    let (w, p) = parsed(s);
    let published = at(&w, "published");
    assert_eq!(p.heads[published], None, "{}", show(&w, &p));
    assert_eq!(
        p.child(published, Deprel::NsubjPass),
        Some(at(&w, "report"))
    );
    assert_eq!(p.child(published, Deprel::AuxPass), Some(at(&w, "was")));
    // The agent ("obl:agent"; "obl" would still carry its "by").
    let ministry = at(&w, "ministry");
    assert_eq!(p.heads[ministry], Some(published), "{}", show(&w, &p));
    assert!(
        matches!(p.deprels[ministry], Deprel::OblAgent | Deprel::Obl),
        "{}",
        show(&w, &p)
    );
    assert_eq!(p.child(ministry, Deprel::Case), Some(at(&w, "by")));
}

#[test]
fn the_marker_of_a_clause_tells_its_relation() {
    // The label pass sees the word of the dependent's leftmost child: "that" makes a
    // clausal complement, "because" an adverbial clause.
    for (s, head, dep, rel) in [
        (
            "The minister said that the envoys refused to meet.",
            "said",
            "refused",
            Deprel::Ccomp,
        ),
        (
            "The talks failed because the envoys refused to meet.",
            "failed",
            "refused",
            Deprel::Advcl,
        ),
    ] {
        let (w, p) = parsed(s);
        let d = at(&w, dep);
        assert_eq!(p.heads[d], Some(at(&w, head)), "{}", show(&w, &p));
        assert_eq!(p.deprels[d], rel, "{}", show(&w, &p));
    }
}

#[test]
fn clitic_tokens_take_their_hosts_attachment() {
    let s = "Gallant's office didn't comment on the report.";
    let (w, p) = parsed(s);
    let comment = at(&w, "comment");
    assert_eq!(p.heads[comment], None, "{}", show(&w, &p));
    assert_eq!(p.heads[at(&w, "didn't")], Some(comment), "{}", show(&w, &p));
    assert_eq!(p.deprels[at(&w, "didn't")], Deprel::Aux);
    assert_eq!(p.heads[at(&w, "Gallant's")], Some(at(&w, "office")));
    assert_eq!(p.deprels[at(&w, "Gallant's")], Deprel::NmodPoss);
}

#[test]
fn every_token_gets_a_head_and_one_root() {
    for s in [
        "Yes.",
        "\"We will not back down,\" she said, adding that 5,000 people had signed.",
        "According to the police, the suspect fled.",
    ] {
        let (w, p) = parsed(s);
        let roots = p.heads.iter().filter(|h| h.is_none()).count();
        assert_eq!(roots, 1, "{s}: {}", show(&w, &p));
        assert!(p.heads.iter().flatten().all(|&h| h < w.len()));
    }
}

#[test]
fn the_oracle_reaches_the_gold_tree() {
    // A projective tree with left and right arcs, a clausal complement and punctuation.
    let conllu = "\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthat\tthat\tSCONJ\tIN\t_\t6\tmark\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\ttalks\ttalk\tNOUN\tNNS\t_\t6\tnsubj\t_\t_
6\tfailed\tfail\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";
    let (sents, skipped) = read_conllu(conllu);
    assert_eq!((sents.len(), skipped), (1, 0));
    let gold = parser_train::gold_heads(&sents[0]);
    let mut st = State::default();
    st.reset(gold.len());
    while !st.done() {
        let legal = st.legal();
        let mv = (0..NMOVES as u8)
            .filter(|&m| legal[m as usize])
            .min_by_key(|&m| parser_train::cost(&st, &gold, m))
            .expect("a legal move");
        assert_eq!(parser_train::cost(&st, &gold, mv), 0);
        st.apply(mv, 0);
    }
    let heads: Vec<u32> = st.nodes[..gold.len()].iter().map(|n| n.head).collect();
    assert_eq!(heads, gold);
}

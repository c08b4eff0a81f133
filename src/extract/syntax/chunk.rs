//! Noun-phrase and verb-group chunks over tagged tokens: one left-to-right pass each,
//! linear, deterministic.

use super::tagger::Tagged;
use super::tags::Tag;
use crate::extract::text::Token;

/// What a noun phrase refers to, as far as its words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NpKind {
    /// Headed by a proper noun: "Rep. Jane Doe", "the Pentagon", "defense minister Yoav
    /// Gallant" (see [`Chunk::name_start`]).
    Name,
    /// A personal pronoun: "he", "they", "it".
    Pronoun,
    /// Headed by a common noun: "the Republican nominee", "a lawyer", "Israel's army".
    Description,
    /// A date or time: "July", "Monday", "last week", "2008", "the 1960s", "July 4".
    DateTime,
    /// A figure, share or amount: "Twelve percent", "5,000", "$5 million", "two-thirds".
    Number,
}

/// A noun-phrase chunk: tokens `start..end` (indices into the sentence's tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    /// The head word (the last noun, number or the pronoun).
    pub head: usize,
    pub kind: NpKind,
    /// Where the closing run of proper nouns begins ("Yoav" in "defense minister Yoav
    /// Gallant"); the tokens before it (after any determiner) are a role or description.
    pub name_start: Option<usize>,
    /// The possessor inside the phrase ("Israel's" in "Israel's defense minister"), as a
    /// token range.
    pub possessor: Option<(usize, usize)>,
    /// The phrase itself ends in a possessive ("the minister's").
    pub possessive: bool,
    /// Starts with a determiner, possessive pronoun or possessor ("the", "a", "his").
    pub determined: bool,
}

impl Chunk {
    /// Could this phrase name who spoke? Names, pronouns and descriptions can; dates and
    /// figures cannot.
    pub fn can_be_speaker(&self) -> bool {
        matches!(
            self.kind,
            NpKind::Name | NpKind::Pronoun | NpKind::Description
        )
    }
}

/// Month names in lower case (also read by the claim library's query normaliser).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVS: [&str; 11] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
/// Common nouns that name a time or a span of time.
const TIME_NOUNS: [&str; 34] = [
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "hour",
    "hours",
    "minute",
    "minutes",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "a.m.",
    "p.m.",
];
/// Heads that make a phrase a figure.
const NUMBER_NOUNS: [&str; 12] = [
    "percent",
    "per",
    "%",
    "percentage",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "dozen",
    "half",
    "third",
];

fn lower_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_month(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    lower_in(w, &MONTHS) || lower_in(w, &MONTH_ABBREVS)
}

fn is_weekday(word: &str) -> bool {
    lower_in(word, &WEEKDAYS)
}

/// A year: "2008", "1960s", "'90s".
fn is_year(word: &str) -> bool {
    let w = word.trim_start_matches(['\'', '\u{2019}']);
    let w = w.strip_suffix('s').unwrap_or(w);
    let digits = w.bytes().all(|b| b.is_ascii_digit());
    digits
        && ((w.len() == 4 && (w.starts_with("1") || w.starts_with("20")))
            || (w.len() == 2 && w != word))
}

/// Tags that may open or continue a noun phrase before its head.
fn is_modifier(t: Tag) -> bool {
    matches!(
        t,
        Tag::JJ | Tag::JJR | Tag::JJS | Tag::CD | Tag::VBN | Tag::VBG | Tag::HYPH | Tag::Dollar
    ) || t.is_noun()
}

fn is_head(t: Tag) -> bool {
    t.is_noun() || t == Tag::CD
}

/// The noun phrases of one sentence, left to right, not overlapping. Base phrases: no
/// prepositional phrase or clause is attached ("the leader of the party" gives "the
/// leader" and "the party"); a possessor stays inside ("Israel's defense minister").
pub fn noun_phrases(text: &str, toks: &[Token], tagged: &Tagged) -> Vec<Chunk> {
    let tags = &tagged.tags;
    let n = toks.len().min(tags.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        let t = tags[i];
        if !toks[i].word && t != Tag::Dollar {
            i += 1;
            continue;
        }
        // A pronoun on its own ("he", "they"; "he's" too, whose clitic is a verb).
        if t == Tag::PRP {
            out.push(Chunk {
                start: i,
                end: i + 1,
                head: i,
                kind: NpKind::Pronoun,
                name_start: None,
                possessor: None,
                possessive: tagged.is_possessive(i),
                determined: false,
            });
            i += 1;
            continue;
        }
        // A participle opens a phrase only before a common noun ("leading experts"), not a
        // clause ("published Monday").
        // Not after a verb, modal or adverb: "had told police officials" is a verb group.
        let after_verb =
            i > 0 && (tags[i - 1].is_verb() || tags[i - 1].is_modal() || tags[i - 1].is_adverb());
        let participle_opens = matches!(t, Tag::VBN | Tag::VBG)
            && !after_verb
            && tags
                .get(i + 1)
                .is_some_and(|&nt| matches!(nt, Tag::NN | Tag::NNS));
        let opens = matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::WPS)
            || is_modifier(t) && !matches!(t, Tag::VBN | Tag::VBG | Tag::HYPH)
            || participle_opens;
        if !opens {
            i += 1;
            continue;
        }
        let start = i;
        let determined = matches!(t, Tag::DT | Tag::PDT | Tag::PRPS | Tag::WPS);
        let mut j = i + 1;
        if t == Tag::PDT && j < n && matches!(tags[j], Tag::DT | Tag::PRPS) {
            j += 1;
        }
        let mut possessor = None;
        // The last head seen, and the end of the phrase if it ended there.
        let mut head = is_head(t).then_some(i);
        if tagged.is_possessive(i) && is_head(t) {
            possessor = Some((i, i + 1));
        }
        while j < n {
            let tj = tags[j];
            // "5,000": a comma glued inside a number.
            let glued_comma = toks[j].text(text) == ","
                && head == Some(j - 1)
                && tags[j - 1] == Tag::CD
                && toks[j - 1].end == toks[j].start
                && toks.get(j + 1).is_some_and(|nx| {
                    nx.start == toks[j].end && nx.text(text).bytes().all(|b| b.is_ascii_digit())
                });
            if glued_comma {
                j += 1;
                continue;
            }
            // Symbols inside a phrase: "$" before a figure, "%" glued after one.
            let glued = toks[j - 1].end == toks[j].start;
            if !(toks[j].word || tj == Tag::Dollar || is_head(tj) && glued) {
                break;
            }
            // "Obama Monday", "Obama May 3": a date after a name starts a phrase of its
            // own; a month without a day after a name is a surname ("Theresa May").
            let w = toks[j].text(text);
            let day_follows = tags.get(j + 1) == Some(&Tag::CD);
            if head.is_some()
                && tj.is_proper_noun()
                && (is_weekday(w) || is_month(w) && day_follows)
            {
                break;
            }
            // "The board last week (said)": a time after the head is a phrase of its own.
            if head.is_some()
                && lower_in(w, &["last", "next", "past"])
                && toks
                    .get(j + 1)
                    .is_some_and(|nx| lower_in(nx.text(text), &TIME_NOUNS))
            {
                break;
            }
            if is_head(tj) {
                head = Some(j);
                j += 1;
                if tagged.is_possessive(j - 1) {
                    // "the minister's aide": the possessor opens a larger phrase.
                    if j < n && (is_modifier(tags[j])) && toks[j].word {
                        possessor = Some((start, j));
                        continue;
                    }
                    break;
                }
                continue;
            }
            if is_modifier(tj) {
                j += 1;
                continue;
            }
            break;
        }
        let Some(h) = head else {
            i = j.max(i + 1);
            continue;
        };
        // The phrase ends at its head: trailing modifiers ("the economy strong") are not in it.
        let end = h + 1;
        let possessor = possessor.filter(|p| p.1 <= h);
        let determined = determined || possessor.is_some_and(|p| p.0 == start);
        let name_start = tags[h].is_proper_noun().then(|| {
            let mut k = h;
            while k > start && tags[k - 1].is_proper_noun() && toks[k - 1].word {
                k -= 1;
            }
            k
        });
        let kind = kind_of(text, toks, tags, start, h);
        out.push(Chunk {
            start,
            end,
            head: h,
            kind,
            name_start: if kind == NpKind::Name {
                name_start
            } else {
                None
            },
            possessor,
            possessive: tagged.is_possessive(h),
            determined,
        });
        i = end;
    }
    out
}

fn kind_of(text: &str, toks: &[Token], tags: &[Tag], start: usize, head: usize) -> NpKind {
    let w = toks[head].text(text);
    let prev = (head > start).then(|| toks[head - 1].text(text));
    // A possessive head ("Monday's") is the possessor of something else.
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    // "Theresa May", "Rob June": a month after a capitalised word that is no date word
    // ("late May", "next June" stay dates) is a surname.
    let after_name = prev.is_some_and(|p| {
        p.chars().next().is_some_and(char::is_uppercase)
            && !is_month(p)
            && !is_weekday(p)
            && !lower_in(p, &TIME_NOUNS)
    });
    if is_month(w) && tags[head].is_proper_noun() && !after_name || is_weekday(w) {
        return NpKind::DateTime;
    }
    if lower_in(w, &TIME_NOUNS) && !tags[head].is_proper_noun() {
        return NpKind::DateTime;
    }
    if tags[head] == Tag::CD || tags[head] == Tag::NNS && is_year(w) {
        // "July 4", "March 2008", "2008", "the 1990s".
        if is_year(w) || prev.is_some_and(is_month) {
            return NpKind::DateTime;
        }
        return NpKind::Number;
    }
    if lower_in(w, &NUMBER_NOUNS) {
        return NpKind::Number;
    }
    if tags[head].is_proper_noun() {
        return NpKind::Name;
    }
    NpKind::Description
}

/// How a verb group's main verb is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// Carries tense or a modal: "said", "has said", "will push", "was told".
    Finite,
    /// "to push", "to be told".
    Infinitive,
    /// "saying", "having said" with no finite auxiliary.
    Gerund,
    /// A participle with no auxiliary: "published on Monday", "told by".
    Participle,
    /// A bare verb with no auxiliary: imperatives, "let him speak".
    Base,
}

/// Active or passive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Voice {
    Active,
    /// A form of "be" or "get" with a past participle: "was told", "has been asked".
    Passive,
}

/// Tense of the group's first finite word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    /// A modal: "will", "would", "could".
    Modal,
    /// Not finite (infinitive, gerund, participle, base).
    None,
}

/// Auxiliaries, modals and adverbs with their main verb: tokens `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    pub start: usize,
    pub end: usize,
    /// The group begins in the clitic of token `start` ("he's said", "they'd been told").
    pub starts_in_clitic: bool,
    /// The main verb.
    pub head: usize,
    pub form: VerbForm,
    pub tense: Tense,
    pub voice: Voice,
    /// "has said", "had been told".
    pub perfect: bool,
    /// "is saying", "was being asked".
    pub progressive: bool,
    /// "did not say", "won't", "never said".
    pub negated: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Aux {
    Be,
    Have,
    Do,
    Get,
    Modal,
    No,
}

fn aux_of(word: &str, tag: Tag) -> Aux {
    if tag == Tag::MD {
        return Aux::Modal;
    }
    let w = word.trim_start_matches(['\'', '\u{2019}']);
    let lw = |l: &[&str]| lower_in(w, l);
    if lw(&[
        "be", "am", "is", "are", "was", "were", "been", "being", "s", "re", "m",
    ]) {
        Aux::Be
    } else if lw(&["have", "has", "had", "having", "ve", "d"]) {
        Aux::Have
    } else if lw(&["do", "does", "did"]) {
        Aux::Do
    } else if lw(&["get", "gets", "got", "gotten", "getting"]) {
        Aux::Get
    } else {
        Aux::No
    }
}

fn is_negation(word: &str) -> bool {
    lower_in(word, &["not", "never", "n't", "n\u{2019}t"])
}

/// One element of a verb group: a token, or the clitic part of one.
#[derive(Clone, Copy)]
struct Piece<'a> {
    tok: usize,
    word: &'a str,
    tag: Tag,
}

/// The verb groups of one sentence, left to right, not overlapping.
pub fn verb_groups(text: &str, toks: &[Token], tagged: &Tagged) -> Vec<VerbGroup> {
    let tags = &tagged.tags;
    let n = toks.len().min(tags.len());
    // Pieces: a token's host, then its clitic if it has one.
    let mut pieces: Vec<(Piece, bool)> = Vec::with_capacity(n + 4);
    for i in 0..n {
        let w = toks[i].text(text);
        match tagged.clitics.get(i).copied().flatten() {
            Some(ct) => {
                let at = super::features::clitic_split(w).unwrap_or(w.len());
                pieces.push((
                    Piece {
                        tok: i,
                        word: &w[..at],
                        tag: tags[i],
                    },
                    false,
                ));
                pieces.push((
                    Piece {
                        tok: i,
                        word: &w[at..],
                        tag: ct,
                    },
                    true,
                ));
            }
            None => pieces.push((
                Piece {
                    tok: i,
                    word: w,
                    tag: tags[i],
                },
                false,
            )),
        }
    }
    let mut out = Vec::new();
    let mut p = 0;
    while p < pieces.len() {
        let (first, in_clitic) = pieces[p];
        let to_start = first.tag == Tag::TO;
        let starts = first.tag.is_verb() || first.tag == Tag::MD || to_start;
        if !starts {
            p += 1;
            continue;
        }
        let mut q = p;
        let mut negated = false;
        // For "to": the infinitive follows, after any adverbs ("to quickly act"); "not to
        // comment" is negated.
        if to_start {
            negated = p > 0 && is_negation(pieces[p - 1].0.word);
            let mut k = p + 1;
            while k < pieces.len() && pieces[k].0.tag.is_adverb() {
                negated |= is_negation(pieces[k].0.word);
                k += 1;
            }
            if k >= pieces.len() || pieces[k].0.tag != Tag::VB {
                p += 1;
                continue;
            }
            q = k;
        }
        // q is a verb or modal; extend while it is an auxiliary and a verb follows.
        let mut verbs = vec![q];
        loop {
            let cur = pieces[q].0;
            if aux_of(cur.word, cur.tag) == Aux::No {
                break;
            }
            let mut k = q + 1;
            let mut neg = false;
            while k < pieces.len() && (pieces[k].0.tag.is_adverb() || is_negation(pieces[k].0.word))
            {
                neg |= is_negation(pieces[k].0.word);
                k += 1;
            }
            if k < pieces.len()
                && (pieces[k].0.tag.is_verb() || pieces[k].0.tag == Tag::MD)
                && !pieces[k].1
            {
                negated |= neg;
                q = k;
                verbs.push(q);
            } else {
                negated |= neg && k < pieces.len() && pieces[k].0.tag.is_verb();
                break;
            }
        }
        let head = pieces[q].0;
        let auxes: Vec<(Aux, Tag)> = verbs[..verbs.len() - 1]
            .iter()
            .map(|&v| (aux_of(pieces[v].0.word, pieces[v].0.tag), pieces[v].0.tag))
            .collect();
        let last_aux = auxes.last().map(|a| a.0);
        let voice = if head.tag == Tag::VBN && matches!(last_aux, Some(Aux::Be | Aux::Get)) {
            Voice::Passive
        } else {
            Voice::Active
        };
        let perfect = auxes.iter().enumerate().any(|(k, a)| {
            a.0 == Aux::Have
                && verbs
                    .get(k + 1)
                    .is_some_and(|&v| pieces[v].0.tag == Tag::VBN)
        });
        let progressive = auxes.iter().enumerate().any(|(k, a)| {
            a.0 == Aux::Be
                && verbs
                    .get(k + 1)
                    .is_some_and(|&v| pieces[v].0.tag == Tag::VBG)
        });
        let first_tag = if to_start { Tag::TO } else { first.tag };
        let (form, tense) = match first_tag {
            Tag::TO => (VerbForm::Infinitive, Tense::None),
            Tag::MD => (VerbForm::Finite, Tense::Modal),
            Tag::VBD => (VerbForm::Finite, Tense::Past),
            Tag::VBZ | Tag::VBP => (VerbForm::Finite, Tense::Present),
            Tag::VBG => (VerbForm::Gerund, Tense::None),
            Tag::VBN => (VerbForm::Participle, Tense::None),
            _ => (VerbForm::Base, Tense::None),
        };
        // Adverbs right after a negated auxiliary belong to it; the group ends at its verb.
        let end_tok = head.tok + 1;
        out.push(VerbGroup {
            start: first.tok,
            end: end_tok,
            starts_in_clitic: in_clitic,
            head: head.tok,
            form,
            tense,
            voice,
            perfect,
            progressive,
            negated: negated || tagged.is_negated(head.tok) && !pieces[q].1,
        });
        // Next piece after this group's last token.
        p = q + 1;
        while p < pieces.len() && pieces[p].0.tok < end_tok {
            p += 1;
        }
    }
    out
}

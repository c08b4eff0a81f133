//! Word lists of general English news style: speech and cognition verbs, nominal cues,
//! titles, pronouns. No list names a person, place or phrase of any particular article.

use std::sync::LazyLock;

use super::word_table::WordMap;

// Each list is also a hash set: the extractor asks about every word of the text.
static CUE_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CUE_VERBS));
static NEEDS_PARTICLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NEEDS_PARTICLE));
static HEARER_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEARER_VERBS));
static NEEDS_CLAUSE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NEEDS_CLAUSE));
static POSTPOSABLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(POSTPOSABLE));
static CUE_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CUE_NOUNS));
static SUBJECT_VERB_FILLERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(SUBJECT_VERB_FILLERS));
static NP_STOPS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NP_STOPS));
static PRONOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PRONOUNS));
static ROLE_HEADS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ROLE_HEADS));
static BODY_HEADS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(BODY_HEADS));
static TIME_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(TIME_WORDS));

/// A set of lower-case ASCII words with a cheap look-up: the extractor asks about every
/// word of the text (see `word_table`).
struct WordSet(WordMap<()>);

impl WordSet {
    fn new(words: &[&'static str]) -> Self {
        WordSet(words.iter().map(|w| (w.as_bytes().to_vec(), ())).collect())
    }
}

/// `word` in ASCII lower case, written into `buf`: `None` when it is empty or longer than
/// the buffer (no list holds such a word). Lets lookups skip an allocation per word.
pub(crate) fn lower_into<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || bytes.is_empty() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

/// `word` in ASCII lower case as a `&str` in `buf`, for a `matches!` over short words
/// without allocating: "" when longer than the buffer (no such list holds a longer word).
pub(crate) fn lower_str<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b str {
    // ASCII bytes change only into ASCII bytes, so the result stays UTF-8.
    lower_into(word, buf)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// Case-insensitive membership without allocating.
fn in_list(set: &WordSet, word: &str) -> bool {
    !word.is_empty() && set.0.get_lower(word).is_some()
}

/// Speech, writing and stance verbs in every form that can introduce a claim.
#[rustfmt::skip]
const CUE_VERBS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "add", "adds", "added",
    "adding", "write", "writes", "wrote", "writing", "written", "note", "notes", "noted", "noting",
    "reported", "reporting", "announce", "announces", "announced", "announcing", "suggest",
    "suggests", "suggested", "suggesting", "tweet", "tweets", "tweeted", "tweeting", "argue",
    "argues", "argued", "arguing", "explain", "explains", "explained", "explaining", "acknowledge",
    "acknowledges", "acknowledged", "acknowledging", "claim", "claims", "claimed", "claiming",
    "warn", "warns", "warned", "warning", "insist", "insists", "insisted", "insisting", "stated",
    "stating", "declare", "declares", "declared", "declaring", "mention", "mentions", "mentioned",
    "mentioning", "assert", "asserts", "asserted", "asserting", "contend", "contends", "contended",
    "contending", "maintain", "maintains", "maintained", "maintaining", "believe", "believes",
    "believed", "think", "thinks", "predict", "predicts", "predicted", "predicting", "conclude",
    "concludes", "concluded", "concluding", "concede", "concedes", "conceded", "conceding", "admit",
    "admits", "admitted", "admitting", "deny", "denies", "denied", "denying", "confirm", "confirms",
    "confirmed", "confirming", "reveal", "reveals", "revealed", "revealing", "recall", "recalls",
    "recalled", "recalling", "stress", "stresses", "stressed", "stressing", "emphasize",
    "emphasizes", "emphasized", "emphasizing", "emphasise", "emphasises", "emphasised",
    "emphasising", "express", "expresses", "expressed", "expressing", "promise", "promises",
    "promised", "promising", "pledge", "pledges", "pledged", "pledging", "vow", "vows", "vowed",
    "vowing", "allege", "alleges", "alleged", "alleging", "complain", "complains", "complained",
    "complaining", "respond", "responds", "responded", "responding", "reply", "replies", "replied",
    "replying", "answered", "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging",
    "propose", "proposes", "proposed", "hope", "hopes", "hoped", "fear", "fears", "feared",
    "caution", "cautions", "cautioned", "cautioning", "observe", "observes", "observed",
    "observing", "remark", "remarks", "remarked", "indicate", "indicates", "indicated",
    "indicating", "testify", "testifies", "testified", "testifying", "boast", "boasts", "boasted",
    "boasting", "counter", "counters", "countered", "countering", "retort", "retorts", "retorted",
    "joke", "jokes", "joked", "joking", "quip", "quips", "quipped", "agree", "agrees", "agreed",
    "disclose", "discloses", "disclosed", "continue", "continues", "continued", "recount",
    "recounts", "recounted", "shout", "shouts", "shouted", "demand", "demands", "demanded",
    "demanding", "estimate", "estimates", "estimated", "assure", "assures", "assured", "inform",
    "informs", "informed", "remind", "reminds", "reminded", "point", "points", "pointed",
    "pointing", "make", "makes", "made", "making", "show", "shows", "showed", "shown", "showing",
    "find", "finds", "found", "accuse", "accuses", "accused", "accusing", "charge", "charges",
    "charged", "posit", "posits", "posited", "reiterate", "reiterates", "reiterated", "reiterating",
    "signal", "signals", "signaled", "signalled", "post", "posts", "posted", "wonder", "wonders",
    "wondered", "questioned", "speculate", "speculates", "speculated", "worry", "worries",
    "worried", "expect", "expects", "expected", "call", "calls", "called", "calling", "describe",
    "describes", "described", "describing", "report", "reports", "quoted", "know", "knows", "knew",
    "learn", "learns", "learned", "learnt", "feel", "feels", "felt", "realize", "realizes",
    "realized", "realise", "realises", "realised", "recognize", "recognizes", "recognized",
    "recognise", "recognised", "understand", "understands", "understood", "doubt", "doubts",
    "doubted", "imply", "implies", "implied", "hint", "hints", "hinted", "reaffirm", "reaffirms",
    "reaffirmed", "guarantee", "guarantees", "guaranteed", "suspect", "suspects", "suspected",
    "assume", "assumes", "assumed", "rule", "rules", "ruled", "determine", "determines",
    "determined", "yell", "yells", "yelled", "chant", "chants", "chanted", "chanting", "interject",
    "interjected", "interjecting", "exclaim", "exclaimed", "bark", "barked", "confess", "confessed",
    "proclaim", "proclaimed", "scream", "screamed", "shot", "fired",
];

/// Verbs that are cues only with a particle or a fixed complement ("pointed out",
/// "made it clear"); alone they say nothing of speech.
#[rustfmt::skip]
const NEEDS_PARTICLE: &[&str] = &[
    "point", "points", "pointed", "pointing", "make", "makes", "made", "making", "quoted", "shot",
    "fired",
];

/// Verbs that take the hearer before the content: "told reporters that…".
#[rustfmt::skip]
const HEARER_VERBS: &[&str] = &[
    "tell", "tells", "told", "telling", "warn", "warns", "warned", "warning", "assure", "assures",
    "assured", "inform", "informs", "informed", "remind", "reminds", "reminded", "ask", "asks",
    "asked", "asking", "urge", "urges", "urged", "urging", "promise", "promises", "promised",
    "accuse", "accuses", "accused", "accusing",
];

/// Verbs that are cues only when a clause or quotation follows ("believes that…"),
/// because alone they are common in plain narration ("found a body", "showed up").
#[rustfmt::skip]
const NEEDS_CLAUSE: &[&str] = &[
    "hope", "hopes", "hoped", "fear", "fears", "feared", "show", "shows", "showed", "shown",
    "showing", "find", "finds", "found", "indicate", "indicates", "indicated", "indicating",
    "continue", "continues", "continued", "agree", "agrees", "agreed", "wonder", "wonders",
    "wondered", "worry", "worries", "worried", "expect", "expects", "expected", "answer", "answers",
    "answered", "signal", "signals", "signaled", "signalled", "post", "posts", "posted", "question",
    "questions", "questioned", "demand", "demands", "demanded", "demanding", "estimate",
    "estimates", "estimated", "charge", "charges", "charged", "state", "states", "stated",
    "stating", "report", "reporting", "claims", "notes", "remarks", "accuse", "accuses", "accused",
    "accusing", "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging", "promise",
    "promises", "promised", "promising", "propose", "proposes", "proposed", "maintain", "maintains",
    "maintained", "maintaining", "know", "knows", "knew", "learn", "learns", "learned", "learnt",
    "feel", "feels", "felt", "realize", "realizes", "realized", "realise", "realises", "realised",
    "recognize", "recognizes", "recognized", "recognise", "recognised", "understand", "understands",
    "understood", "doubt", "doubts", "doubted", "imply", "implies", "implied", "hint", "hints",
    "hinted", "reaffirm", "reaffirms", "reaffirmed", "guarantee", "guarantees", "guaranteed",
    "suspect", "suspects", "suspected", "assume", "assumes", "assumed", "rule", "rules", "ruled",
    "determine", "determines", "determined",
];

pub fn is_cue_verb(word: &str) -> bool {
    in_list(&CUE_VERBS_SET, word)
}

pub fn needs_particle(word: &str) -> bool {
    in_list(&NEEDS_PARTICLE_SET, word)
}

pub fn takes_hearer(word: &str) -> bool {
    in_list(&HEARER_VERBS_SET, word)
}

pub fn needs_clause(word: &str) -> bool {
    in_list(&NEEDS_CLAUSE_SET, word)
}

pub fn is_gerund(word: &str) -> bool {
    word.len() > 4
        && word
            .get(word.len() - 3..)
            .is_some_and(|end| end.eq_ignore_ascii_case("ing"))
}

/// Verbs that may close a sentence after their content: "…, Kirby said."
#[rustfmt::skip]
const POSTPOSABLE: &[&str] = &[
    "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "write", "writes",
    "wrote", "note", "notes", "noted", "explain", "explains", "explained", "argue", "argues",
    "argued", "insist", "insists", "insisted", "warn", "warns", "warned", "declare", "declares",
    "declared", "report", "reports", "reported", "recall", "recalls", "recalled", "continued",
    "conclude", "concluded", "acknowledge", "acknowledged", "concede", "conceded", "admit",
    "admitted", "claim", "claims", "claimed", "tweet", "tweeted", "tweets", "post", "posted",
    "predict", "predicted", "suggest", "suggested", "suggests", "assert", "asserted", "contend",
    "contended", "maintain", "maintained", "stress", "stressed", "emphasized", "emphasised",
    "announce", "announced", "reply", "replied", "respond", "responded", "joke", "joked", "quip",
    "quipped", "shout", "shouted", "counter", "countered", "retort", "retorted", "remark",
    "remarked", "observe", "observed", "caution", "cautioned", "promise", "promised", "vow",
    "vowed", "ask", "asked", "asks", "boast", "boasted", "complain", "complained", "recount",
    "recounted", "reiterate", "reiterated", "testify", "testified", "confirm", "confirmed", "think",
    "thinks", "believe", "believes", "believed", "estimate", "estimated", "allege", "alleged",
    "charge", "charged", "show", "shows", "showed", "find", "finds", "found", "indicate",
    "indicates", "indicated", "yelled", "chanted", "interjected", "exclaimed", "barked",
    "confessed", "proclaimed", "screamed", "shot", "fired", "state", "states", "stated",
    "acknowledges", "concedes", "admits", "stresses", "emphasizes", "emphasises", "replies",
    "responds", "observes", "cautions", "predicts", "confirms", "alleges", "shown",
];

pub fn is_postposable(word: &str) -> bool {
    in_list(&POSTPOSABLE_SET, word)
}

/// Nouns that report speech when owned by a speaker: "Hamas' announcement that…".
#[rustfmt::skip]
const CUE_NOUNS: &[&str] = &[
    "announcement", "statement", "claim", "claims", "assertion", "warning", "warnings", "promise",
    "pledge", "insistence", "suggestion", "argument", "accusation", "allegation", "allegations",
    "assessment", "belief", "view", "contention", "admission", "denial", "prediction",
    "declaration", "testimony", "comments", "remarks", "assurance", "assurances", "position",
    "conclusion", "finding", "findings", "report", "charge", "complaint", "hope", "fear", "fears",
    "threat", "vow", "confirmation",
];

pub fn is_cue_noun(word: &str) -> bool {
    in_list(&CUE_NOUNS_SET, word)
}

/// Words between subject and verb that do not change who speaks: "he also said",
/// "Kirby has repeatedly said".
#[rustfmt::skip]
const SUBJECT_VERB_FILLERS: &[&str] = &[
    "also", "later", "then", "has", "had", "have", "would", "will", "previously", "repeatedly",
    "again", "once", "reportedly", "recently", "earlier", "publicly", "privately", "quickly",
    "simply", "flatly", "further", "frequently", "often", "long", "not", "initially", "first",
    "subsequently", "separately", "similarly", "likewise", "since", "already", "still", "always",
    "never", "just", "even", "now", "finally", "openly", "explicitly", "bluntly", "firmly",
    "allegedly", "is", "was", "may", "might", "could", "can", "did", "does", "do", "been", "both",
    "all", "herself", "himself", "themselves", "itself", "personally", "specifically", "directly",
];

pub fn is_filler(word: &str) -> bool {
    in_list(&SUBJECT_VERB_FILLERS_SET, word) || is_ly_adverb(word)
}

/// "dutifully", "wrongly": lower-case words in -ly that are not nouns ("family", "ally").
fn is_ly_adverb(word: &str) -> bool {
    word.len() > 4
        && word.ends_with("ly")
        && word.starts_with(|c: char| c.is_ascii_lowercase())
        && !matches!(
            word,
            "family"
                | "assembly"
                | "rally"
                | "supply"
                | "ally"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
        )
}

/// Words that end a noun phrase when scanning backwards from a verb.
#[rustfmt::skip]
const NP_STOPS: &[&str] = &[
    "that", "which", "and", "but", "or", "when", "as", "after", "before", "because", "while", "if",
    "so", "than", "since", "where", "though", "although", "whether", "until", "unless", "once",
    "then", "also", "is", "was", "are", "were", "be", "to", "has", "had", "have", "not", "what",
    "how", "why", "there", "here", "said", "says", "would", "could", "should", "will", "can", "may",
    "might", "must", "did", "do", "does", "by", "in", "on", "at", "with", "from", "about", "into",
    "over", "under", "against", "during", "without", "within", "through", "upon", "like", "for",
    "perhaps", "maybe",
];

pub fn is_np_stop(word: &str) -> bool {
    in_list(&NP_STOPS_SET, word)
}

/// Relative and personal pronouns that can be the subject of a speech verb.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "one",
];

/// What a person or body writes or says, as a noun: "Roe's letter said" is Roe's saying.
#[rustfmt::skip]
const STATEMENT_NOUNS: &[&str] = &[
    "statement", "statements", "letter", "submission", "brief", "filing", "complaint", "lawsuit",
    "tweet", "tweets", "post", "memo", "email", "emails", "speech", "remarks", "testimony", "op-ed",
    "message", "memoir", "release",
];

pub fn is_statement_noun(word: &str) -> bool {
    statement_noun(word).is_some()
}

/// The statement noun `word` is, as the list spells it.
pub fn statement_noun(word: &str) -> Option<&'static str> {
    STATEMENT_NOUNS
        .iter()
        .find(|w| w.eq_ignore_ascii_case(word))
        .copied()
}

pub fn is_pronoun(word: &str) -> bool {
    in_list(&PRONOUNS_SET, word)
}

/// Titles and role heads: the words of "National Security Council Spokesperson" that make
/// it a role rather than part of a name.
#[rustfmt::skip]
const ROLE_HEADS: &[&str] = &[
    "spokesperson", "spokesman", "spokeswoman", "minister", "president", "secretary", "senator",
    "sen.", "rep.", "representative", "congressman", "congresswoman", "governor", "gov.", "chief",
    "director", "chairman", "chairwoman", "chair", "leader", "ambassador", "general", "gen.",
    "commissioner", "mayor", "ceo", "judge", "justice", "attorney", "adviser", "advisor",
    "official", "officer", "head", "premier", "chancellor", "king", "queen", "prince", "princess",
    "pope", "candidate", "nominee", "manager", "strategist", "speaker", "lawmaker", "founder",
    "executive", "editor", "analyst", "professor", "prof.", "dr.", "economist", "commander",
    "colonel", "col.", "lt.", "captain", "capt.", "sgt.", "sergeant", "admiral", "adm.",
    "lieutenant", "major", "maj.", "deputy", "vice", "coordinator", "envoy", "negotiator",
    "inspector", "sheriff", "prosecutor", "lawyer", "counsel", "aide", "staffer",
    "director-general", "chairperson", "rabbi", "bishop", "cardinal", "imam", "reverend", "rev.",
    "councilman", "councilwoman", "councillor", "councilor", "delegate", "diplomat",
    "correspondent", "reporter", "columnist", "host", "anchor", "researcher", "scientist", "expert",
    "activist", "organizer", "organiser", "mr.", "mrs.", "ms.", "sir", "dame", "lord", "lady",
    "pollster", "consultant", "surrogate", "whip", "treasurer", "clerk", "auditor", "comptroller",
    "administrator", "superintendent", "principal", "dean", "provost",
];

pub fn is_role_head(word: &str) -> bool {
    in_list(&ROLE_HEADS_SET, word)
}

/// Honorifics that are part of how a person is named, not a role.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "mr." | "mrs." | "ms." | "dr." | "sir" | "dame" | "mr" | "mrs" | "ms" | "dr"
    )
}

/// Nouns for groups or organisations: a mention ending in one is a body, not a person.
#[rustfmt::skip]
const BODY_HEADS: &[&str] = &[
    "officials", "sources", "source", "government", "ministry", "department", "office", "house",
    "agency", "police", "army", "military", "forces", "campaign", "committee", "council", "party",
    "group", "groups", "organization", "organisation", "company", "administration", "authorities",
    "authority", "spokespeople", "residents", "witnesses", "experts", "analysts", "critics",
    "supporters", "opponents", "democrats", "republicans", "leaders", "people", "voters", "report",
    "study", "poll", "polls", "survey", "surveys", "statement", "court", "union", "board",
    "commission", "bank", "service", "services", "team", "network", "newspaper", "institute",
    "association", "coalition", "alliance", "movement", "members", "lawmakers", "aides", "advisers",
    "observers", "diplomats", "media", "press", "staff", "ministers", "officers", "negotiators",
    "mediators", "states", "nations", "countries", "cabinet", "senate", "congress", "parliament",
    "embassy", "white", "kremlin", "pentagon", "data", "figures", "statistics", "documents",
    "records", "filing", "filings", "co", "corp", "corporation", "inc", "llc", "ltd", "plc",
];

pub fn is_body_head(word: &str) -> bool {
    // "Acme Co.", "Acme Inc.": an abbreviation keeps its dot.
    in_list(&BODY_HEADS_SET, word.strip_suffix('.').unwrap_or(word))
}

/// Words whose final dot belongs to the word, not the sentence.
pub fn keeps_dot(word: &str) -> bool {
    if word.contains('.') {
        // "U.S", "a.m", "D.C", but not "example.com".
        return word.split('.').all(|part| part.chars().count() <= 2);
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        // An initial ("J."), or the "v." of a case name ("Roe v. Wade").
        return c.is_uppercase() || c == 'v';
    }
    // Lower case without allocating (no abbreviation is over 24 bytes).
    let mut buf = [0u8; 24];
    let lower = lower_into(word, &mut buf)
        .and_then(|w| std::str::from_utf8(w).ok())
        .unwrap_or("");
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "capt"
            | "sgt"
            | "sens"
            | "reps"
            | "govs"
            | "prof"
            | "rev"
            | "hon"
            | "st"
            | "jr"
            | "sr"
            | "adm"
            | "maj"
            | "cpl"
            | "atty"
            | "supt"
            | "det"
            | "insp"
            | "cmdr"
            | "no"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "vs"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "aug"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "mt"
            | "ft"
            | "pres"
            | "gov't"
            | "dept"
            | "est"
            | "approx"
    )
}

/// The char at byte `i` of `s` (a char boundary), without decoding when it is ASCII.
#[inline]
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

pub fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\'' | '\u{2018}'
    )
}

pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\''
            | '\u{2018}'
            | '\u{2019}'
    )
}

/// Day names and time words that may sit between a cue and its content ("said Tuesday").
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
    "today", "tonight", "earlier", "later", "recently", "again", "also", "repeatedly", "last",
    "this", "next", "week", "month", "year", "morning", "afternoon", "evening", "night",
    "previously", "once", "then", "now", "publicly", "privately", "flatly", "bluntly", "simply",
    "firmly", "emphatically", "frankly", "openly", "weekend", "day", "days", "ago", "late", "early",
    "separately",
];

pub fn is_time_word(word: &str) -> bool {
    in_list(&TIME_WORDS_SET, word)
}

/// Prepositions that open an adjunct between cue and content ("said in a statement that").
pub fn is_adjunct_preposition(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "in" | "at"
            | "on"
            | "during"
            | "via"
            | "through"
            | "after"
            | "before"
            | "from"
            | "with"
            | "to"
            | "over"
            | "while"
            | "when"
            | "of"
    )
}

/// Labels that open a headline without naming a speaker ("Analysis: …"), page furniture
/// (a picture's caption or credit, the source line) and kinds of piece ("Column: …").
#[rustfmt::skip]
const HEADLINE_LABELS: &[&str] = &[
    "analysis", "opinion", "exclusive", "breaking", "update", "updated", "watch", "video", "live",
    "photos", "editorial", "commentary", "review", "interview", "explainer", "factbox", "timeline",
    "q&a", "correction", "note", "editor's", "listen", "podcast", "news", "report", "first", "read",
    "related", "clarification", "correction:", "advertisement", "sponsored", "source", "file",
    "photo", "caption", "credit", "image", "picture", "column", "fact", "disclaimer",
];

/// Is `word` one of the [`HEADLINE_LABELS`]?
pub fn is_headline_label(word: &str) -> bool {
    HEADLINE_LABELS.contains(&lower_str(word, &mut [0; 24]))
}

/// Forms of "be" (and "get"), which make a following participle passive.
pub fn is_be_form(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "get"
            | "gets"
            | "got"
            | "gotten"
    )
}

/// Words that open a subordinate clause or phrase at the start of a sentence.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "asked"
            | "when"
            | "while"
            | "as"
            | "after"
            | "before"
            | "if"
            | "although"
            | "though"
            | "because"
            | "since"
            | "despite"
            | "once"
            | "until"
            | "unless"
            | "whereas"
            | "whether"
            | "speaking"
            | "responding"
            | "pressed"
            | "questioned"
    )
}

/// Lines that are site navigation, not article text.
pub fn is_navigation_line(line: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "read more",
        "read also",
        "see also",
        "related:",
        "related stories",
        "watch:",
        "click here",
        "sign up",
        "subscribe",
        "follow us",
        "share this",
        "advertisement",
        "more:",
        "recommended:",
        "listen:",
        "also read",
        "read the rest",
        "read next",
        "more on this",
        "most read",
        "trending:",
    ];
    let head: String = line.trim_start().chars().take(24).collect();
    let lower = head.to_lowercase();
    PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// Participles that open a noun's postmodifier in news: "a poll released Friday".
pub fn is_reporting_participle(w: &str) -> bool {
    matches!(
        w,
        "released"
            | "published"
            | "conducted"
            | "issued"
            | "commissioned"
            | "obtained"
            | "taken"
            | "compiled"
    )
}

//! Speech and stance verbs whose content is not a clause: a noun phrase ("criticised the
//! plan"), a to-infinitive ("pledged to cut taxes"), an object and a to-infinitive ("urged
//! voters to stay home") or a prepositional phrase ("spoke about the deal", "called for an
//! inquiry"). General English, listed by base form; every inflection is derived.
//!
//! Avowed intentions ("wants to", "plans to", "sought to") are in, with a to-infinitive
//! only: annotators count them as the speaker's stance. Open-class action verbs and
//! bare attempts or needs ("try", "need") are left out on purpose: they are not speech,
//! and chasing them costs precision.

use std::sync::LazyLock;

use super::lexicon::{lower_into, lower_str};

/// A table keyed by lower-case words, with the cheap look-up of the word lists.
type WordTable<V> = super::word_table::WordMap<V>;

/// What may follow a verb as its content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Takes {
    /// A noun phrase: "denied the report".
    pub np: bool,
    /// A to-infinitive right after the verb: "vowed to fight on".
    pub to: bool,
    /// An object, then a to-infinitive: "urged lawmakers to act".
    pub obj_to: bool,
    /// Prepositions that introduce the content: "warned of", "called for".
    pub preps: &'static [&'static str],
}

const NP: Takes = Takes {
    np: true,
    to: false,
    obj_to: false,
    preps: &[],
};

/// Base forms and what they take.
#[rustfmt::skip]
const VERBS: &[(&str, Takes)] = &[
    // Stance towards someone or something, the verb itself says it.
    ("accuse", NP), ("criticize", NP), ("criticise", NP), ("praise", NP), ("deny", NP),
    ("cite", NP), ("blast", NP), ("slam", NP), ("condemn", NP), ("defend", NP), ("rip", NP),
    ("dismiss", NP), ("reject", NP), ("attack", NP), ("mock", NP), ("welcome", NP),
    ("endorse", NP), ("oppose", NP), ("dispute", NP), ("tout", NP), ("hail", NP),
    ("laud", NP), ("decry", NP), ("lambaste", NP), ("lambast", NP), ("deride", NP),
    ("ridicule", NP), ("chide", NP), ("rebuke", NP), ("denounce", NP), ("applaud", NP),
    ("commend", NP), ("blame", NP), ("fault", NP), ("disavow", NP), ("repudiate", NP),
    ("champion", NP), ("insult", NP), ("scold", NP), ("castigate", NP), ("berate", NP),
    ("belittle", NP), ("disparage", NP), ("assail", NP), ("excoriate", NP), ("upbraid", NP),
    ("congratulate", NP), ("acknowledge", NP), ("admit", NP), ("announce", NP),
    ("predict", NP), ("recommend", NP), ("reaffirm", NP), ("reiterate", NP),
    ("question", NP), ("describe", NP), ("recount", NP), ("recall", NP), ("confirm", NP),
    ("support", NP), ("discuss", NP), ("address", NP), ("highlight", NP), ("stress", NP),
    ("emphasize", NP), ("emphasise", NP), ("reference", NP), ("mention", NP),
    // Plans put forward: "unveiled a plan", "outlined his agenda", "tweeted a photo".
    ("unveil", NP), ("outline", NP), ("tweet", NP),
    // Gratitude, regret and what a speaker brings up: "thanked the voters", "lamented the
    // decision", "invoked the law", "listed three reasons", "repeated the claim".
    ("thank", NP), ("retweet", NP), ("bemoan", NP), ("lament", NP), ("credit", NP),
    ("invoke", NP), ("compare", NP), ("list", NP), ("repeat", NP),
    // Taking a side: "echoed the charge", "favored the deal", "backed Ruiz", "pushed for a
    // vote".
    ("echo", NP), ("favor", NP), ("favour", NP), ("back", NP),
    ("push", Takes { np: false, to: false, obj_to: false, preps: &["for"] }),
    // Judgements "as" something: "critics see the plan as a giveaway" (see `needs_as`).
    ("see", NP), ("view", NP), ("regard", NP), ("portray", NP), ("paint", NP), ("cast", NP),
    ("characterize", NP), ("characterise", NP), ("depict", NP),
    // Findings: only with a poll, study, report or data as the subject (see
    // `is_document`): "the poll shows a close race".
    ("show", NP), ("find", NP), ("reveal", NP), ("indicate", NP), ("suggest", NP),
    // Commitments and refusals: a to-infinitive.
    ("pledge", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    ("vow", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    ("promise", Takes { np: true, to: true, obj_to: true, preps: &[] }),
    ("swear", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("threaten", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    ("refuse", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("decline", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("agree", Takes { np: false, to: true, obj_to: false, preps: &["with", "on"] }),
    ("offer", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    ("propose", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    ("demand", Takes { np: true, to: true, obj_to: false, preps: &[] }),
    // Intentions a speaker avows: "plans to run", "sought to reassure voters", "wants
    // Congress to act". Only with a to-infinitive or an object and one.
    ("plan", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("seek", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("want", Takes { np: false, to: true, obj_to: true, preps: &[] }),
    ("hope", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("aim", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("decide", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("intend", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    ("prefer", Takes { np: false, to: true, obj_to: false, preps: &[] }),
    // Requests: an object and a to-infinitive.
    ("urge", Takes { np: true, to: false, obj_to: true, preps: &[] }),
    ("encourage", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("ask", Takes { np: false, to: false, obj_to: true, preps: &["about", "for"] }),
    ("order", Takes { np: true, to: false, obj_to: true, preps: &[] }),
    ("implore", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("beg", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("invite", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("challenge", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("tell", Takes { np: false, to: false, obj_to: true, preps: &[] }),
    ("warn", Takes { np: false, to: false, obj_to: true, preps: &["of", "about", "against"] }),
    // Speech about something: a prepositional phrase.
    ("call", Takes { np: false, to: false, obj_to: false, preps: &["for"] }),
    ("talk", Takes { np: false, to: false, obj_to: false, preps: &["about"] }),
    ("speak", Takes { np: false, to: false, obj_to: false, preps: &["about", "of", "against"] }),
    ("complain", Takes { np: false, to: false, obj_to: false, preps: &["about", "of"] }),
    ("joke", Takes { np: false, to: false, obj_to: false, preps: &["about"] }),
    ("boast", Takes { np: false, to: false, obj_to: false, preps: &["about", "of"] }),
    ("brag", Takes { np: false, to: false, obj_to: false, preps: &["about"] }),
    ("comment", Takes { np: false, to: false, obj_to: false, preps: &["on"] }),
    ("testify", Takes { np: false, to: false, obj_to: false, preps: &["about"] }),
    ("argue", Takes { np: false, to: false, obj_to: false, preps: &["for", "against"] }),
    ("advocate", Takes { np: true, to: false, obj_to: false, preps: &["for"] }),
    ("campaign", Takes { np: false, to: false, obj_to: false, preps: &["for", "against"] }),
    ("lobby", Takes { np: false, to: false, obj_to: false, preps: &["for", "against"] }),
    ("rail", Takes { np: false, to: false, obj_to: false, preps: &["against"] }),
    ("apologize", Takes { np: false, to: false, obj_to: false, preps: &["for"] }),
    ("apologise", Takes { np: false, to: false, obj_to: false, preps: &["for"] }),
    ("point", Takes { np: false, to: false, obj_to: false, preps: &["to"] }),
    ("refer", Takes { np: false, to: false, obj_to: false, preps: &["to"] }),
    ("express", Takes { np: true, to: false, obj_to: false, preps: &[] }),
    ("voice", Takes { np: true, to: false, obj_to: false, preps: &[] }),
];

/// Verbs that judge something only when "as" follows its object: "sees the deal as a
/// mistake", never "saw the film".
pub fn needs_as(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "see"
            | "sees"
            | "saw"
            | "seen"
            | "seeing"
            | "view"
            | "views"
            | "viewed"
            | "viewing"
            | "regard"
            | "regards"
            | "regarded"
            | "regarding"
            | "portray"
            | "portrays"
            | "portrayed"
            | "portraying"
            | "paint"
            | "paints"
            | "painted"
            | "painting"
            | "cast"
            | "casts"
            | "casting"
            | "depict"
            | "depicts"
            | "depicted"
            | "depicting"
    )
}

/// Verbs that report a finding: they are cues only when a document speaks.
pub fn needs_document(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    ["show", "find", "found", "reveal", "indicat", "suggest"]
        .iter()
        .any(|p| w.starts_with(p))
}

/// Polls, studies, reports and data, which can be the source of a claim.
pub fn is_document(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "average"
            | "averages"
            | "study"
            | "studies"
            | "report"
            | "reports"
            | "data"
            | "analysis"
            | "research"
            | "figures"
            | "statistics"
            | "numbers"
            | "records"
            | "documents"
            | "review"
            | "audit"
            | "investigation"
            | "probe"
            | "filing"
            | "filings"
            | "memo"
            | "emails"
            | "video"
            | "footage"
            | "results"
            | "tally"
            | "estimates"
            | "census"
            | "forecast"
            | "index"
            | "ratings"
            | "evidence"
            | "findings"
            | "analyses"
            | "models"
            | "tests"
            | "transcript"
            | "transcripts"
            | "letter"
            | "statement"
            | "inquiry"
    )
}

/// Irregular forms: (form, base).
#[rustfmt::skip]
const IRREGULAR: &[(&str, &str)] = &[
    ("swore", "swear"), ("sworn", "swear"), ("told", "tell"), ("spoke", "speak"),
    ("spoken", "speak"), ("slammed", "slam"), ("slamming", "slam"), ("begged", "beg"),
    ("begging", "beg"), ("bragged", "brag"), ("bragging", "brag"), ("admitted", "admit"),
    ("admitting", "admit"), ("denied", "deny"), ("denies", "deny"), ("decried", "decry"),
    ("decries", "decry"), ("testified", "testify"), ("testifies", "testify"),
    ("lobbied", "lobby"), ("lobbies", "lobby"), ("referred", "refer"), ("referring", "refer"), ("lambasted", "lambast"), ("found", "find"),
    ("shown", "show"), ("saw", "see"), ("seen", "see"), ("casts", "cast"),
    ("planned", "plan"), ("planning", "plan"), ("sought", "seek"), ("preferred", "prefer"),
    ("preferring", "prefer"),

];

static FORMS: LazyLock<WordTable<Takes>> = LazyLock::new(|| {
    let mut map = WordTable::default();
    for &(base, takes) in VERBS {
        let stem = base.strip_suffix('e').unwrap_or(base);
        let forms = [
            base.to_string(),
            format!("{base}s"),
            format!("{base}es"),
            format!("{stem}ed"),
            format!("{stem}ing"),
        ];
        for f in forms {
            map.entry(f.into_bytes()).or_insert(takes);
        }
    }
    for &(form, base) in IRREGULAR {
        if let Some(&(_, takes)) = VERBS.iter().find(|(b, _)| *b == base) {
            map.insert(form.as_bytes().to_vec(), takes);
        }
    }
    map
});

/// What the verb form `word` takes as content, if it is one of these verbs.
pub fn takes(word: &str) -> Option<Takes> {
    if word.len() > 20 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 24];
    FORMS.get(lower_into(word, &mut buf)?).copied()
}

/// Nouns of stance that an owner makes into a claim, with the words that may introduce
/// their content: "his promise to cut taxes", "her criticism of the plan", "their attacks
/// on the press". "to" stands for a to-infinitive as well as a preposition.
#[rustfmt::skip]
const STANCE_NOUNS: &[(&str, &[&str])] = &[
    ("promise", &["to", "of"]), ("promises", &["to", "of"]), ("pledge", &["to", "of"]),
    ("pledges", &["to"]), ("vow", &["to"]), ("vows", &["to"]), ("call", &["for", "to"]),
    ("calls", &["for", "to"]), ("criticism", &["of"]), ("criticisms", &["of"]),
    ("critique", &["of"]), ("denial", &["of"]), ("denials", &["of"]), ("praise", &["for", "of"]),
    ("endorsement", &["of"]), ("support", &["for", "of"]), ("opposition", &["to"]),
    ("threat", &["to"]), ("threats", &["to"]), ("demand", &["for"]), ("demands", &["for"]),
    ("refusal", &["to"]), ("plea", &["for"]), ("appeal", &["for", "to"]),
    ("proposal", &["to", "for"]), ("proposals", &["to", "for"]), ("attack", &["on"]),
    ("attacks", &["on"]), ("condemnation", &["of"]), ("defense", &["of"]),
    ("defence", &["of"]), ("rejection", &["of"]), ("warning", &["about", "of", "against"]),
    ("warnings", &["about", "of", "against"]), ("questions", &["about"]),
    ("concerns", &["about", "over"]), ("doubts", &["about"]), ("comments", &["about", "on"]),
    ("remarks", &["about", "on"]), ("views", &["on", "about"]), ("position", &["on"]),
    ("positions", &["on"]), ("stance", &["on"]), ("claims", &["about", "of"]),
    ("accusations", &["of", "against"]), ("accusation", &["of", "against"]),
    ("allegations", &["of", "against", "about"]), ("insistence", &["on"]),
    ("embrace", &["of"]), ("dismissal", &["of"]), ("assessment", &["of"]),
    ("description", &["of"]), ("characterization", &["of"]), ("portrayal", &["of"]),
];

/// The words that may introduce the content of the stance noun `word`, if it is one.
pub fn stance_noun(word: &str) -> Option<&'static [&'static str]> {
    static TABLE: LazyLock<WordTable<&'static [&'static str]>> = LazyLock::new(|| {
        STANCE_NOUNS
            .iter()
            .map(|&(w, preps)| (w.as_bytes().to_vec(), preps))
            .collect()
    });
    let mut buf = [0u8; 24];
    TABLE.get(lower_into(word, &mut buf)?).copied()
}

/// Adjectives of stance after a linking verb, with the words that may introduce what the
/// stance is about ("is critical of the plan", "remains confident that …"). "that" opens a
/// clause.
const STANCE_ADJECTIVES: &[(&str, &[&str])] = &[
    ("critical", &["of"]),
    ("supportive", &["of"]),
    ("skeptical", &["of", "about", "that"]),
    ("sceptical", &["of", "about", "that"]),
    ("wary", &["of", "about"]),
    ("dismissive", &["of"]),
    ("suspicious", &["of"]),
    ("contemptuous", &["of"]),
    ("proud", &["of", "that"]),
    ("tired", &["of"]),
    ("weary", &["of"]),
    ("afraid", &["of", "that"]),
    ("fearful", &["of", "that"]),
    ("ashamed", &["of"]),
    ("confident", &["of", "about", "that"]),
    ("certain", &["that"]),
    ("sure", &["that"]),
    ("convinced", &["of", "that"]),
    ("worried", &["about", "that", "by"]),
    ("concerned", &["about", "that", "over", "by"]),
    ("anxious", &["about"]),
    ("nervous", &["about"]),
    ("upbeat", &["about"]),
    ("optimistic", &["about", "that"]),
    ("pessimistic", &["about"]),
    ("hopeful", &["about", "that"]),
    ("enthusiastic", &["about"]),
    ("unhappy", &["about", "with"]),
    ("disappointed", &["in", "with", "by", "that"]),
    ("angry", &["about", "at", "over"]),
    ("furious", &["about", "at", "over", "with"]),
    ("upset", &["about", "over", "with"]),
    ("frustrated", &["with", "by", "about"]),
    ("outspoken", &["about", "on"]),
    ("vocal", &["about"]),
    ("adamant", &["about", "that"]),
    ("insistent", &["on", "that"]),
    ("opposed", &["to"]),
    ("grateful", &["for"]),
    ("thankful", &["for"]),
    ("sympathetic", &["to", "toward", "towards"]),
    ("hostile", &["to", "toward", "towards"]),
    ("bullish", &["on", "about"]),
    ("cautious", &["about"]),
];

/// Every word that introduces what a stance adjective is about, for a quick first check.
pub const STANCE_ADJECTIVE_LINKS: [&str; 13] = [
    "of", "about", "that", "to", "for", "with", "on", "in", "by", "over", "at", "toward", "towards",
];

/// The words that may introduce what the stance adjective `word` is about, if it is one.
pub fn stance_adjective(word: &str) -> Option<&'static [&'static str]> {
    static TABLE: LazyLock<WordTable<&'static [&'static str]>> = LazyLock::new(|| {
        STANCE_ADJECTIVES
            .iter()
            .map(|&(w, preps)| (w.as_bytes().to_vec(), preps))
            .collect()
    });
    let mut buf = [0u8; 24];
    TABLE.get(lower_into(word, &mut buf)?).copied()
}

/// Nouns of feeling or judgement that "express", "voice" and "raise" take before what
/// they are about: "expressed misgivings about the plan".
pub fn is_concern_noun(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "concern"
            | "concerns"
            | "doubt"
            | "doubts"
            | "misgivings"
            | "reservations"
            | "questions"
            | "support"
            | "opposition"
            | "frustration"
            | "anger"
            | "alarm"
            | "outrage"
            | "dismay"
            | "regret"
            | "confidence"
            | "skepticism"
            | "scepticism"
            | "worries"
            | "fears"
            | "optimism"
            | "disappointment"
            | "sympathy"
            | "solidarity"
            | "gratitude"
            | "displeasure"
            | "criticism"
            | "objections"
    )
}

/// Speech verbs whose content may be an "as" phrase: "what she described as a betrayal".
pub fn takes_as_phrase(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    [
        "describ",
        "characteriz",
        "characteris",
        "mention",
        "cit",
        "refer",
        "acknowledg",
        "admit",
    ]
    .iter()
    .any(|stem| w.starts_with(stem))
}

/// Nouns for something said or published: "tweets criticizing …", "a statement urging …".
pub fn is_utterance_noun(word: &str) -> bool {
    matches!(
        lower_str(word, &mut [0; 24]),
        "tweet"
            | "tweets"
            | "statement"
            | "statements"
            | "ad"
            | "ads"
            | "letter"
            | "speech"
            | "remarks"
            | "message"
            | "messages"
            | "post"
            | "posts"
            | "column"
            | "editorial"
            | "op-ed"
            | "video"
            | "email"
            | "emails"
    )
}

#[cfg(test)]
mod tests {

    #[test]
    fn every_stance_adjective_link_is_in_the_quick_check() {
        for (adjective, links) in STANCE_ADJECTIVES {
            for l in *links {
                assert!(STANCE_ADJECTIVE_LINKS.contains(l), "{adjective} {l}");
            }
        }
    }

    use super::*;

    #[test]
    fn inflections_are_derived() {
        assert!(takes("criticized").is_some_and(|t| t.np));
        assert!(takes("criticising").is_some_and(|t| t.np));
        assert!(takes("pledged").is_some_and(|t| t.to));
        assert!(takes("urges").is_some_and(|t| t.obj_to));
        assert!(takes("spoke").is_some_and(|t| t.preps.contains(&"about")));
        assert!(takes("denied").is_some_and(|t| t.np));
        assert!(takes("Called").is_some_and(|t| t.preps.contains(&"for")));
        assert!(takes("walked").is_none());
        // An avowed intention takes a to-infinitive, never a bare noun phrase.
        assert!(takes("wanted").is_some_and(|t| t.to && t.obj_to && !t.np));
        assert!(takes("sought").is_some_and(|t| t.to && !t.np));
        assert!(takes("planned").is_some_and(|t| t.to));
        assert!(takes("tried").is_none());
    }
}

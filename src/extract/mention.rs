//! What a speaker mention is, from its noun-phrase structure: a pronoun, a name (with the
//! role written before it), a description ("the spokesman", "a senior official") or
//! nothing that names anyone (a dateline, a time expression, a dash, a partitive, a bare
//! common noun). The registry resolves the first three; the last never becomes a speaker.
//! Also the subject a sentence opens with ([`subject_name`]), which the registry keeps as
//! a candidate for the pronouns that follow.

use super::given_names::{Gender, gender_of_given};
use super::lexicon as lex;

/// A mention, cleaned of its possessive, relative clause and parenthetical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// "he", "her", "they", "its".
    Pronoun(Pronoun),
    /// Capitalised: "Rep. Jane Roe (D-Ohio)", "the New York Times", "Roe".
    Named(String),
    /// Lowercase head: "the spokesman", "a senior official", "the South Carolina senator".
    Description(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Male,
    Female,
    /// "they", "it": an organisation or a group.
    Group,
    /// "who", "which", "that": the phrase the relative clause hangs on.
    Relative,
}

/// Classify a mention as written; `None` when it names no one.
pub fn classify(raw: &str) -> Option<Mention> {
    let m = raw
        .trim()
        .trim_matches(|c: char| c == ',' || c == ';' || c == ':');
    let m = strip_possessive(m.trim());
    // "Jane Roe, who": the antecedent is the speaker.
    let m = [", who", ", which"]
        .iter()
        .find_map(|r| m.strip_suffix(r))
        .unwrap_or(m)
        .trim();
    // "The alliance, which includes…": a relative clause after a description is not its
    // name (after a name it is kept as the person's role).
    let m = match [", which ", ", who ", ", whose "]
        .iter()
        .find_map(|r| m.split_once(r))
    {
        Some((head, _)) if !head.split_whitespace().last().is_some_and(is_capitalised) => head,
        _ => m,
    };
    if !m.chars().any(char::is_alphabetic) {
        return None; // "—", "2016"
    }
    let ws: Vec<&str> = m.split_whitespace().collect();
    if is_capitals_run(&ws) {
        return None;
    }
    // "a chorus of critics", "a handful of senators": the speaker is the complement;
    // "the wake of the vote", "the face of it": a circumstance, no one.
    let m = match words::partitive(&ws) {
        Some(words::Partitive::Of(i)) => return classify(&ws[i..].join(" ")),
        Some(words::Partitive::Circumstance) => return None,
        None => m,
    };
    // "0.1 percentage (points)", "$20 million": an amount, no one (a share of people,
    // "73 percent", is the registry's to complete).
    let ws: Vec<&str> = m.split_whitespace().collect();
    if ws.len() <= 3
        && ws[0].starts_with(|c: char| c.is_ascii_digit() || c == '$')
        && ws.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "percentage" | "points" | "million" | "billion" | "trillion" | "thousand"
            )
        })
    {
        return None;
    }
    let lower = m.to_lowercase();
    match lower.as_str() {
        "he" | "him" | "his" | "himself" => return Some(Mention::Pronoun(Pronoun::Male)),
        "she" | "her" | "hers" | "herself" => return Some(Mention::Pronoun(Pronoun::Female)),
        "they" | "them" | "their" | "it" | "its" | "themselves" | "itself" => {
            return Some(Mention::Pronoun(Pronoun::Group));
        }
        "who" | "which" | "that" => return Some(Mention::Pronoun(Pronoun::Relative)),
        _ => {}
    }
    let words: Vec<&str> = m.split_whitespace().collect();
    let first = words[0].to_lowercase().replace('\u{2019}', "'");
    // "It's worth", "I've": a pronoun with its verb.
    if first
        .split_once('\'')
        .is_some_and(|(stem, _)| lex::is_pronoun(stem) || stem == "i")
    {
        return None;
    }
    // "I", "we", "you", "one", "us", and "his wife": the words name the speaker only
    // through someone else, which the text has to say.
    if lex::is_pronoun(&first)
        || matches!(first.as_str(), "me" | "us" | "my" | "our" | "your")
        || is_possessive_pronoun(&first) && words.len() > 1
    {
        return None;
    }
    // "in June", "for Disney", "amid": a prepositional phrase is no noun phrase; nor is
    // a causative's clause ("(don't) let editorials tell").
    let no_noun = matches!(first.as_str(), "for" | "amid" | "by" | "let" | "lets");
    if lex::is_adjunct_preposition(&first) || no_noun {
        return None;
    }
    // "Del" of "said Del. Jane Roe" cut at its dot: a title alone names no one.
    let bare = first.trim_end_matches('.');
    if words.len() == 1 && bare != "gop" && expand_title(bare) != bare {
        return None;
    }
    // "let editorials (tell)", "this reeks of…": a verb opens no noun phrase.
    if words::opens_with_verb(&words) {
        return None;
    }
    let m = without_parenthetical(m)?;
    let m = cut_trailing_adjunct(&m);
    // "yet Jane Roe": a lowercase word before a name is not part of it.
    let m = match m.split_once(' ') {
        Some((w, rest))
            if w.chars().all(char::is_lowercase)
                && !is_determiner(w)
                && rest.split_whitespace().all(is_capitalised) =>
        {
            rest.to_string()
        }
        _ => m,
    };
    let words: Vec<&str> = m.split_whitespace().collect();
    let last = *words.last()?;
    // "Jane Roe, the union's negotiator", "the union's negotiator, Jane Roe": apposition
    // with a name on one side is the name with its role.
    let named_part = m
        .split([',', '\u{2014}', '\u{2013}'])
        .filter_map(|part| part.split_whitespace().last())
        .any(|w| is_capitalised(w) && !is_month(w));
    // "analysis by Jane Roe", "wake of the Times", "writer for The Atlantic": a lowercase
    // head with its complement describes, whatever name the complement holds.
    let mut rest = words.iter().skip_while(|w| is_determiner(w)).peekable();
    let lowercase_head = rest
        .peek()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    let after_head = rest.find(|w| !w.chars().all(|c| c.is_lowercase() || c == '-'));
    let complement = words
        .iter()
        .skip_while(|w| is_determiner(w))
        .take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        .last()
        .is_some_and(|w| lex::is_adjunct_preposition(w) || matches!(*w, "for" | "by"));
    if lowercase_head && complement && after_head.is_some() && !m.contains(',') {
        return Some(Mention::Description(m.to_string()));
    }
    if is_capitalised(last)
        || is_handle(last)
        || named_part && m.contains([',', '\u{2014}', '\u{2013}'])
    {
        return Some(Mention::Named(m.to_string()));
    }
    // A lowercase head: a description. A bare noun ("official", "the spokesman",
    // "little") says what, not who: only the registry can tie it to someone.
    Some(Mention::Description(without_adverbial(&m).to_string()))
}

/// "Younger voters, in particular", "Some critics, however" → the phrase before the
/// comma: a tail the tagger reads as an adverbial (an adverb, or a preposition with an
/// adjective), at most two words, is no part of who.
fn without_adverbial(m: &str) -> &str {
    use super::syntax::{Tag, tag_words};
    let Some((head, tail)) = m.rsplit_once(", ") else {
        return m;
    };
    let words: Vec<&str> = tail.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 2
        || words.iter().any(|w| !w.starts_with(char::is_lowercase))
    {
        return m;
    }
    let tags = tag_words(&words, &[]);
    let adverbial = match tags.as_slice() {
        [Tag::RB] => true,
        [Tag::IN, t] => matches!(t, Tag::JJ | Tag::RB),
        _ => false,
    };
    if adverbial { head.trim_end() } else { m }
}

/// "NEWPORT NEWS", "EVEN HIS BOSS": a dateline or a title in capitals names no one
/// (acronyms side by side, "US EPA", may).
pub fn is_capitals_run(ws: &[&str]) -> bool {
    let letters = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count();
    ws.len() >= 2
        && ws
            .iter()
            .all(|w| letters(w) >= 1 && !w.chars().any(char::is_lowercase))
        && ws.iter().any(|w| letters(w) >= 4)
}

/// A singular description with nothing but a determiner before its head ("the
/// spokesman", "official"): it names no one on its own. A bare plural ("officials",
/// "engineers") names a group, as the text gives it.
pub fn is_bare(description: &str) -> bool {
    let words: Vec<&str> = description
        .split_whitespace()
        .filter(|w| !is_determiner(w))
        .collect();
    let plural = words.last().is_some_and(|w| {
        w.ends_with('s')
            && !w.ends_with("ss")
            && words.len() == description.split_whitespace().count()
    });
    words.len() <= 1 && !plural
}

fn is_determiner(w: &str) -> bool {
    matches!(
        lex::lower_str(w, &mut [0; 24]),
        "the" | "a" | "an" | "this" | "that" | "these" | "those"
    )
}

fn is_possessive_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its" | "my" | "our" | "your")
}

fn is_handle(w: &str) -> bool {
    w.starts_with('@') && w.len() > 1
}

pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The head word of a description, lowercased and with abbreviations spelt out
/// ("Sen." → "senator").
pub fn head_of(description: &str) -> String {
    let last = description.split_whitespace().last().unwrap_or("");
    expand_title(&last.to_lowercase()).to_string()
}

/// "sen." → "senator": titles as roles spell them before names.
pub fn expand_title(w: &str) -> &str {
    match w {
        "sen." | "sen" => "senator",
        "rep." | "rep" => "representative",
        "gov." | "gov" => "governor",
        "gen." | "gen" => "general",
        "pres." => "president",
        "lt." => "lieutenant",
        "col." => "colonel",
        "gop" => "republican",
        "del." | "del" => "delegate",
        _ => w,
    }
}

/// The kind of role a role word names, so that the same role written two ways finds
/// its person: "the judge" is Justice Roe, "the spokeswoman" is spokesperson Roe.
pub fn role_class(w: &str) -> &str {
    // "the co-founder" is a founder, "the co-chair" a chair.
    let w = w.strip_prefix("co-").filter(|r| !r.is_empty()).unwrap_or(w);
    match expand_title(w) {
        "justice" => "judge",
        "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" => "spokesperson",
        "congressman" | "congresswoman" | "lawmaker" | "representative" => "representative",
        "attorney" | "counsel" | "lawyer" => "lawyer",
        "chairman" | "chairwoman" | "chairperson" | "chair" => "chair",
        "advisor" | "adviser" | "aide" => "adviser",
        "councilman" | "councilwoman" | "councillor" | "councilor" => "councillor",
        "prof." => "professor",
        "doctor" | "physician" | "dr" => "dr.",
        other => other,
    }
}

/// Does a role ("Manhattan Supreme Court Justice") have a role word of `class` ("judge")?
/// Only its role words count: "Court" in it is no court.
pub fn role_has(role: Option<&str>, class: &str) -> bool {
    role.is_some_and(|role| {
        role.split_whitespace().any(|w| {
            let lower = w.to_lowercase();
            let c = role_class(&lower);
            (lex::is_role_head(w) || c != lower) && c == class
        })
    })
}

/// A mention cut by the tokenizer at a joining mark ("Pulse poll" of "Civic/Pulse
/// poll"): `start` moved back over the word joined to it without a space.
pub fn joined_start(text: &str, start: usize) -> usize {
    let before = &text[..start];
    if !before.ends_with(['/', '-']) {
        return start;
    }
    // Where the joined word starts: after the last character that cannot be in it (which
    // may take more than one byte: a curly quote).
    let word = before[..before.len() - 1]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '&')))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let joined = &before[word..before.len() - 1];
    if joined.chars().next().is_some_and(char::is_uppercase) {
        word
    } else {
        start
    }
}

/// The sex a name's honorific, role or given name says: "Mrs. Roe", "Congressman Roe",
/// "Jane Roe".
pub fn gender_of(words: &[&str]) -> Option<Gender> {
    let by_title = words
        .iter()
        .find_map(|w| match lex::lower_str(w, &mut [0; 24]) {
            "mr." | "mr" | "spokesman" | "congressman" | "chairman" | "king" | "prince" | "sir"
            | "lord" | "father" | "husband" | "son" | "brother" => Some(Gender::Male),
            "mrs." | "mrs" | "ms." | "ms" | "spokeswoman" | "congresswoman" | "chairwoman"
            | "queen" | "princess" | "dame" | "lady" | "mother" | "wife" | "daughter"
            | "sister" => Some(Gender::Female),
            _ => None,
        });
    by_title.or_else(|| {
        // The given name: the first capitalised word after titles and roles.
        words
            .iter()
            .find(|w| is_capitalised(w) && !lex::is_role_head(w) && !lex::is_honorific(w))
            .and_then(|w| gender_of_given(w))
    })
}

pub fn strip_possessive(s: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            return stem.trim_end();
        }
    }
    s
}

pub fn strip_article(s: &str) -> &str {
    for article in ["the", "The", "a", "A", "an", "An"] {
        if let Some(rest) = s.strip_prefix(article)
            && rest.starts_with(char::is_whitespace)
        {
            return rest.trim_start();
        }
    }
    s
}

/// "Rep. Jane Roe (D-Ohio)" → "Rep. Jane Roe"; a dateline ("Washington (AFP)": a place and
/// a one-word agency in brackets) → nothing.
fn without_parenthetical(m: &str) -> Option<String> {
    let Some(open) = m.find('(') else {
        return Some(m.to_string());
    };
    // With no ")", the bracket runs to the end (which may be a character of several bytes).
    let (inner_end, close) = m[open..]
        .find(')')
        .map_or((m.len(), m.len()), |c| (open + c, open + c + 1));
    let inner = m[open + 1..inner_end].trim();
    let outer = format!("{} {}", m[..open].trim(), m[close..].trim());
    let outer = outer.trim().trim_end_matches(',').trim().to_string();
    let agency = !inner.contains(['-', ' ', '.']) && is_capitalised(inner);
    if agency
        && outer.split_whitespace().count() <= 2
        && outer.split_whitespace().all(is_capitalised)
    {
        return None;
    }
    (!outer.is_empty()).then_some(outer)
}

/// "Comey in June" → "Comey", "Trump in the past" → "Trump": a name followed by a
/// lowercase adjunct. A description keeps its complements ("lawyers for the city").
fn cut_trailing_adjunct(m: &str) -> String {
    let words: Vec<&str> = m.split_whitespace().collect();
    for (i, w) in words.iter().enumerate().skip(1) {
        // "an arbitration panel in 2001", "the ad in late June": a time is not who.
        let rest = &words[i + 1..];
        let time = |r: &&str| {
            let r = r.trim_end_matches(',');
            r.len() == 4 && r.chars().all(|c| c.is_ascii_digit())
                || is_month(r)
                || lex::is_time_word(r)
                || matches!(r, "the" | "early" | "late" | "mid")
        };
        if matches!(*w, "in" | "on" | "during" | "since")
            && !rest.is_empty()
            && rest.len() <= 3
            && rest.iter().all(time)
            && rest
                .iter()
                .any(|r| !matches!(*r, "the" | "early" | "late" | "mid"))
        {
            // ("Roe earlier in the day": and the time word before it.)
            let keep = words[..i]
                .iter()
                .rposition(|w| !(lex::is_time_word(w) && w.starts_with(char::is_lowercase)))
                .map_or(i, |k| k + 1);
            return words[..keep].join(" ");
        }
        let prep = lex::is_adjunct_preposition(w) && w.chars().all(char::is_lowercase);
        let after_name = is_capitalised(words[i - 1]);
        let then_not_name = words
            .get(i + 1)
            .is_none_or(|n| !is_capitalised(n) || lex::is_time_word(n) || is_month(n));
        if prep && after_name && then_not_name && !matches!(*w, "of") {
            return words[..i].join(" ");
        }
        // "a poll released Friday", "the study published in June": a participle
        // phrase after the head says when, not who.
        if lex::is_reporting_participle(w) {
            return words[..i].join(" ");
        }
    }
    m.to_string()
}

/// A month's name, any case, with a trailing "." or "," ("June,").
pub fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    super::syntax::MONTHS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(w))
}

#[path = "mention_subject.rs"]
mod subject;
pub use subject::subject_name;

#[path = "mention_words.rs"]
mod words;
pub use words::{
    after_fronted, after_run_in_heading, before_title_verb, common_words, holds_office,
    is_coordination, kin, owner_of_statement, to_head, without_opener,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unclosed_bracket_before_a_wide_character_is_read_to_the_end() {
        assert_eq!(
            without_parenthetical("Jane Roe (D-Ohi\u{c8}").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn a_joined_word_after_a_curly_quote_starts_after_the_quote() {
        // "”Civic/Pulse poll": the word starts after the three-byte quote mark.
        let text = "he said.\u{201D}Civic/Pulse poll found";
        let start = text.find("Pulse").unwrap_or(0);
        assert_eq!(&text[joined_start(text, start)..start], "Civic/");
        let text = "\u{201D}-Roe said";
        assert_eq!(
            joined_start(text, text.find("Roe").unwrap_or(0)),
            text.find("Roe").unwrap_or(0)
        );
    }

    #[test]
    fn what_names_no_one() {
        for m in [
            "\u{2014}",
            "in the past",
            "for Disney",
            "let editorials",
            "Let me",
            "Washington (AFP)",
            "amid",
            "his wife",
            "we",
            "0.1 percentage",
            "$20 million",
            "a set of Clean Water Act",
            "a raft of new tariff",
            "a series of photos from the rally",
            "Del",
            "Sen.",
            "discuss internal strategy",
            "depicts one of the guards",
        ] {
            assert_eq!(classify(m), None, "{m}");
        }
        assert_eq!(
            classify("Comey in June"),
            Some(Mention::Named("Comey".into()))
        );
        assert_eq!(
            classify("Trump in the past"),
            Some(Mention::Named("Trump".into()))
        );
        assert_eq!(
            classify("Rep. Gwen Roe (D-Wis.)"),
            Some(Mention::Named("Rep. Gwen Roe".into()))
        );
        assert_eq!(classify("Her"), Some(Mention::Pronoun(Pronoun::Female)));
        // A run of people is its people; a noun read as a verb before a noun is kept.
        assert_eq!(
            classify("a slew of Republicans"),
            Some(Mention::Named("Republicans".into()))
        );
        assert_eq!(
            classify("a wave of critics"),
            Some(Mention::Description("critics".into()))
        );
        assert_eq!(
            classify("focus groups"),
            Some(Mention::Description("focus groups".into()))
        );
        assert_eq!(classify("GOP"), Some(Mention::Named("GOP".into())));
        assert_eq!(
            classify("Younger black voters, in particular"),
            Some(Mention::Description("Younger black voters".into()))
        );
        assert_eq!(
            classify("some critics, however"),
            Some(Mention::Description("some critics".into()))
        );
        assert_eq!(
            classify("the official, a lawyer"),
            Some(Mention::Description("the official, a lawyer".into()))
        );
        assert!(is_bare("the spokesman") && is_bare("official") && !is_bare("a senior official"));
    }
}

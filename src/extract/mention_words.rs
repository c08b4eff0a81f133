//! What a mention's words are, read with the tagger's dictionary: a title-case word that
//! opens a clause rather than a name ("Even Roe"), common words capitalised by their
//! place ("Video"), names joined by "and" (a group), a title's name before what the
//! title says of them, the end of a run-in heading ("Limited Means: The council…"), the
//! office a role holds ("President", "president of the Farm Bureau", "Vice President").

use super::super::given_names::{Gender, gender_of_given};
use super::super::lexicon as lex;
use super::{is_capitalised, strip_article};

/// A mention (or a sentence's subject) without a title-case word that opens its clause
/// rather than its name, as the tagger reads the first words: "Even Ruritania", "But Jane
/// Roe", "Also Roe" → the name; "Unlike Roe", "Say Roe", "Everything Roe" (a
/// preposition, a verb, an indefinite pronoun before the name) → no one. The first word
/// is read as the tagger's dictionary has it (a name is in no dictionary), and only when
/// the next word is capitalised too.
pub fn without_opener(m: &str) -> Option<&str> {
    use super::super::syntax::Tag;
    let mut words = m.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return Some(m);
    };
    if !is_capitalised(first) || !is_capitalised(second) || lex::is_honorific(first) {
        return Some(m);
    }
    // The tagger's dictionary reading of the word; else, for a word that is no common
    // given name, its reading before the name both capitalised and in lower case (out of
    // its sentence a capital alone says little).
    let lower = first.to_lowercase();
    let tag = match super::super::syntax::dictionary_tag(first) {
        Some(tag) => tag,
        None if gender_of_given(first).is_some() || lex::is_role_head(first) => return Some(m),
        None => {
            let lowered = super::super::syntax::tag_words(&[lower.as_str(), second], &[]);
            let tag = *lowered.first()?;
            if tag.is_noun() || tag == Tag::JJ {
                return Some(m);
            }
            let as_written = super::super::syntax::tag_words(&[first, second], &[]);
            if as_written.first() != Some(&tag) {
                return Some(m);
            }
            tag
        }
    };
    let rest = || m[m.find(second).unwrap_or(0)..].trim_start();
    match tag {
        Tag::CC | Tag::RB => Some(rest()),
        Tag::IN | Tag::VB | Tag::VBP | Tag::MD | Tag::PRPS | Tag::WRB | Tag::UH | Tag::TO => None,
        _ if matches!(
            lower.as_str(),
            "everything" | "nothing" | "anything" | "something" | "everyone" | "anyone"
        ) =>
        {
            None
        }
        _ => Some(m),
    }
}

/// Every word of a capitalised mention is a common word in the tagger's dictionary, none
/// a name, a role or a body ("Video", "Some", "Limited Tools"; not "White House",
/// "Police", "Judge").
/// Out of a title, a name of several words is judged by the dictionary alone (the
/// tagger's reading costs more, and such names are rarely common words).
pub fn common_words(m: &str, heading: bool) -> bool {
    use super::super::syntax::Tag;
    // "The Times", "The Hill": a capital after "the" names.
    if strip_article(m).len() != m.len() {
        return false;
    }
    let not_noun = |t: &Tag| {
        matches!(
            t,
            Tag::JJ | Tag::VBZ | Tag::VBD | Tag::VB | Tag::VBG | Tag::RB | Tag::IN | Tag::DT
        )
    };
    let single = !m.trim().contains(' ');
    let common = |w: &str| {
        if lex::is_role_head(w) || lex::is_body_head(w) {
            return false;
        }
        if let Some(t) = super::super::syntax::dictionary_tag(w) {
            return !matches!(t, Tag::NNP | Tag::NNPS);
        }
        if !heading && !single {
            return false;
        }
        // A word the dictionary does not fix: no noun as written nor in lower case.
        let lower = w.to_lowercase();
        let lowered = super::super::syntax::tag_words(&[lower.as_str()], &[]);
        lowered.first().is_some_and(not_noun)
            && super::super::syntax::tag_words(&[w], &[])
                .first()
                .is_some_and(not_noun)
    };
    !m.is_empty() && m.split_whitespace().all(common)
}

/// Names joined by "and": "Roe and Doe", "Mr. Roe and Mr. Doe" name two, not one person.
/// Only the phrase before an apposition counts ("Roe, head of Research and Policy").
pub fn is_coordination(m: &str) -> bool {
    let main = m
        .split([',', '(', '\u{2014}', '\u{2013}', '\u{2015}'])
        .next()
        .unwrap_or(m);
    let words: Vec<&str> = main.split_whitespace().collect();
    let Some(k) = words.iter().position(|w| *w == "and" || *w == "&") else {
        return false;
    };
    let name = |w: &&str| is_capitalised(w);
    // "candidates Jane Roe and John Doe": a lowercase head before the names is theirs.
    k > 0 && k + 1 < words.len() && is_capitalised(words[k - 1]) && words[k + 1..].iter().all(name)
}

/// A title's name before what it says of them: "Jane Roe Slams Acme Chief" → "Jane
/// Roe". Only a run that opens with a given name, then a surname (middle names and
/// initials allowed), then at least two more title-case words, none a suffix ("Jr.");
/// the mention itself otherwise.
pub fn before_title_verb(m: &str) -> &str {
    let words: Vec<&str> = m.split_whitespace().collect();
    if words.first().is_none_or(|w| gender_of_given(w).is_none()) {
        return m;
    }
    let middle =
        |w: &str| gender_of_given(w).is_some() || w.len() <= 2 || w.len() == 3 && w.ends_with('.');
    let surname = 1 + words[1..].iter().take_while(|w| middle(w)).count();
    let rest = words.get(surname + 1..).unwrap_or(&[]);
    let suffix = |w: &&str| {
        matches!(
            w.trim_end_matches([',', '.']),
            "Jr" | "Sr" | "II" | "III" | "IV"
        )
    };
    if rest.len() < 2 || !words.iter().all(|w| is_capitalised(w)) || rest.iter().any(suffix) {
        return m;
    }
    let mut at = 0;
    for w in &words[..=surname] {
        at = m[at..].find(w).map_or(at, |p| at + p + w.len());
    }
    &m[..at]
}

/// Where the text after a run-in heading starts: "Limited Means to Act: The council…",
/// "The Gap Remains: It was…" (at most eight words before the colon, each capitalised or
/// a short grammar word).
pub fn after_run_in_heading(sentence: &str) -> Option<usize> {
    // (Eight words fit in 100 bytes: nothing further is looked at.)
    let mut n = sentence.len().min(100);
    while !sentence.is_char_boundary(n) {
        n -= 1;
    }
    let colon = sentence[..n].find(": ")?;
    let words: Vec<&str> = sentence[..colon].split_whitespace().collect();
    let heading = (2..=8).contains(&words.len())
        && words.iter().all(|w| {
            is_capitalised(w)
                || matches!(
                    *w,
                    "to" | "of" | "the" | "a" | "an" | "and" | "in" | "on" | "for" | "with" | "at"
                )
        });
    heading.then_some(colon + 2)
}

pub(super) enum Partitive {
    /// The complement starts at this word.
    Of(usize),
    Circumstance,
}

/// "(a) chorus of …": a quantity noun and "of", or a circumstance noun and "of".
pub(super) fn partitive(ws: &[&str]) -> Option<Partitive> {
    let at = usize::from(ws.first().is_some_and(|w| super::is_determiner(w)));
    let (noun, of) = (ws.get(at)?, ws.get(at + 1)?);
    if *of != "of" || at + 2 >= ws.len() {
        return None;
    }
    match noun.to_lowercase().as_str() {
        "chorus" | "handful" | "number" | "lot" | "lots" | "couple" | "dozens" | "hundreds"
        | "thousands" | "millions" | "majority" | "minority" | "bunch" | "pair" | "trio"
        | "crowd" | "throng" => Some(Partitive::Of(at + 2)),
        // "a set of Clean Air Act (rules)", "a raft of new emissions (rules)", "a series of
        // photos": a run of things; people only when the complement says so ("a slew of
        // Republicans", "an array of experts").
        "host" | "series" | "set" | "raft" | "slew" | "string" | "flurry" | "wave" | "swath"
        | "array" | "range" | "variety" | "list" | "litany" => {
            Some(if names_people(&ws[at + 2..]) {
                Partitive::Of(at + 2)
            } else {
                Partitive::Circumstance
            })
        }
        "wake" | "midst" | "aftermath" | "face" | "light" | "course" | "end" | "part" | "rest"
        | "side" | "case" | "eyes" => Some(Partitive::Circumstance),
        _ => None,
    }
}

/// The complement of a partitive names people: a capitalised plural ("Republicans") or a
/// role or body head ("experts", "lawmakers", "officials").
pub fn names_people(complement: &[&str]) -> bool {
    let Some(last) = complement.last() else {
        return false;
    };
    let last = last.trim_end_matches([',', ';', ':']);
    let lower = last.to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    is_capitalised(last) && lower.ends_with('s')
        || lex::is_body_head(&lower)
        || lex::is_role_head(&lower)
        || lex::is_role_head(singular)
}

/// A lowercase mention that opens with a verb as the tagger reads it: "make anyone",
/// "depicts one of …", "discuss internal strategy" open no noun phrase. A base form before
/// a noun may be a noun itself ("focus groups", "press reports"): kept.
pub fn opens_with_verb(words: &[&str]) -> bool {
    use super::super::syntax::{Tag, tag_words};
    if words.len() < 2 || !words.iter().all(|w| w.starts_with(char::is_lowercase)) {
        return false;
    }
    match tag_words(words, &[]).as_slice() {
        [Tag::VBZ | Tag::VBD | Tag::MD, ..] => true,
        [Tag::VB | Tag::VBP, next, ..] => !next.is_noun(),
        _ => false,
    }
}

/// The subject of `sentence` given its opening subject `a..b`: "A Democrat, Jane Roe is
/// running…" opens with a fronted description; the subject is the name after it (none
/// when no name follows).
pub fn after_fronted(sentence: &str, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    match sentence[b..].strip_prefix(", ") {
        Some(rest) if ["A ", "An "].iter().any(|d| sentence[a..].starts_with(d)) => {
            let (c, d) = super::subject_name(rest)?;
            Some((b + 2 + c, b + 2 + d))
        }
        _ => Some((a, b)),
    }
}

/// A mention's span (`a..b` of `text`) grown to the head noun it stops short of, or
/// `None` when it names no one there; `cue` is the frame's cue, which follows a subject.
/// - "Central European| leaders who … warning", "Trump| supporters are calling": a
///   capitalised modifier before a plural people or body noun is that noun's (not a
///   person's name, which a given name opens);
/// - "His| ex-wife agreed", "her| lawyer said": a possessive before a relation or role
///   is that person, not the possessor;
/// - "$|20 million experts say": an amount, no one's; the experts.
pub fn to_head(text: &str, (a, b): (usize, usize), cue: &str) -> Option<(usize, usize)> {
    let written = &text[a..b];
    let amount = written
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| matches!(w, "million" | "billion" | "trillion" | "thousand"));
    if amount && text[..a].ends_with('$') {
        // "$20 million experts say": the experts.
        let mut words = written.split(' ').filter(|w| !w.is_empty());
        let third = words.nth(2)?;
        let at = a + written.find(third)?;
        return Some((at, b));
    }
    let rest = &text[b..];
    let Some(next) = rest.strip_prefix(' ').and_then(|r| r.split(' ').next()) else {
        return Some((a, b));
    };
    let noun = next.trim_end_matches([',', ';', ':']);
    if noun.is_empty() || !noun.chars().all(|c| c.is_lowercase() || c == '-') {
        return Some((a, b));
    }
    let lower = written.to_lowercase();
    let ws: Vec<&str> = written.split_whitespace().collect();
    let grown = (a, b + 1 + noun.len());
    let relation = noun.strip_prefix("ex-").unwrap_or(noun);
    if matches!(lower.as_str(), "his" | "her" | "their") {
        let kin = super::gender_of(&[relation]).is_some() || lex::is_role_head(relation);
        return Some(if kin { grown } else { (a, b) });
    }
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    let people = noun.ends_with('s')
        && !noun.ends_with("ss")
        && noun != "people"
        && (lex::is_body_head(noun) || lex::is_role_head(singular));
    let modifier = ws.iter().all(|w| is_capitalised(w))
        && !written.ends_with("'s")
        && !written.ends_with("\u{2019}s")
        && super::gender_of(&ws).is_none()
        && !ws.iter().any(|w| lex::is_honorific(w));
    // The cue comes after the subject: "tells Dayton people" is no subject's phrase.
    let after = &text[grown.1..];
    let near = after
        .char_indices()
        .nth(300)
        .map_or(after, |(i, _)| &after[..i]);
    let cue_after = cue
        .split_whitespace()
        .next()
        .is_some_and(|c| near.contains(c));
    // "a former Democratic National Committee| chairman", "The former| president": a
    // determiner's phrase ending in a modifier (a capital, or what the tagger reads as an
    // adjective) before a role.
    let determined = ws.len() >= 2
        && matches!(ws[0].to_lowercase().as_str(), "a" | "an" | "the")
        && (lex::is_role_head(noun) || people)
        && ws.last().is_some_and(|w| {
            is_capitalised(w) || {
                let tags = super::super::syntax::tag_words(&ws, &[]);
                tags.last() == Some(&super::super::syntax::Tag::JJ)
            }
        });
    Some(if (people && modifier || determined) && cue_after {
        grown
    } else {
        (a, b)
    })
}

/// Does a role hold the office of `class` itself, and plainly? `Some(true)`: a title
/// ("President", "U.S. President"); `Some(false)`: the office of something named
/// ("president of the Farm Bureau", "spokesman for the mayor"); `None`: not that office,
/// or another one the word only helps to name ("Vice President", "Deputy Mayor").
pub fn holds_office(role: Option<&str>, class: &str) -> Option<bool> {
    let words: Vec<&str> = role?.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| lex::is_role_head(w) && super::role_class(&w.to_lowercase()) == class)?;
    let lesser = at.checked_sub(1).is_some_and(|i| {
        matches!(
            words[i].to_lowercase().as_str(),
            "vice" | "deputy" | "assistant" | "associate" | "lieutenant" | "lt." | "under"
        )
    });
    if lesser {
        return None;
    }
    let complement = words[at + 1..]
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "of" | "for" | "at" | "to"));
    Some(!complement)
}

/// What a person or body wrote or said, as a mention: "The mayor's statement", "Roe's
/// fundraising email to the court", "Her submission" → its owner as written ("The
/// mayor", "Roe", "Her"); a statement is its owner's. `None` for any other mention
/// ("Clinton's spokesman" is someone else).
pub fn owner_of_statement(m: &str) -> Option<&str> {
    // The statement noun, after at most two lowercase modifiers.
    let statement = |rest: &str| {
        for w in rest.split_whitespace().take(3) {
            let w = w.trim_end_matches([',', ';', ':']);
            if lex::is_statement_noun(w) {
                return true;
            }
            if is_capitalised(w) || !w.chars().all(|c| c.is_alphabetic() || c == '-') {
                return false;
            }
        }
        false
    };
    let mut at = 0;
    for w in m.split(' ') {
        let end = at + w.len();
        let owner = super::strip_possessive(w);
        // "Her submission to the court" (not "Roe in his speech", "a person who
        // described her remarks": someone before the pronoun is the speaker).
        if at == 0 && super::is_possessive_pronoun(&w.to_lowercase()) {
            return statement(&m[end..]).then_some(w);
        }
        if owner.len() < w.len() && !owner.is_empty() {
            return statement(&m[end..]).then(|| m[..at + owner.len()].trim_end());
        }
        at = end + 1;
    }
    None
}

/// "His ex-wife", "her late husband", "their daughter": a relative of someone the text
/// names, as their pronoun gives them; the relative's sex. The words name the speaker only
/// through someone else: the text has to name them.
pub fn kin(m: &str) -> Option<Gender> {
    let ws: Vec<&str> = m.split_whitespace().collect();
    let (first, last) = (ws.first()?.to_lowercase(), ws.last()?.to_lowercase());
    if ws.len() < 2 || ws.len() > 4 || !matches!(first.as_str(), "his" | "her" | "their") {
        return None;
    }
    if ws[1..ws.len() - 1].iter().any(|w| is_capitalised(w)) {
        return None;
    }
    let noun = last.strip_prefix("ex-").unwrap_or(&last);
    Some(match noun {
        "wife" | "widow" | "daughter" | "mother" | "sister" | "girlfriend" | "fiancee"
        | "fiancée" | "mom" | "granddaughter" | "grandmother" | "niece" | "aunt" => Gender::Female,
        "husband" | "widower" | "son" | "father" | "brother" | "boyfriend" | "fiance"
        | "fiancé" | "dad" | "grandson" | "grandfather" | "nephew" | "uncle" => Gender::Male,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::to_head;

    fn grown(text: &str, mention: &str, cue: &str) -> Option<String> {
        let a = text.find(mention)?;
        to_head(text, (a, a + mention.len()), cue).map(|(a, b)| text[a..b].to_string())
    }

    #[test]
    fn a_mention_grows_to_its_head_noun() {
        let t =
            "Northern Ruritanian leaders who met on Monday issued a note, warning that it failed.";
        assert_eq!(
            grown(t, "Northern Ruritanian", "warning").as_deref(),
            Some("Northern Ruritanian leaders")
        );
        let t = "His ex-wife agreed, but also contended that it failed.";
        assert_eq!(grown(t, "His", "contended").as_deref(), Some("His ex-wife"));
        let t = "Roe, a former Harbour Board chairman, said it failed.";
        assert_eq!(
            grown(t, "a former Harbour Board", "said").as_deref(),
            Some("a former Harbour Board chairman")
        );
        let t = "The former president said it failed.";
        assert_eq!(
            grown(t, "The former", "said").as_deref(),
            Some("The former president")
        );
        let t = "His campaign said it failed.";
        assert_eq!(grown(t, "His", "said").as_deref(), Some("His"));
        let t = "It costs the $20 million experts say it takes.";
        assert_eq!(
            grown(t, "20 million experts", "say").as_deref(),
            Some("experts")
        );
        // A person's name, or a cue before the mention: no phrase to grow.
        let t = "Jane Okafor supporters said it failed.";
        assert_eq!(
            grown(t, "Jane Okafor", "said").as_deref(),
            Some("Jane Okafor")
        );
        let t = "He tells Northport officials to stay home.";
        assert_eq!(grown(t, "Northport", "tells").as_deref(), Some("Northport"));
    }
}

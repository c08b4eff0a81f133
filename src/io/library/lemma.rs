//! One term for the forms and close synonyms of a word, for the pair scorer (`pair.rs`):
//! "won" is "win", "paid" is "pay", "murdered" is "kill", "photograph" is "photo". The
//! light stemmer (`normalise::stem`) joins regular forms only; a fact-check often says the
//! claim's thing in other words, and "what is said" (the predicate) is compared through
//! these. A small table of general English: irregular verb forms and near-synonyms whose
//! sense does not depend on the sentence (no word with a common second sense, such as
//! "fire" or "back", is in it). Used by the pair features only, never by the search (a
//! synonym table there lost MAP@5 on CheckThat!: docs/library.md).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::normalise::stem;

/// Each group: the canonical word first, then its forms and synonyms.
const GROUPS: &[&[&str]] = &[
    &["abolish", "scrap", "repeal", "rescind", "overturn"],
    &["arrest", "detain", "detained"],
    &["attack", "assault"],
    &[
        "ban",
        "banned",
        "prohibit",
        "outlaw",
        "forbid",
        "forbade",
        "forbidden",
    ],
    &["become", "became"],
    &["begin", "began", "begun", "start", "launch"],
    &["big", "large", "huge"],
    &["bring", "brought"],
    &["build", "built", "construct", "construction"],
    &["buy", "bought", "purchase"],
    &["catch", "caught"],
    &["child", "children", "kid"],
    &["choose", "chose", "chosen", "select"],
    &["claim", "assert", "allege"],
    &["cut", "reduce", "reduction", "decrease", "slash", "lower"],
    &["die", "died", "dead", "death", "dies"],
    &["drive", "drove", "driven"],
    &["eat", "ate", "eaten"],
    &["endorse", "endorsement"],
    &["fall", "fell", "fallen"],
    &["fight", "fought"],
    &["find", "found"],
    &["flee", "fled"],
    &["fly", "flew", "flown"],
    &["give", "gave", "given", "donate", "donation"],
    &["go", "went", "gone"],
    &["grow", "grew", "grown"],
    &["gun", "firearm", "weapon"],
    &["hack", "breach"],
    &["hide", "hid", "hidden"],
    &["hold", "held"],
    &["immigrant", "migrant", "alien"],
    &[
        "increase", "raise", "hike", "boost", "rise", "rose", "risen",
    ],
    &["investigate", "investigation", "probe"],
    &["keep", "kept"],
    &["kill", "murder", "slay", "slain", "assassinate"],
    &["know", "knew", "known"],
    &["lead", "led"],
    &["lie", "lied", "lying", "liar", "falsely"],
    &["lose", "lost", "loss"],
    &["make", "made"],
    &["man", "men"],
    &["meet", "met", "meeting"],
    &["mother", "mom", "mum"],
    &["muslim", "islamic"],
    &["pay", "paid", "payment"],
    &["photo", "photograph", "picture", "image", "snapshot"],
    &["police", "cop"],
    &["punish", "punishment", "penalize", "penalty"],
    &["quit", "resign", "resignation"],
    &["refuse", "decline", "reject"],
    &["remove", "removal", "delete", "erase"],
    &["restore", "reinstate", "restoration"],
    &["run", "ran"],
    &["say", "said", "says", "tell", "told"],
    &["see", "saw", "seen"],
    &["sell", "sold", "sale"],
    &["send", "sent"],
    &["shoot", "shot", "shooting"],
    &["small", "little", "tiny"],
    &["speak", "spoke", "spoken", "speech"],
    &["spend", "spent"],
    &["steal", "stole", "stolen", "theft"],
    &["stop", "halt", "end"],
    &["sue", "lawsuit"],
    &["take", "took", "taken"],
    &["think", "thought"],
    &["video", "footage"],
    &["vote", "voting", "voter"],
    &["wear", "wore", "worn"],
    &["win", "won", "victory"],
    &["woman", "women"],
    &["write", "wrote", "written"],
];

fn table() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = HashMap::new();
        for group in GROUPS {
            let canonical = stem(group[0]);
            for word in *group {
                map.entry(stem(word)).or_insert_with(|| canonical.clone());
            }
        }
        map
    })
}

/// The canonical term of a search term (a stemmed word, as `normalise::terms` gives it):
/// itself unless the table joins it to another.
pub fn canonical(term: &str) -> &str {
    table().get(term).map_or(term, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::library::normalise::terms;

    fn canon(text: &str) -> Vec<String> {
        terms(text)
            .iter()
            .map(|t| canonical(t).to_owned())
            .collect()
    }

    #[test]
    fn forms_and_synonyms_share_a_term() {
        assert_eq!(canon("won paid murdered"), canon("wins pay killing"));
        assert_eq!(canon("photograph pictures"), canon("photo images"));
        assert_eq!(canon("restored voting"), canon("reinstates votes"));
        // Other words are left as the stemmer gives them.
        assert_eq!(canon("senators"), ["senator"]);
    }

    #[test]
    fn no_word_is_in_two_groups() {
        let mut seen = std::collections::HashMap::new();
        for (i, group) in GROUPS.iter().enumerate() {
            for word in *group {
                let first = *seen.entry(stem(word)).or_insert(i);
                assert_eq!(first, i, "{word} in two groups");
            }
        }
    }
}

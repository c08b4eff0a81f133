//! The Penn Treebank part-of-speech tags (as in the XPOS column of UD English EWT and GUM)
//! and coarse questions about them.

/// A Penn Treebank tag. The variant names are the tag names ("PRPS" is `PRP$`, "WPS" is
/// `WP$`; punctuation tags are spelled out).
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Tag {
    /// `$`
    Dollar,
    /// `''` closing quotation mark
    CloseQuote,
    /// `,`
    Comma,
    /// `-LRB-` opening bracket
    LRB,
    /// `-RRB-` closing bracket
    RRB,
    /// `.` sentence-final punctuation
    Period,
    /// `:` colon, dash, semicolon, ellipsis
    Colon,
    /// e-mail or web address
    ADD,
    /// affix split off a word
    AFX,
    CC,
    CD,
    DT,
    EX,
    FW,
    /// "goes with": a piece of a word split by a typo
    GW,
    /// hyphen
    HYPH,
    IN,
    JJ,
    JJR,
    JJS,
    LS,
    MD,
    /// superfluous punctuation (emoticons, "***")
    NFP,
    NN,
    NNP,
    NNPS,
    NNS,
    PDT,
    POS,
    PRP,
    /// `PRP$`
    PRPS,
    RB,
    RBR,
    RBS,
    RP,
    SYM,
    TO,
    UH,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    WDT,
    WP,
    /// `WP$`
    WPS,
    WRB,
    /// ` `` ` opening quotation mark
    OpenQuote,
}

/// The number of tags.
pub const NTAGS: usize = 49;

const NAMES: [&str; NTAGS] = [
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
    "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
    "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
    "VBZ", "WDT", "WP", "WP$", "WRB", "``",
];

const ALL: [Tag; NTAGS] = {
    use Tag::*;
    [
        Dollar, CloseQuote, Comma, LRB, RRB, Period, Colon, ADD, AFX, CC, CD, DT, EX, FW, GW, HYPH,
        IN, JJ, JJR, JJS, LS, MD, NFP, NN, NNP, NNPS, NNS, PDT, POS, PRP, PRPS, RB, RBR, RBS, RP,
        SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP, WPS, WRB, OpenQuote,
    ]
};

impl Tag {
    /// The tag's Penn Treebank name ("NNP", "PRP$", "``").
    pub fn as_str(self) -> &'static str {
        NAMES[self as usize]
    }

    /// The tag of a Penn Treebank name, if it is one.
    pub fn from_name(name: &str) -> Option<Tag> {
        NAMES.iter().position(|&n| n == name).map(|i| ALL[i])
    }

    pub(crate) fn from_index(i: usize) -> Tag {
        ALL[i.min(NTAGS - 1)]
    }

    /// Common and proper nouns, singular and plural.
    pub fn is_noun(self) -> bool {
        matches!(self, Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS)
    }

    /// Proper nouns (`NNP`, `NNPS`).
    pub fn is_proper_noun(self) -> bool {
        matches!(self, Tag::NNP | Tag::NNPS)
    }

    /// Any verb form, auxiliaries included (not modals: see [`Tag::is_modal`]).
    pub fn is_verb(self) -> bool {
        matches!(
            self,
            Tag::VB | Tag::VBD | Tag::VBG | Tag::VBN | Tag::VBP | Tag::VBZ
        )
    }

    /// A verb that can head a clause on its own: past (`VBD`) or present (`VBZ`, `VBP`).
    pub fn is_finite_verb(self) -> bool {
        matches!(self, Tag::VBD | Tag::VBP | Tag::VBZ)
    }

    pub fn is_modal(self) -> bool {
        self == Tag::MD
    }

    pub fn is_adjective(self) -> bool {
        matches!(self, Tag::JJ | Tag::JJR | Tag::JJS)
    }

    pub fn is_adverb(self) -> bool {
        matches!(self, Tag::RB | Tag::RBR | Tag::RBS | Tag::WRB)
    }

    /// Personal, possessive and wh- pronouns, and existential "there".
    pub fn is_pronoun(self) -> bool {
        matches!(self, Tag::PRP | Tag::PRPS | Tag::WP | Tag::WPS | Tag::EX)
    }

    /// Determiners, predeterminers, possessive pronouns and wh-determiners.
    pub fn is_determiner(self) -> bool {
        matches!(self, Tag::DT | Tag::PDT | Tag::PRPS | Tag::WDT | Tag::WPS)
    }

    /// A preposition or subordinating conjunction (`IN`) or infinitival "to" (`TO`).
    pub fn is_preposition(self) -> bool {
        matches!(self, Tag::IN | Tag::TO)
    }

    pub fn is_number(self) -> bool {
        self == Tag::CD
    }

    /// A wh- word ("who", "which", "whose", "where").
    pub fn is_wh(self) -> bool {
        matches!(self, Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB)
    }

    /// Punctuation, brackets, quotation marks and symbols.
    pub fn is_punct(self) -> bool {
        matches!(
            self,
            Tag::Dollar
                | Tag::CloseQuote
                | Tag::OpenQuote
                | Tag::Comma
                | Tag::LRB
                | Tag::RRB
                | Tag::Period
                | Tag::Colon
                | Tag::HYPH
                | Tag::NFP
                | Tag::SYM
        )
    }
}

impl std::fmt::Display for Tag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, t) in ALL.iter().enumerate() {
            assert_eq!(*t as usize, i);
            assert_eq!(Tag::from_name(t.as_str()), Some(*t));
        }
        assert_eq!(Tag::from_name("PRP$"), Some(Tag::PRPS));
        assert_eq!(Tag::from_name("XX"), None);
        assert!(Tag::VBN.is_verb() && !Tag::MD.is_verb() && Tag::NNPS.is_proper_noun());
    }
}

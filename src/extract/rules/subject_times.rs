//! Times around a subject: a day or a week between the subject and its verb ("Sanders on
//! Tuesday said", "the board last week said"), and the rest of an opening time
//! expression the subject scan stopped in ("Last| week State Department official …").

use super::super::lex;
use super::super::sentence::Sentence;

/// Where the subject ends for the verb at `j`: before a time adjunct right before it.
pub(super) fn before_time_adjunct(s: &Sentence, mut j: usize) -> usize {
    // "Sanders on Tuesday said", "on Thursday evening said".
    if j >= 4
        && s.is_free_word(j - 1)
        && matches!(s.word(j - 1), "morning" | "afternoon" | "evening" | "night")
        && s.is(j - 3, "on")
    {
        j -= 1;
    }
    if j >= 3
        && s.is(j - 2, "on")
        && s.is_free_word(j - 1)
        && matches!(
            s.word(j - 1),
            "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
        )
    {
        j -= 2;
    }
    // "the court this month rejected", "the board last week said".
    if j >= 3
        && s.is_free_word(j - 2)
        && s.is_free_word(j - 1)
        && matches!(s.word(j - 2), "this" | "last")
        && matches!(
            s.word(j - 1),
            "week" | "month" | "year" | "weekend" | "spring" | "summer" | "fall" | "winter"
        )
    {
        j -= 2;
    }
    j
}

/// The subject's start `a` (of `a..end`) past the lowercase rest of a time expression
/// that a capitalised time word opened: "Last| week State Department official Jane Roe".
pub(super) fn past_opening_time(s: &Sentence, a: usize, end: usize) -> usize {
    if a > 0 && s.is_free_word(a - 1) && s.capitalised(a - 1) && lex::is_time_word(s.word(a - 1)) {
        let rest = (a..end)
            .find(|&i| s.capitalised(i) || !lex::is_time_word(s.word(i)))
            .unwrap_or(end);
        if rest < end {
            return rest;
        }
    }
    a
}

//! Runs of words two texts share, for the pair scorer (`pair.rs`: the longest shared
//! phrase) and the quoted words (`quote.rs`), which both read them; apart, so that neither
//! imports the other.

/// The words of `text` with where each begins a sentence.
pub(super) fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut initial = true;
    for raw in text.split(|c: char| c.is_whitespace() || c == '—' || c == '/') {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '$' && c != '%');
        let w = w.trim_start_matches(['$']).trim_end_matches(['%']);
        if !w.is_empty() {
            out.push((w, initial));
        }
        if !raw.is_empty() {
            initial = raw.ends_with(['.', '!', '?', ':', '"', '“', '”']) && !w.is_empty();
        }
    }
    out
}

/// Calls `found(i, n)` for each run of words `a` and `b` share, longest at each place:
/// `a[i - n..i]`, in order of `i`. Quadratic in the two lengths.
pub(super) fn common_runs(a: &[String], b: &[String], mut found: impl FnMut(usize, usize)) {
    // run[j]: the length of the common run ending at a[i-1], b[j-1].
    let mut prev = vec![0usize; b.len() + 1];
    for i in 1..=a.len() {
        let mut run = vec![0usize; b.len() + 1];
        for j in 1..=b.len() {
            if a[i - 1] == b[j - 1] {
                run[j] = prev[j - 1] + 1;
                found(i, run[j]);
            }
        }
        prev = run;
    }
}

/// The words of `text` as the shared-phrase and quotation features compare them.
pub(super) fn phrase_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .take(PHRASE_SCAN)
        .map(|(w, _)| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// The most words of either text the shared-phrase feature compares.
pub(super) const PHRASE_SCAN: usize = 400;

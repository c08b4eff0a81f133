//! Tests of the library index (`index.rs`).

use super::*;

const DOCS: [(&str, &str); 3] = [
    (
        "Wombats invite animals into their burrows",
        "Are wombats herding animals?",
    ),
    ("The moon landing was staged", "Was the moon landing faked?"),
    (
        "A photo shows a shark on a flooded highway",
        "Shark on the highway",
    ),
];

#[test]
fn finds_the_matching_review_first() {
    let index = Index::build(DOCS);
    let hits = index.search("Look, a #SharkOnTheHighway after the flood!", 2, |d| {
        DOCS[d as usize]
    });
    assert_eq!(hits[0].doc, 2);
    assert!(index.search("", 5, |d| DOCS[d as usize]).is_empty());
}

#[test]
fn encode_decode_round_trip_and_damage() {
    let index = Index::build(DOCS);
    let bytes = index.encode();
    assert_eq!(Index::decode(&bytes).as_ref(), Ok(&index));
    for cut in [0, 5, 12, bytes.len() / 2, bytes.len() - 1] {
        assert!(Index::decode(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    let mut newer = bytes.clone();
    newer[8] = 9;
    assert_eq!(Index::decode(&newer), Err(DecodeError::NewerFormat(9)));
}

const HAIR: [(&str, &str); 4] = [
    ("Trump wears a wig", "Trump's toupee"),
    ("A wig blew off in the wind", "Toupee gone with the wind"),
    ("The senator's wig is made of mink", "Mink on the senator"),
    ("The moon landing was staged", "Moon hoax"),
];

#[test]
fn a_query_reaches_reviews_in_the_other_wording_and_split_tags() {
    let index = Index::build(HAIR);
    let wig = index.vocabulary["wig"];
    let toupee = index.vocabulary["toupe"];
    assert_eq!(index.related[toupee as usize], [wig]);
    assert_eq!(index.related[wig as usize], [toupee]);
    // Review 2 never says "toupee": only its claim's "wig" brings it, after the two
    // that do.
    let hits = index.search("a toupee", 5, |d| HAIR[d as usize]);
    let docs: Vec<u32> = hits.iter().map(|h| h.doc).collect();
    assert_eq!(docs.len(), 3, "{hits:?}");
    assert_eq!(docs[2], 2, "{hits:?}");
    // A lowercase tag the library does not know is split into words it knows.
    let hits = index.search("look #moonhoax", 1, |d| HAIR[d as usize]);
    assert_eq!(hits[0].doc, 3, "{hits:?}");
}

#[test]
fn a_format_1_index_is_read_and_its_related_terms_worked_out() {
    let mut index = Index::build(HAIR);
    assert!(index.related.iter().any(|r| !r.is_empty()));
    let blank = vec![Vec::new(); index.postings.len()];
    let related = std::mem::replace(&mut index.related, blank);
    // Format 1 is format 2 without the related terms (one zero count a term here).
    let mut v1 = index.encode();
    v1.truncate(v1.len() - index.postings.len());
    v1[8..12].copy_from_slice(&1u32.to_le_bytes());
    index.related = related;
    assert_eq!(Index::decode(&v1).as_ref(), Ok(&index));
}

/// Issue 31, M1: a review of 100,000 distinct words is indexed in linear time (each
/// word was compared with every one before it: 13 s for one such review).
#[test]
fn a_review_of_many_distinct_words_is_indexed() {
    let claim: Vec<String> = (0..100_000).map(|i| format!("w{i}x")).collect();
    let mut index = Index::default();
    index.push(&claim.join(" "), "title words");
    assert_eq!(index.vocabulary.len(), 100_002);
    assert_eq!(index.claim_len, [u16::MAX]);
    assert!(index.postings.iter().all(|p| p.len() == 1));
}

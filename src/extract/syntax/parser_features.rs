//! The parser's transition system and what it sees: an arc-hybrid configuration (stack,
//! buffer, the arcs made so far with each word's outermost children), its legal moves, and
//! the feature keys of a configuration (for the move) and of an arc (for its label).
//! Training and parsing share this code, so they cannot drift apart.

use super::features::key;

/// No word (an empty stack slot, past the end of the buffer, no child yet).
pub(crate) const NONE: u32 = u32::MAX;
/// No label yet.
pub(crate) const NO_LABEL: u8 = u8::MAX;

/// Moves: push the buffer's front; pop the stack's top as a dependent of the buffer's
/// front (left arc); pop it as a dependent of the word under it (right arc).
pub(crate) const SHIFT: u8 = 0;
pub(crate) const LEFT: u8 = 1;
pub(crate) const RIGHT: u8 = 2;
pub(crate) const NMOVES: usize = 3;

/// Feature keys of a configuration, and of an arc.
pub(crate) const NMOVE_KEYS: usize = 81;
pub(crate) const NLABEL_KEYS: usize = 27;

/// One word as the parser sees it: the tagger's hash of its normalised form, and its tag.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    pub w: u64,
    pub t: u8,
}

/// Tags of the pseudo-words.
const T_ROOT: u64 = 61;
const T_NONE: u64 = 62;
const W_ROOT: u64 = 0x726f_6f74;
const W_NONE: u64 = 0x6e6f_6e65;

/// A word's arcs so far.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub head: u32,
    pub label: u8,
    /// Leftmost and second leftmost, rightmost and second rightmost children.
    pub l1: u32,
    pub l2: u32,
    pub r1: u32,
    pub r2: u32,
    pub nl: u8,
    pub nr: u8,
    /// The labels of its left and right children (bit per label).
    pub lset: u64,
    pub rset: u64,
}

const EMPTY: Node = Node {
    head: NONE,
    label: NO_LABEL,
    l1: NONE,
    l2: NONE,
    r1: NONE,
    r2: NONE,
    nl: 0,
    nr: 0,
    lset: 0,
    rset: 0,
};

/// An arc-hybrid configuration over `n` words; word `n` is the root, at the buffer's end.
#[derive(Debug, Default)]
pub(crate) struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// The buffer's front (the buffer is `b..=n`).
    pub b: usize,
    /// `n + 1` nodes (the root last).
    pub nodes: Vec<Node>,
}

impl State {
    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        self.nodes.clear();
        self.nodes.resize(n + 1, EMPTY);
    }

    pub(crate) fn done(&self) -> bool {
        self.stack.is_empty() && self.b == self.n
    }

    /// The legal moves. The root takes one dependent, the last word on the stack.
    pub(crate) fn legal(&self) -> [bool; NMOVES] {
        let s = self.stack.len();
        [
            self.b < self.n,
            s >= 1 && (self.b < self.n || s == 1),
            s >= 2,
        ]
    }

    /// The `i`-th word from the stack's top (0: the top).
    #[inline]
    pub(crate) fn s(&self, i: usize) -> u32 {
        let s = self.stack.len();
        if i < s { self.stack[s - 1 - i] } else { NONE }
    }

    /// The `i`-th word of the buffer (the root counts; past it, none).
    #[inline]
    pub(crate) fn buf(&self, i: usize) -> u32 {
        let k = self.b + i;
        if k <= self.n { k as u32 } else { NONE }
    }

    /// Make a move; a left or right arc takes `label`. The move must be legal.
    pub(crate) fn apply(&mut self, mv: u8, label: u8) {
        match mv {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let d = self.stack.pop().unwrap_or(NONE);
                let h = if mv == LEFT { self.b as u32 } else { self.s(0) };
                self.attach(h, d, label);
            }
        }
    }

    /// The head and dependent of the arc a left or right arc would make.
    pub(crate) fn arc(&self, mv: u8) -> (u32, u32) {
        let h = if mv == LEFT { self.b as u32 } else { self.s(1) };
        (h, self.s(0))
    }

    fn attach(&mut self, h: u32, d: u32, label: u8) {
        let (Some(hu), Some(du)) = (self.idx(h), self.idx(d)) else {
            return;
        };
        self.nodes[du].head = h;
        self.nodes[du].label = label;
        let bit = 1u64 << (label & 63);
        let hn = &mut self.nodes[hu];
        if d < h {
            if hn.l1 == NONE || d < hn.l1 {
                hn.l2 = hn.l1;
                hn.l1 = d;
            } else if hn.l2 == NONE || d < hn.l2 {
                hn.l2 = d;
            }
            hn.nl = hn.nl.saturating_add(1);
            hn.lset |= bit;
        } else {
            if hn.r1 == NONE || d > hn.r1 {
                hn.r2 = hn.r1;
                hn.r1 = d;
            } else if hn.r2 == NONE || d > hn.r2 {
                hn.r2 = d;
            }
            hn.nr = hn.nr.saturating_add(1);
            hn.rset |= bit;
        }
    }

    #[inline]
    fn idx(&self, i: u32) -> Option<usize> {
        ((i as usize) < self.nodes.len()).then_some(i as usize)
    }

    #[inline]
    fn node(&self, i: u32) -> &Node {
        self.idx(i).map_or(&EMPTY, |i| &self.nodes[i])
    }
}

/// A word's hash and tag; the root and "no word" have their own.
#[inline]
fn wt(words: &[Word], n: usize, i: u32) -> (u64, u64) {
    if i == NONE {
        (W_NONE, T_NONE)
    } else if i as usize >= n {
        (W_ROOT, T_ROOT)
    } else {
        let w = words[i as usize];
        (w.w, w.t as u64)
    }
}

/// The distance between two words, in buckets (1, 2, 3, 4, 5-9, 10+; 0: no word).
#[inline]
fn dist(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=9 => 5,
        _ => 6,
    }
}

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    key(0, a, b)
}

#[inline]
fn tags(a: u64, b: u64, c: u64) -> u64 {
    a | b << 8 | c << 16
}

/// The move templates whose two values have small ranges (tags, labels, distances,
/// counts): (template, values of the first, values of the second). The parser keeps their
/// weights in a table indexed by the values, filled from the model when it is loaded, and
/// reads them without a key's hash or search.
pub(crate) const DENSE: &[(usize, u64, u64)] = &[
    (1, 64, 1),
    (4, 64, 1),
    (7, 64, 1),
    (10, 64, 1),
    (12, 64, 1),
    (14, 64, 1),
    (53, 64, 1),
    (56, 64, 1),
    (59, 64, 1),
    (61, 64, 1),
    (63, 64, 1),
    (65, 64, 1),
    (67, 64, 1),
    (54, 256, 1),
    (57, 256, 1),
    (60, 256, 1),
    (62, 256, 1),
    (64, 256, 1),
    (66, 256, 1),
    (68, 256, 1),
    (21, 64, 64),
    (22, 64, 64),
    (24, 64, 64),
    (80, 64, 64),
    (38, 64, 8),
    (40, 64, 8),
    (46, 64, 256),
    (48, 64, 256),
    (50, 64, 256),
    (51, 64, 256),
    (78, 1, 1),
];

/// The key of move template `t` over values `a` and `b`.
pub(crate) fn move_key(t: usize, a: u64, b: u64) -> u64 {
    key(1000 + t as u64, a, b)
}

/// Fills keys in order (and, for move templates, their values); each position is its own
/// template.
struct Keys<'a, const N: usize> {
    out: &'a mut [u64; N],
    vals: Option<&'a mut [(u64, u64); N]>,
    base: u64,
    k: usize,
}

impl<const N: usize> Keys<'_, N> {
    #[inline]
    fn f(&mut self, a: u64, b: u64) {
        if let Some(o) = self.out.get_mut(self.k) {
            *o = key(self.base + self.k as u64, a, b);
        }
        if let Some(v) = self.vals.as_mut().and_then(|v| v.get_mut(self.k)) {
            *v = (a, b);
        }
        self.k += 1;
    }
}

/// The feature keys of a configuration, for choosing the move, and each template's values.
pub(crate) fn move_keys(
    st: &State,
    words: &[Word],
    out: &mut [u64; NMOVE_KEYS],
    vals: &mut [(u64, u64); NMOVE_KEYS],
) {
    let n = st.n;
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0w, s0t) = wt(words, n, s0);
    let (s1w, s1t) = wt(words, n, s1);
    let (_, s2t) = wt(words, n, s2);
    let (b0w, b0t) = wt(words, n, b0);
    let (b1w, b1t) = wt(words, n, b1);
    let (b2w, b2t) = wt(words, n, b2);
    let (ns0, ns1, nb0) = (st.node(s0), st.node(s1), st.node(b0));
    let (s0lw, s0lt) = wt(words, n, ns0.l1);
    let (s0rw, s0rt) = wt(words, n, ns0.r1);
    let (b0lw, b0lt) = wt(words, n, nb0.l1);
    let (_, s1rt) = wt(words, n, ns1.r1);
    let (_, s0l2t) = wt(words, n, ns0.l2);
    let (_, s0r2t) = wt(words, n, ns0.r2);
    let (_, b0l2t) = wt(words, n, nb0.l2);
    let lab = |i: u32| st.node(i).label as u64;
    let s0wt = mix(s0w, s0t);
    let s1wt = mix(s1w, s1t);
    let b0wt = mix(b0w, b0t);
    let d = dist(s0, b0);
    let d1 = dist(s1, s0);
    let mut k = Keys {
        out,
        vals: Some(vals),
        base: 1000,
        k: 0,
    };
    k.f(s0w, 0);
    k.f(s0t, 0);
    k.f(s0wt, 0);
    k.f(s1w, 0);
    k.f(s1t, 0);
    k.f(s1wt, 0);
    k.f(b0w, 0);
    k.f(b0t, 0);
    k.f(b0wt, 0);
    k.f(b1w, 0);
    k.f(b1t, 0);
    k.f(b1w, b1t);
    k.f(b2t, 0);
    k.f(b2w, 0);
    k.f(s2t, 0);
    // Pairs.
    k.f(s0wt, b0wt);
    k.f(s0wt, b0w);
    k.f(s0w, b0wt);
    k.f(s0wt, b0t);
    k.f(s0t, b0wt);
    k.f(s0w, b0w);
    k.f(s0t, b0t);
    k.f(b0t, b1t);
    k.f(s1wt, s0wt);
    k.f(s1t, s0t);
    k.f(s1w, s0w);
    k.f(s1t, s0wt);
    k.f(s1wt, s0t);
    // Triples of tags.
    k.f(tags(b0t, b1t, b2t), 0);
    k.f(tags(s0t, b0t, b1t), 0);
    k.f(tags(s1t, s0t, b0t), 0);
    k.f(tags(s0t, s0lt, b0t), 0);
    k.f(tags(s0t, s0rt, b0t), 0);
    k.f(tags(s0t, b0t, b0lt), 0);
    k.f(tags(s1t, s1rt, s0t), 0);
    k.f(tags(s1t, s0t, s0lt), 0);
    k.f(tags(s2t, s1t, s0t), 0);
    // Distances.
    k.f(s0w, d);
    k.f(s0t, d);
    k.f(b0w, d);
    k.f(b0t, d);
    k.f(mix(s0w, b0w), d);
    k.f(tags(s0t, b0t, d), 0);
    k.f(tags(s1t, s0t, d1), 0);
    k.f(mix(s1w, s0w), d1);
    // Valency.
    k.f(s0w, ns0.nr as u64);
    k.f(s0t, ns0.nr as u64);
    k.f(s0w, ns0.nl as u64);
    k.f(s0t, ns0.nl as u64);
    k.f(b0w, nb0.nl as u64);
    k.f(b0t, nb0.nl as u64);
    k.f(s1t, ns1.nr as u64);
    // Outermost children.
    k.f(s0lw, 0);
    k.f(s0lt, 0);
    k.f(lab(ns0.l1), 0);
    k.f(s0rw, 0);
    k.f(s0rt, 0);
    k.f(lab(ns0.r1), 0);
    k.f(b0lw, 0);
    k.f(b0lt, 0);
    k.f(lab(nb0.l1), 0);
    k.f(s1rt, 0);
    k.f(lab(ns1.r1), 0);
    k.f(s0l2t, 0);
    k.f(lab(ns0.l2), 0);
    k.f(s0r2t, 0);
    k.f(lab(ns0.r2), 0);
    k.f(b0l2t, 0);
    k.f(lab(nb0.l2), 0);
    k.f(tags(s0t, s0lt, s0l2t), 0);
    k.f(tags(s0t, s0rt, s0r2t), 0);
    k.f(tags(b0t, b0lt, b0l2t), 0);
    // Label sets.
    k.f(s0w, ns0.rset);
    k.f(s0t, ns0.rset);
    k.f(s0w, ns0.lset);
    k.f(s0t, ns0.lset);
    k.f(b0w, nb0.lset);
    k.f(b0t, nb0.lset);
    k.f(0, 0);
    k.f(b0w, b1w);
    k.f(s0t, b1t);
    debug_assert_eq!(k.k, NMOVE_KEYS);
}

/// The feature keys of the arc `h` → `d`, for choosing its label.
pub(crate) fn label_keys(st: &State, words: &[Word], h: u32, d: u32, out: &mut [u64; NLABEL_KEYS]) {
    let n = st.n;
    let (dw, dt) = wt(words, n, d);
    let (hw, ht) = wt(words, n, h);
    let (_, pt) = wt(words, n, d.checked_sub(1).unwrap_or(NONE));
    let (_, nt) = wt(words, n, if (d as usize) < n { d + 1 } else { NONE });
    let (_, hnt) = wt(words, n, if (h as usize) < n { h + 1 } else { NONE });
    let (nd, nh) = (st.node(d), st.node(h));
    let dir = (d > h) as u64;
    let dd = dist(h, d);
    let mut k = Keys {
        out,
        vals: None,
        base: 2000 + 100 * dir,
        k: 0,
    };
    k.f(dw, 0);
    k.f(dt, 0);
    k.f(dw, dt);
    k.f(hw, 0);
    k.f(ht, 0);
    k.f(hw, ht);
    k.f(ht, dt);
    k.f(hw, dt);
    k.f(ht, dw);
    k.f(hw, dw);
    k.f(tags(ht, dt, dd), 0);
    k.f(dt, dd);
    k.f(dt, nd.lset);
    k.f(dt, nd.rset);
    k.f(dw, nd.lset | nd.rset);
    k.f(ht, nh.lset | nh.rset);
    k.f(tags(pt, dt, nt), 0);
    k.f(tags(ht, hnt, dt), 0);
    k.f(dt, st.node(nd.l1).label as u64);
    k.f(dt, st.node(nd.r1).label as u64);
    k.f(0, 0);
    k.f(hw, mix(dt, nd.lset));
    k.f(tags(ht, dt, nd.nl as u64), nd.nr as u64);
    k.f(ht, mix(dt, nd.lset | nd.rset));
    // The word of the dependent's leftmost child: its marker or preposition ("that",
    // "to", "because", "by", "in"), which tells ccomp from advcl, obl from obl:agent.
    let (l1w, _) = wt(words, n, nd.l1);
    k.f(dt, l1w);
    k.f(ht, mix(dt, l1w));
    k.f(hw, l1w);
    debug_assert_eq!(k.k, NLABEL_KEYS);
}

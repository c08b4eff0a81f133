//! Limits on the tree a web page builds: its nesting, scanned from the markup the way the
//! parser closes elements (so `<div></x>` repeated is caught before parsing, in linear
//! time), its tags' attributes ([`check_tags`], also before parsing: the parser compares
//! each attribute's name with those before it, so one tag with 60,000 attributes took
//! 12 s), and the depth and size of the tree the parser really built.

use dom_query::Document;

use super::{MAX_DEPTH, find};

/// Elements that never hold others, or whose start tag the parser closes by itself when a
/// sibling starts (`<p>a<p>b`, `<li>`, table cells and rows, list items of `<dl>`, options):
/// they add no nesting in the scan below.
const NOT_NESTING: [&str; 27] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dd", "dt", "option", "optgroup", "thead",
    "tbody", "tfoot", "colgroup",
];

/// Deepest element nesting, estimated on the markup in one linear pass before any tree is
/// built, so that a page too deep to parse quickly is refused first. It closes elements as
/// the parser does: the end tag of a special element (`div`, `table`, … see
/// [`is_special`]) closes the innermost open one of its name and everything inside it; the
/// end tag of another element does so only if no special element is open inside it; an
/// end tag with nothing to close changes nothing (so `<div></x>` and `<x><div></x>` nest).
/// The parsed tree's depth is then checked exactly by [`tree_shape`].
pub(super) fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut open = OpenElements::default();
    let mut max = 0usize;
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        if bytes[i..].starts_with(b"!--") {
            // A comment's text is no markup.
            i = find_from(bytes, i + 3, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = bytes[name_start..]
            .iter()
            .take(64)
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            open.close(&name);
            continue;
        }
        let tag_end = bytes[i..].iter().position(|&b| b == b'>').map(|e| i + e);
        let self_closing = tag_end.is_some_and(|e| e > 0 && bytes[e - 1] == b'/');
        if self_closing {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Script and style text is no markup (`if (a<b)`): skip to the end tag.
            let end_tag = format!("</{name}");
            let from = tag_end.unwrap_or(bytes.len());
            i = find_ascii_ci(bytes, from, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        open.push(name);
        max = max.max(open.names.len());
    }
    max
}

/// Attributes one tag may have.
pub(super) const MAX_ATTRIBUTES: usize = 1_000;
/// Bytes one tag's attribute names may take together (values are not compared, and may
/// be long: an image inlined as a `data:` address).
pub(super) const MAX_ATTRIBUTE_NAME_BYTES: usize = 64 * 1024;

/// Refuse a page with a tag past [`MAX_ATTRIBUTES`] or [`MAX_ATTRIBUTE_NAME_BYTES`], in
/// one linear pass over the markup (comments and script or style text skipped), with a
/// line naming the tag and where it starts.
pub(super) fn check_tags(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let tag_start = i + off;
        i = tag_start + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find_from(bytes, i + 3, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let name_start = if bytes.get(i) == Some(&b'/') {
            i + 1
        } else {
            i
        };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = bytes[name_start..]
            .iter()
            .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
            .map_or(bytes.len(), |e| name_start + e);
        let (attributes, name_bytes, end) = scan_attributes(bytes, name_end);
        if attributes > MAX_ATTRIBUTES || name_bytes > MAX_ATTRIBUTE_NAME_BYTES {
            let name: String = html[name_start..name_end].chars().take(40).collect();
            let what = if attributes > MAX_ATTRIBUTES {
                format!("{attributes} attributes (more than {MAX_ATTRIBUTES})")
            } else {
                format!(
                    "{} KB of attribute names (more than {} KB)",
                    name_bytes / 1024,
                    MAX_ATTRIBUTE_NAME_BYTES / 1024
                )
            };
            return Err(format!(
                "web page has a <{name}> tag with {what} at byte {tag_start}; not read"
            ));
        }
        i = end;
        let name = &html[name_start..name_end];
        let raw_text = RAW_TEXT.iter().any(|r| r.eq_ignore_ascii_case(name));
        if name_start == tag_start + 1 && raw_text {
            let end_tag = format!("</{}", name.to_ascii_lowercase());
            i = find_ascii_ci(bytes, i, end_tag.as_bytes()).unwrap_or(bytes.len());
        }
    }
    Ok(())
}

/// The attributes of a tag whose name ends at `from`, as the HTML tokenizer reads them:
/// their number, the bytes of their names, and where the tag ends (after its `>`).
fn scan_attributes(bytes: &[u8], from: usize) -> (usize, usize, usize) {
    let (mut count, mut name_bytes) = (0usize, 0usize);
    let mut i = from;
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        match bytes.get(i) {
            None => return (count, name_bytes, i),
            Some(b'>') => return (count, name_bytes, i + 1),
            Some(_) => {}
        }
        // A name runs to white space, `/`, `>` or `=` (a leading `=` belongs to it).
        let start = i;
        i += 1;
        while i < bytes.len() && !matches!(bytes[i], b'/' | b'>' | b'=') {
            if bytes[i].is_ascii_whitespace() {
                break;
            }
            i += 1;
        }
        count += 1;
        name_bytes += i - start;
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if bytes.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        i = match bytes.get(j) {
            Some(&q @ (b'"' | b'\'')) => bytes[j + 1..]
                .iter()
                .position(|&b| b == q)
                .map_or(bytes.len(), |e| j + 1 + e + 1),
            _ => bytes[j..]
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>')
                .map_or(bytes.len(), |e| j + e),
        };
    }
}

/// The stack of open elements of [`nesting_depth`], with what makes each step O(1):
/// where each name is open, and where the special elements are.
#[derive(Default)]
struct OpenElements {
    names: Vec<String>,
    at: std::collections::HashMap<String, Vec<usize>>,
    specials: Vec<usize>,
}

impl OpenElements {
    fn push(&mut self, name: String) {
        let index = self.names.len();
        if is_special(&name) {
            self.specials.push(index);
        }
        self.at.entry(name.clone()).or_default().push(index);
        self.names.push(name);
    }

    fn close(&mut self, name: &str) {
        let Some(&innermost) = self.at.get(name).and_then(|v| v.last()) else {
            return;
        };
        let blocked = !is_special(name) && self.specials.last().is_some_and(|&s| s > innermost);
        if blocked {
            return;
        }
        // Each element is pushed and popped once: the whole scan stays linear.
        while self.names.len() > innermost {
            let Some(top) = self.names.pop() else { break };
            let index = self.names.len();
            if let Some(v) = self.at.get_mut(&top) {
                v.pop();
            }
            if self.specials.last() == Some(&index) {
                self.specials.pop();
            }
        }
    }
}

/// The HTML parsing spec's "special" elements: an end tag of another element never closes
/// one of these.
pub(super) fn is_special(name: &str) -> bool {
    const SPECIAL: [&str; 62] = [
        "address",
        "applet",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "html",
        "iframe",
        "listing",
        "main",
        "marquee",
        "menu",
        "nav",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "ol",
        "plaintext",
        "pre",
        "search",
        "section",
        "select",
        "summary",
        "table",
        "template",
        "textarea",
        "ul",
        "xmp",
        "mi",
        "mo",
        "mn",
        "ms",
        "mtext",
        "annotation-xml",
        "foreignobject",
        "desc",
        "title",
    ];
    SPECIAL.contains(&name)
}

/// Elements whose content the parser reads as text, not markup.
const RAW_TEXT: [&str; 6] = ["script", "style", "textarea", "title", "xmp", "noscript"];

pub(super) fn find_from(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = hay.get(from..)?;
    find(rest, needle).map(|at| from + at)
}

/// The first place at or after `from` where `needle` (lowercase ASCII) occurs, ignoring
/// ASCII case.
pub(super) fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let rest = hay.get(from..)?;
    rest.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|at| from + at)
}

/// The depth of the tree the parser built (the document node is 0) and its number of
/// nodes, walked without recursion.
pub(super) fn tree_shape(document: &Document) -> (usize, usize) {
    let (mut max, mut nodes) = (0, 0usize);
    let mut stack = vec![(document.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        max = max.max(depth);
        nodes += 1;
        stack.extend(node.children_it(false).map(|child| (child, depth + 1)));
    }
    (max, nodes)
}

/// The reader's scoring walks each block's ancestors, so its work grows with nodes × depth;
/// past this product a page is refused rather than scored for minutes. (A large real page,
/// 100,000 nodes 60 deep, is 6 million; 16,000 paragraphs under 1,900 empty `div`s took
/// 6.5 s at 30 million.)
pub(super) const MAX_NODES_TIMES_DEPTH: usize = 12_000_000;

pub(super) fn too_deep(depth: usize) -> String {
    format!("web page nests elements {depth} deep (more than {MAX_DEPTH}); not read")
}

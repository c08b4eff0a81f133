//! Markdown articles: the syntax stripped, headings and paragraphs one a line.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Decoded, text, tidy_lines};

pub fn read(bytes: &[u8]) -> Result<Decoded, String> {
    let source = text::decode(bytes)?;
    let mut out = String::with_capacity(source.len());
    let mut title: Option<String> = None;
    let mut in_heading = false;
    let mut heading = String::new();
    let mut in_code_block = false;
    for event in Parser::new_ext(
        &source,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    ) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                heading.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                if title.is_none() {
                    title = super::clean_field(&heading);
                }
                out.push('\n');
            }
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    heading.push_str(&t);
                }
                out.push_str(&t);
                if in_code_block && !t.ends_with('\n') {
                    out.push(' ');
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            Event::Start(Tag::TableCell) => out.push(' '),
            // Raw HTML, images' URLs, footnote labels, rules: not article text.
            _ => {}
        }
    }
    let text = tidy_lines(&out);
    if text.is_empty() {
        return Err("has no text".into());
    }
    Ok(Decoded {
        text,
        title,
        ..Decoded::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_syntax() {
        let md = b"# The *headline*\n\nA [linked](http://x) \"quote\",\nsaid **Kirby**.\n\n## Sub\n\n- item one\n- item two\n\n> quoted\n";
        let d = read(md).unwrap();
        assert_eq!(
            d.text,
            "The headline\nA linked \"quote\", said Kirby.\nSub\nitem one\nitem two\nquoted"
        );
        assert_eq!(d.title.as_deref(), Some("The headline"));
    }
}

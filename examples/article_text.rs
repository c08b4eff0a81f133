//! Print what the import reads from article files: title, metadata and the text, one
//! paragraph a line. For checking a reader on a real file locally.
//!
//! `cargo run --example article_text -- FILE...`

fn main() {
    for path in std::env::args_os().skip(1) {
        match claimdesk::io::article::read_article(std::path::Path::new(&path)) {
            Ok(a) => {
                println!("== {}", a.path.display());
                println!("title: {}", a.title);
                println!("meta: {:?}", a.meta);
                println!("{}\n", a.text);
            }
            Err(e) => eprintln!("{e}"),
        }
    }
}

//! The window's ways in for web articles (issue 14): File → Open URL… (Ctrl+Shift+O) with
//! one or several addresses fetched from a server on 127.0.0.1 inside the test, and an
//! article pasted with Ctrl+V outside text fields (egui's paste event), titled from its
//! first line unless a title is typed.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::ui_support;
use crate::web;

use ui_support::{app, settle};
use web::{Server, news_page, response, sample_lines};

#[test]
fn open_url_fetches_several_addresses_and_names_the_ones_that_fail() {
    let server = Server::start(|req| match req.path.as_str() {
        "/story" => response(
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            news_page().as_bytes(),
        ),
        _ => response("404 Not Found", &[], b""),
    });
    let mut h = app(Vec::new());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::O);
    h.run();
    assert!(
        h.state().dialogs.open_url.is_some(),
        "Ctrl+Shift+O opens it"
    );
    let (good, gone) = (server.url("/story"), server.url("/gone"));
    // The field has the keys; several addresses, one a line, and one that is no URL.
    h.event(egui::Event::Text(format!("{good}\n{gone}\nnot-a-url")));
    h.run();
    h.get_by_label("Open").click();
    h.run();
    settle(&mut h);
    let app = h.state();
    assert!(app.dialogs.open_url.is_none());
    assert_eq!(app.doc.project.articles.len(), 1);
    let article = &app.doc.project.articles[0];
    assert_eq!(article.title, sample_lines()[0]);
    assert_eq!(article.source_path.as_deref(), Some(good.as_str()));
    assert_eq!(article.meta.url.as_deref(), Some(good.as_str()));
    assert!(app.doc.project.claims.len() >= 8);
    assert_eq!(
        app.dialogs.errors,
        vec![
            "not-a-url: not an http or https address".to_string(),
            format!("{gone}: HTTP 404 Not Found"),
        ]
    );
}

#[test]
fn ctrl_v_outside_text_fields_pastes_an_article_titled_by_its_first_line() {
    let mut h = app(Vec::new());
    let text = "Mayor defends the budget\n\"We will not cut schools,\" the mayor said on Monday.";
    h.event(egui::Event::Paste(text.into()));
    h.run();
    settle(&mut h);
    let draft = h.state().dialogs.paste.as_ref().expect("the paste prompt");
    assert_eq!(draft.first_line, "Mayor defends the budget");
    h.get_by_label("Add article").click();
    h.run();
    settle(&mut h);
    let app = h.state();
    assert!(app.dialogs.paste.is_none());
    let article = &app.doc.project.articles[0];
    assert_eq!(article.title, "Mayor defends the budget");
    assert_eq!(article.source_path.as_deref(), Some("clipboard"));
    // The headline's own stance ("Mayor defends the budget") and the quotation.
    let contents: Vec<&str> = app
        .doc
        .project
        .claims
        .iter()
        .map(|c| c.content.as_str())
        .collect();
    assert_eq!(contents, ["the budget", "We will not cut schools"]);

    // A typed title wins; the same paste twice is a duplicate.
    h.event(egui::Event::Paste(
        "Second story\n\"Prices fell,\" she said.".into(),
    ));
    h.run();
    settle(&mut h);
    h.event(egui::Event::Text("Typed title".into()));
    h.run();
    h.get_by_label("Add article").click();
    h.run();
    settle(&mut h);
    assert_eq!(h.state().doc.project.articles[1].title, "Typed title");
    h.event(egui::Event::Paste(
        "Second story\n\"Prices fell,\" she said.".into(),
    ));
    h.run();
    settle(&mut h);
    h.get_by_label("Add article").click();
    h.run();
    settle(&mut h);
    assert_eq!(h.state().doc.project.articles.len(), 2);
    assert!(
        h.state().dialogs.errors[0].starts_with("clipboard: already in the project"),
        "{:?}",
        h.state().dialogs.errors
    );
}

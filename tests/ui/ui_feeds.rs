//! Issue 29 in the window: the Feeds window adds a feed (its poll runs in the jobs, from
//! a server on 127.0.0.1 inside the test), shows when each feed was last checked and its
//! error; the watch list flags new claims; the menu bar's badge counts them until the
//! analyst marks them looked at; "New since I last looked" lists only those.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::ui_support;
use crate::web;

use ui_support::{app, settle, type_into};
use web::{Server, news_page, response};

fn server() -> Server {
    Server::start(|req| match req.path.as_str() {
        "/rss" => response(
            "200 OK",
            &[("Content-Type", "application/rss+xml")],
            br#"<rss version="2.0"><channel><title>Test Wire</title>
                <item><title>Story</title><link>/story</link><guid>s1</guid></item>
                </channel></rss>"#,
        ),
        "/story" => response(
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            news_page().as_bytes(),
        ),
        "/not-a-feed" => response("200 OK", &[("Content-Type", "text/html")], b"<p>hello</p>"),
        _ => response("404 Not Found", &[], b""),
    })
}

#[test]
fn the_feeds_window_follows_a_feed_and_flags_watched_speakers() {
    let server = server();
    let mut h = app(Vec::new());
    h.get_by_label("Feeds").click();
    h.run();
    assert!(h.state().feeds.open);
    type_into(&mut h, Role::TextInput, "Speakers", "john kirby");
    h.get_by_label("Apply watch list").click();
    h.run();
    assert_eq!(
        h.state().doc.project.feeds.watch_speakers,
        vec!["john kirby"]
    );

    type_into(&mut h, Role::TextInput, "Feed address", &server.url("/rss"));
    h.get_by_label("Follow").click();
    h.step();
    assert!(
        h.state().feeds.polling,
        "adding a feed polls it, off the UI thread"
    );
    settle(&mut h);
    let app = h.state();
    assert!(!app.feeds.polling);
    let project = &app.doc.project;
    assert_eq!(project.articles.len(), 1);
    assert_eq!(project.feeds.feeds[0].title.as_deref(), Some("Test Wire"));
    assert!(project.feeds.feeds[0].last_checked.is_some());
    assert_eq!(project.feeds.items[0].article, Some(project.articles[0].id));
    let flagged = project.feeds.flagged.len();
    assert!(flagged > 0, "claims of John Kirby are flagged");
    assert!(app.doc.is_dirty(), "the new article is unsaved");
    // The window shows the feed, and the badge counts the flags.
    h.get_by_label("Test Wire");
    h.get_by_label(&format!("Feeds • {flagged} new"));
    assert!(h.query_by_label("Never").is_none());

    // Checking again adds nothing: the item is taken.
    h.get_by_label("Check now").click();
    h.step();
    settle(&mut h);
    assert_eq!(h.state().doc.project.articles.len(), 1);

    // "New since I last looked" lists the flags; a click shows the claim.
    h.get_by_label("New since I last looked").click();
    h.run();
    h.get_by_label(&format!("Flagged claims ({flagged} new)"));
    // Only the rows in view are drawn (a long list costs no more per frame).
    let rows = h
        .query_all_by_label_contains("— speaker John Kirby")
        .count();
    assert!(rows > 0 && rows <= flagged, "{rows} of {flagged}");
    h.get_all_by_label_contains("— speaker John Kirby")
        .next()
        .expect("a flagged claim")
        .click();
    h.run();
    assert!(
        h.state().view.selection.cursor.is_some(),
        "the claim is shown"
    );

    // Looked at: the badge is gone, and the filtered list is empty.
    h.get_by_label("Mark all as looked at").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Feeds");
    h.get_by_label("Nothing flagged.");

    // A feed that is no feed: its error, naming it, in the window; the project goes on.
    let bad = server.url("/not-a-feed");
    type_into(&mut h, Role::TextInput, "Feed address", &bad);
    h.get_by_label("Follow").click();
    h.step();
    settle(&mut h);
    let line = format!("feed {bad}: is not a feed (no RSS, Atom or JSON Feed document)");
    // In the Feeds window, and said in the status bar.
    assert_eq!(h.get_all_by_label(&line).count(), 2);
    let feeds = &h.state().doc.project.feeds.feeds;
    assert_eq!(feeds[1].last_error.as_deref(), Some(line.as_str()));
    assert_eq!(feeds[1].failures, 1);

    // Removing a feed keeps what it brought.
    h.get_all_by_label("Remove")
        .nth(1)
        .expect("a second row")
        .click();
    h.run();
    assert_eq!(h.state().doc.project.feeds.feeds.len(), 1);
    assert_eq!(h.state().doc.project.articles.len(), 1);
}

/// Point 4: a claim of a new feed article with a strong "checked before" match in the
/// claim library is flagged too (badge and list), with no watch list at all.
#[test]
fn claims_checked_before_are_flagged_when_a_feed_brings_them() {
    let server = server();
    let tmp = tempfile::tempdir().unwrap();
    let reviews = tmp.path().join("reviews.json");
    std::fs::write(
        &reviews,
        r#"[{"@type": "ClaimReview", "url": "https://factcheck.example/monitor",
             "claimReviewed": "The United States will be monitoring the Israeli military actions in Rafah closely",
             "author": {"name": "Desk A"}, "reviewRating": {"alternateName": "Mostly True"}}]"#,
    )
    .unwrap();
    let lib = tmp.path().join("lib");
    claimdesk::io::library::add_files(&lib, &[reviews]).expect("library made");
    let mut h = app(Vec::new());
    h.state_mut()
        .dispatch(claimdesk::ui::command::LibraryAction::OpenLibrary(lib));
    settle(&mut h);
    h.get_by_label("Feeds").click();
    h.run();
    type_into(&mut h, Role::TextInput, "Feed address", &server.url("/rss"));
    h.get_by_label("Follow").click();
    h.step();
    settle(&mut h);
    assert!(
        h.state().doc.project.feeds.flagged.is_empty(),
        "no watch list"
    );
    assert!(!h.state().checks.matching, "matching finished");
    // The claims the library knows (a strong match), each listed as checked before,
    // and counted by the badge.
    let app = h.state();
    let strong: Vec<String> = app
        .doc
        .project
        .claims
        .iter()
        .filter(|c| app.checks.has_strong_match(c))
        .map(|c| c.content.clone())
        .collect();
    assert!(
        strong
            .iter()
            .any(|c| c.contains("monitoring the Israeli military actions")),
        "{strong:?}"
    );
    let n = strong.len();
    h.get_by_label(&format!("Feeds • {n} new"));
    h.get_by_label(&format!("Flagged claims ({n} new)"));
    assert_eq!(
        h.query_all_by_label_contains("— checked before —").count(),
        n
    );
}

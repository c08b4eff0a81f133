//! The Worth column, its sort and filter, and the statement threshold in the window
//! (issue 26, point 3).

use crate::ui_support;

use claimdesk::extract::{ClaimKind, Score};
use claimdesk::ui::rows::SortColumn;
use egui_kittest::kittest::Queryable;
use ui_support::*;

/// The scores of the rows the table shows, in order.
fn shown_worths(h: &H) -> Vec<Score> {
    let app = h.state();
    app.view
        .rows
        .rows
        .iter()
        .map(|&i| app.doc.project.claims[i].worthiness().0)
        .collect()
}

fn pick_in_worth_menu(h: &mut H, item: &str) {
    h.get_by_label("Worth filter").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
}

#[test]
fn worth_column_sorts_most_worth_first_and_filters_by_a_minimum() {
    // An old project (no scores in the file): every claim is scored all the same.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.claimdesk");
    std::fs::copy(FIXTURE, &path).unwrap();
    let mut h = app(vec![path]);
    let all = h.state().view.rows.rows.len();
    assert!(all >= 4, "the fixture's claims are shown");
    // The header sorts: most worth first, a second click least first.
    h.get_by_label("Worth").click();
    h.run();
    assert_eq!(h.state().view.sort.column, SortColumn::Worth);
    let worths = shown_worths(&h);
    assert!(worths.windows(2).all(|w| w[0] >= w[1]), "{worths:?}");
    assert!(worths.first() > worths.last(), "scores differ: {worths:?}");
    h.get_by_label("Worth").click();
    h.run();
    let worths = shown_worths(&h);
    assert!(worths.windows(2).all(|w| w[0] <= w[1]), "{worths:?}");
    // Each row's bar says its score.
    assert!(h.query_all_by_label_contains("Worth 0.").count() >= 4);
    // A minimum worth hides the claims below it, and "Any worth" brings them back.
    pick_in_worth_menu(&mut h, "Worth ≥ 0.50");
    let worths = shown_worths(&h);
    assert!(!worths.is_empty() && worths.len() < all, "{worths:?}");
    assert!(worths.iter().all(|w| w.get() >= 0.5), "{worths:?}");
    assert!(h.state().view.filter.is_active());
    pick_in_worth_menu(&mut h, "Any worth");
    assert_eq!(h.state().view.rows.rows.len(), all);
}

/// A news page whose check-worthy sentences are in its own voice, scored (by `rank`)
/// 1.00, 1.00, 0.95, 0.77 and 0.66; the quotation is the mayor's.
const PAGE: &str = r#"<html><head><title>Council budget row deepens</title>
<meta property="og:site_name" content="Example Gazette"></head><body><article>
<h1>Council budget row deepens</h1>
<p>The city's unemployment rate fell to 3.5% last year, down from 4.1% in 2022.</p>
<p>Property taxes rose by 12 percent over the past five years, faster than wages.</p>
<p>The council approved a $40 million loan for the new stadium in March.</p>
<p>Crime in the downtown district has dropped since the new patrols began.</p>
<p>Residents gathered outside the town hall on a rainy Tuesday evening.</p>
<p>"We will not cut schools," the mayor said on Monday.</p>
<p>Many people think the plan is a good idea.</p>
<p>The state passed a law last year that bans plastic bags.</p>
</article></body></html>"#;

#[test]
fn a_lower_statement_threshold_finds_more_statements() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("budget.html");
    std::fs::write(&page, PAGE).unwrap();
    let mut h = app(vec![page]);
    let statements = |h: &H| {
        h.state()
            .doc
            .project
            .claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Statement)
            .count()
    };
    let before = statements(&h);
    assert_eq!(before, 4, "the four sentences from 0.75 (the default)");
    assert_eq!(h.state().doc.project.settings.statement_threshold, None);
    // Said in the outlet's voice, marked as such; shown as a chip of their type.
    let project = &h.state().doc.project;
    let statement = project
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Statement)
        .unwrap();
    let voice = project
        .speaker(statement.speaker.expect("a speaker"))
        .unwrap();
    assert_eq!(voice.name, "Example Gazette");
    assert_eq!(voice.role.as_deref(), Some("the article (outlet)"));
    // The table's chip names the type in a few letters ("qty": quantity).
    assert!(h.query_all_by_label("qty").count() >= 2);
    pick_in_worth_menu(&mut h, "0.60");
    settle(&mut h);
    assert_eq!(
        h.state().doc.project.settings.statement_threshold,
        Some(Score::new(0.6))
    );
    let lower = statements(&h);
    assert_eq!(lower, 5, "the law's sentence (0.66) joins them");
    // Every statement is at least as worth checking as the threshold said.
    let project = &h.state().doc.project;
    for c in project
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Statement)
    {
        assert!(c.worthiness().0 >= Score::new(0.6), "{}", c.content);
    }
    // A higher one keeps fewer than the default.
    pick_in_worth_menu(&mut h, "0.90");
    settle(&mut h);
    assert_eq!(
        h.state().doc.project.settings.statement_threshold,
        Some(Score::new(0.9))
    );
    assert_eq!(statements(&h), 3);
    // The statements a threshold no longer takes are gone; nothing else was touched.
    assert!(
        h.state()
            .doc
            .project
            .claims
            .iter()
            .any(|c| c.content.contains("cut schools"))
    );
}

//! One frame of the workbench window, headless (egui pass + tessellation, no GPU) at
//! 1280×800, with 1k, 10k and 100k claims; with a 10 MB article open (still, scrolling its
//! text, Down in the table, a verdict); and re-sorting / re-filtering 100k claims, which
//! the table does only when the sort or filter changes.

use std::hint::black_box;

use claimdesk::model::{
    Article, ArticleId, ArticleMeta, Claim, ClaimId, ClaimKind, ClaimOrigin, Project, Speaker,
    SpeakerId, Status,
};
use claimdesk::ui::rows::{Filter, Rows, Sort, SortColumn};
use claimdesk::ui::{AppOptions, ClaimdeskApp};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;

const SENTENCE: &str = "The minister said that \"the talks are at an advanced stage\" and that more aid would follow. ";

/// `claims` claims spread over articles of 100 claims each, 200 speakers.
fn project(claims: usize) -> Project {
    let mut p = Project::new("bench");
    let speakers = 200u64;
    for s in 0..speakers {
        p.speakers.push(Speaker {
            id: SpeakerId(1 + s),
            name: format!("Speaker {s:03}"),
            role: Some(format!("Role {}", s % 17)),
            aliases: vec![],
            is_body: false,
            unresolved: false,
            removed_aliases: Vec::new(),
            hand_merged: Vec::new(),
        });
    }
    let articles = claims.div_ceil(100);
    let text = SENTENCE.repeat(100);
    let mut next = 1000u64;
    for a in 0..articles {
        let article = ArticleId(next);
        next += 1;
        p.articles.push(Article {
            id: article,
            title: format!("Article {a}: talks at an advanced stage"),
            text: text.clone(),
            source_path: None,
            sha256: None,
            imported_at: None,
            meta: ArticleMeta::default(),
            memo: String::new(),
        });
        for k in 0..100.min(claims - a * 100) {
            let start = k * SENTENCE.len() + 24;
            let end = start + 35;
            let n = a * 100 + k;
            p.claims.push(Claim {
                id: ClaimId(next),
                number: n as u64 + 1,
                article,
                content: format!(
                    "the talks are at an advanced stage #{}",
                    (n * 7919) % claims
                ),
                start,
                end,
                kind: ClaimKind::ALL[n % 4],
                cue: "said".into(),
                mention: Some("The minister".into()),
                mention_span: Some((k * SENTENCE.len(), k * SENTENCE.len() + 12)),
                speaker: Some(SpeakerId(1 + (n as u64 * 31) % speakers)),
                antecedent: None,
                status: Status::ALL[n % 6],
                notes: String::new(),
                evidence: vec![],
                history: vec![],
                origin: ClaimOrigin::Extracted,
                rationale: String::new(),
                assignee: None,
                priority: Default::default(),
                in_progress: false,
                published: None,
                tags: Vec::new(),
                worth: None,
                claim_type: None,
                match_verdicts: Vec::new(),
            });
            next += 1;
        }
    }
    p.next_id = next;
    p
}

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

fn headless_app() -> ClaimdeskApp {
    ClaimdeskApp::headless(
        AppOptions {
            files: vec![],
            sample_on_first_run: false,
            recovery: false,
            system_clipboard: false,
            journal_dir: None,
        },
        vec![],
    )
}

/// One frame drawn on the CPU as the window without a GPU draws it: the egui pass,
/// tessellation, the texture uploads and the 1280×800 pixels.
fn frame_painted(
    ctx: &egui::Context,
    app: &mut ClaimdeskApp,
    raster: &mut claimdesk::ui::software::Raster,
    pixels: &mut [u32],
) {
    let mut frame = eframe::Frame::_new_kittest();
    let out = ctx.run_ui(input(), |ui| {
        app.logic(ui.ctx(), &mut frame);
        app.ui(ui, &mut frame);
    });
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    let mut textures = out.textures_delta;
    raster.set_textures(&textures);
    let mut target = claimdesk::ui::software::Target {
        pixels,
        width: 1280,
        height: 800,
    };
    raster.paint(
        &mut target,
        &primitives,
        out.pixels_per_point,
        egui::Color32::BLACK,
    );
    raster.free_textures(&textures);
    textures.clear();
    black_box(&pixels[..]);
}

/// One frame with `events`: the app's logic and drawing, then tessellation.
fn frame(ctx: &egui::Context, app: &mut ClaimdeskApp, events: Vec<egui::Event>) {
    let mut frame = eframe::Frame::_new_kittest();
    let mut raw = input();
    raw.events = events;
    let mut out = ctx.run_ui(raw, |ui| {
        app.logic(ui.ctx(), &mut frame);
        app.ui(ui, &mut frame);
    });
    // No renderer here: drop the font-atlas uploads on purpose.
    out.textures_delta.clear();
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

fn key(key: egui::Key) -> Vec<egui::Event> {
    [true, false]
        .map(|pressed| egui::Event::Key {
            key,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        })
        .to_vec()
}

/// The bundled sample's paragraphs repeated to 10 MB, analysed as an import would.
fn long_article_project() -> Project {
    let sample = include_str!("../assets/rafah-kirby-gallant.txt");
    let (title, body) = sample.split_once('\n').unwrap_or((sample, ""));
    let mut text = format!("{title}\n\n");
    while text.len() < 10_000_000 {
        for paragraph in body.lines().filter(|l| !l.trim().is_empty()) {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
    }
    let extraction = claimdesk::extract::extract(&text);
    let mut p = Project::new("bench");
    let article = Article {
        id: ArticleId(0),
        title: title.into(),
        text,
        source_path: None,
        sha256: None,
        imported_at: None,
        meta: ArticleMeta::default(),
        memo: String::new(),
    };
    p.add_extracted_article(article, extraction)
        .expect("ids for the article");
    p
}

/// Frames with a 10 MB article (tens of thousands of claims) open: nothing happening,
/// scrolling its text with the wheel, Down in the table, a verdict and its undo.
fn long_article_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui_frame_10mb_article");
    let ctx = egui::Context::default();
    let mut app = headless_app();
    app.show_project(long_article_project());
    for _ in 0..5 {
        frame(&ctx, &mut app, vec![]);
    }
    group.bench_function("steady", |b| b.iter(|| frame(&ctx, &mut app, vec![])));
    {
        // Its own context, so that the font atlas is uploaded to the raster once.
        let ctx = egui::Context::default();
        let mut raster = claimdesk::ui::software::Raster::default();
        let mut pixels = vec![0u32; 1280 * 800];
        for _ in 0..5 {
            frame_painted(&ctx, &mut app, &mut raster, &mut pixels);
        }
        group.bench_function("steady_painted_on_cpu", |b| {
            b.iter(|| frame_painted(&ctx, &mut app, &mut raster, &mut pixels))
        });
    }
    group.bench_function("scroll_text", |b| {
        b.iter(|| {
            let wheel = vec![
                egui::Event::PointerMoved(egui::pos2(400.0, 650.0)),
                egui::Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, -120.0),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Wheel,
                    modifiers: egui::Modifiers::NONE,
                },
            ];
            frame(&ctx, &mut app, wheel)
        })
    });
    group.bench_function("down_key", |b| {
        b.iter(|| frame(&ctx, &mut app, key(egui::Key::ArrowDown)))
    });
    group.bench_function("verdict_and_undo", |b| {
        b.iter(|| {
            frame(&ctx, &mut app, key(egui::Key::V));
            let undo = vec![egui::Event::Key {
                key: egui::Key::Z,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: egui::Modifiers::COMMAND,
            }];
            frame(&ctx, &mut app, undo);
        })
    });
    group.finish();
}

fn frame_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ui_frame");
    for n in [1_000, 10_000, 100_000] {
        let ctx = egui::Context::default();
        let mut app = headless_app();
        app.show_project(project(n));
        // Let layout settle (first frames size columns and fonts).
        for _ in 0..5 {
            frame(&ctx, &mut app, vec![]);
        }
        group.bench_function(format!("steady_{n}_claims"), |b| {
            b.iter(|| frame(&ctx, &mut app, vec![]))
        });
    }
    group.finish();
}

fn rows_bench(c: &mut Criterion) {
    let p = project(100_000);
    let mut group = c.benchmark_group("rows_100k");
    let sorts = [
        SortColumn::Speaker,
        SortColumn::Claim,
        SortColumn::Status,
        SortColumn::Article,
    ];
    for column in sorts {
        group.bench_function(format!("sort_{column:?}"), |b| {
            let mut rows = Rows::default();
            let mut revision = 0;
            b.iter(|| {
                revision += 1;
                let sort = Sort {
                    column,
                    ascending: revision % 2 == 0,
                };
                rows.refresh(&p, revision, &Filter::default(), sort);
                black_box(rows.rows.len())
            })
        });
    }
    group.bench_function("filter_status", |b| {
        let mut rows = Rows::default();
        let mut revision = 0;
        b.iter(|| {
            revision += 1;
            let filter = Filter {
                statuses: vec![Status::Verified],
                ..Default::default()
            };
            rows.refresh(&p, revision, &filter, Sort::default());
            black_box(rows.rows.len())
        })
    });
    group.bench_function("search_text", |b| {
        let mut rows = Rows::default();
        let mut revision = 0;
        b.iter(|| {
            revision += 1;
            let filter = Filter {
                search: "Stage #99".into(),
                ..Default::default()
            };
            rows.refresh(&p, revision, &filter, Sort::default());
            black_box(rows.rows.len())
        })
    });
    group.finish();
}

criterion_group!(benches, frame_bench, long_article_bench, rows_bench);
criterion_main!(benches);

//! The window drawn on the CPU, for machines without a GPU (Xvfb, virtual machines,
//! remote sessions).
//!
//! There, eframe's OpenGL painter runs on Mesa's llvmpipe, which maps LLVM and compiles
//! shaders at run time: about 80 MB of memory before the first article, more than the
//! rest of the app. This module runs the same `eframe::App` in a winit window of its own:
//! egui-winit turns window events into egui input (keys, pointer, IME, clipboard, dropped
//! files, the window manager's close), `raster` draws egui's triangles into a pixel buffer
//! and `present` shows it (X11 image requests, or softbuffer on Wayland). It keeps
//! eframe's contract where the app relies on it: `logic` then `ui` in one pass, a close
//! cancelled by `ViewportCommand::CancelClose`, repaints asked for from other threads
//! (the jobs), `save` on a timer and at exit into the same `app.ron`, egui's memory kept
//! across runs.
//!
//! [`wanted`] chooses it: `CLAIMDESK_RENDERER=software` or `gl` decides; otherwise a Linux
//! machine with no GPU render node draws on the CPU.

mod present;
mod raster;
mod storage;

use std::num::NonZeroU32;
use std::path::PathBuf;
use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::{ViewportBuilder, ViewportCommand, ViewportId, ViewportInfo};
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop};
use winit::window::{Window, WindowId};

use present::Presenter;
pub use raster::{Raster, Target};
use storage::RonStorage;

/// Builds the app once the window exists (as eframe's app creator does).
pub type AppCreator = Box<dyn FnOnce(&eframe::CreationContext<'_>) -> Box<dyn eframe::App>>;

/// egui's memory (panel sizes, scroll positions) under eframe's own key.
const MEMORY_KEY: &str = "egui";

/// Whether the window should be drawn on the CPU.
pub fn wanted() -> bool {
    match std::env::var("CLAIMDESK_RENDERER").as_deref() {
        Ok("software") | Ok("cpu") => return true,
        Ok("gl") | Ok("opengl") => return false,
        _ => {}
    }
    if std::env::var_os("LIBGL_ALWAYS_SOFTWARE").is_some() {
        return true;
    }
    cfg!(target_os = "linux") && !gpu_render_node()
}

fn gpu_render_node() -> bool {
    std::fs::read_dir("/dev/dri").is_ok_and(|dir| {
        dir.flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Opens the window and runs `make_app` in it until it closes.
pub fn run(
    viewport: ViewportBuilder,
    persistence_path: Option<PathBuf>,
    make_app: AppCreator,
) -> Result<(), String> {
    let event_loop = EventLoop::<Wake>::with_user_event()
        .build()
        .map_err(|e| format!("cannot open the window: {e}"))?;
    let storage = RonStorage::open(persistence_path);
    let ctx = egui::Context::default();
    // Secondary viewports would need windows of their own; this app has none, and any
    // would be drawn inside the main window.
    ctx.set_embed_viewports(true);
    if let Some(memory) = eframe::get_value::<egui::Memory>(&storage, MEMORY_KEY) {
        ctx.memory_mut(|m| *m = memory);
    }
    let proxy = event_loop.create_proxy();
    ctx.set_request_repaint_callback(move |info| {
        let _ = proxy.send_event(Wake { delay: info.delay });
    });
    let mut runner = Runner {
        ctx,
        viewport,
        storage,
        make_app: Some(make_app),
        running: None,
        error: None,
    };
    event_loop
        .run_app(&mut runner)
        .map_err(|e| format!("the window stopped: {e}"))?;
    match runner.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// A repaint asked for, possibly from another thread.
#[derive(Debug, Clone, Copy)]
struct Wake {
    delay: Duration,
}

struct Runner {
    ctx: egui::Context,
    viewport: ViewportBuilder,
    storage: RonStorage,
    make_app: Option<AppCreator>,
    running: Option<Running>,
    error: Option<String>,
}

/// The open window and the app in it.
struct Running {
    window: Rc<Window>,
    present: Presenter,
    input: egui_winit::State,
    info: ViewportInfo,
    app: Box<dyn eframe::App>,
    frame: eframe::Frame,
    raster: Raster,
    beginning: Instant,
    next_repaint: Option<Instant>,
    last_save: Instant,
    close: bool,
}

impl Runner {
    fn start(&mut self, event_loop: &ActiveEventLoop) -> Result<(), String> {
        let window = egui_winit::create_window(&self.ctx, event_loop, &self.viewport)
            .map_err(|e| format!("cannot open the window: {e}"))?;
        let window = Rc::new(window);
        let present = Presenter::new(&window)?;
        let input = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            event_loop,
            Some(window.scale_factor() as f32),
            window.theme(),
            // egui's font atlas is this wide and grows in height by doubling, each time
            // copied whole; 16384 (what llvmpipe reports) cost 13 MB more at 200% text size.
            Some(4096),
        );
        let mut info = ViewportInfo::default();
        egui_winit::update_viewport_info(&mut info, &self.ctx, &window, true);
        let Some(make_app) = self.make_app.take() else {
            return Err("the window was started twice".into());
        };
        let mut cc = eframe::CreationContext::_new_kittest(self.ctx.clone());
        cc.storage = Some(&self.storage);
        let app = make_app(&cc);
        window.request_redraw();
        self.running = Some(Running {
            window,
            present,
            input,
            info,
            app,
            frame: eframe::Frame::_new_kittest(),
            raster: Raster::default(),
            beginning: Instant::now(),
            next_repaint: None,
            last_save: Instant::now(),
            close: false,
        });
        Ok(())
    }

    /// The app's preferences and egui's memory into `app.ron`.
    fn save(&mut self) {
        let Some(running) = &mut self.running else {
            return;
        };
        if running.app.persist_egui_memory() {
            self.ctx
                .memory(|m| eframe::set_value(&mut self.storage, MEMORY_KEY, m));
        }
        running.app.save(&mut self.storage);
        eframe::Storage::flush(&mut self.storage);
        running.last_save = Instant::now();
    }

    /// One egui pass and its picture.
    fn paint(&mut self, event_loop: &ActiveEventLoop) {
        let Some(r) = &mut self.running else { return };
        r.next_repaint = None;
        egui_winit::update_viewport_info(&mut r.info, &self.ctx, &r.window, false);
        let mut raw = r.input.take_egui_input(&r.window);
        raw.time = Some(r.beginning.elapsed().as_secs_f64());
        raw.viewports = std::iter::once((ViewportId::ROOT, r.info.clone())).collect();
        let close_requested = raw.viewport().close_requested();
        let (app, frame) = (&mut r.app, &mut r.frame);
        app.raw_input_hook(&self.ctx, &mut raw);
        let output = self.ctx.run_ui(raw, |ui| {
            app.logic(ui.ctx(), frame);
            app.ui(ui, frame);
        });
        r.info.events.clear();
        r.input
            .handle_platform_output(&r.window, output.platform_output);
        let mut repaint_delay = Duration::MAX;
        for (id, viewport) in output.viewport_output {
            if id != ViewportId::ROOT {
                continue;
            }
            if close_requested && !viewport.commands.contains(&ViewportCommand::CancelClose) {
                r.close = true;
            }
            repaint_delay = viewport.repaint_delay;
            let mut actions = Vec::new();
            egui_winit::process_viewport_commands(
                &self.ctx,
                &mut r.info,
                viewport.commands,
                &r.window,
                &mut actions,
            );
        }
        // A Close command comes back as a close request in the next pass.
        if r.info.close_requested() || !r.info.events.is_empty() {
            r.window.request_redraw();
        }

        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        let mut textures = output.textures_delta;
        r.raster.set_textures(&textures);
        let size = r.window.inner_size();
        if let (Some(w), Some(h)) = (NonZeroU32::new(size.width), NonZeroU32::new(size.height)) {
            let clear = r.app.clear_color(&self.ctx.global_style().visuals);
            let clear = egui::Color32::from_rgb(
                (clear[0].clamp(0.0, 1.0) * 255.0) as u8,
                (clear[1].clamp(0.0, 1.0) * 255.0) as u8,
                (clear[2].clamp(0.0, 1.0) * 255.0) as u8,
            );
            let raster = &r.raster;
            r.present.frame(w, h, |pixels| {
                let mut target = Target {
                    pixels,
                    width: w.get() as usize,
                    height: h.get() as usize,
                };
                raster.paint(&mut target, &primitives, output.pixels_per_point, clear);
            });
        }
        r.raster.free_textures(&textures);
        textures.clear(); // applied (egui checks, in debug builds, that none is dropped)

        if repaint_delay.is_zero() {
            r.window.request_redraw();
        } else if let Some(at) = Instant::now().checked_add(repaint_delay) {
            r.next_repaint = Some(at);
        }
        if r.close {
            self.save();
            if let Some(r) = &mut self.running {
                r.app.on_exit(None);
            }
            event_loop.exit();
        }
    }
}

impl ApplicationHandler<Wake> for Runner {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.running.is_none()
            && let Err(e) = self.start(event_loop)
        {
            self.error = Some(e);
            event_loop.exit();
        }
    }

    fn user_event(&mut self, _event_loop: &ActiveEventLoop, wake: Wake) {
        let Some(r) = &mut self.running else { return };
        if wake.delay.is_zero() {
            r.window.request_redraw();
        } else if let Some(at) = Instant::now().checked_add(wake.delay) {
            r.next_repaint = Some(r.next_repaint.map_or(at, |t| t.min(at)));
        }
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        let Some(r) = &mut self.running else { return };
        if let WindowEvent::RedrawRequested = event {
            self.paint(event_loop);
            return;
        }
        let response = r.input.on_window_event(&r.window, &event);
        if let WindowEvent::CloseRequested = event {
            // egui-winit marks the close; the next pass lets the app hold it.
            r.info.events.push(egui::ViewportEvent::Close);
        }
        if response.repaint
            || matches!(
                event,
                WindowEvent::CloseRequested | WindowEvent::Resized(_) | WindowEvent::Focused(_)
            )
        {
            r.window.request_redraw();
        }
    }

    fn device_event(
        &mut self,
        _event_loop: &ActiveEventLoop,
        _id: winit::event::DeviceId,
        event: winit::event::DeviceEvent,
    ) {
        if let (winit::event::DeviceEvent::MouseMotion { delta }, Some(r)) =
            (event, &mut self.running)
            && r.input.on_mouse_motion(delta)
        {
            r.window.request_redraw();
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        let due_save = self
            .running
            .as_ref()
            .is_some_and(|r| r.last_save.elapsed() >= r.app.auto_save_interval());
        if due_save {
            self.save();
        }
        let Some(r) = &mut self.running else { return };
        match r.next_repaint {
            Some(at) if at <= Instant::now() => {
                r.next_repaint = None;
                r.window.request_redraw();
                event_loop.set_control_flow(ControlFlow::Wait);
            }
            Some(at) => event_loop.set_control_flow(ControlFlow::WaitUntil(at)),
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }

    fn exiting(&mut self, _event_loop: &ActiveEventLoop) {
        if self.running.as_ref().is_some_and(|r| !r.close) {
            self.save();
        }
    }
}

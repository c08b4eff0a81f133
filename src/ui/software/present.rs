//! Handing the drawn pixels to the display server.
//!
//! On X11 an image request of our own (x11rb's pure-Rust connection, in strips the server
//! accepts); on Wayland, softbuffer. softbuffer's X11 support is not used: it loads Xlib
//! from a constructor at the start of every process, the command line's included.

use std::num::NonZeroU32;
use std::rc::Rc;

use winit::raw_window_handle::{HasWindowHandle, RawWindowHandle};
use winit::window::Window;
use x11rb::connection::{Connection as _, RequestConnection as _};
use x11rb::protocol::xproto::{ConnectionExt as _, CreateGCAux, ImageFormat};
use x11rb::rust_connection::RustConnection;

/// Where a frame's pixels go.
pub enum Presenter {
    X11(Box<X11>),
    Wayland(Box<softbuffer::Surface<Rc<Window>, Rc<Window>>>),
}

/// An X11 window drawn with plain image requests.
pub struct X11 {
    conn: RustConnection,
    window: u32,
    gc: u32,
    depth: u8,
    pixels: Vec<u32>,
    bytes: Vec<u8>,
}

impl Presenter {
    /// The presenter for `window`: X11 or Wayland, as winit opened it.
    pub fn new(window: &Rc<Window>) -> Result<Self, String> {
        let handle = window
            .window_handle()
            .map_err(|e| format!("cannot draw the window: {e}"))?
            .as_raw();
        let x11_window = match handle {
            RawWindowHandle::Xlib(h) => u32::try_from(h.window).ok(),
            RawWindowHandle::Xcb(h) => Some(h.window.get()),
            _ => None,
        };
        if let Some(id) = x11_window {
            return X11::new(id).map(|x| Presenter::X11(Box::new(x)));
        }
        let context = softbuffer::Context::new(window.clone())
            .map_err(|e| format!("cannot draw the window: {e}"))?;
        let surface = softbuffer::Surface::new(&context, window.clone())
            .map_err(|e| format!("cannot draw the window: {e}"))?;
        Ok(Presenter::Wayland(Box::new(surface)))
    }

    /// Draws a `width × height` frame with `draw` (given the pixel rows) and shows it.
    pub fn frame(&mut self, width: NonZeroU32, height: NonZeroU32, draw: impl FnOnce(&mut [u32])) {
        match self {
            Presenter::X11(x) => x.frame(width, height, draw),
            Presenter::Wayland(surface) => {
                if surface.resize(width, height).is_ok()
                    && let Ok(mut buffer) = surface.buffer_mut()
                {
                    draw(&mut buffer);
                    let _ = buffer.present();
                }
            }
        }
    }
}

impl X11 {
    fn new(window: u32) -> Result<Self, String> {
        let fail = |e: &dyn std::fmt::Display| format!("cannot draw the window: {e}");
        let (conn, _) = x11rb::connect(None).map_err(|e| fail(&e))?;
        let depth = conn
            .get_geometry(window)
            .map_err(|e| fail(&e))?
            .reply()
            .map_err(|e| fail(&e))?
            .depth;
        let gc = conn.generate_id().map_err(|e| fail(&e))?;
        conn.create_gc(gc, window, &CreateGCAux::new())
            .map_err(|e| fail(&e))?;
        Ok(X11 {
            conn,
            window,
            gc,
            depth,
            pixels: Vec::new(),
            bytes: Vec::new(),
        })
    }

    fn frame(&mut self, width: NonZeroU32, height: NonZeroU32, draw: impl FnOnce(&mut [u32])) {
        let (w, h) = (width.get() as usize, height.get() as usize);
        self.pixels.resize(w * h, 0);
        draw(&mut self.pixels);
        // 32 bits a pixel, blue first: the layout of a 24- and 32-bit deep ZPixmap on the
        // little-endian servers this runs against (Xorg, Xvfb, XWayland).
        let max = self.conn.maximum_request_bytes().max(64 * 1024);
        let rows_per_request = ((max - 64) / (w * 4)).clamp(1, h);
        let (Ok(width16), Ok(_)) = (u16::try_from(w), u16::try_from(h)) else {
            return; // larger than X11 can address
        };
        for (strip, rows) in self.pixels.chunks(rows_per_request * w).enumerate() {
            self.bytes.clear();
            self.bytes.reserve(rows.len() * 4);
            for p in rows {
                self.bytes.extend_from_slice(&p.to_le_bytes());
            }
            let y = (strip * rows_per_request) as i16;
            let n = (rows.len() / w) as u16;
            if self
                .conn
                .put_image(
                    ImageFormat::Z_PIXMAP,
                    self.window,
                    self.gc,
                    width16,
                    n,
                    0,
                    y,
                    0,
                    self.depth,
                    &self.bytes,
                )
                .is_err()
            {
                return;
            }
        }
        let _ = self.conn.flush();
    }
}

//! egui's triangles drawn on the CPU into a `0x00RRGGBB` pixel buffer.
//!
//! The same arithmetic as egui's OpenGL painter: vertex colours and textures are
//! premultiplied sRGB, multiplied in gamma space, blended "source over" (one, one minus
//! source alpha). A triangle covers the pixels whose centres fall inside it, rows cut into
//! spans (half-open on the right, so two triangles sharing an edge never both draw a
//! pixel). A triangle of one colour and one texel (egui's rectangles and their borders,
//! most of a frame's pixels) is filled span by span without interpolating; textured
//! triangles (text) interpolate colour and texture coordinates along the span and sample
//! bilinearly, or nearest where the texture asks for it.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, ImageData, Primitive, TextureId, Vertex};
use egui::{Color32, TextureFilter, TexturesDelta};

/// One texture as egui uploaded it.
struct Texture {
    width: usize,
    height: usize,
    pixels: Vec<Color32>,
    nearest: bool,
}

/// The textures egui has given the window, and the drawing of its frames.
#[derive(Default)]
pub struct Raster {
    textures: HashMap<TextureId, Texture>,
}

/// The target of one frame: `width × height` pixels, row after row.
pub struct Target<'a> {
    pub pixels: &'a mut [u32],
    pub width: usize,
    pub height: usize,
}

impl Raster {
    /// Applies egui's new and changed textures (before drawing) .
    pub fn set_textures(&mut self, delta: &TexturesDelta) {
        for (id, image_delta) in delta
            .set
            .iter()
            .flat_map(|(id, d)| d.iter().map(move |d| (id, d)))
        {
            let ImageData::Color(image) = &image_delta.image;
            let nearest = image_delta.options.magnification == TextureFilter::Nearest;
            match image_delta.pos {
                None => {
                    self.textures.insert(
                        *id,
                        Texture {
                            width: image.size[0],
                            height: image.size[1],
                            pixels: image.pixels.clone(),
                            nearest,
                        },
                    );
                }
                Some([x0, y0]) => {
                    let Some(texture) = self.textures.get_mut(id) else {
                        continue;
                    };
                    let [w, h] = image.size;
                    for row in 0..h {
                        let y = y0 + row;
                        if y >= texture.height || x0 >= texture.width {
                            continue;
                        }
                        let n = w.min(texture.width - x0);
                        let dst = y * texture.width + x0;
                        texture.pixels[dst..dst + n]
                            .copy_from_slice(&image.pixels[row * w..row * w + n]);
                    }
                }
            }
        }
    }

    /// Forgets the textures egui freed (after drawing).
    pub fn free_textures(&mut self, delta: &TexturesDelta) {
        for id in &delta.free {
            self.textures.remove(id);
        }
    }

    /// Draws one frame: clears to `clear`, then paints every mesh in order.
    pub fn paint(
        &self,
        target: &mut Target<'_>,
        primitives: &[ClippedPrimitive],
        pixels_per_point: f32,
        clear: Color32,
    ) {
        target.pixels.fill(pack(clear));
        for primitive in primitives {
            let Primitive::Mesh(mesh) = &primitive.primitive else {
                continue; // no paint callbacks in this app
            };
            let Some(texture) = self.textures.get(&mesh.texture_id) else {
                continue;
            };
            let clip = primitive.clip_rect;
            let clip = Clip {
                x0: to_pixel(clip.min.x * pixels_per_point, target.width),
                y0: to_pixel(clip.min.y * pixels_per_point, target.height),
                x1: to_pixel(clip.max.x * pixels_per_point, target.width),
                y1: to_pixel(clip.max.y * pixels_per_point, target.height),
            };
            if clip.x0 >= clip.x1 || clip.y0 >= clip.y1 {
                continue;
            }
            for tri in mesh.indices.chunks_exact(3) {
                let (Some(a), Some(b), Some(c)) = (
                    mesh.vertices.get(tri[0] as usize),
                    mesh.vertices.get(tri[1] as usize),
                    mesh.vertices.get(tri[2] as usize),
                ) else {
                    continue;
                };
                triangle(target, &clip, texture, [a, b, c], pixels_per_point);
            }
        }
    }
}

/// The clip rectangle in whole pixels, `x1`/`y1` exclusive.
struct Clip {
    x0: usize,
    y0: usize,
    x1: usize,
    y1: usize,
}

fn to_pixel(v: f32, max: usize) -> usize {
    if v.is_nan() || v <= 0.0 {
        0
    } else {
        (v.round() as usize).min(max)
    }
}

fn pack(c: Color32) -> u32 {
    (u32::from(c.r()) << 16) | (u32::from(c.g()) << 8) | u32::from(c.b())
}

/// `src` (premultiplied) over the opaque pixel `dst`.
#[inline]
fn blend(dst: u32, src: [u32; 4]) -> u32 {
    let inv = 255 - src[3];
    let ch = |shift: u32, s: u32| {
        let d = (dst >> shift) & 0xff;
        let v = s + (d * inv + 127) / 255;
        v.min(255) << shift
    };
    ch(16, src[0]) | ch(8, src[1]) | ch(0, src[2])
}

/// Colour × texel, both premultiplied, as 0..=255 channels.
#[inline]
fn modulate(color: [f32; 4], texel: [f32; 4]) -> [u32; 4] {
    let m = |i: usize| ((color[i] * texel[i]) / 255.0 + 0.5).clamp(0.0, 255.0) as u32;
    [m(0), m(1), m(2), m(3)]
}

fn channels(c: Color32) -> [f32; 4] {
    [
        f32::from(c.r()),
        f32::from(c.g()),
        f32::from(c.b()),
        f32::from(c.a()),
    ]
}

impl Texture {
    fn texel(&self, x: i64, y: i64) -> [f32; 4] {
        let x = x.clamp(0, self.width as i64 - 1) as usize;
        let y = y.clamp(0, self.height as i64 - 1) as usize;
        self.pixels
            .get(y * self.width + x)
            .map_or([0.0; 4], |c| channels(*c))
    }

    /// The texture at normalised coordinates (`u`, `v`), clamped at its edges.
    fn sample(&self, u: f32, v: f32) -> [f32; 4] {
        if self.width == 0 || self.height == 0 {
            return [0.0; 4];
        }
        let x = u * self.width as f32 - 0.5;
        let y = v * self.height as f32 - 0.5;
        if self.nearest {
            return self.texel(x.round() as i64, y.round() as i64);
        }
        let (fx, fy) = (x.floor(), y.floor());
        let (tx, ty) = (x - fx, y - fy);
        let (ix, iy) = (fx as i64, fy as i64);
        // Glyphs land on whole texels: one read instead of four.
        if tx < 1e-3 && ty < 1e-3 {
            return self.texel(ix, iy);
        }
        let a = self.texel(ix, iy);
        let b = self.texel(ix + 1, iy);
        let c = self.texel(ix, iy + 1);
        let d = self.texel(ix + 1, iy + 1);
        let mut out = [0.0; 4];
        for i in 0..4 {
            let top = a[i] + (b[i] - a[i]) * tx;
            let bottom = c[i] + (d[i] - c[i]) * tx;
            out[i] = top + (bottom - top) * ty;
        }
        out
    }
}

/// One triangle, its vertices in points.
fn triangle(
    target: &mut Target<'_>,
    clip: &Clip,
    texture: &Texture,
    v: [&Vertex; 3],
    pixels_per_point: f32,
) {
    let p: [[f32; 2]; 3] = v.map(|v| [v.pos.x * pixels_per_point, v.pos.y * pixels_per_point]);
    // Twice the signed area; degenerate or non-finite triangles draw nothing.
    let area =
        (p[1][0] - p[0][0]) * (p[2][1] - p[0][1]) - (p[2][0] - p[0][0]) * (p[1][1] - p[0][1]);
    if !area.is_finite() || area.abs() < 1e-6 {
        return;
    }
    let min_y = p.iter().map(|q| q[1]).fold(f32::INFINITY, f32::min);
    let max_y = p.iter().map(|q| q[1]).fold(f32::NEG_INFINITY, f32::max);
    let min_x = p.iter().map(|q| q[0]).fold(f32::INFINITY, f32::min);
    let max_x = p.iter().map(|q| q[0]).fold(f32::NEG_INFINITY, f32::max);
    // Pixel rows whose centres (y + 0.5) may fall inside.
    let row0 = ((min_y - 0.5).ceil().max(0.0) as usize).max(clip.y0);
    let row1 = ((max_y - 0.5).ceil().max(0.0) as usize).min(clip.y1);
    let col_lo = ((min_x - 0.5).ceil().max(0.0) as usize).max(clip.x0);
    let col_hi = ((max_x - 0.5).ceil().max(0.0) as usize).min(clip.x1);
    if row0 >= row1 || col_lo >= col_hi {
        return;
    }
    // Edge i runs from vertex i+1 to i+2; its function is positive inside (after the
    // orientation is made positive) and equals `area` times vertex i's weight. Both are
    // taken relative to vertex 0: in window coordinates the constant terms are large
    // (x·y ≈ 10⁶) and their rounding moved texture lookups by whole texels.
    let o = p[0];
    let q: [[f32; 2]; 3] = p.map(|v| [v[0] - o[0], v[1] - o[1]]);
    let sign = area.signum();
    let edges: [[f32; 3]; 3] = [0, 1, 2].map(|i| {
        let (a, b) = (q[(i + 1) % 3], q[(i + 2) % 3]);
        // E(x, y) = ex * x + ey * y + ec, with x and y relative to vertex 0
        let ex = (a[1] - b[1]) * sign;
        let ey = (b[0] - a[0]) * sign;
        let ec = (a[0] * b[1] - a[1] * b[0]) * sign;
        [ex, ey, ec]
    });
    let inv_area = 1.0 / area.abs();

    let uniform = v[0].color == v[1].color
        && v[1].color == v[2].color
        && v[0].uv == v[1].uv
        && v[1].uv == v[2].uv;
    let solid =
        uniform.then(|| modulate(channels(v[0].color), texture.sample(v[0].uv.x, v[0].uv.y)));
    if solid.is_some_and(|c| c[3] == 0 && c[0] == 0 && c[1] == 0 && c[2] == 0) {
        return; // fully transparent
    }
    let colors = v.map(|v| channels(v.color));
    let dcolor = [1, 2].map(|i| [0, 1, 2, 3].map(|k| colors[i][k] - colors[0][k]));
    let uv0 = [v[0].uv.x, v[0].uv.y];
    let duv = [1, 2].map(|i| [v[i].uv.x - uv0[0], v[i].uv.y - uv0[1]]);

    for row in row0..row1 {
        let y = row as f32 + 0.5 - o[1];
        // The span of x (relative to vertex 0) where every edge function is >= 0 (left) /
        // > 0 (right).
        let mut lo = col_lo as f32 + 0.5 - o[0];
        let mut hi = col_hi as f32 - 0.5 - o[0];
        let mut empty = false;
        for e in &edges {
            let c = e[1] * y + e[2];
            if e[0] > 0.0 {
                lo = lo.max(-c / e[0]);
            } else if e[0] < 0.0 {
                // x < -c / ex, exclusive
                let bound = -c / e[0];
                hi = hi.min(bound - 1e-4);
            } else if c < 0.0 {
                empty = true;
            }
        }
        if empty || lo > hi {
            continue;
        }
        // Pixel centres x + 0.5 in [lo, hi].
        let (lo, hi) = (lo + o[0], hi + o[0]);
        let x0 = ((lo - 0.5).ceil().max(0.0) as usize).max(col_lo);
        let x1 = (((hi - 0.5).floor() + 1.0).max(0.0) as usize).min(col_hi);
        if x0 >= x1 {
            continue;
        }
        let line = &mut target.pixels[row * target.width..(row + 1) * target.width];
        if let Some(src) = solid {
            let span = &mut line[x0..x1];
            if src[3] == 255 {
                span.fill((src[0] << 16) | (src[1] << 8) | src[2]);
            } else {
                for px in span {
                    *px = blend(*px, src);
                }
            }
            continue;
        }
        // Barycentric weights at the first pixel, and their steps along x.
        let xs = x0 as f32 + 0.5 - o[0];
        let mut w = [0.0f32; 3];
        let mut dw = [0.0f32; 3];
        for i in 0..3 {
            w[i] = (edges[i][0] * xs + edges[i][1] * y + edges[i][2]) * inv_area;
            dw[i] = edges[i][0] * inv_area;
        }
        for px in &mut line[x0..x1] {
            // Vertex 0's value plus the others' differences: the weights' rounding is
            // then scaled by the differences, not by the values themselves.
            let mut color = [0.0f32; 4];
            for (k, c) in color.iter_mut().enumerate() {
                *c = colors[0][k] + w[1] * dcolor[0][k] + w[2] * dcolor[1][k];
            }
            let u = uv0[0] + w[1] * duv[0][0] + w[2] * duv[1][0];
            let t = uv0[1] + w[1] * duv[0][1] + w[2] * duv[1][1];
            let src = modulate(color, texture.sample(u, t));
            if src[3] != 0 || src[0] != 0 || src[1] != 0 || src[2] != 0 {
                *px = blend(*px, src);
            }
            for i in 0..3 {
                w[i] += dw[i];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::Mesh;
    use egui::{ColorImage, ImageData, Pos2, Rect, TextureOptions, epaint::ImageDelta};
    use std::sync::Arc;

    fn delta(set: Vec<(TextureId, ImageDelta)>, free: Vec<TextureId>) -> TexturesDelta {
        TexturesDelta {
            set: set
                .into_iter()
                .map(|(id, d)| (id, vec![d].into()))
                .collect(),
            free: free.into_iter().collect(),
        }
    }

    fn apply(raster: &mut Raster, mut delta: TexturesDelta) {
        raster.set_textures(&delta);
        delta.clear();
    }

    fn white_texture() -> Raster {
        let mut raster = Raster::default();
        let mut delta = delta(
            vec![(
                TextureId::Managed(0),
                ImageDelta::full(
                    ImageData::Color(Arc::new(ColorImage::new([1, 1], vec![Color32::WHITE]))),
                    TextureOptions::LINEAR,
                ),
            )],
            vec![],
        );
        raster.set_textures(&delta);
        delta.clear();
        raster
    }

    fn rect_mesh(rect: Rect, color: Color32) -> ClippedPrimitive {
        let mut mesh = Mesh::with_texture(TextureId::Managed(0));
        mesh.add_colored_rect(rect, color);
        ClippedPrimitive {
            clip_rect: Rect::EVERYTHING,
            primitive: Primitive::Mesh(mesh),
        }
    }

    fn draw(raster: &Raster, prims: &[ClippedPrimitive], ppp: f32) -> Vec<u32> {
        let mut pixels = vec![0u32; 8 * 8];
        let mut target = Target {
            pixels: &mut pixels,
            width: 8,
            height: 8,
        };
        raster.paint(&mut target, prims, ppp, Color32::BLACK);
        pixels
    }

    #[test]
    fn a_rectangle_covers_exactly_its_pixels() {
        let raster = white_texture();
        let rect = Rect::from_min_max(Pos2::new(2.0, 1.0), Pos2::new(5.0, 4.0));
        let pixels = draw(&raster, &[rect_mesh(rect, Color32::RED)], 1.0);
        for y in 0..8 {
            for x in 0..8 {
                let inside = (2..5).contains(&x) && (1..4).contains(&y);
                let want = if inside { 0xff0000 } else { 0 };
                assert_eq!(pixels[y * 8 + x], want, "pixel {x},{y}");
            }
        }
    }

    #[test]
    fn translucent_colour_blends_once_even_on_the_shared_diagonal() {
        let raster = white_texture();
        let rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(8.0, 8.0));
        // Half-transparent white, premultiplied: 128 of 255.
        let half = Color32::from_rgba_premultiplied(128, 128, 128, 128);
        let pixels = draw(&raster, &[rect_mesh(rect, half)], 1.0);
        assert!(pixels.iter().all(|&p| p == 0x808080), "{pixels:x?}");
    }

    #[test]
    fn points_scale_to_pixels_and_the_clip_cuts() {
        let raster = white_texture();
        let rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(2.0, 2.0));
        let mut prim = rect_mesh(rect, Color32::GREEN);
        prim.clip_rect = Rect::from_min_max(Pos2::new(0.0, 0.0), Pos2::new(1.5, 4.0));
        let pixels = draw(&raster, &[prim], 2.0);
        let covered: Vec<(usize, usize)> = (0..64)
            .filter(|i| pixels[*i] != 0)
            .map(|i| (i % 8, i / 8))
            .collect();
        // 2 points = 4 pixels tall; the clip at 1.5 points = 3 pixels wide.
        assert_eq!(covered.len(), 12);
        assert!(covered.iter().all(|&(x, y)| x < 3 && y < 4));
    }

    #[test]
    fn a_glyph_far_into_a_wide_atlas_is_read_from_its_own_texels() {
        // A 3-pixel glyph whose stem is the middle texel column, at 2 text scales and far
        // from the window's and the atlas's origins (rounding there once moved the lookup
        // by a texel and a narrow glyph vanished).
        let mut atlas = ColorImage::new([16384, 32], vec![Color32::TRANSPARENT; 16384 * 32]);
        for y in 0..16 {
            atlas.pixels[y * 16384 + 6121] = Color32::WHITE;
        }
        let mut raster = Raster::default();
        apply(
            &mut raster,
            delta(
                vec![(
                    TextureId::Managed(0),
                    ImageDelta::full(ImageData::Color(Arc::new(atlas)), TextureOptions::LINEAR),
                )],
                vec![],
            ),
        );
        for ppp in [1.0f32, 1.2, 1.5] {
            let mut mesh = Mesh::with_texture(TextureId::Managed(0));
            mesh.add_rect_with_uv(
                Rect::from_min_max(
                    Pos2::new(605.0 / ppp, 432.0 / ppp),
                    Pos2::new(608.0 / ppp, 448.0 / ppp),
                ),
                Rect::from_min_max(
                    Pos2::new(6120.0 / 16384.0, 0.0),
                    Pos2::new(6123.0 / 16384.0, 0.5),
                ),
                Color32::WHITE,
            );
            let prims = [ClippedPrimitive {
                clip_rect: Rect::EVERYTHING,
                primitive: Primitive::Mesh(mesh),
            }];
            let (w, h) = (640, 460);
            let mut pixels = vec![0u32; w * h];
            let mut target = Target {
                pixels: &mut pixels,
                width: w,
                height: h,
            };
            raster.paint(&mut target, &prims, ppp, Color32::BLACK);
            let row: Vec<u32> = (604..609).map(|x| pixels[440 * w + x] & 0xff).collect();
            assert_eq!(row, vec![0, 0, 255, 0, 0], "at {ppp} pixels per point");
        }
    }

    #[test]
    fn a_texture_update_in_place_changes_only_its_region() {
        let mut raster = Raster::default();
        let id = TextureId::Managed(1);
        let full = ImageDelta::full(
            ImageData::Color(Arc::new(ColorImage::new([4, 4], vec![Color32::BLACK; 16]))),
            TextureOptions::NEAREST,
        );
        apply(&mut raster, delta(vec![(id, full)], vec![]));
        let patch = ImageDelta::partial(
            [1, 2],
            ImageData::Color(Arc::new(ColorImage::new([2, 1], vec![Color32::WHITE; 2]))),
            TextureOptions::NEAREST,
        );
        apply(&mut raster, delta(vec![(id, patch)], vec![]));
        let texture = &raster.textures[&id];
        let white: Vec<usize> = (0..16)
            .filter(|i| texture.pixels[*i] == Color32::WHITE)
            .collect();
        assert_eq!(white, vec![9, 10]);
        let mut free = delta(vec![], vec![id]);
        raster.free_textures(&free);
        free.clear();
        assert!(raster.textures.is_empty());
    }
}

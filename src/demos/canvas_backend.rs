//! plotters' drawing backend for a 2D canvas, written here in place of the
//! `plotters-canvas` crate for one reason: that crate formats a shape's
//! colour as an `rgba(...)` string (float formatting in wasm, then a
//! `TextDecoder` call to hand it to JS) and sets it, with the line width
//! and the font, before every line, rectangle, circle and label. A CPU
//! profile of the deep-space demo at its most expensive link put half of
//! each playback frame there (PERFORMANCE.md, session 20). This backend
//! draws the same shapes with the same canvas calls, and sets a colour, a
//! line width, a font or a text alignment only when it differs from the
//! one the context already has.

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontTransform,
};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// What a canvas call failed with.
#[derive(Debug)]
pub struct CanvasError(String);

impl std::fmt::Display for CanvasError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "canvas error: {}", self.0)
    }
}

impl std::error::Error for CanvasError {}

fn error(e: JsValue) -> DrawingErrorKind<CanvasError> {
    DrawingErrorKind::DrawingError(CanvasError(
        e.as_string().unwrap_or_else(|| format!("{e:?}")),
    ))
}

/// How the shapes gathered in the context's current path are to be
/// painted (with the context's current fill or stroke style).
#[derive(Clone, Copy, PartialEq, Default)]
enum Gathered {
    #[default]
    Nothing,
    Fill,
    Stroke,
}

/// The context's drawing state as this backend last set it (`None`: not
/// set yet, or unknown).
#[derive(Clone, Default)]
struct ContextState {
    fill: Option<(u8, u8, u8, u64)>,
    stroke: Option<(u8, u8, u8, u64)>,
    line_width: Option<u32>,
    font: Option<String>,
    anchor: Option<(&'static str, &'static str)>,
}

/// A colour as the state compares it: the alpha by its bits.
fn key(color: BackendColor) -> (u8, u8, u8, u64) {
    let (r, g, b) = color.rgb;
    (r, g, b, color.alpha.to_bits())
}

fn css(color: BackendColor) -> String {
    let (r, g, b) = color.rgb;
    format!("rgba({r},{g},{b},{})", color.alpha)
}

/// A canvas's 2D context as a plotters backend.
pub struct CanvasBackend {
    size: (u32, u32),
    context: CanvasRenderingContext2d,
    state: ContextState,
    gathered: Gathered,
}

impl CanvasBackend {
    /// The backend for `canvas`'s current 2D context, at its backing size.
    pub fn new(canvas: &HtmlCanvasElement) -> Option<Self> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        Some(CanvasBackend {
            size: (canvas.width(), canvas.height()),
            context,
            state: ContextState::default(),
            gathered: Gathered::Nothing,
        })
    }

    /// Paints the shapes gathered so far.
    fn paint(&mut self) {
        match std::mem::take(&mut self.gathered) {
            Gathered::Nothing => {}
            Gathered::Fill => self.context.fill(),
            Gathered::Stroke => self.context.stroke(),
        }
    }

    /// Makes the current path the one for shapes filled with `color`: the
    /// same path if the shapes before were filled alike.
    fn gather_fill(&mut self, color: BackendColor) {
        if self.gathered == Gathered::Fill && self.state.fill == Some(key(color)) {
            return;
        }
        self.paint();
        self.fill_with(color);
        self.context.begin_path();
        self.gathered = Gathered::Fill;
    }

    /// Makes the current path the one for shapes filled with `style`'s
    /// colour if `fill`, else stroked with `style`.
    fn gather(&mut self, style: &impl BackendStyle, fill: bool) {
        if fill {
            self.gather_fill(style.color());
        } else {
            self.gather_stroke(style);
        }
    }

    /// Makes the current path the one for shapes stroked with `style`.
    fn gather_stroke(&mut self, style: &impl BackendStyle) {
        let alike = self.state.stroke == Some(key(style.color()))
            && self.state.line_width == Some(style.stroke_width());
        if self.gathered == Gathered::Stroke && alike {
            return;
        }
        self.paint();
        self.stroke_with(style);
        self.context.begin_path();
        self.gathered = Gathered::Stroke;
    }

    fn fill_with(&mut self, color: BackendColor) {
        if self.state.fill != Some(key(color)) {
            self.state.fill = Some(key(color));
            self.context.set_fill_style_str(&css(color));
        }
    }

    fn stroke_with(&mut self, style: &impl BackendStyle) {
        let color = style.color();
        if self.state.stroke != Some(key(color)) {
            self.state.stroke = Some(key(color));
            self.context.set_stroke_style_str(&css(color));
        }
        let width = style.stroke_width();
        if self.state.line_width != Some(width) {
            self.state.line_width = Some(width);
            self.context.set_line_width(f64::from(width));
        }
    }

    fn font(&mut self, style: &impl BackendTextStyle) {
        let font = format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str()
        );
        if self.state.font.as_deref() != Some(font.as_str()) {
            self.context.set_font(&font);
            self.state.font = Some(font);
        }
        let anchor = style.anchor();
        let align = match anchor.h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        let baseline = match anchor.v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if self.state.anchor != Some((align, baseline)) {
            self.state.anchor = Some((align, baseline));
            self.context.set_text_align(align);
            self.context.set_text_baseline(baseline);
        }
    }

    /// Adds `path` to the current path as a subpath; false if it is empty.
    fn trace_path(&self, path: impl IntoIterator<Item = BackendCoord>) -> bool {
        let mut path = path.into_iter();
        let Some((x, y)) = path.next() else {
            return false;
        };
        self.context.move_to(f64::from(x), f64::from(y));
        for (x, y) in path {
            self.context.line_to(f64::from(x), f64::from(y));
        }
        true
    }
}

/// A horizontal or vertical line moved by half a pixel, so that a one-pixel
/// line covers one row or column of pixels rather than two half-lit ones.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut from, mut to) = (
        (f64::from(from.0), f64::from(from.1)),
        (f64::from(to.0), f64::from(to.1)),
    );
    if from.0 == to.0 {
        from.0 -= 0.5;
        to.0 -= 0.5;
    }
    if from.1 == to.1 {
        from.1 -= 0.5;
        to.1 -= 0.5;
    }
    (from, to)
}

impl DrawingBackend for CanvasBackend {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<CanvasError>> {
        self.paint();
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.gather_fill(color);
        self.context.rect(f64::from(x), f64::from(y), 1.0, 1.0);
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (from, to) = crisp(from, to);
        self.gather_stroke(style);
        self.context.move_to(from.0, from.1);
        self.context.line_to(to.0, to.1);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        let (x, y, w, h) = (
            f64::from(x0),
            f64::from(y0),
            f64::from(x1 - x0),
            f64::from(y1 - y0),
        );
        self.gather(style, fill);
        self.context.rect(x, y, w, h);
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.gather_stroke(style);
        self.trace_path(path);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.gather_fill(style.color());
        if self.trace_path(path) {
            self.context.close_path();
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.gather(style, fill);
        // A subpath of its own: no line from the shape before.
        self.context
            .move_to(f64::from(x) + f64::from(radius), f64::from(y));
        self.context
            .arc(
                f64::from(x),
                f64::from(y),
                f64::from(radius),
                0.0,
                std::f64::consts::TAU,
            )
            .map_err(error)?;
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<CanvasError>> {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        let turn = match style.transform() {
            FontTransform::None => 0.0,
            FontTransform::Rotate90 => 0.5,
            FontTransform::Rotate180 => 1.0,
            FontTransform::Rotate270 => 1.5,
        } * std::f64::consts::PI;
        // A turned label is drawn in a saved state; what `restore` brings
        // back is what this backend knew at the `save`.
        self.paint();
        let saved = (turn != 0.0).then(|| self.state.clone());
        let (x, y) = if saved.is_some() {
            self.context.save();
            self.context
                .translate(f64::from(x), f64::from(y))
                .map_err(error)?;
            self.context.rotate(turn).map_err(error)?;
            (0.0, 0.0)
        } else {
            (f64::from(x), f64::from(y))
        };
        self.font(style);
        self.fill_with(color);
        let drawn = self.context.fill_text(text, x, y).map_err(error);
        if let Some(state) = saved {
            self.context.restore();
            self.state = state;
        }
        drawn
    }
}

impl Drop for CanvasBackend {
    /// Paints what is still gathered (a chart that never calls `present`).
    fn drop(&mut self) {
        self.paint();
    }
}

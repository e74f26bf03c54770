//! Drawing a plotters chart on a canvas, sharp on HiDPI screens, in the
//! theme's colours.

use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::RGBColor;
use wasm_bindgen::JsCast;

use super::canvas_backend::CanvasBackend;
use super::on_screen::OnScreen;
use super::redraw_epoch::RedrawEpoch;

/// Draws a chart on `canvas` with `draw` (which calls [`Chart::draw`])
/// once the canvas is on the page, and again whenever a signal `draw` reads
/// changes, or the theme or the layout does ([`RedrawEpoch`]).
///
/// The first drawing waits for a task of its own (a zero timeout, queued in
/// the order the charts are made): a demo's first picture would otherwise
/// be one long task (build the figure, then every chart), which holds the
/// page for 100 ms and more on a slow phone. Split, the figure appears
/// first and each chart follows in its own task, and the reader's input can
/// come in between. Later drawings (a slider, playback) happen at once.
///
/// The task is asked for when the canvas is on the page, not when the
/// chart is made: a canvas built a task later (`Later`) would otherwise be
/// drawn in the task that builds it.
///
/// A chart is drawn only while its demo is on the screen ([`OnScreen`]): a
/// demo that loads below the fold, or that the reader has scrolled past,
/// costs no drawing (a sweep filling in point by point cost a task per
/// point). What it shows is still read, so a change made meanwhile is
/// drawn when the demo comes back, and only then.
pub fn chart_effect(canvas: NodeRef<Canvas>, draw: impl Fn(&Chart) + 'static) {
    let on_screen = OnScreen::current();
    let turn = RwSignal::new(false);
    let mut asked = false;
    Effect::new(move |previous: Option<Option<Drawn>>| {
        let canvas = canvas.get()?;
        if !turn.get() {
            if !asked {
                asked = true;
                set_timeout(
                    move || {
                        // The demo may be gone (the reader left the page) before it fires.
                        turn.try_set(true);
                    },
                    Duration::ZERO,
                );
            }
            return None;
        }
        let previous = previous.flatten();
        let epoch = RedrawEpoch::track();
        let shown = on_screen.is_none_or(OnScreen::get);
        let known = previous.and_then(|d| d.palette);
        if !shown {
            draw(&Chart {
                canvas,
                palette: charts::Palette::NEUTRAL,
                ink: false,
            });
            // The run that hid it leaves it current; any later one is a change.
            let stale = previous.is_none_or(|d| d.stale || !d.shown);
            return Some(Drawn {
                palette: known,
                shown,
                stale,
            });
        }
        // The theme's colours are read (a style computation) only when the
        // epoch moved, not at every frame of playback.
        let palette = match known {
            Some((seen, palette)) if seen == epoch => palette,
            _ => palette_of(&canvas),
        };
        // Back on screen with nothing changed meanwhile: the canvas is current.
        let ink = previous.is_none_or(|d| d.shown || d.stale);
        draw(&Chart {
            canvas,
            palette,
            ink,
        });
        Some(Drawn {
            palette: Some((epoch, palette)),
            shown,
            stale: false,
        })
    });
}

/// What a chart's last run left on its canvas.
#[derive(Clone, Copy)]
struct Drawn {
    /// The theme's colours, and the [`RedrawEpoch`] they were read at.
    palette: Option<(u64, charts::Palette)>,
    /// Its demo was on the screen.
    shown: bool,
    /// What it shows changed while it was off the screen (not drawn yet).
    stale: bool,
}

/// A canvas on the page and the colours to draw it in.
pub struct Chart {
    canvas: web_sys::HtmlCanvasElement,
    palette: charts::Palette,
    /// Whether to draw (false: the chart only reads what it shows).
    ink: bool,
}

impl Chart {
    /// Draws on the whole canvas (see [`draw_sharp`]).
    pub fn draw<F>(&self, draw: F)
    where
        F: FnOnce(&DrawingArea<CanvasBackend, Shift>, f64, charts::Palette),
    {
        if self.ink {
            draw_sharp(&self.canvas, self.palette, draw);
        }
    }
}

/// [`charts::Palette::NEUTRAL`], whose lines read on both themes, with its
/// text in the canvas's CSS `color` (the theme's muted colour,
/// style/main.css: the same the build's SVG charts take).
fn palette_of(canvas: &web_sys::HtmlCanvasElement) -> charts::Palette {
    match web_sys::window().and_then(|w| text_colour(&w, canvas)) {
        Some(text) => charts::Palette::NEUTRAL.with_text(text),
        None => charts::Palette::NEUTRAL,
    }
}

/// Sizes the canvas's backing store to its CSS size times the device pixel
/// ratio (plotters' canvas is blurry otherwise), then calls `draw` with the
/// drawing area, the ratio (to scale text and margins) and `palette`.
fn draw_sharp<F>(canvas: &web_sys::HtmlCanvasElement, palette: charts::Palette, draw: F)
where
    F: FnOnce(&DrawingArea<CanvasBackend, Shift>, f64, charts::Palette),
{
    let window = web_sys::window();
    let ratio = window
        .as_ref()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let css_width = canvas.client_width().max(1) as f64;
    let css_height = canvas.client_height().max(1) as f64;
    let (width, height) = (
        (css_width * ratio).round() as u32,
        (css_height * ratio).round() as u32,
    );
    if canvas.width() != width || canvas.height() != height {
        // Setting a size, even the same one, reallocates the bitmap: only
        // when it changed (playback redraws every frame).
        canvas.set_width(width);
        canvas.set_height(height);
    } else if let Some(context) = context_2d(canvas) {
        context.clear_rect(0.0, 0.0, f64::from(width), f64::from(height));
    }
    if let Some(backend) = CanvasBackend::new(canvas) {
        let area = backend.into_drawing_area();
        draw(&area, ratio, palette);
    }
}

fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The computed `color` of `canvas` (`rgb(r, g, b)`, as browsers report it).
fn text_colour(window: &web_sys::Window, canvas: &web_sys::HtmlCanvasElement) -> Option<RGBColor> {
    let colour = window
        .get_computed_style(canvas)
        .ok()??
        .get_property_value("color")
        .ok()?;
    let inner = colour.trim().strip_prefix("rgb(")?.strip_suffix(')')?;
    let mut channels = inner.split(',').map(|c| c.trim().parse::<u8>().ok());
    Some(RGBColor(
        channels.next()??,
        channels.next()??,
        channels.next()??,
    ))
}

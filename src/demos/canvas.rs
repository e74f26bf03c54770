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
/// while its demo is seen (on the screen, or printed: [`OnScreen`]), and
/// again whenever a signal `draw` reads changes, or the theme or the layout
/// does ([`RedrawEpoch`]).
///
/// Off the screen nothing is drawn: a demo that loads below the fold, or
/// that the reader has scrolled past, costs no drawing (a sweep filling in
/// point by point cost a task per point). The chart still reads what it
/// shows, so it knows when that changed: back on the screen, a chart that
/// changed meanwhile is drawn again, and one that did not is left as it
/// is. While a canvas is behind what it should show, it carries a
/// `data-stale` attribute.
///
/// A drawing after a pause (the first, or the first on coming back
/// changed) waits for a task of its own (a zero timeout, queued in the
/// order the charts asked): a demo's charts all drawn in the task that
/// built the figure, or that brought it on screen, held the page for 100 ms
/// and more on a slow phone. Split, each chart follows in its own task, and
/// the reader's input can come in between. A change while the chart is on
/// screen (a slider, playback) is drawn at once, and so is everything when
/// the page is printed (the print does not wait).
pub fn chart_effect(canvas: NodeRef<Canvas>, draw: impl Fn(&Chart) + 'static) {
    let on_screen = OnScreen::current();
    // Tasks of its own given to this chart so far, and how many there had
    // been when it last asked for one.
    let turns = RwSignal::new(0_u64);
    let mut asked: Option<u64> = None;
    Effect::new(move |previous: Option<Option<Drawn>>| {
        let canvas = canvas.get()?;
        let previous = previous.flatten();
        let given = turns.get();
        let epoch = RedrawEpoch::track();
        let seen = on_screen.is_none_or(OnScreen::seen);
        let known = previous.and_then(|d| d.palette);
        let palette_moved = known.is_none_or(|(at, _)| at != epoch);
        let behind = match previous {
            None => true,
            // A change while unseen.
            Some(d) if !d.seen && !seen => true,
            // The run that hid it or showed it again: no change of its own,
            // unless the theme or the layout moved with it.
            Some(d) if d.seen != seen => d.behind || palette_moved,
            // Seen before and now: a change on screen, or its task came.
            Some(d) => d.behind,
        };
        let drawn = |ink: bool, behind: bool| {
            // The theme's colours are read (a style computation) only to
            // draw, and only when the epoch moved: not at every frame of
            // playback.
            let palette = match known {
                Some((at, palette)) if at == epoch || !ink => palette,
                _ if !ink => charts::Palette::NEUTRAL,
                _ => palette_of(&canvas),
            };
            draw(&Chart {
                canvas: canvas.clone(),
                palette,
                ink,
            });
            if previous.is_none_or(|d| d.behind != behind) {
                let _ = if behind {
                    canvas.set_attribute("data-stale", "")
                } else {
                    canvas.remove_attribute("data-stale")
                };
            }
            Drawn {
                palette: if ink { Some((epoch, palette)) } else { known },
                seen,
                behind,
            }
        };
        if !seen || !behind {
            // Unseen: read, not drawn. Seen and current: drawn only if this
            // run is a change while it was on screen.
            let changed_on_screen = seen && previous.is_some_and(|d| d.seen);
            return Some(drawn(changed_on_screen, behind));
        }
        // Its task has come; or the page is being printed, which will not
        // wait for one.
        if asked.is_some_and(|at| given > at) || on_screen.is_some_and(OnScreen::printing) {
            asked = None;
            return Some(drawn(true, false));
        }
        if asked.is_none() {
            asked = Some(given);
            set_timeout(
                move || {
                    // The demo may be gone (the reader left the page) before it fires.
                    turns.try_update(|n| *n += 1);
                },
                Duration::ZERO,
            );
        }
        Some(drawn(false, true))
    });
}

/// What a chart's last run left on its canvas.
#[derive(Clone, Copy)]
struct Drawn {
    /// The theme's colours, and the [`RedrawEpoch`] they were read at.
    palette: Option<(u64, charts::Palette)>,
    /// Its demo was seen (on screen or printed).
    seen: bool,
    /// The canvas is behind what the chart shows (not drawn since a change).
    behind: bool,
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

//! Drawing a plotters chart on a canvas, sharp on HiDPI screens.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// Sizes the canvas's backing store to its CSS size times the device pixel
/// ratio (plotters' canvas is blurry otherwise), then calls `draw` with the
/// drawing area and the ratio (to scale text and margins).
pub fn draw_sharp<F>(canvas: &web_sys::HtmlCanvasElement, draw: F)
where
    F: FnOnce(&DrawingArea<CanvasBackend, Shift>, f64),
{
    let ratio = web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .unwrap_or(1.0)
        .max(1.0);
    let css_width = canvas.client_width().max(1) as f64;
    let css_height = canvas.client_height().max(1) as f64;
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        let area = backend.into_drawing_area();
        let _ = area.fill(&TRANSPARENT);
        draw(&area, ratio);
    }
}

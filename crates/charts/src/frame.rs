//! The room every axis chart leaves around its plot, worked out from one
//! text size, so that an axis title never sits on the tick labels.
//!
//! plotters draws an axis title at the outer edge of its label area and the
//! tick labels at the inner edge, after the tick marks: an area smaller than
//! the two lines of text together (the 30 px the charts used to give) lays
//! one over the other.

use plotters::style::{IntoFont, TextStyle};

use crate::palette::Palette;

/// The size of every label and axis title, in CSS pixels.
pub const TEXT_PX: f64 = 13.0;
/// A line of text, as a multiple of its size.
const LINE: f64 = 1.3;
/// plotters' tick marks.
const TICK: f64 = 5.0;
const GAP: f64 = 6.0;
/// The widest digit or letter of a tick label, as a multiple of the size
/// (sans-serif digits are about 0.55 em; letters up to 0.65).
const CHAR: f64 = 0.62;

/// A chart's frame at `scale` (device pixels per CSS pixel).
#[derive(Debug, Clone, Copy)]
pub struct Frame {
    scale: f64,
}

impl Frame {
    pub fn new(scale: f64) -> Self {
        Self {
            scale: scale.max(0.5),
        }
    }

    /// `v` CSS pixels in device pixels.
    pub fn px(self, v: f64) -> u32 {
        (v * self.scale).round() as u32
    }

    /// Labels and titles.
    pub fn text(self, palette: &Palette) -> TextStyle<'static> {
        ("sans-serif", TEXT_PX * self.scale)
            .into_font()
            .color(&palette.text)
    }

    pub fn margin(self) -> u32 {
        self.px(8.0)
    }

    /// Right of the plot: the last x tick label is centred on the plot's
    /// edge, so half of one (up to six characters) hangs over it.
    pub fn margin_right(self) -> u32 {
        self.px(3.0 * TEXT_PX * CHAR).max(self.margin())
    }

    /// Under the plot: tick marks, a line of tick labels, a gap, the title.
    pub fn x_area(self) -> u32 {
        self.px(TICK + TEXT_PX * LINE + GAP + TEXT_PX * LINE)
    }

    /// Beside the plot: the title (turned on its side) when there is one,
    /// a gap, tick labels of up to `chars` characters, the tick marks.
    pub fn y_area(self, chars: usize, titled: bool) -> u32 {
        let title = if titled { TEXT_PX * LINE + GAP } else { 0.0 };
        self.px(title + chars as f64 * TEXT_PX * CHAR + GAP + TICK)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_areas_hold_their_text() {
        let f = Frame::new(1.0);
        // Two lines of 13 px text and the ticks: more than the old 30 px.
        assert!(f.x_area() >= 40, "{}", f.x_area());
        // A turned title and "10000" beside the plot.
        assert!(f.y_area(5, true) >= 60, "{}", f.y_area(5, true));
        assert_eq!(Frame::new(2.0).x_area(), 2 * f.x_area());
        // Half of "100000" past the plot's right edge.
        assert!(f.margin_right() >= 24, "{}", f.margin_right());
    }
}

//! Colours that read on both the light and the dark theme.

use plotters::style::RGBColor;

/// The colours a chart uses.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub text: RGBColor,
    pub grid: RGBColor,
    pub first_try: RGBColor,
    pub retried: RGBColor,
}

impl Palette {
    /// Mid-tone colours legible on a white or a near-black page.
    pub const NEUTRAL: Palette = Palette {
        text: RGBColor(128, 128, 140),
        grid: RGBColor(128, 128, 140),
        first_try: RGBColor(46, 139, 200),
        retried: RGBColor(230, 140, 40),
    };
}

//! Colours that read on both the light and the dark theme.

use plotters::style::RGBColor;

/// The colours a chart uses.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub text: RGBColor,
    pub grid: RGBColor,
    pub first_try: RGBColor,
    pub retried: RGBColor,
    /// A success (reply, request done).
    pub ok: RGBColor,
    /// A failure, loss or timeout.
    pub bad: RGBColor,
    /// Lines told apart by colour (one per strategy).
    pub series: [RGBColor; 6],
}

impl Palette {
    /// Mid-tone colours legible on a white or a near-black page.
    pub const NEUTRAL: Palette = Palette {
        text: RGBColor(128, 128, 140),
        grid: RGBColor(128, 128, 140),
        first_try: RGBColor(46, 139, 200),
        retried: RGBColor(230, 140, 40),
        ok: RGBColor(40, 160, 90),
        bad: RGBColor(215, 60, 60),
        series: [
            RGBColor(128, 128, 140),
            RGBColor(215, 60, 60),
            RGBColor(46, 139, 200),
            RGBColor(40, 160, 90),
            RGBColor(230, 140, 40),
            RGBColor(150, 90, 200),
        ],
    };
}

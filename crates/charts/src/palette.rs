//! Colours that read on both the light and the dark theme.
//!
//! Every colour is a mid tone of relative luminance about 0.2, the one band
//! that meets WCAG's 3:1 non-text contrast against both demo panels (light
//! `#f3f4f5`: L 0.905; dark `#1e2125`: L 0.015) and both page grounds: 3.8:1
//! to 4.3:1 against each. One palette for both themes means a chart needs no
//! redraw when the theme changes and the build's SVG is right in both;
//! only the text, which needs 4.5:1, takes the theme's own colour (the
//! app passes it in, the build's SVG gets it from the style sheet). The
//! content crate's `chart_palette` test checks the figures against the
//! style sheet's colours.

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

const GREY: RGBColor = RGBColor(0x79, 0x7b, 0x88);
const BLUE: RGBColor = RGBColor(0x1d, 0x81, 0xc8);
const ORANGE: RGBColor = RGBColor(0xc0, 0x63, 0x05);
const GREEN: RGBColor = RGBColor(0x1e, 0x8d, 0x4c);
const RED: RGBColor = RGBColor(0xe3, 0x3c, 0x3c);
const PURPLE: RGBColor = RGBColor(0xa2, 0x5b, 0xd6);

impl Palette {
    /// Mid-tone colours legible on the light and the dark panel alike.
    pub const NEUTRAL: Palette = Palette {
        text: GREY,
        grid: GREY,
        first_try: BLUE,
        retried: ORANGE,
        ok: GREEN,
        bad: RED,
        series: [GREY, RED, BLUE, GREEN, ORANGE, PURPLE],
    };

    /// This palette with its text in `text` (the theme's muted colour).
    pub fn with_text(self, text: RGBColor) -> Palette {
        Palette { text, ..self }
    }
}

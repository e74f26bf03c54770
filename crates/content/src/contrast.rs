//! WCAG 2 contrast: the arithmetic behind the build's colour choices.

/// WCAG's contrast for normal text (AA), which every colour of code meets.
pub const MIN_CONTRAST: f64 = 4.5;

/// `#rrggbb` as 0-255 channels.
pub fn hex_rgb(hex: &str) -> Option<[f64; 3]> {
    let hex = hex.strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok().map(f64::from);
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// WCAG 2 relative luminance.
pub fn luminance(rgb: [f64; 3]) -> f64 {
    let linear = |c: f64| {
        let c = c / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// WCAG 2 contrast ratio of two colours.
pub fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `color` moved towards black (on a light background) or white (on a
/// dark one) just far enough to meet `MIN_CONTRAST`.
pub fn readable_on(color: [f64; 3], background: [f64; 3]) -> [f64; 3] {
    let target = if luminance(background) > 0.5 {
        0.0
    } else {
        255.0
    };
    (0..=20)
        .map(|step| {
            let t = f64::from(step) / 20.0;
            color.map(|c| (c + (target - c) * t).round())
        })
        .find(|c| contrast(*c, background) >= MIN_CONTRAST)
        .unwrap_or([target; 3])
}

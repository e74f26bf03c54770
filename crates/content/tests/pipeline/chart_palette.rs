//! The charts' one palette (charts::Palette::NEUTRAL, drawn on the live
//! canvas and in the build's SVG alike) meets WCAG's 3:1 non-text contrast
//! on every ground the style sheet gives a demo, in both themes, and the
//! muted colour that chart text takes meets 4.5:1 on its theme's panel.

use charts::Palette;
use content::{contrast, hex_rgb};
use plotters::style::RGBColor;

const STYLE: &str = include_str!("../../../../style/main.css");

/// Every value of `--name:` in the style sheet, in order (the light theme
/// first, then the dark theme's, as main.css writes them).
fn values(name: &str) -> Vec<[f64; 3]> {
    let key = format!("--{name}:");
    STYLE
        .match_indices(&key)
        .map(|(at, _)| {
            let value = STYLE[at + key.len()..].split(';').next().unwrap_or("");
            hex_rgb(value.trim()).unwrap_or_else(|| panic!("--{name}: {value:?} is not #rrggbb"))
        })
        .collect()
}

fn rgb(c: RGBColor) -> [f64; 3] {
    [c.0, c.1, c.2].map(f64::from)
}

#[test]
fn chart_colours_meet_3_to_1_on_every_demo_ground() {
    let grounds: Vec<[f64; 3]> = values("panel").into_iter().chain(values("bg")).collect();
    assert!(
        grounds.len() >= 4,
        "light and dark --panel and --bg: {grounds:?}"
    );
    let p = Palette::NEUTRAL;
    let colours = [p.text, p.grid, p.first_try, p.retried, p.ok, p.bad]
        .into_iter()
        .chain(p.series);
    let mut low = Vec::new();
    for c in colours {
        for g in &grounds {
            let r = contrast(rgb(c), *g);
            if r < 3.0 {
                low.push(format!("{c:?} on {g:?}: {r:.2}:1"));
            }
        }
    }
    assert!(low.is_empty(), "{low:#?}");
}

#[test]
fn chart_text_in_the_muted_colour_meets_4_5_to_1() {
    let (muted, panels) = (values("muted"), values("panel"));
    assert_eq!(muted.len(), panels.len(), "one --muted per --panel");
    for (m, p) in muted.iter().zip(&panels) {
        assert!(contrast(*m, *p) >= 4.5, "{m:?} on {p:?}");
    }
}

//! The reader's motion preference.

/// Whether the reader asked for reduced motion: demos then draw their final
/// state at once instead of animating.
pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

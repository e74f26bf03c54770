//! The deep-space scenario: messages from Earth to a rover on the Moon or
//! Mars across hops whose one-way light time is seconds to minutes, with
//! loss and blackout windows (a solar conjunction). Two ways to get a
//! message through:
//!
//! - **End-to-end retransmission**: the source keeps each message until the
//!   destination's acknowledgement comes all the way back, and resends it
//!   when `timeout_factor` round trips of the whole path pass without one.
//! - **Store-and-forward with custody transfer** (as in DTN's Bundle
//!   Protocol): each hop's receiver takes custody and acknowledges to the
//!   sender of that hop only; a node holds what it cannot forward during a
//!   blackout and resends over one hop when `timeout_factor` round trips of
//!   that hop pass without a custody acknowledgement.

mod outcome;
mod path;
mod scenario;

pub use outcome::{DeepSpaceEvent, DeepSpaceEventKind, DeepSpaceRun, Payload};
pub use path::{run_deep_space, run_deep_space_traced};
pub use scenario::{
    DeepSpaceScenario, Hop, Recovery, DEEP_SPACE_EVENT_BUDGET, EARTH_MARS_FAR_MS,
    EARTH_MARS_NEAR_MS, EARTH_MOON_MS,
};

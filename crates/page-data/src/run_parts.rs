//! A run as it travels to the page: its long lists (trace events, request
//! records, Raft's events and messages) taken out and sent as parts of at
//! most [`PART_LEN`] items, so that the page reads a run a few parts per
//! task instead of in one task that holds the main thread (decoding 20,000
//! events took 60-95 ms on a loaded machine, over the 50 ms a task may
//! take). The run the page puts back together is the worker's, item for
//! item and bit for bit (tested in `run_reply`). Which lists each demo's
//! run has is its request's business (`run_requests`).

use serde::{Deserialize, Serialize};
use sim::consensus::{MessageRecord, RaftEvent};
use sim::{DeepSpaceEvent, RequestRecord, TraceEvent};

/// Most items in one part: a few milliseconds of decoding on the page.
pub const PART_LEN: usize = 2_000;

/// A part of a retry or breaker run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RetryPart {
    Trace(Vec<TraceEvent>),
    Requests(Vec<RequestRecord>),
}

/// Trace events of the deep-space run `run` (0 end to end, 1 custody).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepSpacePart {
    pub run: u8,
    pub events: Vec<DeepSpaceEvent>,
}

/// A part of a consensus run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ConsensusPart {
    Events(Vec<RaftEvent>),
    Messages(Vec<MessageRecord>),
}

/// The part of a run that has no long lists: there is none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NoPart {}

/// Moves `list`'s items into `parts`, [`PART_LEN`] to a part, in order.
pub(crate) fn cut<T, P>(list: &mut Vec<T>, parts: &mut Vec<P>, part: impl Fn(Vec<T>) -> P) {
    // One pass over the list (splitting off the rest each time moved the
    // remaining items once per part).
    let mut items = std::mem::take(list).into_iter().peekable();
    while items.peek().is_some() {
        parts.push(part(items.by_ref().take(PART_LEN).collect()));
    }
}

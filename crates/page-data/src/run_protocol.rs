//! The messages between a demo and the web worker that runs its scenario:
//! the page asks for the run of a (scenario, seed), the worker answers with
//! the run. Both sides are here, pure, so that a native test checks that
//! what a worker answers is exactly the run the page would have computed.
//!
//! Each demo has its own request type ([`RunRequest`], implemented in
//! `run_requests`): a demo's wasm module links its own scenario and run
//! types, not every demo's (PERFORMANCE.md, "A module per demo").
//!
//! Messages are JSON, as bytes (transferred to and from the worker, not
//! copied): the format the demos already link for their specs, URL state
//! and exports, so a demo's module carries one serde format, not two
//! (MessagePack, before, cost each demo module about 30 KB brotli;
//! PERFORMANCE.md). serde_json's `float_roundtrip` reads every float back
//! to its bits, and the sim's events read in one pass (`sim::flat_event`).

use std::fmt::Debug;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Most trace events a run brings to the page: the
/// pictures and playback show the first this many; every number is the
/// sim's count over the whole run (computed on the worker). A run to its
/// event budget (millions of events) would otherwise take seconds to
/// decode and draw on the main thread. No post's run comes near it.
pub const PAGE_TRACE_LIMIT: usize = 20_000;

/// What one demo asks its worker to run (its scenario and seed), and what
/// the answer is.
pub trait RunRequest:
    Serialize + DeserializeOwned + Clone + Debug + PartialEq + Send + Sync + 'static
{
    /// The run the sim answers with.
    type Run: Serialize + DeserializeOwned + Debug + PartialEq + Send + Sync + 'static;
    /// Items of one of the run's long lists, sent on their own
    /// (`run_parts`).
    type Part: Serialize + DeserializeOwned;

    /// Runs it: what the worker does, and the page where no worker starts.
    fn run(&self) -> Self::Run;

    /// The run as the page receives it: [`run`](Self::run) with its traces
    /// cut to [`PAGE_TRACE_LIMIT`] and without what no demo shows. The
    /// numbers stay the whole run's.
    fn run_for_page(&self) -> Self::Run;

    /// Takes the run's long lists out (leaving them empty), as parts in the
    /// order [`put_back`](Self::put_back) must receive them.
    fn take_parts(run: &mut Self::Run) -> Vec<Self::Part>;

    /// Appends a part's items to the list they were taken from, or says why
    /// the part does not belong to this run.
    fn put_back(run: &mut Self::Run, part: Self::Part) -> Result<(), String>;
}

/// A request as posted: its generation (8 bytes, little-endian), which
/// tells the page which of its requests an answer belongs to (answers to
/// superseded ones are dropped), then the encoded request. The generation
/// is outside the JSON so that a request the worker cannot read is still
/// answered under its generation, with the reason, and the page stops
/// waiting for it.
pub fn encode_task<R: RunRequest>(generation: u64, request: &R) -> Vec<u8> {
    let mut task = generation.to_le_bytes().to_vec();
    task.extend(encode(request));
    task
}

/// A task's generation (0 if it is too short to have one) and its request,
/// or why it is not a request of `R`.
pub fn decode_task<R: RunRequest>(task: &[u8]) -> (u64, Result<R, String>) {
    let Some((head, body)) = task.split_first_chunk::<8>() else {
        return (0, Err("a task too short to read".into()));
    };
    (u64::from_le_bytes(*head), decode(body))
}

/// Encodes a message.
pub fn encode<T: Serialize>(message: &T) -> Vec<u8> {
    // The sim's runs hold no NaN or infinity (an empty percentile is
    // `None`), which serde_json would write as `null` and then refuse to
    // read back as a float: the page would say the run could not be read.
    // Writing to a Vec cannot fail otherwise (every map key is a string).
    serde_json::to_vec(message).unwrap_or_default()
}

/// Decodes a message, or says why it is not one.
pub fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    serde_json::from_slice(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run_requests::RetryRequest;
    use sim::RetryScenario;

    #[test]
    fn floats_travel_as_their_bits() {
        let mut scenario = RetryScenario::default();
        scenario.server.failure_rate = 0.1 + 0.2; // 0.30000000000000004
        let request = RetryRequest { seed: 1, scenario };
        let back: RetryRequest = decode(&encode(&request)).expect("decodes");
        assert_eq!(back, request);
        // Any finite float, from its bits (a fast decimal reader, without
        // `float_roundtrip`, is off by one ulp on some of them).
        let mut bits = 0x9e37_79b9_7f4a_7c15_u64;
        let floats: Vec<f64> = (0..100_000)
            .map(|_| {
                bits ^= bits << 13;
                bits ^= bits >> 7;
                bits ^= bits << 17;
                f64::from_bits(bits)
            })
            .filter(|x| x.is_finite())
            .collect();
        let back: Vec<f64> = decode(&encode(&floats)).expect("decodes");
        let as_bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(as_bits(&back), as_bits(&floats));
    }

    #[test]
    fn a_task_carries_its_generation_even_when_its_request_is_unreadable() {
        let request = RetryRequest {
            seed: 4,
            scenario: RetryScenario::default(),
        };
        let task = encode_task(77, &request);
        assert_eq!(decode_task::<RetryRequest>(&task), (77, Ok(request)));
        let mut broken = 78u64.to_le_bytes().to_vec();
        broken.extend(b"{not json");
        let (generation, request) = decode_task::<RetryRequest>(&broken);
        assert_eq!(generation, 78);
        assert!(request.is_err());
        assert_eq!(decode_task::<RetryRequest>(b"short").0, 0);
    }
}

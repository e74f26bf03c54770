//! A run as it travels to the page: its long lists (trace events, request
//! records, Raft's events and messages) taken out and sent as parts of at
//! most [`PART_LEN`] items, so that the page reads a run a few parts per
//! task instead of in one task that holds the main thread (decoding 20,000
//! events took 60-95 ms on a loaded machine, over the 50 ms a task may
//! take). The run the page puts back together is the worker's, item for
//! item and bit for bit (tested in `run_protocol`).

use serde::{Deserialize, Serialize};
use sim::consensus::{MessageRecord, RaftEvent};
use sim::{DeepSpaceEvent, QueueEvent, RequestRecord, TraceEvent};

use crate::run_protocol::RunAnswer;

/// Most items in one part: a few milliseconds of decoding on the page.
pub const PART_LEN: usize = 2_000;

/// Items of one of a run's long lists, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Part {
    /// The trace of a retry or breaker run.
    Trace(Vec<TraceEvent>),
    Requests(Vec<RequestRecord>),
    QueueTrace(Vec<QueueEvent>),
    /// The trace of the deep-space run `run` (0 end to end, 1 custody).
    DeepSpaceTrace {
        run: u8,
        events: Vec<DeepSpaceEvent>,
    },
    RaftEvents(Vec<RaftEvent>),
    RaftMessages(Vec<MessageRecord>),
}

/// Takes the long lists out of `answer` (leaving them empty), as parts in
/// the order [`put_back`] must receive them.
pub fn take_parts(answer: &mut RunAnswer) -> Vec<Part> {
    let mut parts = Vec::new();
    match answer {
        RunAnswer::Retry(run) | RunAnswer::Breaker(run) => {
            cut(&mut run.trace, &mut parts, Part::Trace);
            cut(&mut run.requests, &mut parts, Part::Requests);
        }
        RunAnswer::Queue(run) => cut(&mut run.trace, &mut parts, Part::QueueTrace),
        RunAnswer::DeepSpace(runs) => {
            for (i, run) in runs.runs.iter_mut().enumerate() {
                let run_index = i as u8;
                cut(&mut run.trace, &mut parts, |events| Part::DeepSpaceTrace {
                    run: run_index,
                    events,
                });
            }
        }
        RunAnswer::Consensus(run) => {
            cut(&mut run.events, &mut parts, Part::RaftEvents);
            cut(&mut run.messages, &mut parts, Part::RaftMessages);
        }
        // A storm run has no trace on the page (its series are short).
        RunAnswer::Storm(_) => {}
    }
    parts
}

fn cut<T>(list: &mut Vec<T>, parts: &mut Vec<Part>, part: impl Fn(Vec<T>) -> Part) {
    // One pass over the list (splitting off the rest each time moved the
    // remaining items once per part).
    let mut items = std::mem::take(list).into_iter().peekable();
    while items.peek().is_some() {
        parts.push(part(items.by_ref().take(PART_LEN).collect()));
    }
}

/// Appends a part's items to the list of `answer` it was taken from, or
/// says why it does not belong to this answer.
pub fn put_back(answer: &mut RunAnswer, part: Part) -> Result<(), String> {
    match (answer, part) {
        (RunAnswer::Retry(run) | RunAnswer::Breaker(run), Part::Trace(items)) => {
            run.trace.extend(items)
        }
        (RunAnswer::Retry(run) | RunAnswer::Breaker(run), Part::Requests(items)) => {
            run.requests.extend(items)
        }
        (RunAnswer::Queue(run), Part::QueueTrace(items)) => run.trace.extend(items),
        (RunAnswer::DeepSpace(runs), Part::DeepSpaceTrace { run, events }) => runs
            .runs
            .get_mut(usize::from(run))
            .ok_or_else(|| format!("a trace of deep-space run {run}, which is not one"))?
            .trace
            .extend(events),
        (RunAnswer::Consensus(run), Part::RaftEvents(items)) => run.events.extend(items),
        (RunAnswer::Consensus(run), Part::RaftMessages(items)) => run.messages.extend(items),
        (answer, part) => {
            return Err(format!(
                "a part of another kind of run ({}) for {}",
                part_name(&part),
                answer_name(answer)
            ))
        }
    }
    Ok(())
}

fn part_name(part: &Part) -> &'static str {
    match part {
        Part::Trace(_) => "trace",
        Part::Requests(_) => "requests",
        Part::QueueTrace(_) => "queue trace",
        Part::DeepSpaceTrace { .. } => "deep-space trace",
        Part::RaftEvents(_) => "Raft events",
        Part::RaftMessages(_) => "Raft messages",
    }
}

fn answer_name(answer: &RunAnswer) -> &'static str {
    match answer {
        RunAnswer::Retry(_) => "a retry run",
        RunAnswer::Breaker(_) => "a breaker run",
        RunAnswer::Storm(_) => "a storm run",
        RunAnswer::Queue(_) => "a queue run",
        RunAnswer::DeepSpace(_) => "deep-space runs",
        RunAnswer::Consensus(_) => "a consensus run",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run_protocol::RunRequest;
    use sim::QueueScenario;

    #[test]
    fn a_part_of_another_kind_of_run_is_refused() {
        let mut answer = RunRequest::Queue {
            seed: 1,
            scenario: QueueScenario::default(),
        }
        .run_for_page();
        let error = put_back(&mut answer, Part::Trace(Vec::new())).unwrap_err();
        assert_eq!(
            error,
            "a part of another kind of run (trace) for a queue run"
        );
    }
}

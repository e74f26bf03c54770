//! The contention experiment of "Exponential Backoff And Jitter" (AWS
//! Architecture Blog, 2015), exactly: one row with a version number; N
//! clients start at t = 0 and each needs one successful optimistic write.
//!
//! One attempt is four one-way messages, each delayed by |Normal(10 ms,
//! sd 2 ms)|: read request, read reply carrying the version, write request
//! (applied only if the version is unchanged, which then bumps it), write
//! reply. After a failed write, the client's next read request leaves after
//! backoff(attempt), with `attempt` counting from 1 at the first retry.
//! Measured: completion time (the last client's successful write reply)
//! and calls (write requests the server processed; reads are not counted).

use serde::{Deserialize, Serialize};

use crate::backoff::{Backoff, BackoffPolicy, BackoffState};
use crate::error::{check_count, check_range, ScenarioError};
use crate::event_queue::EventQueue;
use crate::records::RunEnd;
use crate::rng::SimRng;
use crate::time::{micros_to_ms, ms_to_micros, Micros};

/// Most events one contention run may process.
pub const CONTENTION_EVENT_BUDGET: u64 = 20_000_000;

/// The experiment's parameters (defaults are the post's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContentionScenario {
    /// Clients competing for the row (1 to 10000).
    pub clients: u32,
    /// Backoff between a failed write and the next read.
    pub strategy: BackoffPolicy,
    /// Backoff base, in milliseconds (the post: 5).
    pub base_ms: f64,
    /// Backoff cap, in milliseconds (the post: 2000).
    pub cap_ms: f64,
    /// Mean one-way message delay, in milliseconds (the post: 10).
    pub message_mean_ms: f64,
    /// Its standard deviation, in milliseconds (the post: 2).
    pub message_sd_ms: f64,
}

impl Default for ContentionScenario {
    fn default() -> Self {
        Self {
            clients: 100,
            strategy: BackoffPolicy::Exponential,
            base_ms: 5.0,
            cap_ms: 2000.0,
            message_mean_ms: 10.0,
            message_sd_ms: 2.0,
        }
    }
}

impl ContentionScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_count("clients", self.clients, 1, 10_000)?;
        check_range("base_ms", self.base_ms, 0.0, 60_000.0, "ms")?;
        check_range("cap_ms", self.cap_ms, 0.0, 3_600_000.0, "ms")?;
        check_range("message_mean_ms", self.message_mean_ms, 0.0, 60_000.0, "ms")?;
        check_range("message_sd_ms", self.message_sd_ms, 0.0, 60_000.0, "ms")
    }
}

/// One client's step, for timelines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ContentionEventKind {
    /// The client sent a read request.
    ReadSent { client: u32 },
    /// The client sent a write carrying the version it read.
    WriteSent { client: u32, version: u64 },
    /// The server applied the write (the version moved on).
    WriteApplied { client: u32, version: u64 },
    /// The server refused a stale write.
    WriteConflicted { client: u32, version: u64 },
    /// The client will read again after `wait` µs.
    BackedOff {
        client: u32,
        attempt: u32,
        wait: Micros,
    },
    /// The client's successful write reply arrived: it is done.
    Done { client: u32 },
}

/// A [`ContentionEventKind`] at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentionEvent {
    pub at: Micros,
    #[serde(flatten)]
    pub kind: ContentionEventKind,
}

/// The outcome of one run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentionRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    /// When the last client received its successful write reply, in ms.
    pub completion_ms: f64,
    /// Write requests the server processed.
    pub calls: u64,
    /// Clients done (all of them unless the budget ran out).
    pub done: u32,
    /// The typed event log, if asked for.
    pub trace: Vec<ContentionEvent>,
}

#[derive(Debug, Clone, Copy)]
/// Only what reaches the server is an event: the client's part (a reply
/// arrives, the next message leaves) is decided there and then, so each
/// attempt costs two events, not four. Every one-way delay is still drawn
/// separately from |Normal(mean, sd)|.
enum Event {
    ReadAtServer { client: u32 },
    WriteAtServer { client: u32, version: u64 },
}

/// One run without the event log.
pub fn run_contention(scenario: &ContentionScenario, seed: u64) -> ContentionRun {
    run(scenario, seed, false)
}

/// One run keeping every step of every client.
pub fn run_contention_traced(scenario: &ContentionScenario, seed: u64) -> ContentionRun {
    run(scenario, seed, true)
}

fn run(scenario: &ContentionScenario, seed: u64, keep_trace: bool) -> ContentionRun {
    let mut rng = SimRng::new(seed);
    let clients = scenario.clients.min(10_000);
    // At most one event per client is ever pending.
    let mut queue = EventQueue::with_capacity(clients as usize);
    let backoff = Backoff {
        policy: scenario.strategy,
        base: ms_to_micros(scenario.base_ms),
        cap: ms_to_micros(scenario.cap_ms),
    };
    let (mean, sd) = (scenario.message_mean_ms, scenario.message_sd_ms);
    let message = |rng: &mut SimRng| ms_to_micros(libm::fabs(mean + sd * rng.standard_normal()));
    let mut states = vec![(0u32, BackoffState::default()); clients as usize];
    let mut trace = Vec::new();
    let mut note = |at, kind| {
        if keep_trace {
            trace.push(ContentionEvent { at, kind });
        }
    };

    for client in 0..clients {
        note(0, ContentionEventKind::ReadSent { client });
        queue.schedule_at(message(&mut rng), Event::ReadAtServer { client });
    }

    let mut version = 0u64;
    let (mut calls, mut done, mut events, mut completion) = (0u64, 0u32, 0u64, 0);
    let mut end = RunEnd::Completed;
    while let Some((now, event)) = queue.pop() {
        if events >= CONTENTION_EVENT_BUDGET {
            end = RunEnd::BudgetExceeded;
            break;
        }
        events += 1;
        match event {
            Event::ReadAtServer { client } => {
                // Read reply back to the client, write request out at once.
                let reply = now.saturating_add(message(&mut rng));
                note(reply, ContentionEventKind::WriteSent { client, version });
                let at = reply.saturating_add(message(&mut rng));
                queue.schedule_at(at, Event::WriteAtServer { client, version });
            }
            Event::WriteAtServer {
                client,
                version: read,
            } => {
                calls += 1;
                let ok = read == version;
                if ok {
                    version += 1;
                    note(now, ContentionEventKind::WriteApplied { client, version });
                } else {
                    note(
                        now,
                        ContentionEventKind::WriteConflicted {
                            client,
                            version: read,
                        },
                    );
                }
                let reply = now.saturating_add(message(&mut rng));
                if ok {
                    done += 1;
                    completion = completion.max(reply);
                    note(reply, ContentionEventKind::Done { client });
                } else {
                    let (attempt, state) = &mut states[client as usize];
                    *attempt += 1;
                    let wait = backoff.delay(*attempt, state, &mut rng);
                    let attempt = *attempt;
                    note(
                        reply,
                        ContentionEventKind::BackedOff {
                            client,
                            attempt,
                            wait,
                        },
                    );
                    let read_at = reply.saturating_add(wait);
                    note(read_at, ContentionEventKind::ReadSent { client });
                    let at = read_at.saturating_add(message(&mut rng));
                    queue.schedule_at(at, Event::ReadAtServer { client });
                }
            }
        }
    }
    // Steps decided ahead of time were logged when decided: put the log in
    // time order (stable, so same-time steps keep their causal order).
    trace.sort_by_key(|e| e.at);
    ContentionRun {
        seed,
        end,
        events,
        completion_ms: micros_to_ms(completion),
        calls,
        done,
        trace,
    }
}

/// Mean and standard deviation over several runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeanSd {
    pub mean: f64,
    pub sd: f64,
}

impl MeanSd {
    /// Of `values` (population standard deviation; zeros if empty).
    pub fn of(values: &[f64]) -> Self {
        if values.is_empty() {
            return Self { mean: 0.0, sd: 0.0 };
        }
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
        Self {
            mean,
            sd: libm::sqrt(var),
        }
    }
}

/// Completion time and calls over `runs` runs with seeds `seed`,
/// `seed + 1`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContentionSummary {
    pub clients: u32,
    pub strategy: BackoffPolicy,
    pub runs: u32,
    pub seed: u64,
    pub completion_ms: MeanSd,
    pub calls: MeanSd,
    /// Runs that stopped at the event budget.
    pub budget_exceeded: u32,
}

/// Runs the experiment `runs` times.
pub fn summarize_contention(
    scenario: &ContentionScenario,
    seed: u64,
    runs: u32,
) -> ContentionSummary {
    let results: Vec<ContentionRun> = (0..runs)
        .map(|i| run_contention(scenario, seed.wrapping_add(u64::from(i))))
        .collect();
    summarize_runs(scenario, seed, &results)
}

/// The summary of runs already made (seeds `seed`, `seed + 1`, ...): lets a
/// caller spread the runs over time (the browser, between frames).
pub fn summarize_runs(
    scenario: &ContentionScenario,
    seed: u64,
    results: &[ContentionRun],
) -> ContentionSummary {
    let completion: Vec<f64> = results.iter().map(|r| r.completion_ms).collect();
    let calls: Vec<f64> = results.iter().map(|r| r.calls as f64).collect();
    ContentionSummary {
        clients: scenario.clients,
        strategy: scenario.strategy,
        runs: results.len() as u32,
        seed,
        completion_ms: MeanSd::of(&completion),
        calls: MeanSd::of(&calls),
        budget_exceeded: results
            .iter()
            .filter(|r| r.end == RunEnd::BudgetExceeded)
            .count() as u32,
    }
}

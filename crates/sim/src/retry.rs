//! The retry scenario: one client sends requests across a link to a server,
//! with a per-attempt timeout and a retry policy.

use serde::{Deserialize, Serialize};

use crate::error::{check_count, check_range, ScenarioError};
use crate::event_queue::EventQueue;
use crate::link::LinkModel;
use crate::policy::ClientPolicy;
use crate::rng::SimRng;
use crate::server::ServerModel;
use crate::stats::RetryStats;
use crate::time::{ms_to_micros, Micros};

/// Most events one run may process before it stops with
/// [`RunEnd::BudgetExceeded`], so a pathological scenario cannot hang a tab.
pub const EVENT_BUDGET: u64 = 2_000_000;

/// A validated description of one retry experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetryScenario {
    /// Requests the client issues (1 to 10000).
    pub requests: u32,
    /// Time between the start of one request and the next, in milliseconds.
    pub interval_ms: f64,
    pub link: LinkModel,
    pub server: ServerModel,
    pub client: ClientPolicy,
}

impl Default for RetryScenario {
    fn default() -> Self {
        Self {
            requests: 200,
            interval_ms: 50.0,
            link: LinkModel::default(),
            server: ServerModel::default(),
            client: ClientPolicy::default(),
        }
    }
}

impl RetryScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        check_count("requests", self.requests, 1, 10_000, "1 to 10000")?;
        check_range(
            "interval_ms",
            self.interval_ms,
            0.0,
            60_000.0,
            "0 to 60000 ms",
        )?;
        self.link.validate()?;
        self.server.validate()?;
        self.client.validate()
    }
}

/// How one attempt ended, from the client's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttemptOutcome {
    /// A success reply arrived before the timeout.
    Succeeded,
    /// An error reply arrived before the timeout.
    Failed,
    /// No reply before the timeout (lost, or too slow).
    TimedOut,
}

/// One attempt as it happened, for timelines and exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub request: u32,
    /// 1 for the first attempt of a request.
    pub number: u32,
    pub sent_at: Micros,
    /// When the server received it; `None` if the request was lost.
    pub server_received_at: Option<Micros>,
    /// Whether the reply was lost on the way back.
    pub reply_lost: bool,
    pub outcome: AttemptOutcome,
    /// When the client learnt the outcome (reply or timeout).
    pub ended_at: Micros,
}

/// How a request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestOutcome {
    Succeeded,
    /// Every allowed attempt failed or timed out.
    GaveUp,
}

/// One request from issue to its end.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub id: u32,
    pub issued_at: Micros,
    pub finished_at: Micros,
    pub attempts: u32,
    pub outcome: RequestOutcome,
}

impl RequestRecord {
    /// Time from issue to the end, in µs.
    pub fn latency(&self) -> Micros {
        self.finished_at - self.issued_at
    }
}

/// Whether the run processed every event or stopped at the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunEnd {
    Completed,
    BudgetExceeded,
}

/// Everything a run produced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetryRun {
    pub seed: u64,
    pub end: RunEnd,
    pub events: u64,
    /// Requests that finished, in the order they finished.
    pub requests: Vec<RequestRecord>,
    /// Attempts that finished, in the order they finished.
    pub attempts: Vec<AttemptRecord>,
    pub stats: RetryStats,
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Issue {
        request: u32,
    },
    Send {
        request: u32,
    },
    ArriveAtServer {
        request: u32,
        attempt: u32,
    },
    ReplyArrives {
        request: u32,
        attempt: u32,
        ok: bool,
    },
    Timeout {
        request: u32,
        attempt: u32,
    },
}

/// An attempt in flight: what the client and the network know so far.
#[derive(Clone, Copy)]
struct InFlight {
    number: u32,
    sent_at: Micros,
    server_received_at: Option<Micros>,
    reply_lost: bool,
}

#[derive(Clone, Copy)]
struct RequestState {
    issued_at: Micros,
    attempts_started: u32,
    in_flight: Option<InFlight>,
}

/// Runs `scenario` with `seed`. The scenario must have passed
/// [`RetryScenario::validate`]; out-of-range values are clamped by the models
/// rather than trusted.
pub fn run_retry(scenario: &RetryScenario, seed: u64) -> RetryRun {
    let mut rng = SimRng::new(seed);
    let mut queue = EventQueue::new();
    let interval = ms_to_micros(scenario.interval_ms);
    let timeout = ms_to_micros(scenario.client.timeout_ms).max(1);
    let limit = scenario.client.attempt_limit().max(1);

    let mut states: Vec<RequestState> = (0..scenario.requests)
        .map(|i| RequestState {
            issued_at: interval.saturating_mul(i as u64),
            attempts_started: 0,
            in_flight: None,
        })
        .collect();
    for (i, s) in states.iter().enumerate() {
        queue.schedule_at(s.issued_at, Event::Issue { request: i as u32 });
    }

    let mut requests = Vec::with_capacity(states.len());
    let mut attempts = Vec::with_capacity(states.len());
    let mut events = 0u64;
    let mut end = RunEnd::Completed;

    while let Some((now, event)) = queue.pop() {
        events += 1;
        if events > EVENT_BUDGET {
            end = RunEnd::BudgetExceeded;
            break;
        }
        match event {
            Event::Issue { request } | Event::Send { request } => {
                let state = &mut states[request as usize];
                state.attempts_started += 1;
                let number = state.attempts_started;
                state.in_flight = Some(InFlight {
                    number,
                    sent_at: now,
                    server_received_at: None,
                    reply_lost: false,
                });
                queue.schedule_in(
                    timeout,
                    Event::Timeout {
                        request,
                        attempt: number,
                    },
                );
                if let Some(delay) = scenario.link.transmit(&mut rng) {
                    queue.schedule_in(
                        delay,
                        Event::ArriveAtServer {
                            request,
                            attempt: number,
                        },
                    );
                }
            }
            Event::ArriveAtServer { request, attempt } => {
                let state = &mut states[request as usize];
                // The server handles every request that reaches it, even one
                // the client has already given up on: that is wasted work.
                if let Some(f) = state.in_flight.as_mut().filter(|f| f.number == attempt) {
                    f.server_received_at = Some(now);
                }
                let (service, ok) = scenario.server.handle(&mut rng);
                match scenario.link.transmit(&mut rng) {
                    Some(delay) => queue.schedule_in(
                        service.saturating_add(delay),
                        Event::ReplyArrives {
                            request,
                            attempt,
                            ok,
                        },
                    ),
                    None => {
                        if let Some(f) = state.in_flight.as_mut().filter(|f| f.number == attempt) {
                            f.reply_lost = true;
                        }
                    }
                }
            }
            Event::ReplyArrives {
                request,
                attempt,
                ok,
            } => {
                let outcome = if ok {
                    AttemptOutcome::Succeeded
                } else {
                    AttemptOutcome::Failed
                };
                finish_attempt(
                    FinishCtx {
                        scenario,
                        limit,
                        now,
                        request,
                        attempt,
                        outcome,
                    },
                    &mut states,
                    &mut queue,
                    &mut rng,
                    &mut requests,
                    &mut attempts,
                );
            }
            Event::Timeout { request, attempt } => {
                finish_attempt(
                    FinishCtx {
                        scenario,
                        limit,
                        now,
                        request,
                        attempt,
                        outcome: AttemptOutcome::TimedOut,
                    },
                    &mut states,
                    &mut queue,
                    &mut rng,
                    &mut requests,
                    &mut attempts,
                );
            }
        }
    }

    let stats = RetryStats::from_run(scenario.requests, &requests, attempts.len());
    RetryRun {
        seed,
        end,
        events: events.min(EVENT_BUDGET),
        requests,
        attempts,
        stats,
    }
}

struct FinishCtx<'a> {
    scenario: &'a RetryScenario,
    limit: u32,
    now: Micros,
    request: u32,
    attempt: u32,
    outcome: AttemptOutcome,
}

/// Ends the attempt if it is still the one in flight (a late reply or a stale
/// timeout is ignored), then retries or ends the request.
fn finish_attempt(
    ctx: FinishCtx<'_>,
    states: &mut [RequestState],
    queue: &mut EventQueue<Event>,
    rng: &mut SimRng,
    requests: &mut Vec<RequestRecord>,
    attempts: &mut Vec<AttemptRecord>,
) {
    let state = &mut states[ctx.request as usize];
    let Some(flight) = state.in_flight.filter(|f| f.number == ctx.attempt) else {
        return;
    };
    state.in_flight = None;
    attempts.push(AttemptRecord {
        request: ctx.request,
        number: flight.number,
        sent_at: flight.sent_at,
        server_received_at: flight.server_received_at,
        reply_lost: flight.reply_lost,
        outcome: ctx.outcome,
        ended_at: ctx.now,
    });
    let finished = |outcome| RequestRecord {
        id: ctx.request,
        issued_at: state.issued_at,
        finished_at: ctx.now,
        attempts: flight.number,
        outcome,
    };
    if ctx.outcome == AttemptOutcome::Succeeded {
        requests.push(finished(RequestOutcome::Succeeded));
    } else if flight.number >= ctx.limit {
        requests.push(finished(RequestOutcome::GaveUp));
    } else {
        let wait = ctx.scenario.client.backoff(flight.number, rng);
        queue.schedule_in(
            wait,
            Event::Send {
                request: ctx.request,
            },
        );
    }
}

//! The Raft engine: leader election and log replication as in the Raft
//! paper (Ongaro and Ousterhout, 2014, figure 2), over the scenario's
//! network, with the scenario's interventions as events. Everything random
//! (election timeouts, delays, losses) comes from the one seeded generator.

use super::node::Node;
use super::run::{
    ConsensusRun, ConsensusStats, Fate, MessageBody, MessageRecord, RaftEvent, RaftEventKind, Role,
};
use super::safety::SafetyChecker;
use super::scenario::{ConsensusScenario, Intervention};
use crate::event_queue::EventQueue;
use crate::rng::SimRng;
use crate::time::{ms_to_micros, Micros};

mod rules;

/// Most messages one run sends; a run that would send more ends there (its
/// `cut_short` says so). The demo's widest settings stay far below it.
pub const CONSENSUS_MESSAGE_BUDGET: usize = 300_000;

/// Entries one AppendEntries carries at most.
const BATCH: usize = 16;

enum Step {
    Timeout { server: u32, epoch: u64 },
    Beat { server: u32, epoch: u64 },
    Deliver { message: u64 },
    ClientTick,
}

struct Engine<'a> {
    scenario: &'a ConsensusScenario,
    rng: SimRng,
    queue: EventQueue<Step>,
    nodes: Vec<Node>,
    groups: Vec<u32>,
    events: Vec<RaftEvent>,
    messages: Vec<MessageRecord>,
    dropped: Vec<(u64, Micros)>,
    safety: SafetyChecker,
    stats: ConsensusStats,
    next_command: u32,
    now: Micros,
}

/// Runs `scenario` with `seed`.
pub fn run_consensus(scenario: &ConsensusScenario, seed: u64) -> ConsensusRun {
    let n = scenario.servers;
    let mut e = Engine {
        scenario,
        rng: SimRng::new(seed),
        queue: EventQueue::new(),
        nodes: (1..=n).map(|id| Node::new(id, n)).collect(),
        groups: vec![0; n as usize],
        events: Vec::new(),
        messages: Vec::new(),
        dropped: Vec::new(),
        safety: SafetyChecker::default(),
        stats: ConsensusStats::default(),
        next_command: 1,
        now: 0,
    };
    let end = ms_to_micros(scenario.duration_ms);
    let client = ms_to_micros(scenario.client_interval_ms);
    if client > 0 {
        e.queue.schedule_at(client, Step::ClientTick);
    }
    for id in 1..=n {
        e.reset_timer(id);
    }
    // Interventions wait in their own list, in time order (ties in the
    // order written), and each happens after every event of its instant:
    // what the reader saw at the playhead has happened before they act.
    let mut pending: Vec<(Micros, usize)> = scenario
        .interventions
        .iter()
        .enumerate()
        .map(|(i, intervention)| (intervention.at(), i))
        .collect();
    pending.sort_by_key(|&(at, _)| at);
    let mut pending = pending.into_iter().peekable();
    let mut cut_short = false;
    loop {
        let next_event = e.queue.peek_time();
        let intervene = match (next_event, pending.peek()) {
            (None, None) => break,
            (Some(event), Some(&(at, _))) => at < event,
            (None, Some(_)) => true,
            (Some(_), None) => false,
        };
        if intervene {
            let Some((at, i)) = pending.next() else { break };
            if at >= end {
                break;
            }
            e.now = at;
            e.intervene(i);
            continue;
        }
        let Some((at, step)) = e.queue.pop() else {
            break;
        };
        if at >= end {
            break;
        }
        if e.messages.len() >= CONSENSUS_MESSAGE_BUDGET {
            cut_short = true;
            break;
        }
        e.now = at;
        e.step(step, client);
    }
    // Cut short: the run covers what happened up to and at its last step.
    let end = if cut_short { e.now + 1 } else { end };
    e.finish(seed, end, cut_short)
}

impl Engine<'_> {
    fn node(&mut self, id: u32) -> &mut Node {
        &mut self.nodes[id as usize - 1]
    }

    fn record(&mut self, server: u32, kind: RaftEventKind) {
        let term = if server == 0 {
            0
        } else {
            self.nodes[server as usize - 1].term
        };
        self.events.push(RaftEvent {
            at: self.now,
            server,
            term,
            kind,
        });
    }

    fn majority(&self) -> usize {
        self.scenario.majority()
    }

    fn peers(&self, id: u32) -> impl Iterator<Item = u32> {
        (1..=self.scenario.servers).filter(move |&p| p != id)
    }

    fn step(&mut self, step: Step, client: Micros) {
        match step {
            Step::Timeout { server, epoch } => {
                let n = &self.nodes[server as usize - 1];
                if n.up && n.timer_epoch == epoch && n.role != Role::Leader {
                    self.start_election(server);
                }
            }
            Step::Beat { server, epoch } => {
                let n = &self.nodes[server as usize - 1];
                if n.up && n.beat_epoch == epoch && n.role == Role::Leader {
                    self.replicate(server);
                    let beat = ms_to_micros(self.scenario.heartbeat_ms);
                    self.queue.schedule_in(beat, Step::Beat { server, epoch });
                }
            }
            Step::Deliver { message } => self.deliver(message),
            Step::ClientTick => {
                let leader = self
                    .nodes
                    .iter()
                    .filter(|n| n.up && n.role == Role::Leader)
                    .max_by_key(|n| n.term)
                    .map(|n| n.id);
                if let Some(id) = leader {
                    self.client_request(id);
                }
                self.queue.schedule_in(client, Step::ClientTick);
            }
        }
    }

    fn reset_timer(&mut self, id: u32) {
        let lo = ms_to_micros(self.scenario.election_timeout_min_ms);
        let hi = ms_to_micros(self.scenario.election_timeout_max_ms);
        let wait = self.rng.between(lo, hi);
        let deadline = self.now + wait;
        let n = self.node(id);
        n.timer_epoch += 1;
        let epoch = n.timer_epoch;
        self.queue
            .schedule_at(deadline, Step::Timeout { server: id, epoch });
        self.record(id, RaftEventKind::Timer { deadline });
    }

    fn send(&mut self, from: u32, to: u32, body: MessageBody) {
        // The same draws whether or not the message gets through, so that
        // a partition does not reshuffle the rest of the run.
        let lost = self.rng.chance(self.scenario.loss);
        let delay = self.scenario.latency.sample(&mut self.rng);
        let cut = self.groups[from as usize - 1] != self.groups[to as usize - 1];
        let fate = if cut {
            Fate::Cut
        } else if lost {
            Fate::Lost
        } else {
            Fate::InFlight
        };
        let id = self.messages.len() as u64;
        self.messages.push(MessageRecord {
            from,
            to,
            sent: self.now,
            // A message sent across a partition never leaves.
            arrives: if cut { self.now } else { self.now + delay },
            fate,
            body,
        });
        if fate == Fate::InFlight {
            self.queue
                .schedule_at(self.now + delay, Step::Deliver { message: id });
        }
    }

    fn deliver(&mut self, id: u64) {
        let m = &self.messages[id as usize];
        if m.fate != Fate::InFlight {
            return; // dropped by the reader
        }
        let (from, to) = (m.from, m.to);
        let fate = if !self.nodes[to as usize - 1].up {
            Fate::Unheard
        } else if self.groups[from as usize - 1] != self.groups[to as usize - 1] {
            Fate::Cut
        } else {
            Fate::Delivered
        };
        self.messages[id as usize].fate = fate;
        if fate == Fate::Delivered {
            let body = self.messages[id as usize].body.clone();
            self.receive(to, from, body);
        }
    }

    /// Does intervention `i`. One that names no server of this cluster, or
    /// a partition of another size, changes nothing (validation refuses
    /// them; this keeps a run from panicking on one that was not checked).
    fn intervene(&mut self, i: usize) {
        let n = self.scenario.servers;
        let intervention = self.scenario.interventions[i].clone();
        let fits = match &intervention {
            Intervention::Partition { groups, .. } => groups.len() == n as usize,
            other => other.server().is_none_or(|s| (1..=n).contains(&s)),
        };
        if !fits {
            return;
        }
        match intervention {
            Intervention::Crash { server, .. } => {
                if self.nodes[server as usize - 1].up {
                    self.node(server).crash();
                    self.record(server, RaftEventKind::Crash);
                }
            }
            Intervention::Restart { server, .. } => {
                if !self.nodes[server as usize - 1].up {
                    self.node(server).up = true;
                    self.record(server, RaftEventKind::Restart);
                    self.reset_timer(server);
                }
            }
            Intervention::Timeout { server, .. } => {
                if self.nodes[server as usize - 1].up {
                    self.start_election(server);
                }
            }
            Intervention::Request { server, .. } => self.client_request(server),
            Intervention::Partition { groups, .. } => {
                self.groups = groups.clone();
                self.record(0, RaftEventKind::Partition { groups });
            }
            Intervention::Heal { .. } => {
                self.groups = vec![0; self.nodes.len()];
                self.record(0, RaftEventKind::Heal);
            }
            Intervention::Drop { message, .. } => {
                let now = self.now;
                if let Some(m) = self.messages.get_mut(message as usize) {
                    if m.fate == Fate::InFlight && m.arrives > now {
                        m.fate = Fate::Dropped;
                        self.dropped.push((message, now));
                    }
                }
            }
        }
    }

    fn finish(mut self, seed: u64, end: Micros, cut_short: bool) -> ConsensusRun {
        self.stats.messages = self.messages.len() as u64;
        self.stats.undelivered = self
            .messages
            .iter()
            .filter(|m| !matches!(m.fate, Fate::Delivered | Fate::InFlight))
            .count() as u64;
        self.stats.max_term = self.nodes.iter().map(|n| n.term).max().unwrap_or(0);
        self.stats.checks = self.safety.checks;
        ConsensusRun {
            seed,
            servers: self.scenario.servers,
            end,
            cut_short,
            events: self.events,
            messages: self.messages,
            dropped: self.dropped,
            violations: self.safety.violations,
            stats: self.stats,
        }
    }
}

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

    /// Adopts a newer term seen in a message: a follower of it, no vote yet.
    fn step_down(&mut self, id: u32, term: u64) {
        let n = self.node(id);
        let changed = term > n.term || n.role != Role::Follower;
        let was_leader = n.role == Role::Leader;
        if term > n.term {
            n.term = term;
            n.voted_for = None;
        }
        n.role = Role::Follower;
        n.votes.clear();
        n.beat_epoch += 1;
        if changed {
            self.record(id, RaftEventKind::Follower);
        }
        if was_leader {
            // A leader runs no election timer; a follower must.
            self.reset_timer(id);
        }
    }

    fn start_election(&mut self, id: u32) {
        let n = self.node(id);
        n.term += 1;
        n.role = Role::Candidate;
        n.voted_for = Some(id);
        n.votes.clear();
        n.votes.insert(id);
        n.beat_epoch += 1;
        let body = MessageBody::RequestVote {
            term: n.term,
            last_index: n.last_index(),
            last_term: n.term_at(n.last_index()),
        };
        self.stats.elections += 1;
        self.record(id, RaftEventKind::Candidate);
        self.reset_timer(id);
        for peer in self.peers(id).collect::<Vec<_>>() {
            self.send(id, peer, body.clone());
        }
    }

    fn receive(&mut self, id: u32, from: u32, body: MessageBody) {
        if body.term() > self.nodes[id as usize - 1].term {
            self.step_down(id, body.term());
        }
        match body {
            MessageBody::RequestVote {
                term,
                last_index,
                last_term,
            } => self.on_request_vote(id, from, term, last_index, last_term),
            MessageBody::Vote { term, granted } => self.on_vote(id, from, term, granted),
            MessageBody::Append {
                term,
                prev_index,
                prev_term,
                entries,
                commit,
            } => self.on_append(id, from, term, prev_index, prev_term, &entries, commit),
            MessageBody::AppendReply {
                term,
                success,
                match_index,
            } => self.on_append_reply(id, from, term, success, match_index),
        }
    }

    fn on_request_vote(&mut self, id: u32, from: u32, term: u64, last_index: u64, last_term: u64) {
        let check = self.scenario.check_log_on_vote;
        let n = &self.nodes[id as usize - 1];
        let granted = term == n.term
            && n.voted_for.is_none_or(|v| v == from)
            && (!check || n.candidate_is_up_to_date(last_index, last_term));
        let my_term = n.term;
        if granted {
            self.node(id).voted_for = Some(from);
            self.record(id, RaftEventKind::Vote { candidate: from });
            self.reset_timer(id);
        }
        self.send(
            id,
            from,
            MessageBody::Vote {
                term: my_term,
                granted,
            },
        );
    }

    fn on_vote(&mut self, id: u32, from: u32, term: u64, granted: bool) {
        let majority = self.majority();
        let n = self.node(id);
        if n.role != Role::Candidate || term != n.term || !granted {
            return;
        }
        n.votes.insert(from);
        if n.votes.len() >= majority {
            self.become_leader(id);
        }
    }

    fn become_leader(&mut self, id: u32) {
        let servers = self.scenario.servers as usize;
        let n = self.node(id);
        n.role = Role::Leader;
        n.timer_epoch += 1;
        n.beat_epoch += 1;
        let last = n.last_index();
        n.next_index = vec![last + 1; servers];
        n.match_index = vec![0; servers];
        n.match_index[id as usize - 1] = last;
        let votes: Vec<u32> = n.votes.iter().copied().collect();
        let (term, epoch) = (n.term, n.beat_epoch);
        self.stats.leaders += 1;
        self.stats.first_leader_at.get_or_insert(self.now);
        self.record(id, RaftEventKind::Leader { votes });
        let now = self.now;
        let log = &self.nodes[id as usize - 1].log;
        self.safety.leader_elected(now, term, id, log);
        self.replicate(id);
        let beat = ms_to_micros(self.scenario.heartbeat_ms);
        self.queue
            .schedule_in(beat, Step::Beat { server: id, epoch });
    }

    /// The leader sends each follower what it is missing (or a heartbeat).
    fn replicate(&mut self, id: u32) {
        for peer in self.peers(id).collect::<Vec<_>>() {
            let n = &self.nodes[id as usize - 1];
            let next = n.next_index[peer as usize - 1].clamp(1, n.last_index() + 1);
            let prev = next - 1;
            let end = (prev as usize + BATCH).min(n.log.len());
            let body = MessageBody::Append {
                term: n.term,
                prev_index: prev,
                prev_term: n.term_at(prev),
                entries: n.log[prev as usize..end].to_vec(),
                commit: n.commit,
            };
            self.send(id, peer, body);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn on_append(
        &mut self,
        id: u32,
        from: u32,
        term: u64,
        prev_index: u64,
        prev_term: u64,
        entries: &[(u64, u32)],
        commit: u64,
    ) {
        let n = &self.nodes[id as usize - 1];
        if term < n.term {
            let reply = MessageBody::AppendReply {
                term: n.term,
                success: false,
                match_index: 0,
            };
            self.send(id, from, reply);
            return;
        }
        if n.role != Role::Follower {
            // A candidate (or a deposed leader) of this term hears the
            // term's leader.
            self.step_down(id, term);
        }
        self.reset_timer(id);
        let n = &self.nodes[id as usize - 1];
        if prev_index > n.last_index() || n.term_at(prev_index) != prev_term {
            let hint = n.last_index().min(prev_index.saturating_sub(1));
            let reply = MessageBody::AppendReply {
                term: n.term,
                success: false,
                match_index: hint,
            };
            self.send(id, from, reply);
            return;
        }
        let mut changed = false;
        for (k, &entry) in entries.iter().enumerate() {
            let index = prev_index + 1 + k as u64;
            let n = self.node(id);
            if index <= n.last_index() {
                if n.term_at(index) == entry.0 {
                    continue;
                }
                n.truncate_from(index);
                self.record(id, RaftEventKind::Truncate { from: index });
            }
            self.node(id).push(entry);
            changed = true;
            self.record(
                id,
                RaftEventKind::Append {
                    index,
                    entry_term: entry.0,
                    command: entry.1,
                },
            );
        }
        if changed {
            self.check_logs(id);
        }
        let matched = prev_index + entries.len() as u64;
        let upto = commit.min(matched);
        if upto > self.nodes[id as usize - 1].commit {
            self.commit_to(id, upto);
        }
        let reply = MessageBody::AppendReply {
            term: self.nodes[id as usize - 1].term,
            success: true,
            match_index: matched,
        };
        self.send(id, from, reply);
    }

    fn on_append_reply(&mut self, id: u32, from: u32, term: u64, success: bool, matched: u64) {
        let n = self.node(id);
        if n.role != Role::Leader || term != n.term {
            return;
        }
        let p = from as usize - 1;
        if success {
            n.match_index[p] = n.match_index[p].max(matched);
            n.next_index[p] = n.match_index[p] + 1;
            self.advance_commit(id);
        } else {
            n.next_index[p] = n.next_index[p].saturating_sub(1).min(matched + 1).max(1);
        }
    }

    /// The leader commits the highest entry of its own term that a
    /// majority holds (and with it everything before).
    fn advance_commit(&mut self, id: u32) {
        let majority = self.majority();
        let n = &self.nodes[id as usize - 1];
        let top = (n.commit + 1..=n.last_index()).rev().find(|&index| {
            n.term_at(index) == n.term
                && n.match_index.iter().filter(|&&m| m >= index).count() >= majority
        });
        if let Some(index) = top {
            self.commit_to(id, index);
        }
    }

    fn commit_to(&mut self, id: u32, upto: u64) {
        let from = self.nodes[id as usize - 1].commit + 1;
        for index in from..=upto {
            let entry = self.nodes[id as usize - 1].log[index as usize - 1];
            self.record(
                id,
                RaftEventKind::Commit {
                    index,
                    command: entry.1,
                },
            );
            let term = self.nodes[id as usize - 1].term;
            self.safety.committed(self.now, id, term, index, entry);
        }
        self.node(id).commit = upto;
        self.stats.committed = self.stats.committed.max(upto);
    }

    fn check_logs(&mut self, id: u32) {
        let logs: Vec<(&[_], &[u64])> = self
            .nodes
            .iter()
            .map(|n| (n.log.as_slice(), n.hashes.as_slice()))
            .collect();
        self.safety.log_changed(self.now, id, &logs);
    }

    fn client_request(&mut self, id: u32) {
        let command = self.next_command;
        self.next_command += 1;
        let n = self.node(id);
        let accepted = n.up && n.role == Role::Leader;
        if accepted {
            let entry = (n.term, command);
            n.push(entry);
            let index = n.last_index();
            n.match_index[id as usize - 1] = index;
            self.stats.accepted += 1;
            self.record(
                id,
                RaftEventKind::Append {
                    index,
                    entry_term: entry.0,
                    command,
                },
            );
            self.check_logs(id);
        }
        self.record(id, RaftEventKind::Request { command, accepted });
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

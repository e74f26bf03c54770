//! Raft's rules, as the engine applies them to one server at a time: a
//! newer term, an election, votes, a leader's replication, AppendEntries
//! and its replies, commits, and a client's command (the Raft paper's
//! figure 2). The engine (the parent module) owns the clock, the network
//! and the interventions.

use super::{Engine, Step, BATCH};
use crate::consensus::run::{MessageBody, RaftEventKind, Role};
use crate::time::ms_to_micros;

impl Engine<'_> {
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

    pub(super) fn start_election(&mut self, id: u32) {
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

    pub(super) fn receive(&mut self, id: u32, from: u32, body: MessageBody) {
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
    pub(super) fn replicate(&mut self, id: u32) {
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

    pub(super) fn client_request(&mut self, id: u32) {
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
}

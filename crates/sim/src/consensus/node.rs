//! One Raft server's state: what survives a crash (term, vote, log) and
//! what does not (role, commit index, votes, the leader's bookkeeping).

use std::collections::BTreeSet;

use super::run::Role;
use super::safety::Entry;

pub(super) struct Node {
    pub id: u32,
    pub up: bool,
    pub role: Role,
    // Persistent.
    pub term: u64,
    pub voted_for: Option<u32>,
    pub log: Vec<Entry>,
    /// `hashes[k]` fingerprints `log[..=k]`, so that two logs are compared
    /// up to an index in one step (the log-matching check).
    pub hashes: Vec<u64>,
    // Volatile.
    pub commit: u64,
    pub votes: BTreeSet<u32>,
    pub next_index: Vec<u64>,
    pub match_index: Vec<u64>,
    /// Bumped to cancel the election timer or the heartbeat that is set.
    pub timer_epoch: u64,
    pub beat_epoch: u64,
}

fn mix(prev: u64, (term, command): Entry) -> u64 {
    // splitmix64's finaliser over the previous fingerprint and the entry.
    let mut z = prev ^ term.rotate_left(32) ^ u64::from(command);
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Node {
    pub fn new(id: u32, servers: u32) -> Self {
        Self {
            id,
            up: true,
            role: Role::Follower,
            term: 0,
            voted_for: None,
            log: Vec::new(),
            hashes: Vec::new(),
            commit: 0,
            votes: BTreeSet::new(),
            next_index: vec![1; servers as usize],
            match_index: vec![0; servers as usize],
            timer_epoch: 0,
            beat_epoch: 0,
        }
    }

    pub fn last_index(&self) -> u64 {
        self.log.len() as u64
    }

    /// The term of the entry at `index` (0 for index 0 or past the end).
    pub fn term_at(&self, index: u64) -> u64 {
        match index {
            0 => 0,
            i => self.log.get(i as usize - 1).map_or(0, |e| e.0),
        }
    }

    pub fn push(&mut self, entry: Entry) {
        let prev = self.hashes.last().copied().unwrap_or(0);
        self.hashes.push(mix(prev, entry));
        self.log.push(entry);
    }

    /// Drops the entries from `index` on.
    pub fn truncate_from(&mut self, index: u64) {
        self.log.truncate(index as usize - 1);
        self.hashes.truncate(index as usize - 1);
    }

    /// Whether a candidate's log (its last entry's index and term) is at
    /// least as up to date as this one (Raft's election restriction).
    pub fn candidate_is_up_to_date(&self, last_index: u64, last_term: u64) -> bool {
        let my_term = self.term_at(self.last_index());
        last_term > my_term || (last_term == my_term && last_index >= self.last_index())
    }

    /// What a crash loses.
    pub fn crash(&mut self) {
        self.up = false;
        self.role = Role::Follower;
        self.commit = 0;
        self.votes.clear();
        self.timer_epoch += 1;
        self.beat_epoch += 1;
    }
}

//! The cluster as it stood at any moment of a run, rebuilt from the run's
//! events: what the demo draws at its playhead and what the liveness test
//! walks through. Replaying forward is one step per event.

use serde::{Deserialize, Serialize};

use super::run::{ConsensusRun, RaftEventKind, Role};
use crate::time::Micros;

/// One server at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServerView {
    pub id: u32,
    pub up: bool,
    pub role: Role,
    pub term: u64,
    pub voted_for: Option<u32>,
    /// Its log: each entry's term and command.
    pub log: Vec<(u64, u32)>,
    /// Its commit index.
    pub commit: u64,
    /// Its election timer: when it was set and when it fires (none for a
    /// leader or a stopped server).
    pub timer: Option<(Micros, Micros)>,
}

/// The cluster at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterView {
    pub at: Micros,
    pub servers: Vec<ServerView>,
    /// The partition: `groups[i]` is server `i + 1`'s group (all equal
    /// when the network is whole).
    pub groups: Vec<u32>,
}

impl ClusterView {
    /// The leader with the highest term among servers that are up.
    pub fn leader(&self) -> Option<&ServerView> {
        self.servers
            .iter()
            .filter(|s| s.up && s.role == Role::Leader)
            .max_by_key(|s| s.term)
    }

    /// Whether the network is split.
    pub fn partitioned(&self) -> bool {
        self.groups.iter().any(|&g| g != self.groups[0])
    }

    /// Whether a leader is in charge: it is up, and a majority of servers
    /// (itself included) are up, on its side of any partition and in its
    /// term.
    pub fn led(&self) -> bool {
        let majority = self.servers.len() / 2 + 1;
        self.servers.iter().any(|l| {
            l.up && l.role == Role::Leader && {
                let side = self.groups[l.id as usize - 1];
                self.servers
                    .iter()
                    .filter(|s| s.up && s.term == l.term && self.groups[s.id as usize - 1] == side)
                    .count()
                    >= majority
            }
        })
    }
}

/// Walks a run's events forward.
pub struct Replay<'a> {
    run: &'a ConsensusRun,
    next: usize,
    view: ClusterView,
}

impl<'a> Replay<'a> {
    /// The cluster before anything happened.
    pub fn new(run: &'a ConsensusRun) -> Self {
        let n = run.servers;
        Self {
            run,
            next: 0,
            view: ClusterView {
                at: 0,
                servers: (1..=n)
                    .map(|id| ServerView {
                        id,
                        up: true,
                        role: Role::Follower,
                        term: 0,
                        voted_for: None,
                        log: Vec::new(),
                        commit: 0,
                        timer: None,
                    })
                    .collect(),
                groups: vec![0; n as usize],
            },
        }
    }

    /// The cluster as it stands now.
    pub fn view(&self) -> &ClusterView {
        &self.view
    }

    /// When the next event happens, if any is left.
    pub fn next_at(&self) -> Option<Micros> {
        self.run.events.get(self.next).map(|e| e.at)
    }

    /// Applies every event up to and including `at`.
    pub fn advance_to(&mut self, at: Micros) {
        while let Some(event) = self.run.events.get(self.next) {
            if event.at > at {
                break;
            }
            self.next += 1;
            match &event.kind {
                RaftEventKind::Partition { groups } => self.view.groups = groups.clone(),
                RaftEventKind::Heal => self.view.groups.iter_mut().for_each(|g| *g = 0),
                kind => {
                    let Some(s) = self.view.servers.get_mut(event.server as usize - 1) else {
                        continue;
                    };
                    if event.term > s.term {
                        s.term = event.term;
                        s.voted_for = None;
                    }
                    apply(s, event.at, kind);
                }
            }
        }
        self.view.at = at;
    }
}

fn apply(s: &mut ServerView, at: Micros, kind: &RaftEventKind) {
    match *kind {
        RaftEventKind::Follower => s.role = Role::Follower,
        RaftEventKind::Candidate => {
            s.role = Role::Candidate;
            s.voted_for = Some(s.id);
        }
        RaftEventKind::Leader { .. } => {
            s.role = Role::Leader;
            s.timer = None;
        }
        RaftEventKind::Vote { candidate } => s.voted_for = Some(candidate),
        RaftEventKind::Timer { deadline } => s.timer = Some((at, deadline)),
        RaftEventKind::Append {
            index,
            entry_term,
            command,
        } => {
            s.log.truncate(index as usize - 1);
            s.log.push((entry_term, command));
        }
        RaftEventKind::Truncate { from } => s.log.truncate(from as usize - 1),
        RaftEventKind::Commit { index, .. } => s.commit = index,
        RaftEventKind::Crash => {
            s.up = false;
            s.role = Role::Follower;
            s.commit = 0;
            s.timer = None;
        }
        RaftEventKind::Restart => s.up = true,
        RaftEventKind::Request { .. } | RaftEventKind::Partition { .. } | RaftEventKind::Heal => {}
    }
}

impl ConsensusRun {
    /// The cluster at `at`.
    pub fn view_at(&self, at: Micros) -> ClusterView {
        let mut replay = Replay::new(self);
        replay.advance_to(at);
        replay.view
    }
}

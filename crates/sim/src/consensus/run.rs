//! What a consensus run produces: every change of a server's state as an
//! event, every message with its fate, and the safety properties as
//! checked on every step.

use serde::{Deserialize, Serialize};

use crate::time::Micros;

/// A server's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Follower,
    Candidate,
    Leader,
}

/// One change in one server (or, with `server` 0, in the network), with the
/// server's term after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaftEvent {
    pub at: Micros,
    /// 1 to N; 0 for the network (partitions, healing).
    pub server: u32,
    pub term: u64,
    pub kind: RaftEventKind,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "super::flat_kinds::FlatRaftEventKind"
)]
pub enum RaftEventKind {
    /// Became (or stayed, in a newer term) a follower.
    Follower,
    /// Timed out and stood for election in `term`.
    Candidate,
    /// Won the election of `term` with these servers' votes.
    Leader {
        votes: Vec<u32>,
    },
    /// Voted for `candidate` in `term`.
    Vote {
        candidate: u32,
    },
    /// Its election timer was set to fire at `deadline`.
    Timer {
        deadline: Micros,
    },
    /// An entry was written at `index` of its log.
    Append {
        index: u64,
        entry_term: u64,
        command: u32,
    },
    /// Its log was cut back: entries from `from` on are gone.
    Truncate {
        from: u64,
    },
    /// The entry at `index` is now committed on this server (and applied).
    Commit {
        index: u64,
        command: u32,
    },
    Crash,
    Restart,
    /// A client handed it `command`; only a leader accepts.
    Request {
        command: u32,
        accepted: bool,
    },
    /// The network split into these groups (one per server, S1 first).
    Partition {
        groups: Vec<u32>,
    },
    Heal,
}

/// What a message asks or answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "super::flat_kinds::FlatMessageBody"
)]
pub enum MessageBody {
    RequestVote {
        term: u64,
        last_index: u64,
        last_term: u64,
    },
    Vote {
        term: u64,
        granted: bool,
    },
    Append {
        term: u64,
        prev_index: u64,
        prev_term: u64,
        /// Entries carried (their terms and commands), first at
        /// `prev_index + 1`.
        entries: Vec<(u64, u32)>,
        commit: u64,
    },
    AppendReply {
        term: u64,
        success: bool,
        /// On success, the last index the follower now holds; else where
        /// the leader should try next, minus one.
        match_index: u64,
    },
}

impl MessageBody {
    /// The sender's term.
    pub fn term(&self) -> u64 {
        match *self {
            MessageBody::RequestVote { term, .. }
            | MessageBody::Vote { term, .. }
            | MessageBody::Append { term, .. }
            | MessageBody::AppendReply { term, .. } => term,
        }
    }

    /// A short name for people: `vote?`, `vote`, `append`, `ack`.
    pub fn label(&self) -> &'static str {
        match self {
            MessageBody::RequestVote { .. } => "RequestVote",
            MessageBody::Vote { .. } => "vote reply",
            MessageBody::Append { entries, .. } if entries.is_empty() => "heartbeat",
            MessageBody::Append { .. } => "AppendEntries",
            MessageBody::AppendReply { .. } => "append reply",
        }
    }
}

/// What became of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fate {
    /// It arrived and was handled.
    Delivered,
    /// The network lost it (the scenario's loss rate).
    Lost,
    /// A partition stood between the two servers (when it was sent, or
    /// formed while it was in flight).
    Cut,
    /// The reader dropped it in flight.
    Dropped,
    /// It arrived at a stopped server.
    Unheard,
    /// The run ended before it arrived.
    InFlight,
}

/// One message, numbered by the order it was sent in (its index in
/// [`ConsensusRun::messages`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MessageRecord {
    pub from: u32,
    pub to: u32,
    pub sent: Micros,
    /// When it arrives (or would have).
    pub arrives: Micros,
    pub fate: Fate,
    pub body: MessageBody,
}

impl MessageRecord {
    /// Whether it is on the wire at `at` (sent, not yet arrived, and not
    /// dropped earlier; one sent across a partition arrives as it is sent).
    pub fn in_flight_at(&self, at: Micros, dropped_at: Option<Micros>) -> bool {
        self.sent <= at && at < self.arrives && dropped_at.is_none_or(|d| at < d)
    }
}

/// Raft's safety properties, as the run checks them on every step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Property {
    /// At most one leader per term.
    ElectionSafety,
    /// Two logs with an entry of the same index and term agree on every
    /// entry up to it.
    LogMatching,
    /// A committed entry is in the log of every later leader.
    LeaderCompleteness,
    /// No two servers apply different commands at the same index.
    StateMachineSafety,
}

impl Property {
    pub const ALL: [Property; 4] = [
        Property::ElectionSafety,
        Property::LogMatching,
        Property::LeaderCompleteness,
        Property::StateMachineSafety,
    ];

    /// Its name, for people.
    pub fn label(self) -> &'static str {
        match self {
            Property::ElectionSafety => "Election safety",
            Property::LogMatching => "Log matching",
            Property::LeaderCompleteness => "Leader completeness",
            Property::StateMachineSafety => "State machine safety",
        }
    }

    /// What it promises, in one sentence.
    pub fn promise(self) -> &'static str {
        match self {
            Property::ElectionSafety => "at most one leader per term",
            Property::LogMatching => "logs that share an entry's index and term agree up to it",
            Property::LeaderCompleteness => "every leader holds every committed entry",
            Property::StateMachineSafety => "no two servers apply different commands at one index",
        }
    }
}

/// A property broken: when, and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Violation {
    pub property: Property,
    pub at: Micros,
    pub detail: String,
}

/// Counts over a whole run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsensusStats {
    /// Elections started (a server became a candidate).
    pub elections: u32,
    /// Terms that had a leader.
    pub leaders: u32,
    /// When the first leader was elected.
    pub first_leader_at: Option<Micros>,
    /// Commands accepted by a leader.
    pub accepted: u32,
    /// Highest index committed anywhere.
    pub committed: u64,
    pub messages: u64,
    /// Messages lost, cut by a partition, dropped or unheard.
    pub undelivered: u64,
    /// The highest term reached.
    pub max_term: u64,
    /// Times the safety properties were checked (one per server step).
    pub checks: u64,
}

/// A run of the consensus scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusRun {
    pub seed: u64,
    pub servers: u32,
    /// When the run ends.
    pub end: Micros,
    /// The run reached the message budget and ended early, at `end`.
    pub cut_short: bool,
    /// Every change of state, in time order.
    pub events: Vec<RaftEvent>,
    /// Every message, in the order sent.
    pub messages: Vec<MessageRecord>,
    /// `(message, when)` for each message the reader dropped.
    pub dropped: Vec<(u64, Micros)>,
    /// Every property broken, in the order found (empty: Raft held).
    pub violations: Vec<Violation>,
    pub stats: ConsensusStats,
}

impl ConsensusRun {
    /// The first violation of `property`, if any.
    pub fn violation(&self, property: Property) -> Option<&Violation> {
        self.violations.iter().find(|v| v.property == property)
    }

    /// When message `id` was dropped by the reader, if it was.
    pub fn dropped_at(&self, id: u64) -> Option<Micros> {
        self.dropped
            .iter()
            .find(|(m, _)| *m == id)
            .map(|&(_, at)| at)
    }

    /// Messages on the wire at `at`, by number.
    pub fn in_flight(&self, at: Micros) -> impl Iterator<Item = (u64, &MessageRecord)> {
        // Messages are sent in time order: skip to those sent by `at`.
        let end = self.messages.partition_point(|m| m.sent <= at);
        self.messages[..end]
            .iter()
            .enumerate()
            .filter(move |(i, m)| m.in_flight_at(at, self.dropped_at(*i as u64)))
            .map(|(i, m)| (i as u64, m))
    }
}

//! [`RaftEventKind`] and [`MessageBody`] read in one pass (see
//! `flat_event`): each is written as a map tagged by `kind`, which serde's
//! derived reader buffers before it knows the variant. A consensus run
//! brings up to 20,000 events and 20,000 messages to the page.

use serde::Deserialize;

use super::run::{MessageBody, RaftEventKind};
use crate::flat_event::field;
use crate::time::Micros;

/// The names of [`RaftEventKind`]'s variants, as written in `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum RaftTag {
    Follower,
    Candidate,
    Leader,
    Vote,
    Timer,
    Append,
    Truncate,
    Commit,
    Crash,
    Restart,
    Request,
    Partition,
    Heal,
}

/// A [`RaftEventKind`] as written.
#[derive(Deserialize)]
pub(super) struct FlatRaftEventKind {
    kind: RaftTag,
    votes: Option<Vec<u32>>,
    candidate: Option<u32>,
    deadline: Option<Micros>,
    index: Option<u64>,
    entry_term: Option<u64>,
    command: Option<u32>,
    from: Option<u64>,
    accepted: Option<bool>,
    groups: Option<Vec<u32>>,
}

impl TryFrom<FlatRaftEventKind> for RaftEventKind {
    type Error = String;

    fn try_from(e: FlatRaftEventKind) -> Result<Self, String> {
        let index = || field(e.index, "index");
        let command = || field(e.command, "command");
        Ok(match e.kind {
            RaftTag::Follower => RaftEventKind::Follower,
            RaftTag::Candidate => RaftEventKind::Candidate,
            RaftTag::Leader => RaftEventKind::Leader {
                votes: field(e.votes, "votes")?,
            },
            RaftTag::Vote => RaftEventKind::Vote {
                candidate: field(e.candidate, "candidate")?,
            },
            RaftTag::Timer => RaftEventKind::Timer {
                deadline: field(e.deadline, "deadline")?,
            },
            RaftTag::Append => RaftEventKind::Append {
                index: index()?,
                entry_term: field(e.entry_term, "entry_term")?,
                command: command()?,
            },
            RaftTag::Truncate => RaftEventKind::Truncate {
                from: field(e.from, "from")?,
            },
            RaftTag::Commit => RaftEventKind::Commit {
                index: index()?,
                command: command()?,
            },
            RaftTag::Crash => RaftEventKind::Crash,
            RaftTag::Restart => RaftEventKind::Restart,
            RaftTag::Request => RaftEventKind::Request {
                command: command()?,
                accepted: field(e.accepted, "accepted")?,
            },
            RaftTag::Partition => RaftEventKind::Partition {
                groups: field(e.groups, "groups")?,
            },
            RaftTag::Heal => RaftEventKind::Heal,
        })
    }
}

/// The names of [`MessageBody`]'s variants, as written in `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum MessageTag {
    RequestVote,
    Vote,
    Append,
    AppendReply,
}

/// A [`MessageBody`] as written.
#[derive(Deserialize)]
pub(super) struct FlatMessageBody {
    kind: MessageTag,
    term: u64,
    last_index: Option<u64>,
    last_term: Option<u64>,
    granted: Option<bool>,
    prev_index: Option<u64>,
    prev_term: Option<u64>,
    entries: Option<Vec<(u64, u32)>>,
    commit: Option<u64>,
    success: Option<bool>,
    match_index: Option<u64>,
}

impl TryFrom<FlatMessageBody> for MessageBody {
    type Error = String;

    fn try_from(m: FlatMessageBody) -> Result<Self, String> {
        let term = m.term;
        Ok(match m.kind {
            MessageTag::RequestVote => MessageBody::RequestVote {
                term,
                last_index: field(m.last_index, "last_index")?,
                last_term: field(m.last_term, "last_term")?,
            },
            MessageTag::Vote => MessageBody::Vote {
                term,
                granted: field(m.granted, "granted")?,
            },
            MessageTag::Append => MessageBody::Append {
                term,
                prev_index: field(m.prev_index, "prev_index")?,
                prev_term: field(m.prev_term, "prev_term")?,
                entries: field(m.entries, "entries")?,
                commit: field(m.commit, "commit")?,
            },
            MessageTag::AppendReply => MessageBody::AppendReply {
                term,
                success: field(m.success, "success")?,
                match_index: field(m.match_index, "match_index")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;
    use crate::flat_event::assert_reads_back;

    /// serde's derived readers of the tagged forms, to compare with.
    #[derive(Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum EventReference {
        Follower,
        Candidate,
        Leader {
            votes: Vec<u32>,
        },
        Vote {
            candidate: u32,
        },
        Timer {
            deadline: Micros,
        },
        Append {
            index: u64,
            entry_term: u64,
            command: u32,
        },
        Truncate {
            from: u64,
        },
        Commit {
            index: u64,
            command: u32,
        },
        Crash,
        Restart,
        Request {
            command: u32,
            accepted: bool,
        },
        Partition {
            groups: Vec<u32>,
        },
        Heal,
    }

    impl From<EventReference> for RaftEventKind {
        fn from(r: EventReference) -> Self {
            match r {
                EventReference::Follower => Self::Follower,
                EventReference::Candidate => Self::Candidate,
                EventReference::Leader { votes } => Self::Leader { votes },
                EventReference::Vote { candidate } => Self::Vote { candidate },
                EventReference::Timer { deadline } => Self::Timer { deadline },
                EventReference::Append {
                    index,
                    entry_term,
                    command,
                } => Self::Append {
                    index,
                    entry_term,
                    command,
                },
                EventReference::Truncate { from } => Self::Truncate { from },
                EventReference::Commit { index, command } => Self::Commit { index, command },
                EventReference::Crash => Self::Crash,
                EventReference::Restart => Self::Restart,
                EventReference::Request { command, accepted } => {
                    Self::Request { command, accepted }
                }
                EventReference::Partition { groups } => Self::Partition { groups },
                EventReference::Heal => Self::Heal,
            }
        }
    }

    /// Every kind's tag: a new kind does not compile until it has one.
    fn event_tag(kind: &RaftEventKind) -> RaftTag {
        match kind {
            RaftEventKind::Follower => RaftTag::Follower,
            RaftEventKind::Candidate => RaftTag::Candidate,
            RaftEventKind::Leader { .. } => RaftTag::Leader,
            RaftEventKind::Vote { .. } => RaftTag::Vote,
            RaftEventKind::Timer { .. } => RaftTag::Timer,
            RaftEventKind::Append { .. } => RaftTag::Append,
            RaftEventKind::Truncate { .. } => RaftTag::Truncate,
            RaftEventKind::Commit { .. } => RaftTag::Commit,
            RaftEventKind::Crash => RaftTag::Crash,
            RaftEventKind::Restart => RaftTag::Restart,
            RaftEventKind::Request { .. } => RaftTag::Request,
            RaftEventKind::Partition { .. } => RaftTag::Partition,
            RaftEventKind::Heal => RaftTag::Heal,
        }
    }

    fn message_tag(body: &MessageBody) -> MessageTag {
        match body {
            MessageBody::RequestVote { .. } => MessageTag::RequestVote,
            MessageBody::Vote { .. } => MessageTag::Vote,
            MessageBody::Append { .. } => MessageTag::Append,
            MessageBody::AppendReply { .. } => MessageTag::AppendReply,
        }
    }

    #[test]
    fn every_event_kind_reads_back_as_written() {
        let kinds = vec![
            RaftEventKind::Follower,
            RaftEventKind::Candidate,
            RaftEventKind::Leader {
                votes: vec![1, 3, 4],
            },
            RaftEventKind::Vote { candidate: 2 },
            RaftEventKind::Timer { deadline: 150_000 },
            RaftEventKind::Append {
                index: 4,
                entry_term: 2,
                command: 17,
            },
            RaftEventKind::Truncate { from: 3 },
            RaftEventKind::Commit {
                index: 4,
                command: 17,
            },
            RaftEventKind::Crash,
            RaftEventKind::Restart,
            RaftEventKind::Request {
                command: 18,
                accepted: false,
            },
            RaftEventKind::Partition {
                groups: vec![0, 0, 1],
            },
            RaftEventKind::Heal,
        ];
        let tags: std::collections::HashSet<_> = kinds.iter().map(|k| event_tag(k) as u8).collect();
        assert_eq!(tags.len(), kinds.len(), "one of each kind");
        assert_reads_back::<_, EventReference>(&kinds);
    }

    #[derive(Deserialize)]
    #[serde(tag = "kind", rename_all = "snake_case")]
    enum MessageReference {
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
            entries: Vec<(u64, u32)>,
            commit: u64,
        },
        AppendReply {
            term: u64,
            success: bool,
            match_index: u64,
        },
    }

    impl From<MessageReference> for MessageBody {
        fn from(r: MessageReference) -> Self {
            match r {
                MessageReference::RequestVote {
                    term,
                    last_index,
                    last_term,
                } => Self::RequestVote {
                    term,
                    last_index,
                    last_term,
                },
                MessageReference::Vote { term, granted } => Self::Vote { term, granted },
                MessageReference::Append {
                    term,
                    prev_index,
                    prev_term,
                    entries,
                    commit,
                } => Self::Append {
                    term,
                    prev_index,
                    prev_term,
                    entries,
                    commit,
                },
                MessageReference::AppendReply {
                    term,
                    success,
                    match_index,
                } => Self::AppendReply {
                    term,
                    success,
                    match_index,
                },
            }
        }
    }

    #[test]
    fn every_message_body_reads_back_as_written() {
        let bodies = vec![
            MessageBody::RequestVote {
                term: 3,
                last_index: 5,
                last_term: 2,
            },
            MessageBody::Vote {
                term: 3,
                granted: true,
            },
            MessageBody::Append {
                term: 3,
                prev_index: 5,
                prev_term: 2,
                entries: vec![(3, 40), (3, 41)],
                commit: 4,
            },
            MessageBody::AppendReply {
                term: 3,
                success: false,
                match_index: 4,
            },
        ];
        let tags: std::collections::HashSet<_> =
            bodies.iter().map(|b| message_tag(b) as u8).collect();
        assert_eq!(tags.len(), bodies.len(), "one of each kind");
        assert_reads_back::<_, MessageReference>(&bodies);
    }
}

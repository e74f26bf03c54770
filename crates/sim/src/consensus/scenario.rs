//! The consensus scenario: a Raft cluster of 3, 5 or 7 servers over a
//! lossy, delaying network, and what a reader (or an author) does to it at
//! given moments: crash, restart, time out, a client request, a partition,
//! healing it, dropping a message in flight. Interventions are part of the
//! scenario, so a run with them is still a function of (scenario, seed).

use serde::{Deserialize, Serialize};

use crate::delay::Delay;
use crate::error::{check_count, check_range, field, ScenarioError};
use crate::time::{ms_to_micros, Micros};

/// Most interventions one scenario may hold.
pub const MAX_INTERVENTIONS: usize = 200;

/// A validated description of one consensus experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConsensusScenario {
    /// Servers in the cluster: 3, 5 or 7 (named S1, S2, ...).
    pub servers: u32,
    /// How long the run lasts, in milliseconds.
    pub duration_ms: f64,
    /// One-way delay of a message between two servers.
    pub latency: Delay,
    /// Probability that a message is lost (0 to 1).
    pub loss: f64,
    /// Election timeouts are drawn uniformly between these two, in ms.
    pub election_timeout_min_ms: f64,
    pub election_timeout_max_ms: f64,
    /// A leader's heartbeat (and replication) interval, in ms.
    pub heartbeat_ms: f64,
    /// A client submits a command to the leader this often (0: never; the
    /// reader's requests still go in).
    pub client_interval_ms: f64,
    /// Raft's election restriction: a server votes only for a candidate
    /// whose log is at least as up to date as its own. `false` breaks Raft
    /// on purpose, to show what the check protects.
    pub check_log_on_vote: bool,
    /// What happens to the cluster, and when.
    pub interventions: Vec<Intervention>,
}

impl Default for ConsensusScenario {
    fn default() -> Self {
        Self {
            servers: 5,
            duration_ms: 10_000.0,
            latency: Delay::Uniform {
                min_ms: 10.0,
                max_ms: 30.0,
            },
            loss: 0.0,
            election_timeout_min_ms: 150.0,
            election_timeout_max_ms: 300.0,
            heartbeat_ms: 50.0,
            client_interval_ms: 500.0,
            check_log_on_vote: true,
            interventions: Vec::new(),
        }
    }
}

/// Something done to the cluster at `at_ms`. Servers are numbered from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Intervention {
    /// The server stops: it loses its volatile state and hears nothing.
    Crash { at_ms: f64, server: u32 },
    /// A stopped server starts again from its persistent state (term, vote,
    /// log) as a follower.
    Restart { at_ms: f64, server: u32 },
    /// The server's election timer fires now.
    Timeout { at_ms: f64, server: u32 },
    /// A client hands the server a command (only a leader accepts it).
    Request { at_ms: f64, server: u32 },
    /// The network splits: `groups[i]` is the group of server `i + 1`, and
    /// only servers of one group hear each other (messages in flight across
    /// the split are lost when they arrive).
    Partition { at_ms: f64, groups: Vec<u32> },
    /// Every server hears every other again.
    Heal { at_ms: f64 },
    /// The message with this number (the order it was sent in, from 0) is
    /// lost, if it is still in flight.
    Drop { at_ms: f64, message: u64 },
}

impl Intervention {
    /// When it happens, in ms.
    pub fn at_ms(&self) -> f64 {
        match *self {
            Intervention::Crash { at_ms, .. }
            | Intervention::Restart { at_ms, .. }
            | Intervention::Timeout { at_ms, .. }
            | Intervention::Request { at_ms, .. }
            | Intervention::Partition { at_ms, .. }
            | Intervention::Heal { at_ms }
            | Intervention::Drop { at_ms, .. } => at_ms,
        }
    }

    /// When it happens, in µs.
    pub fn at(&self) -> Micros {
        ms_to_micros(self.at_ms())
    }

    /// The server it acts on, if it acts on one.
    pub fn server(&self) -> Option<u32> {
        match *self {
            Intervention::Crash { server, .. }
            | Intervention::Restart { server, .. }
            | Intervention::Timeout { server, .. }
            | Intervention::Request { server, .. } => Some(server),
            _ => None,
        }
    }

    fn validate(&self, at: &str, servers: u32, duration_ms: f64) -> Result<(), ScenarioError> {
        check_range(&field(at, "at_ms"), self.at_ms(), 0.0, duration_ms, "ms")?;
        if let Some(server) = self.server() {
            check_count(&field(at, "server"), server, 1, servers)?;
        }
        if let Intervention::Partition { groups, .. } = self {
            if groups.len() != servers as usize {
                return Err(ScenarioError::new(
                    field(at, "groups"),
                    format!("a list of {}", groups.len()),
                    format!("a group number for each of the {servers} servers"),
                ));
            }
            for (i, &g) in groups.iter().enumerate() {
                check_count(&format!("{}[{i}]", field(at, "groups")), g, 0, servers)?;
            }
        }
        Ok(())
    }
}

impl ConsensusScenario {
    /// Checks every field against its documented range.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if ![3, 5, 7].contains(&self.servers) {
            return Err(ScenarioError::new("servers", self.servers, "3, 5 or 7"));
        }
        check_range("duration_ms", self.duration_ms, 100.0, 120_000.0, "ms")?;
        self.latency.validate("latency")?;
        check_range("loss", self.loss, 0.0, 1.0, "")?;
        check_range(
            "election_timeout_min_ms",
            self.election_timeout_min_ms,
            10.0,
            10_000.0,
            "ms",
        )?;
        check_range(
            "election_timeout_max_ms",
            self.election_timeout_max_ms,
            self.election_timeout_min_ms,
            20_000.0,
            "ms",
        )?;
        check_range(
            "heartbeat_ms",
            self.heartbeat_ms,
            1.0,
            self.election_timeout_min_ms,
            "ms",
        )?;
        check_range(
            "client_interval_ms",
            self.client_interval_ms,
            0.0,
            120_000.0,
            "ms",
        )?;
        if self.client_interval_ms > 0.0 && self.client_interval_ms < 10.0 {
            return Err(ScenarioError::new(
                "client_interval_ms",
                self.client_interval_ms,
                "0 (no client) or 10 to 120000 ms",
            ));
        }
        if self.interventions.len() > MAX_INTERVENTIONS {
            return Err(ScenarioError::new(
                "interventions",
                format!("a list of {}", self.interventions.len()),
                format!("at most {MAX_INTERVENTIONS} long"),
            ));
        }
        for (i, intervention) in self.interventions.iter().enumerate() {
            intervention.validate(
                &format!("interventions[{i}]"),
                self.servers,
                self.duration_ms,
            )?;
        }
        Ok(())
    }

    /// Votes (or replicas) that make a majority.
    pub fn majority(&self) -> usize {
        self.servers as usize / 2 + 1
    }

    /// The demo's "lose a committed entry" preset: S1 leads; S4 and S5 are
    /// cut off while S1, S2 and S3 commit; S1 crashes as the network heals,
    /// and S4, with a higher term and a shorter log, times out first. Only
    /// the election restriction (`check_log_on_vote`) keeps it from
    /// leading; this preset switches it off.
    pub fn lost_entry() -> ConsensusScenario {
        ConsensusScenario {
            servers: 5,
            client_interval_ms: 200.0,
            check_log_on_vote: false,
            interventions: vec![
                Intervention::Timeout {
                    at_ms: 20.0,
                    server: 1,
                },
                Intervention::Partition {
                    at_ms: 1000.0,
                    groups: vec![1, 1, 1, 2, 2],
                },
                Intervention::Crash {
                    at_ms: 3000.0,
                    server: 1,
                },
                Intervention::Heal { at_ms: 3000.0 },
                Intervention::Timeout {
                    at_ms: 3010.0,
                    server: 4,
                },
            ],
            ..ConsensusScenario::default()
        }
    }

    /// The scenario with `intervention` done at its moment, and every
    /// intervention after that moment forgotten: acting in the past forks
    /// history from there.
    pub fn fork_with(&self, intervention: Intervention) -> ConsensusScenario {
        let at = intervention.at_ms();
        let mut next = self.clone();
        next.interventions.retain(|i| i.at_ms() <= at);
        next.interventions.push(intervention);
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid_and_reads_from_toml() {
        ConsensusScenario::default().validate().expect("valid");
        let s: ConsensusScenario = toml::from_str(
            "servers = 3\n[[interventions]]\nkind = \"crash\"\nat_ms = 100\nserver = 2\n\
             [[interventions]]\nkind = \"partition\"\nat_ms = 200\ngroups = [1, 1, 2]\n",
        )
        .expect("parses");
        s.validate().expect("valid");
        assert_eq!(s.interventions[0].server(), Some(2));
    }

    #[test]
    fn bad_values_name_their_field() {
        let s = ConsensusScenario {
            servers: 4,
            ..Default::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "servers");
        let s = ConsensusScenario {
            interventions: vec![Intervention::Crash {
                at_ms: 5.0,
                server: 9,
            }],
            ..Default::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "interventions[0].server");
        let s = ConsensusScenario {
            interventions: vec![Intervention::Partition {
                at_ms: 5.0,
                groups: vec![1, 2],
            }],
            ..Default::default()
        };
        assert_eq!(s.validate().unwrap_err().field, "interventions[0].groups");
    }

    #[test]
    fn acting_in_the_past_forgets_what_came_after() {
        let s = ConsensusScenario {
            interventions: vec![
                Intervention::Heal { at_ms: 100.0 },
                Intervention::Heal { at_ms: 900.0 },
            ],
            ..Default::default()
        };
        let forked = s.fork_with(Intervention::Crash {
            at_ms: 500.0,
            server: 1,
        });
        assert_eq!(forked.interventions.len(), 2);
        assert_eq!(forked.interventions[1].at_ms(), 500.0);
    }
}

//! Raft's safety properties, checked as the run goes: the engine tells the
//! checker what changed, and the checker records the first time each
//! property breaks. With Raft intact none ever does (the property tests
//! run thousands of seeds with crashes, restarts and partitions); with the
//! election restriction switched off, the demo's preset breaks two.

use std::collections::BTreeMap;

use super::run::{Property, Violation};
use crate::time::Micros;

/// One log entry: its term and command.
pub(super) type Entry = (u64, u32);

#[derive(Default)]
pub(super) struct SafetyChecker {
    /// The leader of each term that had one, with its log when elected.
    leaders: BTreeMap<u64, (u32, Vec<Entry>)>,
    /// Every committed entry, by index.
    committed: BTreeMap<u64, Entry>,
    pub(super) violations: Vec<Violation>,
    pub(super) checks: u64,
}

impl SafetyChecker {
    fn broken(&mut self, property: Property, at: Micros, detail: String) {
        // Each property is reported once: its first break is the story.
        if self.violations.iter().all(|v| v.property != property) {
            self.violations.push(Violation {
                property,
                at,
                detail,
            });
        }
    }

    /// `server` won the election of `term` holding `log`.
    pub(super) fn leader_elected(&mut self, at: Micros, term: u64, server: u32, log: &[Entry]) {
        self.checks += 1;
        if let Some(&(other, _)) = self.leaders.get(&term) {
            if other != server {
                self.broken(
                    Property::ElectionSafety,
                    at,
                    format!("S{other} and S{server} are both leader of term {term}"),
                );
            }
        } else {
            self.leaders.insert(term, (server, log.to_vec()));
        }
        let missing = self
            .committed
            .iter()
            .find(|(&index, &entry)| log.get(index as usize - 1) != Some(&entry));
        if let Some((&index, &(_, command))) = missing {
            self.broken(
                Property::LeaderCompleteness,
                at,
                format!(
                    "S{server} leads term {term} without committed entry {index} (command {command})"
                ),
            );
        }
    }

    /// `server`, in `term`, committed (and applied) `entry` at `index`.
    pub(super) fn committed(
        &mut self,
        at: Micros,
        server: u32,
        term: u64,
        index: u64,
        entry: Entry,
    ) {
        self.checks += 1;
        if !self.committed.contains_key(&index) {
            // Committed in `term`: a leader of any later term, even one
            // elected before this moment (a stale leader can commit late),
            // must hold it.
            let missing = self
                .leaders
                .range(term + 1..)
                .find(|(_, (_, log))| log.get(index as usize - 1) != Some(&entry))
                .map(|(&t, &(leader, _))| (t, leader));
            if let Some((t, leader)) = missing {
                self.broken(
                    Property::LeaderCompleteness,
                    at,
                    format!(
                        "S{leader} led term {t} without entry {index} (command {}), committed in term {term}",
                        entry.1
                    ),
                );
            }
        }
        match self.committed.get(&index) {
            Some(&(_, command)) if command != entry.1 => self.broken(
                Property::StateMachineSafety,
                at,
                format!(
                    "S{server} applied command {} at index {index}, where command {command} was applied",
                    entry.1
                ),
            ),
            Some(_) => {}
            None => {
                self.committed.insert(index, entry);
            }
        }
    }

    /// `server`'s log changed: compare it with every other log. Each log
    /// comes with its prefix fingerprints (`hashes[k]` covers entries
    /// `..=k`), so a comparison up to an index is one step.
    pub(super) fn log_changed(&mut self, at: Micros, server: u32, logs: &[(&[Entry], &[u64])]) {
        self.checks += 1;
        let (mine, my_hashes) = logs[server as usize - 1];
        for (i, &(other, other_hashes)) in logs.iter().enumerate() {
            let peer = i as u32 + 1;
            if peer == server {
                continue;
            }
            // The highest index where both hold the same term: everything
            // up to it must be the same.
            let shared = mine.len().min(other.len());
            let Some(top) = (0..shared).rev().find(|&k| mine[k].0 == other[k].0) else {
                continue;
            };
            if my_hashes[top] == other_hashes[top] {
                continue;
            }
            let first = (0..=top).find(|&k| mine[k] != other[k]).unwrap_or(top);
            self.broken(
                Property::LogMatching,
                at,
                format!(
                    "S{server} and S{peer} hold the same term at index {} but differ at index {}",
                    top + 1,
                    first + 1
                ),
            );
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consensus::node::Node;

    #[test]
    fn two_leaders_in_a_term_break_election_safety() {
        let mut c = SafetyChecker::default();
        c.leader_elected(1, 2, 1, &[]);
        c.leader_elected(2, 2, 3, &[]);
        assert_eq!(c.violations[0].property, Property::ElectionSafety);
    }

    #[test]
    fn a_leader_without_a_committed_entry_breaks_completeness() {
        let mut c = SafetyChecker::default();
        c.committed(1, 1, 1, 1, (1, 7));
        c.leader_elected(2, 2, 2, &[(2, 9)]);
        assert_eq!(c.violations[0].property, Property::LeaderCompleteness);
        c.committed(3, 2, 2, 1, (2, 9));
        assert_eq!(c.violations[1].property, Property::StateMachineSafety);
    }

    #[test]
    fn a_late_commit_by_a_stale_leader_breaks_completeness() {
        let mut c = SafetyChecker::default();
        c.leader_elected(1, 3, 2, &[]);
        c.committed(2, 1, 2, 1, (2, 7));
        assert_eq!(c.violations[0].property, Property::LeaderCompleteness);
        // A later term's leader that holds it is fine.
        let mut ok = SafetyChecker::default();
        ok.leader_elected(1, 3, 2, &[(2, 7)]);
        ok.committed(2, 1, 2, 1, (2, 7));
        assert!(ok.violations.is_empty());
    }

    #[test]
    fn logs_that_agree_on_a_term_must_agree_before_it() {
        let mut c = SafetyChecker::default();
        let log = |entries: &[Entry]| {
            let mut node = Node::new(1, 2);
            entries.iter().for_each(|&e| node.push(e));
            (node.log, node.hashes)
        };
        let (a, ah) = log(&[(1, 1), (2, 2)]);
        let (b, bh) = log(&[(1, 5), (2, 2)]);
        c.log_changed(1, 1, &[(&a, &ah), (&b, &bh)]);
        assert_eq!(c.violations[0].property, Property::LogMatching);
        let mut ok = SafetyChecker::default();
        let (d, dh) = log(&[(1, 1), (3, 4)]);
        ok.log_changed(1, 1, &[(&a, &ah), (&d, &dh)]);
        assert!(ok.violations.is_empty());
    }
}

//! A discrete-event queue ordered by `(time, sequence number)`.
//!
//! Two events at the same instant come out in the order they were scheduled,
//! so a run never depends on heap internals.
//!
//! Events scheduled with one fixed delay (every timeout of a run, say) are
//! already in time order, so they wait in a FIFO lane instead of the heap:
//! long-lived timers then no longer make the heap deep. Popping takes the
//! earliest of the heap's top and the lanes' fronts by `(time, sequence)`,
//! so the order is exactly the one a single heap would give.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

use crate::time::Micros;

struct Scheduled<E> {
    /// `time << 64 | sequence`: one integer comparison orders events.
    key: u128,
    event: E,
}

fn key(at: Micros, seq: u64) -> u128 {
    (u128::from(at) << 64) | u128::from(seq)
}

fn time_of(key: u128) -> Micros {
    (key >> 64) as Micros
}

impl<E> PartialEq for Scheduled<E> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<E> Eq for Scheduled<E> {}
impl<E> PartialOrd for Scheduled<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Scheduled<E> {
    /// Reversed: `BinaryHeap` is a max-heap and we want the earliest.
    fn cmp(&self, other: &Self) -> Ordering {
        other.key.cmp(&self.key)
    }
}

/// Pending events and the current time.
pub struct EventQueue<E> {
    heap: BinaryHeap<Scheduled<E>>,
    lanes: Vec<VecDeque<Scheduled<E>>>,
    next_seq: u64,
    now: Micros,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

/// A FIFO lane for events scheduled with one fixed delay (see the module
/// documentation). Scheduling out of order into a lane is still correct:
/// such an event goes to the heap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lane(usize);

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        Self {
            heap: BinaryHeap::new(),
            lanes: Vec::new(),
            next_seq: 0,
            now: 0,
        }
    }

    /// An empty queue with room for `n` pending events.
    pub fn with_capacity(n: usize) -> Self {
        Self {
            heap: BinaryHeap::with_capacity(n),
            ..Self::new()
        }
    }

    /// A new FIFO lane.
    pub fn lane(&mut self) -> Lane {
        self.lanes.push(VecDeque::new());
        Lane(self.lanes.len() - 1)
    }

    /// The time of the last event popped.
    pub fn now(&self) -> Micros {
        self.now
    }

    fn next_key(&mut self, at: Micros) -> u128 {
        let k = key(at.max(self.now), self.next_seq);
        self.next_seq += 1;
        k
    }

    /// Schedules `event` at `at` (never before now).
    pub fn schedule_at(&mut self, at: Micros, event: E) {
        let key = self.next_key(at);
        self.heap.push(Scheduled { key, event });
    }

    /// Schedules `event` after `delay`.
    pub fn schedule_in(&mut self, delay: Micros, event: E) {
        self.schedule_at(self.now.saturating_add(delay), event);
    }

    /// Schedules `event` after `delay` in `lane`, which should only ever be
    /// given one delay.
    pub fn schedule_in_lane(&mut self, lane: Lane, delay: Micros, event: E) {
        let key = self.next_key(self.now.saturating_add(delay));
        let fifo = &mut self.lanes[lane.0];
        if fifo.back().is_none_or(|last| last.key < key) {
            fifo.push_back(Scheduled { key, event });
        } else {
            self.heap.push(Scheduled { key, event });
        }
    }

    /// Removes the earliest event and advances the clock to it.
    pub fn pop(&mut self) -> Option<(Micros, E)> {
        let mut best: Option<(usize, u128)> = self.heap.peek().map(|s| (usize::MAX, s.key));
        for (i, lane) in self.lanes.iter().enumerate() {
            if let Some(front) = lane.front() {
                if best.is_none_or(|(_, k)| front.key < k) {
                    best = Some((i, front.key));
                }
            }
        }
        let (source, key) = best?;
        let next = if source == usize::MAX {
            self.heap.pop()
        } else {
            self.lanes[source].pop_front()
        }?;
        self.now = time_of(key);
        Some((self.now, next.event))
    }

    /// When the earliest pending event happens, if any is pending.
    pub fn peek_time(&self) -> Option<Micros> {
        let heap = self.heap.peek().map(|s| s.key);
        let lanes = self.lanes.iter().filter_map(|l| l.front()).map(|s| s.key);
        heap.into_iter().chain(lanes).min().map(time_of)
    }

    /// Events pending.
    pub fn len(&self) -> usize {
        self.heap.len() + self.lanes.iter().map(VecDeque::len).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_time_then_schedule_order() {
        let mut q = EventQueue::new();
        q.schedule_at(20, "c");
        q.schedule_at(10, "a");
        q.schedule_at(10, "b");
        assert_eq!(q.pop(), Some((10, "a")));
        assert_eq!(q.pop(), Some((10, "b")));
        assert_eq!(q.now(), 10);
        q.schedule_in(5, "d");
        assert_eq!(q.pop(), Some((15, "d")));
        assert_eq!(q.pop(), Some((20, "c")));
        assert_eq!(q.pop(), None);
    }

    #[test]
    fn cannot_schedule_in_the_past() {
        let mut q = EventQueue::new();
        q.schedule_at(100, 1);
        q.pop();
        q.schedule_at(50, 2);
        assert_eq!(q.pop(), Some((100, 2)));
    }

    /// Lanes change nothing about the order: the same schedule through lanes
    /// and through the heap alone pops identically.
    #[test]
    fn lanes_keep_the_single_heap_order() {
        let mut plain = EventQueue::new();
        let mut laned = EventQueue::new();
        let lane = laned.lane();
        let mut out = (Vec::new(), Vec::new());
        let mut x: u64 = 12345;
        for i in 0..2000u64 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            // Mostly the fixed delay 50, sometimes another (goes to the heap).
            let fixed = if x >> 60 == 0 { 7 } else { 50 };
            let random = (x >> 33) % 60;
            plain.schedule_in(fixed, (i, 'f'));
            laned.schedule_in_lane(lane, fixed, (i, 'f'));
            plain.schedule_in(random, (i, 'r'));
            laned.schedule_in(random, (i, 'r'));
            if i % 2 == 0 {
                out.0.push(plain.pop());
                out.1.push(laned.pop());
            }
        }
        while let Some(e) = plain.pop() {
            out.0.push(Some(e));
        }
        while let Some(e) = laned.pop() {
            out.1.push(Some(e));
        }
        assert_eq!(out.0, out.1);
        assert!(laned.is_empty());
    }
}

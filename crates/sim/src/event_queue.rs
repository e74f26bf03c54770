//! A discrete-event queue ordered by `(time, sequence number)`.
//!
//! Two events at the same instant come out in the order they were scheduled,
//! so a run never depends on heap internals.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::time::Micros;

struct Scheduled<E> {
    at: Micros,
    seq: u64,
    event: E,
}

impl<E> PartialEq for Scheduled<E> {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.seq) == (other.at, other.seq)
    }
}
impl<E> Eq for Scheduled<E> {}
impl<E> PartialOrd for Scheduled<E> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<E> Ord for Scheduled<E> {
    // Reversed: BinaryHeap is a max-heap and we want the earliest first.
    fn cmp(&self, other: &Self) -> Ordering {
        (other.at, other.seq).cmp(&(self.at, self.seq))
    }
}

/// Pending events, earliest first; ties broken by scheduling order.
pub struct EventQueue<E> {
    heap: BinaryHeap<Scheduled<E>>,
    next_seq: u64,
    now: Micros,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        Self {
            heap: BinaryHeap::new(),
            next_seq: 0,
            now: 0,
        }
    }

    /// The time of the last event popped (the simulation's present).
    pub fn now(&self) -> Micros {
        self.now
    }

    /// Schedules `event` at absolute time `at` (clamped to the present: the
    /// past cannot be scheduled).
    pub fn schedule_at(&mut self, at: Micros, event: E) {
        let at = at.max(self.now);
        self.heap.push(Scheduled {
            at,
            seq: self.next_seq,
            event,
        });
        self.next_seq += 1;
    }

    /// Schedules `event` after `delay` from the present.
    pub fn schedule_in(&mut self, delay: Micros, event: E) {
        self.schedule_at(self.now.saturating_add(delay), event);
    }

    /// Removes and returns the earliest event, advancing the present to it.
    pub fn pop(&mut self) -> Option<(Micros, E)> {
        let next = self.heap.pop()?;
        self.now = next.at;
        Some((next.at, next.event))
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
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
}

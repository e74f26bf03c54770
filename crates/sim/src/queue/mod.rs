//! The queue scenario: a producer, a broker with partitions, and consumers,
//! with at-least-once delivery. A consumer that crashes or runs past the
//! ack (visibility) timeout gets its message redelivered; without an
//! idempotency store a redelivery is processed twice. Events carry an event
//! time; a delayed ("late") event may arrive after the watermark has moved
//! past it, and is then dropped or accepted.
mod broker;
mod outcome;
mod scenario;

pub use broker::{run_queue, run_queue_traced};
pub use outcome::{LagPoint, QueueEvent, QueueEventKind, QueueRun, QueueStats};
pub use scenario::{QueueScenario, QUEUE_EVENT_BUDGET};

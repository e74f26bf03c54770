//! The worker's reply to a run task, and the page's reading of it. The
//! reply is the task's generation (8 bytes, little-endian), so that the
//! page drops a superseded answer without decoding it, then frames of a
//! 4-byte little-endian length and that many bytes: the encoded
//! `Result<Run, String>` with its long lists taken out, then each part of
//! them (`run_parts`), which the page reads over several tasks.

use crate::run_protocol::{decode, decode_task, encode, RunRequest};

/// The worker's whole job: a task of `R` (`run_protocol::encode_task`) in,
/// the reply out (the module's doc says how it is framed). A task whose
/// request cannot be read is answered under its generation with the reason.
pub fn answer_run<R: RunRequest>(task: &[u8]) -> Vec<u8> {
    let (generation, request) = decode_task::<R>(task);
    let mut answer = request
        .map(|request| request.run_for_page())
        .map_err(|reason| format!("not a run task: {reason}"));
    let parts = answer.as_mut().map(R::take_parts).unwrap_or_default();
    let mut reply = generation.to_le_bytes().to_vec();
    push_frame(&mut reply, &encode::<Result<R::Run, String>>(&answer));
    for part in &parts {
        push_frame(&mut reply, &encode(part));
    }
    reply
}

fn push_frame(reply: &mut Vec<u8>, frame: &[u8]) {
    // A frame is at most a few megabytes (a run cut to the page's limit).
    let len = u32::try_from(frame.len()).unwrap_or(u32::MAX);
    reply.extend(len.to_le_bytes());
    reply.extend(frame);
}

/// The generation a reply answers, if it is a reply.
pub fn reply_generation(reply: &[u8]) -> Option<u64> {
    let head: [u8; 8] = reply.get(..8)?.try_into().ok()?;
    Some(u64::from_le_bytes(head))
}

/// A reply read a frame at a time: the page reads the run's head in the
/// task that received it and its parts over later tasks.
pub struct ReplyReader<R: RunRequest> {
    reply: Vec<u8>,
    /// Where the next frame starts.
    at: usize,
    run: R::Run,
}

impl<R: RunRequest> ReplyReader<R> {
    /// Reads a reply's head: the run without its long lists, or why the
    /// reply carries no run.
    pub fn new(reply: Vec<u8>) -> Result<Self, String> {
        if reply.len() < 8 {
            return Err("a reply too short to read".into());
        }
        let (head, at) = frame(&reply, 8)?;
        let run = decode::<Result<R::Run, String>>(head)??;
        Ok(Self { reply, at, run })
    }

    /// Whether every part has been read.
    pub fn done(&self) -> bool {
        self.at >= self.reply.len()
    }

    /// Reads the next part into the run.
    pub fn read_part(&mut self) -> Result<(), String> {
        let (bytes, next) = frame(&self.reply, self.at)?;
        let part = decode::<R::Part>(bytes)?;
        R::put_back(&mut self.run, part)?;
        self.at = next;
        Ok(())
    }

    /// The run as read so far (whole once [`done`](Self::done)).
    pub fn run(self) -> R::Run {
        self.run
    }
}

/// The frame at `at` and where the next one starts.
fn frame(reply: &[u8], at: usize) -> Result<(&[u8], usize), String> {
    let len: [u8; 4] = reply
        .get(at..at + 4)
        .and_then(|b| b.try_into().ok())
        .ok_or("a reply cut inside a frame's length")?;
    let start = at + 4;
    let end = start + u32::from_le_bytes(len) as usize;
    let bytes = reply.get(start..end).ok_or("a reply cut inside a frame")?;
    Ok((bytes, end))
}

/// The run a reply carries, read whole at once, or why there is none.
pub fn reply_run<R: RunRequest>(reply: &[u8]) -> Result<R::Run, String> {
    let mut reader = ReplyReader::<R>::new(reply.to_vec())?;
    while !reader.done() {
        reader.read_part()?;
    }
    Ok(reader.run())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run_protocol::encode_task;
    use crate::run_requests::*;
    use crate::StormSetup;
    use sim::{
        BreakerScenario, ConsensusScenario, DeepSpaceScenario, QueueScenario, RetryScenario,
    };

    /// What a worker answers to `request` is the run the page would have
    /// computed, bit for bit, after `tweak` (what the page's copy leaves
    /// out).
    fn answers_bit_for_bit<R: RunRequest>(request: R, tweak: impl Fn(&mut R::Run)) {
        let generation = 40;
        let task = encode_task(generation, &request);
        let reply = answer_run::<R>(&task);
        assert_eq!(reply_generation(&reply), Some(generation));
        let run = reply_run::<R>(&reply).expect("a run");
        // Equal runs, and equal bytes: no float moved by one ulp (no post's
        // run comes near the page's trace limit).
        let mut expected = request.run();
        tweak(&mut expected);
        assert_eq!(run, expected, "{request:?}");
        assert_eq!(encode(&run), encode(&expected));
    }

    /// The retry runs come without their attempt records.
    fn no_attempts(run: &mut sim::RetryRun) {
        assert!(!run.attempts.is_empty());
        run.attempts.clear();
    }

    #[test]
    fn a_workers_answer_is_the_run_the_page_would_compute_bit_for_bit() {
        let seed = 7;
        answers_bit_for_bit(
            RetryRequest {
                seed,
                scenario: RetryScenario::default(),
            },
            no_attempts,
        );
        answers_bit_for_bit(
            BreakerRequest {
                seed,
                scenario: BreakerScenario::default(),
            },
            no_attempts,
        );
        let mut setup = StormSetup::new(sim::StormScenario::default());
        setup.protect.breaker = true;
        answers_bit_for_bit(StormRequest { seed, setup }, |_| {});
        answers_bit_for_bit(
            QueueRequest {
                seed,
                scenario: QueueScenario::default(),
            },
            |_| {},
        );
        answers_bit_for_bit(
            DeepSpaceRequest {
                seed,
                scenario: DeepSpaceScenario::default(),
            },
            |_| {},
        );
        answers_bit_for_bit(
            ConsensusRequest {
                seed,
                scenario: ConsensusScenario::default(),
            },
            |_| {},
        );
    }

    #[test]
    fn a_message_that_is_not_a_task_is_answered_with_the_reason() {
        let reply = answer_run::<RetryRequest>(b"\x05\0\0\0\0\0\0\0 nonsense");
        assert_eq!(reply_generation(&reply), Some(5), "its generation");
        assert!(reply_run::<RetryRequest>(&reply)
            .unwrap_err()
            .starts_with("not a run task"));
        assert_eq!(reply_generation(b"short"), None);
        assert!(reply_run::<RetryRequest>(b"short").is_err());
    }

    #[test]
    fn another_demos_task_or_reply_is_refused() {
        let queue = QueueRequest {
            seed: 1,
            scenario: QueueScenario::default(),
        };
        let task = encode_task(3, &queue);
        let reply = answer_run::<RetryRequest>(&task);
        assert_eq!(reply_generation(&reply), Some(3));
        assert!(reply_run::<RetryRequest>(&reply)
            .unwrap_err()
            .starts_with("not a run task"));
        let queue_reply = answer_run::<QueueRequest>(&task);
        assert!(reply_run::<QueueRequest>(&queue_reply).is_ok());
        assert!(reply_run::<ConsensusRequest>(&queue_reply).is_err());
    }

    #[test]
    fn a_long_run_travels_in_parts_and_is_put_back_whole() {
        let request = long_retry_request();
        let reply = answer_run::<RetryRequest>(&encode_task(9, &request));
        let mut reader = ReplyReader::<RetryRequest>::new(reply.clone()).expect("a head");
        let mut parts = 0;
        while !reader.done() {
            reader.read_part().expect("a part");
            parts += 1;
        }
        // 20,000 trace events and 10,000 requests, 2,000 to a part.
        assert_eq!(parts, 15);
        let expected = request.run_for_page();
        assert_eq!(encode(&reader.run()), encode(&expected));

        // A reply cut short says so instead of showing part of a run.
        let cut = &reply[..reply.len() - 10];
        assert!(reply_run::<RetryRequest>(cut)
            .unwrap_err()
            .contains("cut inside a frame"));
    }
}

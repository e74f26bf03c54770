//! The worker's reply to a run task, and the page's reading of it. The
//! reply is the task's generation (8 bytes, little-endian), so that the
//! page drops a superseded answer without decoding it, then frames of a
//! 4-byte little-endian length and that many bytes: the encoded
//! `Result<RunAnswer, String>` with its long lists taken out, then each
//! [`Part`] of them (`run_parts`), which the page reads over several tasks.

use crate::run_parts::{self, Part};
use crate::run_protocol::{decode, encode, RunAnswer, RunTask};

/// The worker's whole job: an encoded [`RunTask`] in, the reply out (the
/// module's doc says how it is framed). A message that is not a task is
/// answered with generation 0 and the reason.
pub fn answer_run(task: &[u8]) -> Vec<u8> {
    let (generation, mut answer) = match decode::<RunTask>(task) {
        Ok(task) => (task.generation, Ok(task.request.run_for_page())),
        Err(reason) => (0, Err(format!("not a run task: {reason}"))),
    };
    let parts = answer
        .as_mut()
        .map(run_parts::take_parts)
        .unwrap_or_default();
    let mut reply = generation.to_le_bytes().to_vec();
    push_frame(&mut reply, &encode::<Result<RunAnswer, String>>(&answer));
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
pub struct ReplyReader {
    reply: Vec<u8>,
    /// Where the next frame starts.
    at: usize,
    answer: RunAnswer,
}

impl ReplyReader {
    /// Reads a reply's head: the run without its long lists, or why the
    /// reply carries no run.
    pub fn new(reply: Vec<u8>) -> Result<Self, String> {
        if reply.len() < 8 {
            return Err("a reply too short to read".into());
        }
        let (head, at) = frame(&reply, 8)?;
        let answer = decode::<Result<RunAnswer, String>>(head)??;
        Ok(Self { reply, at, answer })
    }

    /// Whether every part has been read.
    pub fn done(&self) -> bool {
        self.at >= self.reply.len()
    }

    /// Reads the next part into the run.
    pub fn read_part(&mut self) -> Result<(), String> {
        let (bytes, next) = frame(&self.reply, self.at)?;
        let part = decode::<Part>(bytes)?;
        run_parts::put_back(&mut self.answer, part)?;
        self.at = next;
        Ok(())
    }

    /// The run as read so far (whole once [`done`](Self::done)).
    pub fn answer(self) -> RunAnswer {
        self.answer
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
pub fn reply_answer(reply: &[u8]) -> Result<RunAnswer, String> {
    let mut reader = ReplyReader::new(reply.to_vec())?;
    while !reader.done() {
        reader.read_part()?;
    }
    Ok(reader.answer())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run_protocol::RunRequest;
    use crate::StormSetup;
    use sim::{
        BreakerScenario, ConsensusScenario, DeepSpaceScenario, QueueScenario, RetryScenario,
    };

    fn requests() -> Vec<RunRequest> {
        let mut storm = StormSetup::new(sim::StormScenario::default());
        storm.protect.breaker = true;
        vec![
            RunRequest::Retry {
                seed: 7,
                scenario: RetryScenario::default(),
            },
            RunRequest::Breaker {
                seed: 7,
                scenario: BreakerScenario::default(),
            },
            RunRequest::Storm {
                seed: 7,
                setup: storm,
            },
            RunRequest::Queue {
                seed: 7,
                scenario: QueueScenario::default(),
            },
            RunRequest::DeepSpace {
                seed: 7,
                scenario: DeepSpaceScenario::default(),
            },
            RunRequest::Consensus {
                seed: 7,
                scenario: ConsensusScenario::default(),
            },
        ]
    }

    #[test]
    fn a_workers_answer_is_the_run_the_page_would_compute_bit_for_bit() {
        for (i, request) in requests().into_iter().enumerate() {
            let generation = 40 + i as u64;
            let task = encode(&RunTask {
                generation,
                request: request.clone(),
            });
            let reply = answer_run(&task);
            assert_eq!(reply_generation(&reply), Some(generation));
            let answer = reply_answer(&reply).expect("a run");
            // Equal runs, and equal bytes: no float moved by one ulp (no
            // post's run comes near the page's trace limit; the retry runs
            // come without their attempt records).
            let mut run = request.run();
            if let RunAnswer::Retry(r) | RunAnswer::Breaker(r) = &mut run {
                assert!(!r.attempts.is_empty());
                r.attempts.clear();
            }
            assert_eq!(answer, run, "{request:?}");
            assert_eq!(encode(&answer), encode(&run));
        }
    }

    #[test]
    fn a_message_that_is_not_a_task_is_answered_with_the_reason() {
        let reply = answer_run(b"\xc1 nonsense");
        assert_eq!(reply_generation(&reply), Some(0));
        assert!(reply_answer(&reply)
            .unwrap_err()
            .starts_with("not a run task"));
        assert_eq!(reply_generation(b"short"), None);
        assert!(reply_answer(b"short").is_err());
    }

    #[test]
    fn a_long_run_travels_in_parts_and_is_put_back_whole() {
        let request = crate::run_protocol::long_retry_request();
        let reply = answer_run(&encode(&RunTask {
            generation: 9,
            request: request.clone(),
        }));
        let mut reader = ReplyReader::new(reply.clone()).expect("a head");
        let mut parts = 0;
        while !reader.done() {
            reader.read_part().expect("a part");
            parts += 1;
        }
        // 20,000 trace events and 10,000 requests, 2,000 to a part.
        assert_eq!(parts, 15);
        let expected = request.run_for_page();
        assert_eq!(encode(&reader.answer()), encode(&expected));

        // A reply cut short says so instead of showing part of a run.
        let cut = &reply[..reply.len() - 10];
        assert!(reply_answer(cut)
            .unwrap_err()
            .contains("cut inside a frame"));
    }
}

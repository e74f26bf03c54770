//! The registry of demos: every scenario a post can embed, with the one
//! name it goes by everywhere (the directive after `demo`, the figure's
//! `data-demo`, the page data, exports, the `sim` CLI, the digest check)
//! and a label for people. Adding a demo is adding a variant here; the
//! compiler then asks for it wherever demos are matched.

use serde::{Deserialize, Serialize};

/// A kind of demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Demo {
    Retry,
    Storm,
    Breaker,
    Contention,
    Queue,
    DeepSpace,
    Consensus,
}

impl Demo {
    /// Every demo, in the order the README lists them.
    pub const ALL: [Demo; 7] = [
        Demo::Retry,
        Demo::Storm,
        Demo::Breaker,
        Demo::Contention,
        Demo::Queue,
        Demo::DeepSpace,
        Demo::Consensus,
    ];

    /// Its name: lower case, words joined by `-` (as serde writes it).
    pub const fn key(self) -> &'static str {
        match self {
            Demo::Retry => "retry",
            Demo::Storm => "storm",
            Demo::Breaker => "breaker",
            Demo::Contention => "contention",
            Demo::Queue => "queue",
            Demo::DeepSpace => "deep-space",
            Demo::Consensus => "consensus",
        }
    }

    /// What it shows, for a person.
    pub const fn label(self) -> &'static str {
        match self {
            Demo::Retry => "Retries of one client",
            Demo::Storm => "Retry storm",
            Demo::Breaker => "Circuit breaker",
            Demo::Contention => "Backoff under contention",
            Demo::Queue => "At-least-once queue",
            Demo::DeepSpace => "Earth-Mars link",
            Demo::Consensus => "Raft consensus",
        }
    }

    /// The demo named `key`, if any.
    pub fn from_key(key: &str) -> Option<Demo> {
        Demo::ALL.into_iter().find(|d| d.key() == key)
    }

    /// Every key, joined by `, ` (for messages that list what is known).
    pub fn keys() -> String {
        Demo::ALL.map(Demo::key).join(", ")
    }
}

impl std::fmt::Display for Demo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_match_serde() {
        for demo in Demo::ALL {
            assert_eq!(Demo::from_key(demo.key()), Some(demo));
            assert_eq!(
                serde_json::to_string(&demo).expect("serializes"),
                format!("\"{}\"", demo.key())
            );
        }
        assert_eq!(Demo::from_key("deep_space"), None, "one spelling");
        let mut keys: Vec<_> = Demo::ALL.map(Demo::key).to_vec();
        keys.dedup();
        assert_eq!(keys.len(), Demo::ALL.len());
    }
}

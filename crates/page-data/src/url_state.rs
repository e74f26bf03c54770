//! A demo's state in the page's query string, so that a link reproduces a
//! run: `?d1.seed=7&d1.client.max_attempts=3` for the first demo of a post.
//!
//! Pure functions, shared by the app (which hands them `location.search`)
//! and the native tests and property tests: the query is decoded as a
//! browser's `URLSearchParams` does (`application/x-www-form-urlencoded`),
//! and what it says goes through `sim::overrides::apply_valid`, so a
//! garbled, unknown or out-of-range value is ignored, never trusted.

use serde::de::DeserializeOwned;
use serde::Serialize;
use sim::ScenarioError;

/// The query prefix of demo number `index` on its page.
pub fn demo_prefix(index: usize) -> String {
    format!("d{index}.")
}

/// Every `(name, value)` of a query string, in order, decoded: `+` is a
/// space, `%XX` a byte (a malformed escape stays as written), and the bytes
/// UTF-8 (invalid sequences become U+FFFD). A leading `?` is skipped.
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (name, value) = part.split_once('=').unwrap_or((part, ""));
            (decode(name), decode(value))
        })
        .collect()
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .filter(|_| bytes[i + 1].is_ascii_hexdigit());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` encoded as `URLSearchParams` writes it: letters, digits and
/// `*-._` as they are, a space as `+`, every other byte `%XX`.
fn encode(text: &str, out: &mut String) {
    for &b in text.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// A query string (without `?`) of `pairs`, in order.
pub fn to_query(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode(name, &mut out);
        out.push('=');
        encode(value, &mut out);
    }
    out
}

/// The pairs under `prefix`, with the prefix cut off, in order.
pub fn demo_pairs(query: &str, prefix: &str) -> Vec<(String, String)> {
    query_pairs(query)
        .into_iter()
        .filter_map(|(name, value)| Some((name.strip_prefix(prefix)?.to_string(), value)))
        .collect()
}

/// `query` with the pairs under `prefix` replaced by `pairs` (after the
/// others, which keep their order): what the URL says after a change.
pub fn with_demo_pairs(query: &str, prefix: &str, pairs: &[(String, String)]) -> String {
    let mut all: Vec<(String, String)> = query_pairs(query)
        .into_iter()
        .filter(|(name, _)| !name.starts_with(prefix))
        .collect();
    all.extend(
        pairs
            .iter()
            .map(|(path, value)| (format!("{prefix}{path}"), value.clone())),
    );
    to_query(&all)
}

/// A demo's starting state: the post's seed and scenario with what the
/// URL changes that keeps the scenario valid.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlState<S> {
    pub seed: u64,
    pub scenario: S,
    /// The pairs that were not used: unknown, garbled or out of range.
    pub ignored: Vec<(String, String)>,
}

/// Reads demo `index`'s state from `query`, starting from the post's `seed`
/// and `scenario`.
pub fn demo_state<S: Serialize + DeserializeOwned + Clone>(
    query: &str,
    index: usize,
    seed: u64,
    scenario: &S,
    validate: impl Fn(&S) -> Result<(), ScenarioError>,
) -> UrlState<S> {
    let mut url_seed = None;
    let mut ignored = Vec::new();
    let mut fields = Vec::new();
    for (path, value) in demo_pairs(query, &demo_prefix(index)) {
        if path == "seed" {
            match value.trim().parse::<u64>() {
                Ok(s) => url_seed = Some(s),
                Err(_) => ignored.push((path, value)),
            }
        } else {
            fields.push((path, value));
        }
    }
    let (scenario, mut skipped) = sim::overrides::apply_valid(scenario, &fields, validate);
    ignored.append(&mut skipped);
    UrlState {
        seed: url_seed.unwrap_or(seed),
        scenario,
        ignored,
    }
}

/// What to write in the URL for a demo now at `(seed, scenario)` that
/// started at `initial`: only what differs.
pub fn demo_diff<S: Serialize>(
    initial: &(u64, S),
    seed: u64,
    scenario: &S,
) -> Vec<(String, String)> {
    let mut pairs = sim::overrides::diff(&initial.1, scenario);
    if seed != initial.0 {
        pairs.insert(0, ("seed".into(), seed.to_string()));
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use sim::RetryScenario;

    fn p(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn decodes_as_url_search_params() {
        assert_eq!(
            query_pairs("?a=1&b=x+y%20z&&c&d=%E2%82%AC&e=%zz%4&f=a=b"),
            p(&[
                ("a", "1"),
                ("b", "x y z"),
                ("c", ""),
                ("d", "\u{20ac}"),
                ("e", "%zz%4"),
                ("f", "a=b")
            ])
        );
        assert_eq!(query_pairs("x=%FF"), p(&[("x", "\u{fffd}")]));
        assert_eq!(query_pairs(""), p(&[]));
    }

    #[test]
    fn writes_what_it_reads() {
        let pairs = p(&[("d1.seed", "7"), ("q", "a b&c=d/é")]);
        assert_eq!(to_query(&pairs), "d1.seed=7&q=a+b%26c%3Dd%2F%C3%A9");
        assert_eq!(query_pairs(&to_query(&pairs)), pairs);
    }

    #[test]
    fn replaces_only_its_own_demo() {
        let q = "?d1.seed=3&x=1&d2.seed=4&d1.requests=5";
        assert_eq!(
            with_demo_pairs(q, "d1.", &p(&[("seed", "9")])),
            "x=1&d2.seed=4&d1.seed=9"
        );
        assert_eq!(with_demo_pairs("d1.seed=3", "d1.", &[]), "");
    }

    #[test]
    fn reads_a_demo_and_ignores_what_is_bad() {
        let base = RetryScenario::default();
        let q = "?d1.seed=42&d1.requests=20&d1.client.max_attempts=9999&d1.nope=1&d2.requests=7&d1.link.loss=lots";
        let state = demo_state(q, 1, 1, &base, RetryScenario::validate);
        assert_eq!(state.seed, 42);
        assert_eq!(state.scenario.requests, 20);
        assert_eq!(state.scenario.client.max_attempts, base.client.max_attempts);
        assert_eq!(state.ignored.len(), 3, "{:?}", state.ignored);
        let state = demo_state("d1.seed=-1", 1, 5, &base, RetryScenario::validate);
        assert_eq!(state.seed, 5);
    }

    #[test]
    fn a_diff_read_back_is_the_state() {
        let base = RetryScenario::default();
        let mut changed = base.clone();
        changed.requests = 33;
        let initial = (1, base.clone());
        let query = with_demo_pairs("", "d1.", &demo_diff(&initial, 8, &changed));
        let state = demo_state(&query, 1, 1, &base, RetryScenario::validate);
        assert_eq!((state.seed, state.scenario), (8, changed));
    }
}

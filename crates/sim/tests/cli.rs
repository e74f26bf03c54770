//! The `sim` command runs every demo of the registry (`Demo::ALL`): its
//! metrics as JSON, its digest the same as the library's, and an unknown
//! name answered with the list of known ones.

use std::process::{Command, Output};

use sim::{default_run_digest, Demo};

fn sim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sim"))
        .args(args)
        .output()
        .expect("the sim binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

#[test]
fn list_prints_every_demo_of_the_registry() {
    let listed = stdout(&sim(&["--list"]));
    let keys: Vec<&str> = listed.lines().collect();
    assert_eq!(keys, Demo::ALL.map(Demo::key));
}

#[test]
fn every_demo_runs_and_prints_its_metrics() {
    for demo in Demo::ALL {
        let text = stdout(&sim(&[demo.key(), "--seed", "7"]));
        let rows: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{demo}: not JSON ({e}): {text}"));
        let first = rows.as_array().and_then(|r| r.first()).unwrap_or(&rows);
        assert!(
            first.get("seed").is_some() || first.get("strategy").is_some(),
            "{demo}: {text}"
        );
    }
}

#[test]
fn every_demo_digest_matches_the_library() {
    for demo in Demo::ALL {
        let text = stdout(&sim(&[
            demo.key(),
            "--digest",
            "--runs",
            "2",
            "--seed",
            "3",
        ]));
        let expected = format!(
            "{demo} 3 {}\n{demo} 4 {}\n",
            default_run_digest(demo, 3),
            default_run_digest(demo, 4)
        );
        assert_eq!(text, expected);
    }
}

#[test]
fn an_unknown_scenario_names_the_known_ones() {
    let out = sim(&["breakers"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown scenario `breakers`"), "{err}");
    for demo in Demo::ALL {
        assert!(err.contains(demo.key()), "{demo}: {err}");
    }
}

#[test]
fn consensus_events_are_json_lines_a_script_can_check() {
    let text = stdout(&sim(&["consensus", "--events", "--seed", "2"]));
    let mut applied = std::collections::BTreeMap::new();
    let mut kinds = std::collections::BTreeSet::new();
    for line in text.lines() {
        let e: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}"));
        for field in ["t_ms", "server", "kind", "term"] {
            assert!(e.get(field).is_some(), "no {field}: {line}");
        }
        let kind = e["kind"].as_str().expect("a kind").to_string();
        if kind == "commit" {
            let index = e["index"].as_u64().expect("an index");
            let command = e["command"].as_u64().expect("a command");
            // State machine safety, as a reader's own script would check it.
            assert_eq!(*applied.entry(index).or_insert(command), command, "{line}");
        }
        kinds.insert(kind);
    }
    let expected = ["candidate", "commit", "follower", "leader"];
    assert!(expected.iter().all(|k| kinds.contains(*k)), "{kinds:?}");
    assert!(applied.len() >= 10, "{} commits", applied.len());
}

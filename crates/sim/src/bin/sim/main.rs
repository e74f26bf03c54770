//! `sim`: runs any scenario from the command line and prints its metrics,
//! so the author can check numbers before writing them in a post.
//!
//! ```text
//! sim contention --clients 100 --strategy full-jitter --runs 20 --seed 1
//! sim storm --client.retry_budget.ratio 0.1 --format csv --runs 5
//! sim retry --link.loss 0.1 --client.max_attempts 3
//! sim breaker --failure_rate 0.5
//! sim consensus --servers 7 --loss 0.05 --events
//! sim --list
//! ```
//!
//! The scenarios are the demos of `sim::Demo`, by their keys.

mod report;

use std::process::ExitCode;

use report::Format;
use serde::de::DeserializeOwned;
use serde::Serialize;
use sim::{
    run_breaker, run_consensus, run_contention, run_deep_space, run_queue, run_retry, run_storm,
    summarize_contention, BreakerScenario, ConsensusScenario, ContentionScenario,
    DeepSpaceScenario, Demo, QueueScenario, RetryScenario, ScenarioError, StormScenario,
};

const USAGE: &str = "\
usage: sim <scenario> [--seed N] [--runs N] [--format json|csv] [--each] [--series]
           [--<field> <value> ...]
       sim --list      print the scenarios' names, one per line

";
const OPTIONS: &str = "\
  --seed N         seed of the first run (default 1); run i uses seed N + i
  --runs N         runs to make (default 1)
  --format F       json (default) or csv
  --each           contention: one row per run instead of the mean and sd
  --series         storm: print the first run's time series instead
  --events         consensus: print the first run's events as JSON lines
                   (t_ms, server, kind, term; index and command of commits)
  --digest         print `<scenario> <seed> <digest>` of each default run
                   with its full event log (to compare native with wasm)
  --<field> V      set a scenario field by its name in a post, dotted for
                   nested ones: --clients 100 --strategy full-jitter,
                   --client.max_attempts 3, --server.outages '[]',
                   --link.latency '{\"kind\":\"constant\",\"ms\":5}'";

struct Options {
    scenario: Demo,
    seed: u64,
    runs: u32,
    format: Format,
    each: bool,
    series: bool,
    events: bool,
    digest: bool,
    overrides: Vec<(String, String)>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let name = args.next().ok_or("name a scenario")?;
    if name == "-h" || name == "--help" {
        return Err(String::new());
    }
    let scenario = Demo::from_key(&name).ok_or(format!(
        "unknown scenario `{name}`; known: {}",
        Demo::keys()
    ))?;
    let mut options = Options {
        scenario,
        seed: 1,
        runs: 1,
        format: Format::Json,
        each: false,
        series: false,
        events: false,
        digest: false,
        overrides: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let Some(name) = arg.strip_prefix("--") else {
            return Err(format!("unexpected argument `{arg}`"));
        };
        let mut value = |what: &str| args.next().ok_or(format!("--{name} needs {what}"));
        match name {
            "each" => options.each = true,
            "series" => options.series = true,
            "events" => options.events = true,
            "digest" => options.digest = true,
            "help" => return Err(String::new()),
            "seed" => {
                let v = value("a number")?;
                options.seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not a whole number"))?;
            }
            "runs" => {
                let v = value("a number")?;
                options.runs = v
                    .parse()
                    .ok()
                    .filter(|&n| (1..=100_000).contains(&n))
                    .ok_or(format!("--runs: `{v}` is not between 1 and 100000"))?;
            }
            "format" => {
                options.format = match value("json or csv")?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    other => return Err(format!("--format: `{other}` is not json or csv")),
                }
            }
            field => {
                let v = value("a value")?;
                options.overrides.push((field.to_string(), v));
            }
        }
    }
    Ok(options)
}

fn scenario<T: Serialize + DeserializeOwned + Default>(
    options: &Options,
    validate: fn(&T) -> Result<(), ScenarioError>,
) -> Result<T, String> {
    let s = sim::overrides::apply(&T::default(), &options.overrides)?;
    validate(&s).map_err(|e| e.to_string())?;
    Ok(s)
}

fn seeds(options: &Options) -> impl Iterator<Item = u64> + '_ {
    (0..options.runs).map(|i| options.seed.wrapping_add(u64::from(i)))
}

fn run(options: &Options) -> Result<(), String> {
    if options.digest {
        if !options.overrides.is_empty() {
            return Err("--digest runs the default scenario: drop the field settings".into());
        }
        let demo = options.scenario;
        for seed in seeds(options) {
            println!("{demo} {seed} {}", sim::default_run_digest(demo, seed));
        }
        return Ok(());
    }
    match options.scenario {
        Demo::Retry => {
            let s: RetryScenario = scenario(options, RetryScenario::validate)?;
            let rows: Vec<_> = seeds(options)
                .map(|seed| report::retry_row(&run_retry(&s, seed)))
                .collect();
            report::print_rows(&rows, options.format);
        }
        Demo::Breaker => {
            let s: BreakerScenario = scenario(options, BreakerScenario::validate)?;
            let rows: Vec<_> = seeds(options)
                .map(|seed| report::breaker_row(&run_breaker(&s, seed)))
                .collect();
            report::print_rows(&rows, options.format);
        }
        Demo::Storm => {
            let s: StormScenario = scenario(options, StormScenario::validate)?;
            if options.series {
                let run = run_storm(&s, options.seed);
                let rows: Vec<_> = run.series.iter().map(report::series_row).collect();
                report::print_rows(&rows, options.format);
            } else {
                let rows: Vec<_> = seeds(options)
                    .map(|seed| report::storm_row(&run_storm(&s, seed)))
                    .collect();
                report::print_rows(&rows, options.format);
            }
        }
        Demo::Contention => {
            let s: ContentionScenario = scenario(options, ContentionScenario::validate)?;
            if options.each {
                let rows: Vec<_> = seeds(options)
                    .map(|seed| report::contention_row(&run_contention(&s, seed)))
                    .collect();
                report::print_rows(&rows, options.format);
            } else {
                let summary = summarize_contention(&s, options.seed, options.runs);
                report::print_contention_summary(&summary, options.format);
            }
        }
        Demo::Queue => {
            let s: QueueScenario = scenario(options, QueueScenario::validate)?;
            let rows: Vec<_> = seeds(options)
                .map(|seed| report::queue_row(&run_queue(&s, seed)))
                .collect();
            report::print_rows(&rows, options.format);
        }
        Demo::Consensus => {
            let s: ConsensusScenario = scenario(options, ConsensusScenario::validate)?;
            if options.events {
                report::print_consensus_events(&run_consensus(&s, options.seed));
            } else {
                let rows: Vec<_> = seeds(options)
                    .map(|seed| report::consensus_row(&run_consensus(&s, seed)))
                    .collect();
                report::print_rows(&rows, options.format);
            }
        }
        Demo::DeepSpace => {
            let s: DeepSpaceScenario = scenario(options, DeepSpaceScenario::validate)?;
            let rows: Vec<_> = seeds(options)
                .map(|seed| report::deep_space_row(&run_deep_space(&s, seed)))
                .collect();
            report::print_rows(&rows, options.format);
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--list") {
        for demo in Demo::ALL {
            println!("{demo}");
        }
        return ExitCode::SUCCESS;
    }
    let result = parse_args(std::env::args().skip(1)).and_then(|o| run(&o));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("sim: {message}");
            }
            eprintln!("{USAGE}scenarios: {}\n{OPTIONS}", Demo::keys());
            ExitCode::from(2)
        }
    }
}

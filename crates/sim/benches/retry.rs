//! Throughput of the retry scenario (events per second are in BENCHMARKS.md).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sim::{run_retry, RetryScenario};

fn bench_retry(c: &mut Criterion) {
    let scenario = RetryScenario {
        requests: 10_000,
        ..RetryScenario::default()
    };
    let events = run_retry(&scenario, 1).events;
    let mut group = c.benchmark_group("retry");
    group.throughput(Throughput::Elements(events));
    group.bench_function("default_10k_requests", |b| {
        b.iter(|| run_retry(black_box(&scenario), black_box(1)))
    });
    group.finish();
}

criterion_group!(benches, bench_retry);
criterion_main!(benches);

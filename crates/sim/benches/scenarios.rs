//! Events per second of the scenarios, natively. The same workloads run in
//! wasm in headless Chromium (`scripts/bench-wasm`); BENCHMARKS.md has both.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sim::{run_contention, run_retry, run_storm, workloads};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenarios");
    group.sample_size(20);

    let storm = workloads::storm();
    group.throughput(Throughput::Elements(run_storm(&storm, 1).events));
    group.bench_function("storm", |b| {
        b.iter(|| run_storm(black_box(&storm), black_box(1)))
    });

    let contention = workloads::contention();
    group.throughput(Throughput::Elements(run_contention(&contention, 1).events));
    group.bench_function("contention", |b| {
        b.iter(|| run_contention(black_box(&contention), black_box(1)))
    });

    let contention_1000 = workloads::contention_1000();
    group.throughput(Throughput::Elements(
        run_contention(&contention_1000, 1).events,
    ));
    group.bench_function("contention_1000", |b| {
        b.iter(|| run_contention(black_box(&contention_1000), black_box(1)))
    });

    let retry = workloads::retry();
    group.throughput(Throughput::Elements(run_retry(&retry, 1).events));
    group.bench_function("retry_traced", |b| {
        b.iter(|| run_retry(black_box(&retry), black_box(1)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

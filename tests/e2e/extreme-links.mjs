// The most expensive links a reader can open, per demo: shared by the
// extremes test (the page answers and the result arrives) and the
// main-thread bench (how long the page is held, measured not asserted).

/** The most expensive runs a link can ask for: every field at the edge
 * of its range that makes the most work. */
export const URL_EXTREMES = {
  retry: {
    requests: '10000',
    interval_ms: '0',
    'server.failure_rate': '1',
    'client.max_attempts': '100',
    'client.backoff': 'none',
    'client.base_ms': '0',
    'client.timeout_ms': '3600000',
  },
  storm: {
    'scenario.arrival_rate': '100000',
    'scenario.duration_ms': '600000',
    'scenario.bucket_ms': '10',
    'scenario.client.max_attempts': '100',
    'scenario.client.backoff': 'none',
  },
  breaker: {
    requests: '10000',
    interval_ms: '1',
    failure_rate: '1',
    timeout_ms: '600000',
  },
  contention: {
    clients_from: '10000',
    clients_to: '10000',
    runs: '1',
    strategies: '["none"]',
    base_ms: '0',
  },
  queue: {
    producer_rate: '100000',
    duration_ms: '600000',
    keys: '100000',
    partitions: '1000',
    consumers: '1000',
    bucket_ms: '10',
    crash_probability: '1',
  },
  'deep-space': {
    messages: '100000',
    interval_ms: '0',
    timeout_factor: '0.1',
    hops: '[{"light_ms":3600000,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99},{"light_ms":0,"loss":0.99}]',
  },
  // Seven servers for two minutes with a heartbeat every millisecond and a
  // command every 10 ms: the run stops at its message budget (300,000).
  consensus: {
    servers: '7',
    duration_ms: '120000',
    heartbeat_ms: '1',
    election_timeout_min_ms: '10',
    election_timeout_max_ms: '10',
    latency: '{"kind":"constant","ms":0}',
    client_interval_ms: '10',
  },
};

/** `route` with `params` as demo 1's state in the query. */
export function withParams(route, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) query.append(`d1.${k}`, v);
  return `${route}?${query}`;
}

// The Grafana dashboard in docs/ is valid JSON and only charts metrics that exist (or are named
// as expected from another worker), so a renamed metric breaks this test rather than the graphs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/grafana/ceasefire.json');

describe('docs/grafana/ceasefire.json', () => {
  it('is a dashboard whose queries name our metrics', () => {
    const dash = JSON.parse(readFileSync(file, 'utf8')) as { uid: string; panels: Array<{ id: number; targets: Array<{ expr: string }> }> };
    expect(dash.uid).toBe('ceasefire-watch');
    expect(new Set(dash.panels.map((p) => p.id)).size).toBe(dash.panels.length);
    const names = new Set(dash.panels.flatMap((p) => p.targets.flatMap((t) => [...t.expr.matchAll(/\b(ceasefire_[a-z_]+|process_[a-z_]+|up)\b/g)].map((m) => m[1]))));
    const known = [
      'ceasefire_messages_total',
      'ceasefire_retries_total',
      'ceasefire_batch_seconds_bucket',
      'ceasefire_batch_size_bucket',
      'ceasefire_consumer_lag',
      'ceasefire_api_request_seconds_bucket',
      'ceasefire_api_request_seconds_count',
      'ceasefire_api_sse_clients',
      // Expected from the alerting worker (deliveries by channel and outcome).
      'ceasefire_deliveries_total',
      'process_resident_memory_bytes',
      'process_start_time_seconds',
      'up',
    ];
    for (const n of names) expect(known).toContain(n);
  });

  it('never filters `up` by service: Prometheus writes it with the target\'s labels only, so "Workers up" went blank once a service was chosen', () => {
    const dash = JSON.parse(readFileSync(file, 'utf8')) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    const exprs = dash.panels.flatMap((p) => p.targets.map((t) => t.expr));
    for (const e of exprs) expect(e).not.toMatch(/\bup\{[^}]*service/);
    const workersUp = dash.panels.find((p) => p.title === 'Workers up')!.targets[0]!.expr;
    // The service comes from the workers' own metrics, joined on the scrape target.
    expect(workersUp).toMatch(/^sum\(up \* on \(job, instance\) group_left \(service\)/);
    expect(workersUp).toContain('{service=~"$service"}');
  });
});

// docs/prometheus/alerts.yml: valid for Prometheus (`promtool check rules`), each rule fires on the
// series that should trigger it (`promtool test rules alerts.test.yml`), and every metric it reads
// is one a worker exports (or, for the ingester's, the name issue #15 is expected to export).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ensureDebianBinary } from './support/debian.ts';
import { repoRoot } from './support/workers.ts';

const dir = path.join(repoRoot, 'docs/prometheus');
const promtool = (...args: string[]) =>
  execFileSync(ensureDebianBinary('/usr/bin/promtool', 'prometheus'), args, { cwd: dir, encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] });

describe('docs/prometheus/alerts.yml', () => {
  it('passes promtool check rules and its unit tests', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toContain('SUCCESS: 5 rules found');
    expect(promtool('test', 'rules', 'alerts.test.yml')).toContain('SUCCESS');
  });

  it('has the five alerts the person on duty needs, each with a severity and a summary, on metrics that exist', () => {
    const rules = (parse(readFileSync(path.join(dir, 'alerts.yml'), 'utf8')) as { groups: Array<{ rules: Array<{ alert: string; expr: string; labels: { severity: string }; annotations: { summary: string } }> }> }).groups.flatMap((g) => g.rules);
    expect(rules.map((r) => r.alert)).toEqual(['CeasefireWorkerDown', 'CeasefireConsumerLagHigh', 'CeasefireDeadLettersGrowing', 'CeasefireAlertDeliveryFailing', 'CeasefireStatementsUnpublished']);
    for (const r of rules) {
      expect(['warning', 'critical']).toContain(r.labels.severity);
      expect(r.annotations.summary.length).toBeGreaterThan(10);
    }
    const sources = ['packages/runtime/src/consumer-loop.ts', 'packages/runtime/src/lag.ts', 'services/alerting/src/main.ts'].map((f) => readFileSync(path.join(repoRoot, f), 'utf8')).join('\n');
    const used = new Set(rules.flatMap((r) => [...r.expr.matchAll(/\b(ceasefire_[a-z_]+)\b/g)].map((m) => m[1]!)));
    // Added to the ingester by issue #15 (hardening); not exported on this branch yet.
    const expected = new Set(['ceasefire_ingest_unpublished_statements']);
    for (const name of used) if (!expected.has(name)) expect(sources, name).toContain(`'${name}'`);
  });
});

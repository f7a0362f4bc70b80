import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry, collectDefaultMetrics } from 'prom-client';

/** A readiness check: resolves when the dependency answers, throws (with a reason) when not. */
export type Probe = () => Promise<void>;

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface HealthOptions {
  port: number;
  host?: string;
  /** Named checks for /readyz (database, broker…). */
  probes: Record<string, Probe>;
  registry: Registry;
  /** Per-probe deadline. */
  probeTimeoutMs?: number;
}

/** A metrics registry with Node's default process metrics, one per process. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

async function runProbe(probe: Probe, timeoutMs: number): Promise<string> {
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref()),
    ]);
    return 'ok';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * GET /healthz: the process is alive. GET /readyz: every probe answers (503 with the failing
 * ones otherwise). GET /metrics: Prometheus text format.
 */
export async function startHealthServer(options: HealthOptions): Promise<HealthServer> {
  const timeoutMs = options.probeTimeoutMs ?? 2_000;
  const server: Server = createServer((req, res) => {
    const url = req.url?.split('?')[0];
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    if (url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (url === '/readyz') {
      const names = Object.keys(options.probes);
      void Promise.all(names.map((n) => runProbe(options.probes[n]!, timeoutMs))).then((results) => {
        const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]));
        const ready = results.every((r) => r === 'ok');
        res
          .writeHead(ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: ready ? 'ready' : 'not ready', checks }));
      });
      return;
    }
    if (url === '/metrics') {
      void options.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': options.registry.contentType }).end(text),
        (e: unknown) => res.writeHead(500).end(String(e)),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

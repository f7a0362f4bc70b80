// The fault suite's own world: a private Kafka broker and a private Postgres server (other ports,
// other data dirs, under .cache/faults), so stopping them disturbs no other test; the workers as
// processes under a small supervisor that restarts them like systemd would; a webhook receiver
// whose behaviour (up, failing, hanging) the fault plan switches.
import { execFile } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { verifyWebhookSignature } from '@ceasefire/alerting-service';
import {
  ensureDatabase,
  ensureKafka,
  ensureKafkaLibs,
  startPrivatePostgres,
  stopKafka,
  removePrivatePostgres,
  stopPrivatePostgres,
} from '@ceasefire/stack';
import { freePort, repoRoot, startWorker, type WorkerName, type WorkerProcess } from '../support/workers.ts';

// Free ports picked once per run (below the ephemeral range, where an outgoing connection could
// take them while a server is down): two checkouts' fault suites never meet. The private Postgres's
// data lives in the checkout's folder under the system's temporary directory (`checkoutTmpDir`).
const kafkaPort = await freePort();
const controllerPort = await freePort([kafkaPort]);
const pgPort = await freePort([kafkaPort, controllerPort]);
export const FAULT_KAFKA = { root: repoRoot, kafkaPort, controllerPort, dir: '.cache/faults/kafka', nodeId: 1, allowForeign: false };
export const FAULT_PG = { root: repoRoot, privatePort: pgPort, privateDir: 'faults-postgres' };
export const FAULT_DATABASE_URL = `postgres://postgres@127.0.0.1:${FAULT_PG.privatePort}/ceasefire`;
export const FAULT_BROKERS = [`127.0.0.1:${FAULT_KAFKA.kafkaPort}`];

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFaultKafka(): Promise<void> {
  await ensureKafkaLibs({ root: repoRoot });
  await ensureKafka({ ...FAULT_KAFKA, startTimeoutMs: 120_000 });
}
export async function stopFaultKafka(): Promise<void> {
  await stopKafka(FAULT_KAFKA);
}
export async function startFaultPostgres(): Promise<void> {
  await startPrivatePostgres(FAULT_PG);
  await ensureDatabase(`postgres://postgres@127.0.0.1:${FAULT_PG.privatePort}/postgres`, 'ceasefire');
}
export async function stopFaultPostgres(): Promise<void> {
  await stopPrivatePostgres(FAULT_PG);
}
/** At the suite's end: the private server stopped and its data folder removed. */
export async function removeFaultPostgres(): Promise<void> {
  await removePrivatePostgres(FAULT_PG);
}

/** Keeps one worker running: restarts it (until it is ready) after each kill. */
export class Supervised {
  current: WorkerProcess | null = null;
  starts = 0;
  failedStarts = 0;
  /** Exit codes of processes that died without being killed by us: each one is a worker crash. */
  readonly crashes: Array<number | NodeJS.Signals> = [];
  private killing = false;
  /** Every log line of every process this worker ran as. */
  readonly lines: string[] = [];

  constructor(
    readonly name: WorkerName,
    private readonly env: Record<string, string>,
  ) {}

  private starting: Promise<void> | null = null;

  /** Starts the worker unless it runs or is starting; resolves once it is ready. */
  start(): Promise<void> {
    if (this.current) return Promise.resolve();
    this.starting ??= this.startUntilReady().finally(() => (this.starting = null));
    return this.starting;
  }

  private async startUntilReady(): Promise<void> {
    for (;;) {
      try {
        const w = await startWorker(this.name, this.env, { readyTimeoutMs: 90_000 });
        this.starts++;
        this.current = w;
        const lines = w.lines;
        void w.exited.then((code) => {
          this.lines.push(...lines);
          if (!this.killing && this.current === w) {
            // It died by itself: a crash the checker reports. Restarted like systemd would.
            this.crashes.push(code);
            this.lines.push(`[supervisor] ${this.name} exited by itself with ${code}; restarting`);
            this.current = null;
            void this.start();
          }
        });
        return;
      } catch (e) {
        // Started during an outage and gave up (exit 1), as under a real supervisor: try again.
        this.failedStarts++;
        this.lines.push(`[supervisor] start failed: ${String(e).slice(0, 2000)}`);
        await sleep(1_000);
      }
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.starting) await this.starting;
    const w = this.current;
    if (!w) return;
    this.killing = true;
    await w.kill(signal);
    this.current = null;
    this.killing = false;
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }
}

export type ReceiverMode = 'up' | 'failing' | 'hanging';

export interface HookRequest {
  readonly idempotencyKey: string;
  readonly alertId: string | null;
  readonly notification: string | null;
  readonly verified: boolean;
  readonly status: number;
  readonly mode: ReceiverMode;
}

/** The operators' webhook endpoint: checks signatures; fails (503) or hangs when told to. */
export async function startFaultReceiver(secret: string) {
  let mode: ReceiverMode = 'up';
  const requests: HookRequest[] = [];
  const hanging = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const h: IncomingHttpHeaders = req.headers;
      const verified = verifyWebhookSignature({
        secret,
        body,
        timestamp: h['x-ceasefire-timestamp'] as string | undefined,
        signature: h['x-ceasefire-signature'] as string | undefined,
      }).ok;
      let data: { alert_id?: string; notification?: string } = {};
      try {
        data = (JSON.parse(body) as { data?: typeof data }).data ?? {};
      } catch {
        /* recorded as unverified below */
      }
      const at = mode;
      const status = !verified ? 401 : at === 'failing' ? 503 : 200;
      const record = (s: number) =>
        requests.push({
          idempotencyKey: String(h['x-ceasefire-idempotency-key'] ?? ''),
          alertId: data.alert_id ?? null,
          notification: data.notification ?? null,
          verified,
          status: s,
          mode: at,
        });
      if (at === 'hanging') {
        // Never answers in time: the worker's timeout fires and it retries later. Answered (and
        // counted as seen, since a receiver may act on a request it answers late) at the end.
        const release = (): void => {
          if (!hanging.delete(release)) return;
          clearTimeout(timer);
          record(200);
          if (!res.headersSent && !res.destroyed) res.writeHead(200).end('late');
        };
        hanging.add(release);
        const timer = setTimeout(release, 30_000);
        timer.unref();
        return;
      }
      record(status);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    setMode(m: ReceiverMode) {
      mode = m;
      if (m !== 'hanging') for (const release of [...hanging]) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const release of [...hanging]) release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type FaultReceiver = Awaited<ReturnType<typeof startFaultReceiver>>;

/** Every message value of a topic on the private broker, read with kcat (a non-JavaScript client). */
export async function readTopicValues(topic: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(
    'kcat',
    ['-b', FAULT_BROKERS.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%s\\n'],
    { timeout: 120_000, maxBuffer: 512 * 1024 * 1024 },
  );
  return stdout.split('\n').filter(Boolean);
}

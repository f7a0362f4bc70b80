// Slow and endless connections at shutdown (issue #15): a body dripped a byte at a time and open
// live streams held the three APIs' close() until each worker's 15 s deadline (`ceasefire down`
// took 58 s). Each worker, with such connections open, now exits on SIGTERM within seconds.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateStage, type PrivateStage } from '../support/harness.ts';
import { freePort, startWorker, stopAllWorkers, type WorkerProcess } from '../support/workers.ts';

const TOKEN = `shutdown-token-${randomBytes(8).toString('hex')}`;
let stage: PrivateStage;
const sockets: Socket[] = [];
let ports: Record<'ingester' | 'alerting' | 'api', number>;
let workers: Record<'ingester' | 'alerting' | 'api', WorkerProcess>;

beforeAll(async () => {
  stage = await privateStage('shutdown');
  ports = { ingester: await freePort(), alerting: await freePort(), api: await freePort() };
  const [ingester, alerting, api] = await Promise.all([
    startWorker('ingester', { ...stage.env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(ports.ingester) }),
    startWorker('alerting', { ...stage.env, OPERATOR_TOKEN: TOKEN, OPERATOR_PORT: String(ports.alerting) }),
    startWorker('api', { ...stage.env, API_TOKEN: TOKEN, API_HTTP_PORT: String(ports.api), API_STREAM_GROUP_PREFIX: `${stage.prefix}stream` }),
  ]);
  workers = { ingester: ingester!, alerting: alerting!, api: api! };
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await stopAllWorkers();
  await stage?.close();
});

/** Opens a connection that sends `head`, then a byte every 200 ms for ever. */
function drip(port: number, head: string): void {
  const socket = connect(port, '127.0.0.1', () => socket.write(head));
  const timer = setInterval(() => socket.write(' '), 200);
  socket.on('close', () => clearInterval(timer));
  socket.on('error', () => undefined);
  sockets.push(socket);
}

describe('shutdown with slow and endless connections', () => {
  it('each API worker exits on SIGTERM within seconds, not at its deadline', async () => {
    const auth = `Authorization: Bearer ${TOKEN}\r\n`;
    drip(ports.ingester, `POST /v1/statements HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"`);
    drip(ports.alerting, `POST /agreements HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"notes":"`);
    drip(ports.api, `GET /v1/alerts/stream HTTP/1.1\r\nHost: x\r\n${auth}\r\n`);
    drip(ports.api, `POST /v1/alerts/al_x/ack HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"by":"`);
    // An idle keep-alive connection too.
    await fetch(`http://127.0.0.1:${ports.api}/v1/gazetteer`, { headers: { authorization: `Bearer ${TOKEN}` } });
    await new Promise((r) => setTimeout(r, 500));
    const took = await Promise.all(
      Object.values(workers).map(async (w) => {
        const started = Date.now();
        const code = await w.stop('SIGTERM');
        return { name: w.name, code, ms: Date.now() - started };
      }),
    );
    for (const t of took) {
      expect(t.code, `${t.name} exit code`).toBe(0);
      expect(t.ms, `${t.name} took ${t.ms} ms`).toBeLessThan(8_000);
    }
    process.stderr.write(`[shutdown] ${took.map((t) => `${t.name} ${t.ms} ms`).join(', ')}\n`);
  }, 60_000);
});

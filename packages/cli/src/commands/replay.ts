/**
 * `ceasefire replay [--since T] [--until T]`: republishes stored statements to the statements
 * topic so the running classifier re-extracts them with its current extractor. Events of an older
 * extractor version are superseded, not added to; the same version changes nothing.
 */
import { parseArgs } from 'node:util';
import { statementsTopic, topicName, type Statement } from '@ceasefire/contracts';
import { publish } from '@ceasefire/runtime';
import { countStatements, statementsPage } from '@ceasefire/db';
import { isoInZone, statementEnvelope } from '@ceasefire/ingest';
import { SingleBar, Presets } from 'cli-progress';
import { openServices } from '../context.ts';

const USAGE = `usage: ceasefire replay [--since TIME] [--until TIME] [--batch N] [--json]
  --since TIME   statements published at or after TIME (ISO 8601)
  --until TIME   statements published before TIME
  --batch N      statements per publish (default 500)
environment: DATABASE_URL, KAFKA_BROKERS (default: the local stack's)
`;

function time(name: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw new UsageError(`--${name}: not an ISO 8601 time: ${value}`);
  return t;
}

class UsageError extends Error {}

export async function replayCommand(
  args: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream & { isTTY?: boolean }; env: NodeJS.ProcessEnv; root: string },
): Promise<number> {
  let since: Date | undefined;
  let until: Date | undefined;
  let batch = 500;
  let json = false;
  try {
    const { values } = parseArgs({
      args,
      options: { since: { type: 'string' }, until: { type: 'string' }, batch: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    since = time('since', values.since);
    until = time('until', values.until);
    json = values.json ?? false;
    if (values.batch !== undefined) {
      batch = Number(values.batch);
      if (!Number.isInteger(batch) || batch < 1 || batch > 10_000) throw new UsageError('--batch: a whole number from 1 to 10000');
    }
  } catch (e) {
    io.stderr.write(`ceasefire replay: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }

  const services = await openServices(io.env, io.root, 'ceasefire-replay');
  const range = { ...(since ? { since } : {}), ...(until ? { until } : {}) };
  const total = await countStatements(services.db, range);
  const bar = io.stderr.isTTY && !json ? new SingleBar({ format: 'replay [{bar}] {value}/{total} statements', stream: io.stderr }, Presets.shades_classic) : null;
  bar?.start(total, 0);
  const topic = topicName(statementsTopic, services.config.TOPIC_PREFIX);
  const replayedAt = new Date();
  let done = 0;
  try {
    let after: { publishedAt: Date; id: string } | undefined;
    for (;;) {
      const page = await statementsPage(services.db, { ...range, ...(after ? { after } : {}), limit: batch });
      if (page.length === 0) break;
      await publish(
        services.producer,
        statementsTopic,
        services.config.TOPIC_PREFIX,
        page.map((row) => {
          const statement: Statement = {
            id: row.id,
            text: row.text,
            language: row.language,
            published_at: isoInZone(row.published_at_date, row.published_zone),
            published_zone: row.published_zone,
            source_agency: row.source_agency,
            url: row.url,
            received_at: row.received_at,
            origin: { kind: 'replay', ref: replayedAt.toISOString() },
          };
          // A replay is a new message about the same statement: its own id, the same key.
          return { key: row.id, message: statementEnvelope(statement, 'ceasefire/replay', replayedAt, `${row.id}@replay:${replayedAt.toISOString()}`) };
        }),
      );
      done += page.length;
      bar?.update(done);
      const last = page.at(-1)!;
      after = { publishedAt: last.published_at_date, id: last.id };
    }
  } finally {
    bar?.stop();
    await services.close();
  }
  io.stdout.write(json ? `${JSON.stringify({ replayed: done, topic })}\n` : `replayed ${done} statements to ${topic}\n`);
  return 0;
}

/**
 * `ceasefire stack up|down|status [--json]`: the local stack (Kafka in KRaft mode on the JVM,
 * Postgres, topics, migrations). Reads DATABASE_URL, KAFKA_PORT and KAFKA_CONTROLLER_PORT.
 */
import { stackDown, stackStatus, stackUp, type StackOptions } from '@ceasefire/stack';

const USAGE = `usage: ceasefire stack <up|down|status> [--json] [--brokers N]
  up       start (or reuse) Kafka and Postgres, create the topics, apply the migrations;
           --brokers 3: a three-node KRaft cluster on 127.0.0.1:29092-29094 instead of one broker
           on 9092 (topics with replication factor 3, min.insync.replicas 2)
  down     stop the broker and a private Postgres (data is kept in .cache/)
  status   what runs, the broker's memory, topics and migrations (--json for machines)
environment: DATABASE_URL (use this database), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093)
`;

function port(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 65535)
    throw new Error(`${name} must be a TCP port, got ${JSON.stringify(raw)}`);
  return n;
}

const mb = (kb: number | undefined): string => (kb === undefined ? '?' : `${Math.round(kb / 1024)} MiB`);

export async function stackCommand(
  args: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; root: string; env?: NodeJS.ProcessEnv },
): Promise<number> {
  const out = (line: string): boolean => io.stdout.write(`${line}\n`);
  const [sub, ...rest] = args;
  const json = rest.includes('--json');
  const b = rest.indexOf('--brokers');
  const brokersArg = b >= 0 ? rest[b + 1] : undefined;
  const brokers = brokersArg === undefined ? undefined : Number(brokersArg);
  const unknown = rest.filter((a, i) => a !== '--json' && !(b >= 0 && (i === b || i === b + 1)));
  if (b >= 0 && (sub !== 'up' || brokers === undefined || !Number.isInteger(brokers) || brokers < 1 || brokers > 9)) {
    io.stderr.write(`--brokers takes a node count (1-9) and goes with up\n${USAGE}`);
    return 2;
  }
  if (sub === undefined || sub === '--help' || sub === '-h' || unknown.length > 0) {
    (sub === undefined || unknown.length > 0 ? io.stderr : io.stdout).write(USAGE);
    return sub === undefined || unknown.length > 0 ? 2 : 0;
  }
  const env = io.env ?? process.env;
  try {
    switch (sub) {
      case 'up': {
        const kafkaPort = port(env, 'KAFKA_PORT');
        const controllerPort = port(env, 'KAFKA_CONTROLLER_PORT');
        const opts: StackOptions = {
          root: io.root,
          log: (line) => io.stderr.write(`${line}\n`),
          ...(brokers === undefined ? {} : { brokers }),
          ...(kafkaPort === undefined ? {} : { kafkaPort }),
          ...(controllerPort === undefined ? {} : { controllerPort }),
          ...(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : {}),
        };
        const info = await stackUp(opts);
        if (json) {
          out(JSON.stringify(info, null, 2));
        } else {
          const k = info.kafka;
          out(
            `kafka     ${info.kafkaBrokers.join(',')}  ${k.external ? 'external' : `pid ${k.pid}`}  ${k.startedMs > 0 ? `started in ${(k.startedMs / 1000).toFixed(1)} s` : 'already running'}  rss ${mb(k.memoryKb)}`,
          );
          for (const n of k.nodes ?? []) out(`  node ${n.nodeId}  ${n.broker}  pid ${n.pid}  rss ${mb(n.memoryKb)}`);
          out(`postgres  ${info.databaseUrl}  (${info.postgres.source})`);
          out(
            `topics    ${info.topics.length} (${info.topics.filter((t) => t.action === 'created').length} created)`,
          );
          out(`migrated  ${info.migrationsApplied.length} applied now`);
          out(
            `ready in ${(info.tookMs / 1000).toFixed(1)} s; KAFKA_BROKERS=${info.kafkaBrokers.join(',')} DATABASE_URL=${info.databaseUrl}`,
          );
        }
        return 0;
      }
      case 'down': {
        const r = await stackDown({ root: io.root, log: (line) => io.stderr.write(`${line}\n`) });
        if (json) out(JSON.stringify(r));
        return 0;
      }
      case 'status': {
        const s = await stackStatus({ root: io.root });
        if (json) {
          out(JSON.stringify(s, null, 2));
        } else {
          const k = s.kafka;
          out(
            `kafka     ${k.running ? `running pid ${k.pid}, rss ${mb(k.memoryKb)}` : 'not running (ours)'}; ${k.answers ? 'answers' : 'no answer'} on ${k.brokers.join(',')}`,
          );
          for (const n of k.nodes ?? []) {
            out(`  node ${n.nodeId}  ${n.running ? `pid ${n.pid}, rss ${mb(n.memoryKb)}` : 'not running'}; ${n.answers ? 'answers' : 'no answer'}`);
          }
          out(
            `topics    ${k.topics.length} present${k.missingTopics.length > 0 ? `, missing: ${k.missingTopics.join(', ')}` : ''}`,
          );
          const p = s.postgres;
          out(
            `postgres  ${p.url ?? '(no stack.json: run `ceasefire stack up`)'} ${p.source ? `(${p.source}) ` : ''}${p.answers ? 'answers' : 'no answer'}${p.error ? `: ${p.error}` : ''}`,
          );
          out(`migrated  ${p.migrationsApplied.length} applied, ${p.migrationsPending.length} pending`);
        }
        // Non-zero when something is down, so scripts can `status || up`.
        return s.kafka.answers && s.postgres.answers ? 0 : 1;
      }
      default:
        io.stderr.write(`unknown stack command ${JSON.stringify(sub)}\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    io.stderr.write(`stack ${sub}: ${(err as Error).message}\n`);
    return 1;
  }
}

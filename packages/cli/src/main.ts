// `npx ceasefire <command>`: the operator's and developer's entry point. Each command lives in
// ./commands and takes its arguments and streams, so it can be tested without a shell.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const HELP = `ceasefire: the ceasefire watch command line

Usage: npx ceasefire <command> [options]
       npx ceasefire --version

Commands:
  up                       start the stack and the workers, ingest the sample statements
  down                     stop the workers and the stack
  ingest FILE... | -       ingest statement files (.txt, .json, .jsonl) or JSON lines on stdin
  replay [--since T] [--until T]   re-classify stored statements with the current extractor
  stack up|down|status     manage the local stack (status --json for scripts)
  migrate latest|rollback|status [--json]   apply or inspect the event store's migrations
  topics create|list [--json]   the topic catalog on a Kafka cluster
  agreements add|list|end|confirm   the ceasefire agreements alerting checks events against
  alerts list|ack ID       alerts and their acknowledgement
  extract [--profile NAME] read statements as JSON lines on stdin, write extracted events

Run \`npx ceasefire <command> --help\` for a command's options. Listings take --json (one JSON
value on stdout); errors go to stderr only, one line each.
Exit codes: 0 success, 1 failure, 2 usage error.
`;

/** The version of the command line (its package's). */
export function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

type Command = (args: string[]) => Promise<number>;

/** The environment, with the local stack's addresses where DATABASE_URL / KAFKA_BROKERS are unset. */
async function stackEnv(): Promise<NodeJS.ProcessEnv> {
  const { cliEnvironment } = await import('./context.ts');
  return (await cliEnvironment(process.env, root)) as NodeJS.ProcessEnv;
}

const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };

const commands: Record<string, Command> = {
  async up(args) {
    const { upCommand } = await import('./commands/up.ts');
    return upCommand(args, { ...io, root, env: process.env });
  },
  async down(args) {
    const { downCommand } = await import('./commands/up.ts');
    return downCommand(args, { ...io, root, env: process.env });
  },
  async ingest(args) {
    const { ingestCommand } = await import('./commands/ingest.ts');
    return ingestCommand(args, { ...io, root, env: process.env });
  },
  async replay(args) {
    const { replayCommand } = await import('./commands/replay.ts');
    return replayCommand(args, { ...io, root, env: process.env });
  },
  async topics(args) {
    const { topicsCommand } = await import('./commands/topics.ts');
    return topicsCommand(args, { ...io, root, env: process.env });
  },
  async agreements(args) {
    const { agreementsCommand } = await import('./commands/agreements.ts');
    return agreementsCommand(args, { ...io, env: await stackEnv() });
  },
  async alerts(args) {
    const { alertsCommand } = await import('./commands/alerts.ts');
    return alertsCommand(args, { ...io, env: await stackEnv() });
  },
  async stack(args) {
    const { stackCommand } = await import('./commands/stack.ts');
    return stackCommand(args, { ...io, root });
  },
  async migrate(args) {
    const { migrateCommand } = await import('./commands/migrate.ts');
    return migrateCommand(args, { ...io, env: await stackEnv() });
  },
  async extract(args) {
    const { extractCommand } = await import('./commands/extract.ts');
    return extractCommand(args, io);
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`ceasefire ${version()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`ceasefire: unknown command "${name}"\n\n${HELP}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (e) {
    const { explainFailure } = await import('./context.ts');
    process.stderr.write(`ceasefire ${name}: ${explainFailure(e, await stackEnv().catch(() => process.env))}\n`);
    return 1;
  }
}

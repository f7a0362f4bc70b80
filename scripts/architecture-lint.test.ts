// The import rules of eslint.config.js hold the architecture in place (docs/architecture.md):
// each deliberate violation below, linted as if it stood at that path, must be reported.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import rules', () => {
  it.each([
    ['a package importing a service by name', 'packages/ingest/src/fixture.ts', "import { buildOperatorApi } from '@ceasefire/alerting-service';", /packages never import services/],
    ['a package importing a service by path', 'packages/cli/src/fixture.ts', "import { createApp } from '../../../services/api/src/app.ts';", /packages never import services/],
    ['a service importing another', 'services/api/src/fixture.ts', "import { acknowledgeAlert } from '@ceasefire/alerting-service';", /a service never imports another/],
    ['a service importing another by path', 'services/classifier/src/fixture.ts', "import { createFeedPoller } from '../../ingester/src/feeds.ts';", /a service never imports another/],
    ['kafkajs outside the runtime\'s Kafka module', 'services/ingester/src/fixture.ts', "import { Kafka } from 'kafkajs';", /only packages\/runtime\/src\/kafka\//],
    ['@platformatic/kafka outside it', 'packages/stack/src/fixture.ts', "import { Producer } from '@platformatic/kafka';", /only packages\/runtime\/src\/kafka\//],
    ['the runtime importing the database', 'packages/runtime/src/fixture.ts', "import { createDb } from '@ceasefire/db';", /the runtime does not know the database/],
    ['a pure package doing I/O', 'packages/contracts/src/fixture.ts', "import { readFileSync } from 'node:fs';", /pure packages do no I\/O/],
    ['the engine loading the schemas', 'packages/extraction/src/fixture.ts', "import { EventType } from '@ceasefire/contracts';", /import from @ceasefire\/contracts\/domain/],
    ['the engine doing I/O', 'packages/extraction/src/fixture.ts', "import { readFileSync } from 'node:fs';", /pure packages do no I\/O/],
  ])('reports %s', async (_what, file, code, message) => {
    const messages = await restrictedImports(file, `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('let the allowed directions through', async () => {
    expect(await restrictedImports('packages/runtime/src/kafka/fixture.ts', "import { Kafka } from 'kafkajs';\nexport const used = [Kafka];\n")).toEqual([]);
    expect(await restrictedImports('services/api/src/fixture.ts', "import { acknowledgeAlert } from '@ceasefire/operations';\nexport const used = [acknowledgeAlert];\n")).toEqual([]);
    expect(await restrictedImports('packages/extraction/src/fixture.ts', "import { EVENT_TYPES } from '@ceasefire/contracts/domain';\nexport const used = [EVENT_TYPES];\n")).toEqual([]);
    expect(await restrictedImports('packages/worker/src/fixture.ts', "import { createDb } from '@ceasefire/db';\nexport const used = [createDb];\n")).toEqual([]);
  });
});

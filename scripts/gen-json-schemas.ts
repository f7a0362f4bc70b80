// Writes packages/contracts/schemas/*.json from the zod contracts. A unit test fails when the
// committed files drift from the schemas, so run this after changing a message.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '@ceasefire/contracts';

const dir = fileURLToPath(new URL('../packages/contracts/schemas/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [file, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(dir + file, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote packages/contracts/schemas/${file}`);
}

// The classifier's composition root: the only place that reads configuration and wires things.
import { statementsTopic } from '@ceasefire/contracts';
import { EXTRACTOR_VERSION, PROFILES, getProfile } from '@ceasefire/extraction';
import { ConfigError, createLogger, loadConfig, runConsumer, startService } from '@ceasefire/runtime';
import { classifierConfigSchema } from './config.ts';
import { extractionThreads, inlineExtractor, threadExtractor } from './extraction.ts';
import { createClassifierHandler, type ProfileFacts } from './handler.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(classifierConfigSchema, process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`classifier: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const fixed = config.EXTRACTION_PROFILE ? getProfile(config.EXTRACTION_PROFILE) : undefined;
  if (config.EXTRACTION_PROFILE && !fixed) {
    process.stderr.write(`classifier: invalid configuration:\n  EXTRACTION_PROFILE: unknown profile; one of ${PROFILES.map((p) => p.id).join(', ')}\n`);
    process.exit(78);
  }
  const logger = createLogger({ service: 'classifier', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const ctx = await startService({ service: 'classifier', config, logger });

  const facts = new Map<string, ProfileFacts>(
    PROFILES.map((p) => [
      p.id,
      { dyad: p.parties.map((x) => x.code).sort().join('-'), thirdParties: p.third_parties.map((t) => t.code) },
    ]),
  );
  const threads = extractionThreads(config.EXTRACTION_THREADS);
  // The worker module beside this one: extraction-worker.ts from the sources, .js in the bundle.
  const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './extraction-worker.ts' : './extraction-worker.js', import.meta.url);
  const extractor = threads > 0 ? threadExtractor(fixed?.id, threads, workerUrl) : inlineExtractor(fixed?.id);
  // Registered before the consumer, so released after it: no batch is mid-extraction then.
  ctx.lifecycle.add('extraction threads', () => extractor.close());
  const handle = createClassifierHandler({
    db: ctx.db,
    producer: ctx.producer,
    topicPrefix: config.TOPIC_PREFIX,
    extractor,
    profileFacts: (id) => facts.get(id) ?? { dyad: null, thirdParties: [] },
    now: () => new Date(),
    source: `ceasefire/classifier@${EXTRACTOR_VERSION}`,
  });
  const groupId = config.CLASSIFIER_GROUP_ID ?? `${config.TOPIC_PREFIX}ceasefire-classifier`;
  await runConsumer(ctx, {
    groupId,
    topic: statementsTopic,
    handle,
    maxBytesPerPartition: config.FETCH_MAX_BYTES_PER_PARTITION,
  });
  ctx.started();
  logger.info({ extractorVersion: EXTRACTOR_VERSION, group: groupId, extraction: extractor.mode }, 'classifying statements');
}

main().catch((err: unknown) => {
  process.stderr.write(`classifier: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

// The classifier's composition root: the only place that reads configuration and wires things.
import { statementsTopic } from '@ceasefire/contracts';
import { EXTRACTOR_VERSION, PROFILES, getProfile } from '@ceasefire/extraction';
import { runConsumer, runService } from '@ceasefire/worker';
import { classifierConfigSchema } from './config.ts';
import { extractionThreads, inlineExtractor, threadExtractor } from './extraction.ts';
import { createClassifierHandler, type ProfileFacts } from './handler.ts';

void runService('classifier', classifierConfigSchema, async ({ config, logger, ctx }) => {
  const fixed = config.EXTRACTION_PROFILE ? getProfile(config.EXTRACTION_PROFILE) : undefined;

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
  logger.info({ extractorVersion: EXTRACTOR_VERSION, group: groupId, extraction: extractor.mode }, 'classifying statements');
});

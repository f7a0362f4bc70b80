import { baseConfigSchema, positiveInt, requireSaslTogether } from '@ceasefire/runtime';
import { z } from 'zod';

/** The classifier's environment. */
export const classifierConfigSchema = requireSaslTogether(
  baseConfigSchema.extend({
    /** Consumer group: instances in one group share the statements topic's partitions. */
    /** Consumer group on the statements topic; default `<TOPIC_PREFIX>ceasefire-classifier`, so
     *  deployments sharing a broker under different prefixes never share a group. */
    CLASSIFIER_GROUP_ID: z.string().min(1).optional(),
    /** Conflict profile to use for every statement; unset: the engine picks one per statement. */
    EXTRACTION_PROFILE: z.string().optional(),
    /**
     * Worker threads that run the extraction engine (0: on the event loop). Unset: one per core
     * (`os.availableParallelism()`), so extraction uses every core the process is given while the
     * event loop decodes, stores and publishes.
     */
    EXTRACTION_THREADS: z.coerce.number().int().min(0).max(64).optional(),
    /** Bytes fetched per partition per request (bigger batches, fewer transactions). */
    FETCH_MAX_BYTES_PER_PARTITION: positiveInt.default(1_048_576),
  }),
);
export type ClassifierConfig = z.output<typeof classifierConfigSchema>;

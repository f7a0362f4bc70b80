// kafkajs's errors, built with its own classes as its producer, admin, consumer and retrier
// build them, as the adapter types them (kafkajsError); no broker.
import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSGroupCoordinatorNotFound,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
  KafkaJSSASLAuthenticationError,
  KafkaJSTopicMetadataNotLoaded,
} from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { kafkajsError, kafkajsOriginal, mapFailures } from './errors.ts';

/** A broker's answer, as kafkajs's protocol table gives it (type, code, retriable). */
const answer = (type: string, code: number, retriable: boolean) =>
  new KafkaJSProtocolError(Object.assign(new Error(type), { type, code, retriable }));

// Some constructors are typed narrower than kafkajs calls them (a message, the retrier's cause).
const make = <T>(C: abstract new (...a: never[]) => T, ...args: unknown[]): T =>
  new (C as unknown as new (...a: unknown[]) => T)(...args);

/** What kafkajs's retrier throws for an error it does not retry. */
const notRetried = (e: Error) => make(KafkaJSNonRetriableError, e, { cause: e });

const transient = { code: 'broker_unavailable', retryable: true };
const permanent = { code: 'internal', retryable: false };

describe('kafkajsError: admin requests (topic creation, metadata, offset fetches)', () => {
  it.each([
    [
      'spent retries of a connection',
      new KafkaJSNumberOfRetriesExceeded(new KafkaJSConnectionError('connect ECONNREFUSED'), {
        retryCount: 5,
        retryTime: 1000,
      }),
      transient,
    ],
    ['a request timeout', new KafkaJSRequestTimeoutError('Request fetchTopicMetadata timed out'), transient],
    [
      'topic metadata not loaded yet',
      new KafkaJSTopicMetadataNotLoaded('Topic metadata not loaded', { topic: 'violations.events' }),
      transient,
    ],
    ['a leader not elected yet', answer('LEADER_NOT_AVAILABLE', 5, true), transient],
    [
      'a topic authorisation refused (not retried)',
      notRetried(answer('TOPIC_AUTHORIZATION_FAILED', 29, false)),
      permanent,
    ],
    [
      'a group authorisation refused on an offset fetch',
      notRetried(answer('GROUP_AUTHORIZATION_FAILED', 30, false)),
      permanent,
    ],
    [
      'topics created with every one refused',
      new KafkaJSAggregateError('Topic creation errors', [answer('INVALID_REPLICATION_FACTOR', 38, false)]),
      permanent,
    ],
    [
      'topics created with one not ready yet',
      new KafkaJSAggregateError('Topic creation errors', [
        answer('TOPIC_ALREADY_EXISTS', 36, false),
        answer('LEADER_NOT_AVAILABLE', 5, true),
      ]),
      transient,
    ],
    ['bad credentials', make(KafkaJSSASLAuthenticationError, 'SASL PLAIN authentication failed'), permanent],
  ])('%s', (_what, thrown, expected) => {
    const e = kafkajsError(thrown);
    expect(e).toBeInstanceOf(PipelineError);
    expect(e).toMatchObject(expected);
    expect((e as PipelineError).cause).toBe(thrown);
  });
});

describe('kafkajsError: the consumer (heartbeat, commit, rebalance, join)', () => {
  it.each([
    // kafkajs marks these final; the member joins again and the batch comes again.
    ['a heartbeat during a rebalance', answer('REBALANCE_IN_PROGRESS', 27, false)],
    ['a commit of an old generation', answer('ILLEGAL_GENERATION', 22, false)],
    ['a commit by a member the group forgot', notRetried(answer('UNKNOWN_MEMBER_ID', 25, false))],
    [
      'no group coordinator during a rejoin',
      notRetried(make(KafkaJSGroupCoordinatorNotFound, 'Failed to find group coordinator')),
    ],
    ['a coordinator still loading', answer('COORDINATOR_LOAD_IN_PROGRESS', 14, true)],
  ])('%s is transient', (_what, thrown) => {
    expect(kafkajsError(thrown)).toMatchObject(transient);
  });

  it('keeps a commit refused for what it is permanent', () => {
    expect(kafkajsError(notRetried(answer('OFFSET_METADATA_TOO_LARGE', 12, false)))).toMatchObject({
      ...permanent,
      message: expect.stringMatching(/^the broker refused the request/),
    });
  });

  it('gives back what the retrier wrapped when it is not kafkajs’s (a defect of the handler)', () => {
    const defect = new TypeError('x is undefined');
    expect(kafkajsError(notRetried(defect))).toBe(defect);
    expect(kafkajsError(defect)).toBe(defect);
  });

  it('hands kafkajs its own error back out of a batch, the one it re-joins the group on', () => {
    const rebalance = answer('REBALANCE_IN_PROGRESS', 27, false);
    expect(kafkajsOriginal(kafkajsError(rebalance))).toBe(rebalance);
    const ours = new PipelineError('unprocessable', 'not in the event store');
    expect(kafkajsOriginal(ours)).toBe(ours);
  });
});

describe('mapFailures', () => {
  it('types each method’s failure and leaves its results alone', async () => {
    const admin = mapFailures(
      {
        listTopics: async () => ['alerts'],
        endOffsets: async (_topic: string): Promise<string[]> => {
          throw notRetried(answer('TOPIC_AUTHORIZATION_FAILED', 29, false));
        },
      },
      kafkajsError,
    );
    await expect(admin.listTopics()).resolves.toEqual(['alerts']);
    await expect(admin.endOffsets('alerts')).rejects.toMatchObject(permanent);
  });
});

import { MultipleErrors, NetworkError, ProtocolError, UserError } from '@platformatic/kafka';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../errors.ts';
import { brokerError } from './platformatic.ts';

describe('brokerError (@platformatic/kafka errors as the runtime codes them)', () => {
  it('makes an outage retryable: a network failure, also inside the producer’s aggregate', () => {
    for (const e of [new NetworkError('connection closed'), new MultipleErrors('Producing messages failed.', [new NetworkError('connection closed')])]) {
      const mapped = brokerError(e);
      expect(mapped).toBeInstanceOf(PipelineError);
      expect(mapped).toMatchObject({ code: 'broker_unavailable', retryable: true });
    }
    // A leader moving is retriable in Kafka's own table.
    expect(brokerError(new MultipleErrors('x', [new ProtocolError('NOT_LEADER_OR_FOLLOWER')]))).toMatchObject({ code: 'broker_unavailable' });
  });

  it('keeps a request the broker refuses for what it is, or a caller error, permanent', () => {
    expect(brokerError(new MultipleErrors('x', [new ProtocolError('MESSAGE_TOO_LARGE')]))).toMatchObject({ code: 'internal', retryable: false });
    expect(brokerError(new UserError('bad option'))).toMatchObject({ code: 'internal', retryable: false });
  });

  it('leaves other errors to the runtime’s classifier', () => {
    const e = new Error('not a Kafka error');
    expect(brokerError(e)).toBe(e);
  });
});

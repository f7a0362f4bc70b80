// Test helper: a logger whose lines are kept in memory, for asserting what was (not) logged.
import { Writable } from 'node:stream';
import { createLogger } from './logger.ts';

export function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'debug', destination }) };
}

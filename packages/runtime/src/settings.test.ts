import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseConfigSchema, ConfigError, loadConfig } from './config.ts';
import { kafkaSettings } from './settings.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ceasefire-ca-'));
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, pem);

describe('KAFKA_SSL_CA_FILE', () => {
  it('gives the client the CA and turns TLS on', () => {
    const s = kafkaSettings(loadConfig(baseConfigSchema, { KAFKA_SSL_CA_FILE: caFile }), 'x');
    expect(s.ssl).toBe(true);
    expect(s.sslCa).toBe(pem);
  });

  it('is optional: TLS stays as KAFKA_SSL says, with the system CAs', () => {
    const s = kafkaSettings(loadConfig(baseConfigSchema, { KAFKA_SSL: 'true' }), 'x');
    expect(s.ssl).toBe(true);
    expect(s.sslCa).toBeUndefined();
  });

  it('names a missing file, or one without a certificate, at start-up', () => {
    expect(() => loadConfig(baseConfigSchema, { KAFKA_SSL_CA_FILE: path.join(dir, 'nope.pem') })).toThrow(
      ConfigError,
    );
    const key = path.join(dir, 'key.pem');
    writeFileSync(key, '-----BEGIN PRIVATE KEY-----\n');
    expect(() => loadConfig(baseConfigSchema, { KAFKA_SSL_CA_FILE: key })).toThrow(
      /KAFKA_SSL_CA_FILE: is not a readable PEM file/,
    );
  });
});

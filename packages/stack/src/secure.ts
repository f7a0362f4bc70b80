/**
 * A broker whose only client listener is SASL_SSL: TLS with a CA made here (openssl; keytool for
 * the Java truststore), SCRAM-SHA-512 users written into the metadata log when the data dir is
 * formatted. What a deployment with authentication looks like, on loopback, for tests and trials.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ensureKafka, ensureKafkaLibs, stopKafka, type KafkaInfo, type KafkaOptions } from './kafka.ts';
import { runOk } from './proc.ts';

export interface TlsFiles {
  /** PEM certificate of the CA: what clients are given (KAFKA_SSL_CA_FILE). */
  readonly caFile: string;
  /** PKCS12 keystore with the broker's key and its certificate chain. */
  readonly keystore: string;
  /** PKCS12 truststore with the CA certificate (for the broker's own client side). */
  readonly truststore: string;
  readonly storePassword: string;
}

const secret = (): string => randomBytes(18).toString('base64url');

/**
 * Create (once) a CA and a broker certificate for `localhost` and 127.0.0.1 in `dir`. The CA's
 * key stays in `dir`; nothing here is meant for machines other than this one.
 */
export async function ensureKafkaTls(dir: string): Promise<TlsFiles> {
  await mkdir(dir, { recursive: true });
  const f = (name: string): string => path.join(dir, name);
  const files = { caFile: f('ca.pem'), keystore: f('broker.p12'), truststore: f('truststore.p12') };
  const pwFile = f('store-password');
  if (existsSync(pwFile) && Object.values(files).every((p) => existsSync(p))) {
    return { ...files, storePassword: (await readFile(pwFile, 'utf8')).trim() };
  }
  const storePassword = secret();
  const days = '3650';
  await runOk('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    files.caFile,
    '-days',
    days,
    '-subj',
    '/CN=ceasefire local Kafka CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await runOk('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('broker.key'),
    '-out',
    f('broker.csr'),
    '-subj',
    '/CN=localhost',
  ]);
  // Clients check the name they dialled against the certificate: loopback by name and by address.
  await writeFile(
    f('broker.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n',
  );
  await runOk('openssl', [
    'x509',
    '-req',
    '-in',
    f('broker.csr'),
    '-CA',
    files.caFile,
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('broker.pem'),
    '-days',
    days,
    '-extfile',
    f('broker.ext'),
  ]);
  await runOk('openssl', [
    'pkcs12',
    '-export',
    '-in',
    f('broker.pem'),
    '-inkey',
    f('broker.key'),
    '-certfile',
    files.caFile,
    '-name',
    'broker',
    '-out',
    files.keystore,
    '-passout',
    `pass:${storePassword}`,
  ]);
  // openssl (before 3.2) cannot mark a certificate as trusted for Java; keytool can.
  await runOk('keytool', [
    '-importcert',
    '-noprompt',
    '-alias',
    'ca',
    '-file',
    files.caFile,
    '-keystore',
    files.truststore,
    '-storetype',
    'PKCS12',
    '-storepass',
    storePassword,
  ]);
  await writeFile(pwFile, `${storePassword}\n`, { mode: 0o600 });
  return { ...files, storePassword };
}

export interface SecureKafkaOptions {
  readonly root: string;
  /** Node directory relative to root (properties, data, tls, secrets). */
  readonly dir: string;
  readonly kafkaPort: number;
  readonly controllerPort: number;
  /** SCRAM-SHA-512 users for clients; created when the data dir is first formatted. */
  readonly users: ReadonlyArray<{ readonly name: string; readonly password: string }>;
  readonly log?: (line: string) => void;
  readonly startTimeoutMs?: number;
}

export interface SecureKafkaInfo extends KafkaInfo {
  readonly caFile: string;
  /** The broker's own SCRAM user, which the readiness probe also logs in as. */
  readonly interBroker: { readonly name: string; readonly password: string };
}

async function interBrokerUser(dir: string): Promise<{ name: string; password: string }> {
  const file = path.join(dir, 'inter-broker.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { name: string; password: string };
  } catch {
    const user = { name: 'broker', password: secret() };
    await writeFile(file, JSON.stringify(user), { mode: 0o600 });
    return user;
  }
}

function secureOptions(
  opts: SecureKafkaOptions,
  tls: TlsFiles,
  broker: { name: string; password: string },
  ca: string,
): KafkaOptions {
  return {
    root: opts.root,
    dir: opts.dir,
    kafkaPort: opts.kafkaPort,
    controllerPort: opts.controllerPort,
    nodeId: 1,
    heap: ['-Xms128m', '-Xmx384m'],
    secure: {
      keystore: tls.keystore,
      truststore: tls.truststore,
      storePassword: tls.storePassword,
      interBrokerUser: broker.name,
      interBrokerPassword: broker.password,
    },
    scramUsers: [broker, ...opts.users],
    access: {
      sslCa: ca,
      sasl: { mechanism: 'scram-sha-512', username: broker.name, password: broker.password },
    },
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.startTimeoutMs === undefined ? {} : { startTimeoutMs: opts.startTimeoutMs }),
  };
}

/** Start (or reuse) the SASL_SSL broker; certificates and the broker's own user are made on first use. */
export async function ensureSecureKafka(opts: SecureKafkaOptions): Promise<SecureKafkaInfo> {
  await ensureKafkaLibs(opts);
  const dir = path.resolve(opts.root, opts.dir);
  await mkdir(dir, { recursive: true });
  const tls = await ensureKafkaTls(path.join(dir, 'tls'));
  const broker = await interBrokerUser(dir);
  const ca = await readFile(tls.caFile, 'utf8');
  const info = await ensureKafka(secureOptions(opts, tls, broker, ca));
  return { ...info, caFile: tls.caFile, interBroker: broker };
}

/** Stop the SASL_SSL broker this dir started. */
export async function stopSecureKafka(
  opts: Pick<SecureKafkaOptions, 'root' | 'dir' | 'kafkaPort' | 'controllerPort'>,
): Promise<void> {
  await stopKafka({
    root: opts.root,
    dir: opts.dir,
    kafkaPort: opts.kafkaPort,
    controllerPort: opts.controllerPort,
  });
}

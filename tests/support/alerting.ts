// Helpers for the alerting integration tests: events stored and published as the classifier
// does, the alerting worker as a separate process, and a local webhook receiver that checks
// signatures.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  encodeMessage,
  VIOLATION_EVENT_DATASCHEMA,
  type ViolationEvent,
  type ViolationEventMessage,
  violationEventsTopic,
} from '@ceasefire/contracts';
import { insertStatement } from '@ceasefire/db';
import type { Producer } from '@ceasefire/runtime';
import { verifyWebhookSignature } from '@ceasefire/alerting-service';
import type { Knex } from 'knex';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A violation event with sensible defaults: small arms fire in Leilek, blamed on TJ by KG. */
/** An event time known to the minute (or not at all), in Kyrgyz time. */
export function exactTime(at: string | null) {
  return {
    date: at ? at.slice(0, 10) : null,
    time_of_day: null,
    start_utc: at,
    end_utc: at,
    local: null,
    zone: 'Asia/Bishkek',
    utc_offset: '+06:00',
    precision: 'exact' as const,
  };
}

export function violationEvent(overrides: Partial<ViolationEvent> & { id: string }): ViolationEvent {
  const start = overrides.time?.start_utc ?? '2022-09-16T12:00:00Z';
  return {
    statement_id: `st_${overrides.id}`,
    extractor_version: 'test-1',
    event_index: 0,
    profile: 'kg-tj',
    area: 'kg.batken.leilek',
    type: 'small_arms_fire',
    acled_event_type: 'Battles',
    acled_sub_event_type: 'Armed clash',
    cameo_code: '193',
    date: start ? start.slice(0, 10) : null,
    time_of_day: null,
    time: exactTime(start),
    locations: ['Kulundu'],
    places: [],
    country_of_location: 'KG',
    accused_party: 'TJ',
    reported_by: 'KG',
    reporter: { agency: 'Border Service of the GKNB of the Kyrgyz Republic', side: 'KG' },
    claim_status: 'reported',
    killed: null,
    wounded: null,
    displaced: null,
    civilians_affected: null,
    weapons: [],
    agreement: null,
    evidence: [],
    confidence: 0.9,
    incident_id: null,
    published_at: '2022-09-16T20:00:00+06:00',
    ...overrides,
  };
}

/**
 * Does what the classifier does with an event: stores its statement, incident and row in the
 * event store, then publishes it on the private events topic, keyed by area.
 */
export async function storeAndPublish(
  db: Knex,
  producer: Producer,
  prefix: string,
  events: ViolationEvent[],
): Promise<void> {
  for (const e of events) {
    await insertStatement(db, {
      statement: {
        id: e.statement_id,
        text: `Statement reporting ${e.type} in ${e.area}.`,
        language: 'en',
        published_at: e.published_at,
        published_zone: 'Asia/Bishkek',
        source_agency: e.reporter.agency,
        url: null,
        received_at: e.published_at,
        origin: { kind: 'cli', ref: 'alerting-test' },
      },
    });
    if (e.incident_id) {
      const at = new Date(e.published_at);
      await db('incidents')
        .insert({
          id: e.incident_id,
          day: e.date ?? e.published_at.slice(0, 10),
          area: e.area,
          type: e.type,
          dyad: [e.accused_party, e.reported_by].filter(Boolean).sort().join('-') || null,
          first_reported_at: at,
          last_reported_at: at,
          report_count: 1,
        })
        .onConflict('id')
        .ignore();
    }
    await db('violation_events')
      .insert({
        id: e.id,
        statement_id: e.statement_id,
        extractor_version: e.extractor_version,
        event_index: e.event_index,
        profile: e.profile,
        area: e.area,
        type: e.type,
        acled_event_type: e.acled_event_type,
        acled_sub_event_type: e.acled_sub_event_type,
        cameo_code: e.cameo_code,
        occurred_start: e.time.start_utc,
        occurred_end: e.time.end_utc,
        reported_zone: e.time.zone,
        utc_offset: e.time.utc_offset,
        time_precision: e.time.precision,
        date: e.date,
        locations: e.locations,
        country_of_location: e.country_of_location,
        accused_party: e.accused_party,
        reported_by: e.reported_by,
        reporter_agency: e.reporter.agency,
        claim_status: e.claim_status,
        killed: e.killed,
        wounded: e.wounded,
        weapons: e.weapons,
        confidence: e.confidence,
        evidence: JSON.stringify(e.evidence),
        agreement: e.agreement ? JSON.stringify(e.agreement) : null,
        incident_id: e.incident_id,
      })
      .onConflict('id')
      .ignore();
  }
  const messages = events.map((e) => {
    const message: ViolationEventMessage = {
      specversion: '1.0',
      id: e.id,
      type: 'ceasefire.violation_event',
      source: 'ceasefire/test',
      time: new Date().toISOString(),
      dataschema: VIOLATION_EVENT_DATASCHEMA,
      datacontenttype: 'application/json',
      subject: e.area,
      data: e,
    };
    return { key: e.area, value: encodeMessage(violationEventsTopic, message) };
  });
  await producer.publish(prefix + violationEventsTopic.name, messages);
}

/** A request the webhook receiver took. */
export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly json: unknown;
  /** Whether the signature was valid and within the replay window. */
  readonly verified: boolean;
  /** The status the receiver answered. */
  readonly status: number;
}

/** A local HTTP receiver. `respond` picks the status of each request (n counts from 1). */
export interface Receiver {
  readonly url: string;
  readonly received: ReceivedHook[];
  close(): Promise<void>;
}

export async function startReceiver(
  options: {
    secret?: string;
    respond?: (n: number, body: string) => number;
    /** Holds the answer this long (a slow receiver, or one that is killed mid-request). */
    delayMs?: (n: number, body: string) => number;
    port?: number;
  } = {},
): Promise<Receiver> {
  const received: ReceivedHook[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      n++;
      const verified = options.secret
        ? verifyWebhookSignature({
            secret: options.secret,
            body,
            timestamp: req.headers['x-ceasefire-timestamp'] as string | undefined,
            signature: req.headers['x-ceasefire-signature'] as string | undefined,
          }).ok
        : true;
      const status = !verified ? 401 : (options.respond?.(n, body) ?? 200);
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      received.push({ headers: req.headers, body, json, verified, status });
      const answer = () =>
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      const delay = options.delayMs?.(n, body) ?? 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The notification kinds of received alert messages, in order (successful ones only). */
export function notificationsOf(received: readonly ReceivedHook[]): string[] {
  return received
    .filter((r) => r.status < 300)
    .map((r) => (r.json as { data?: { notification?: string } } | null)?.data?.notification ?? '?');
}

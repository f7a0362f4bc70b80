// The dashboard in headless Chromium against the API process on real Kafka and Postgres: the
// operator logs in with the token, the page draws the map, timeline and agreements, an alert
// published on the private alerts topic appears live with its incident on the map, acknowledging
// it is stored, and a statement shows its evidence highlighted. Screenshots go to tests/artifacts/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { alertsTopic, encodeMessage } from '@ceasefire/contracts';
import { getAlert } from '@ceasefire/db';
import type { Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { addLiveBreach, alertMessageOf, populateEventStore, type Fixture } from './support/event-store-fixture.ts';
import { eventually, privateStage, type PrivateStage } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers } from './support/workers.ts';

const TOKEN = 'test-dashboard-token-0123456789';
const artifacts = path.join(repoRoot, 'tests/artifacts');
let producer: Producer;
let prefix: string;
let stage: PrivateStage;
let db: Knex;
let base: string;
let fx: Fixture;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  stage = await privateStage('dash');
  ({ producer, prefix, db } = stage);
  fx = await populateEventStore(db);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await startWorker('api', {
    ...stage.env,
    API_TOKEN: TOKEN,
    API_HTTP_PORT: String(port),
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // The page must not reach anything but its own server (no CDN, tiles or fonts).
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) outside.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await stopAllWorkers();
  await stage?.close();
});

describe('dashboard', () => {
  it('asks for the token, then shows alerts, incidents on the map, the timeline and the agreements', async () => {
    await page.goto(base);
    await page.locator('#login').waitFor({ state: 'visible' });
    await page.fill('#login-token', 'not-the-right-token-000');
    await page.click('#login-form button[type=submit]');
    await expect.poll(() => page.textContent('#login-error')).toContain('not accepted');

    await page.fill('#login-token', TOKEN);
    await page.fill('#login-operator', 'browser test');
    await page.click('#login-form button[type=submit]');
    await page.locator('#live-status[data-state="live"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate("sessionStorage.getItem('ceasefire.token')")).toBe(TOKEN);

    await expect.poll(() => page.locator('#alerts li.alert').count()).toBe(2);
    expect(await page.locator(`li.alert[data-alert-id="${fx.alerts.acknowledged}"]`).getAttribute('data-state')).toBe('acknowledged');
    await expect.poll(() => page.locator('#map circle.incident').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#map text.district-label').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#timeline rect.bar').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#agreements li.agreement', { hasText: 'Ceasefire of 16 September 2022' }).getAttribute('data-status')).toBe('in_force');
    await page.screenshot({ path: path.join(artifacts, 'dashboard.png'), fullPage: true });
  });

  it('shows a newly published alert live with its incident, and stores the acknowledgement', async () => {
    const live = await addLiveBreach(db, fx.agreement);
    await producer.publish(prefix + alertsTopic.name, [{ key: live.alert.groupKey, value: encodeMessage(alertsTopic, alertMessageOf(live.alert, 'opened', [live.eventId])) }]);

    const item = page.locator(`li.alert[data-alert-id="${live.alert.id}"]`);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.getAttribute('data-severity')).toBe('critical');
    expect(await item.textContent()).toContain('Daroot-Korgon');
    // The page re-reads incidents when an alert arrives: the new one is on the map.
    const incident = (await db('violation_events').where({ id: live.eventId }).first('incident_id')) as { incident_id: string };
    await page.locator(`#map circle.incident[data-incident-id="${incident.incident_id}"]`).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(artifacts, 'dashboard-live-alert.png'), fullPage: true });

    await item.locator('button.ack').click();
    await expect.poll(() => item.getAttribute('data-state')).toBe('acknowledged');
    const stored = await eventually(async () => {
      const a = await getAlert(db, live.alert.id);
      return a?.state === 'acknowledged' ? a : undefined;
    });
    expect(stored.acknowledgedBy).toBe('browser test');
  });

  it('shows a statement ingested over HTTP live as an alert and an incident, through the three workers', async () => {
    const env = stage.env;
    const ingestPort = await freePort();
    await Promise.all([
      startWorker('ingester', { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(ingestPort) }),
      // A group of its own: the default one is shared with every other classifier on the broker.
      startWorker('classifier', { ...env, CLASSIFIER_GROUP_ID: `${stage.prefix}classifier` }),
      startWorker('alerting', { ...env, ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200' }),
    ]);
    const res = await fetch(`http://127.0.0.1:${ingestPort}/v1/statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'On 17 September 2022 at 09:10 Tajik servicemen opened mortar fire on the village of Ak-Sai in Batken district. Two civilians were wounded.',
        published_at: '2022-09-17T12:00:00+06:00',
        source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      }),
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    const link = await eventually(async () => {
      const row = await db('alert_events')
        .join('violation_events', 'violation_events.id', 'alert_events.event_id')
        .where('violation_events.statement_id', id)
        .first('alert_events.alert_id', 'violation_events.incident_id');
      return (row as { alert_id: string; incident_id: string } | undefined) ?? undefined;
    }, 60_000, 'the breach recorded by the alerting worker');
    // Live: the page learns of it from the alerts topic, without a reload.
    await page.locator(`li.alert[data-alert-id="${link.alert_id}"]`).waitFor({ timeout: 30_000 });
    await page.locator(`#map circle.incident[data-incident-id="${link.incident_id}"]`).waitFor({ timeout: 30_000 });
  });

  it('shows a statement with its evidence highlighted', async () => {
    await page.locator(`#map circle.incident[data-incident-id="${fx.bothSidesIncident}"]`).click();
    await page.locator(`#detail a[data-statement-id="${fx.statements.kgLeilek}"]`).click();
    const text = page.locator('#statement-text');
    await text.waitFor();
    expect(await text.textContent()).toContain('opened mortar fire near Kulundu');
    const marks = await text.locator('mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['opened mortar fire', 'Kulundu', 'Tajik servicemen']));
    expect(await text.locator('mark.ev-place').first().textContent()).toBe('Kulundu');
    await page.locator('#detail-panel').screenshot({ path: path.join(artifacts, 'statement-evidence.png') });

    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  });
});

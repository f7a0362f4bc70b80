// The console of the person on duty in headless Chromium, on the samples as `ceasefire up` loads
// them: the list beside the selected alert at 1440×900, each its own page at 390×844, filters in
// the URL, the loading, empty, error and stale states, keyboard access to every alert and map
// marker, and no serious or critical axe-core violation. Screenshots go to .cache/screenshots/ (docs/screenshots/ with UPDATE_SCREENSHOTS=1).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.ts';
import { privateStage, type PrivateStage } from './support/harness.ts';
import { loadSamples } from './support/samples.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers } from './support/workers.ts';

const TOKEN = 'test-console-token-0123456789';
// The README's screenshots are refreshed only when asked (UPDATE_SCREENSHOTS=1), so a test run
// leaves the checkout clean; otherwise they go to .cache/ for a look.
const shots = path.join(repoRoot, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : '.cache/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let stage: PrivateStage;
let base: string;
let browser: Browser;
const pageErrors: string[] = [];
const outside: string[] = [];

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  stage = await privateStage('console');
  await loadSamples(stage);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await startWorker('api', { ...stage.env, API_TOKEN: TOKEN, API_HTTP_PORT: String(port), API_SSE_HEARTBEAT_MS: '2000' });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stopAllWorkers();
  await stage?.close();
});

/** A logged-in page of the given size (the token as the login form would keep it). */
async function open(width: number, height: number, hash = '#/alerts'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, timezoneId: 'Asia/Bishkek', locale: 'en-GB' });
  // Browser code as strings: the tests are typed without the DOM library.
  await context.addInitScript(`sessionStorage.setItem('ceasefire.token', ${JSON.stringify(TOKEN)}); sessionStorage.setItem('ceasefire.operator', 'duty officer');`);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) outside.push(r.url());
  });
  await page.goto(base + '/' + hash);
  await page.locator('#live-status[data-state="live"]').waitFor({ timeout: 30_000 });
  await page.locator('#alerts-state[data-state="ready"]').waitFor({ state: 'attached', timeout: 30_000 });
  return { context, page };
}

/** axe-core's serious and critical violations on the page as it is now. */
async function axeViolations(page: Page): Promise<Array<{ id: string; impact: string; nodes: string[] }>> {
  // Evaluated through the debugging protocol, not as an inline <script>: the page's
  // Content-Security-Policy (script-src 'self') refuses inline scripts, and stays on here.
  await page.evaluate(`${axeSource}\n;0`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

describe('the console on the samples', () => {
  it('at 1440×900: the list beside the selected alert, counts by severity, breach start in local time with UTC on hover', async () => {
    const { context, page } = await open(1440, 900);
    const items = page.locator('#alerts li.alert');
    expect(await items.count()).toBeGreaterThan(0);
    const first = items.first();
    const id = (await first.getAttribute('data-alert-id'))!;
    await first.locator('a.alert-link').click();
    expect(page.url()).toContain(`#/alerts/${id}`);
    await page.locator('#detail dl.facts').waitFor();
    // The detail is beside the list, in the first screen.
    const list = (await page.locator('#alerts-panel').boundingBox())!;
    const detail = (await page.locator('#detail-panel').boundingBox())!;
    expect(detail.x).toBeGreaterThan(list.x + list.width - 1);
    expect(detail.y).toBeLessThan(200);
    expect(await page.evaluate('document.documentElement.scrollHeight')).toBeLessThanOrEqual(900);
    // Counts by severity, and the one time convention (local zone named, UTC in the title).
    const critical = Number(await page.locator('#severity-counts button[data-severity="critical"] .n').textContent());
    expect(critical).toBe(await page.locator('#alerts li.alert[data-severity="critical"]').count());
    const started = first.locator('time').first();
    expect(await started.textContent()).toMatch(/ago · \d{1,2} \w{3,4} \d{4}, \d\d:\d\d GMT\+6$/);
    expect(await started.getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    await page.screenshot({ path: path.join(shots, 'console-1440x900.png') });
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('at 390×844: the list, then the alert as a page of its own with its URL, and back', async () => {
    const { context, page } = await open(390, 844);
    await page.screenshot({ path: path.join(shots, 'console-390x844-list.png') });
    expect(await axeViolations(page)).toEqual([]);
    const first = page.locator('#alerts li.alert').first();
    const id = (await first.getAttribute('data-alert-id'))!;
    await first.locator('a.alert-link').tap().catch(() => first.locator('a.alert-link').click());
    await page.locator('#detail dl.facts').waitFor();
    expect(page.url()).toContain(`#/alerts/${id}`);
    expect(await page.locator('#alerts-panel').isVisible()).toBe(false);
    expect(await page.locator('#detail-panel').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(shots, 'console-390x844-alert.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#back').click();
    await page.locator('#alerts-panel').waitFor({ state: 'visible' });
    await page.goto(`${base}/#/map`);
    await page.locator('#map a.incident-link').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'console-390x844-map.png') });
    await context.close();
  });

  it('keeps the filters in the URL beside the counts, and says when nothing matches', async () => {
    const { context, page } = await open(1440, 900, '#/alerts?severity=warning');
    const warnings = Number(await page.locator('#severity-counts button[data-severity="warning"] .n').textContent());
    expect(await page.locator('#severity-counts button[data-severity="warning"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#alerts li.alert').count()).toBe(warnings);
    expect(new Set(await page.locator('#alerts li.alert').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity'))))).toEqual(new Set(['warning']));
    await page.selectOption('#filters select[name="state"]', 'all');
    await expect.poll(() => page.url()).toContain('state=all');
    expect(page.url()).toContain('severity=warning');
    // Nothing resolved in the samples: an empty state of its own, not "no open alerts".
    await page.goto(`${base}/#/alerts?state=resolved`);
    await page.locator('#alerts-state[data-state="empty"]').waitFor();
    expect(await page.locator('#alerts-state').textContent()).toContain('No alerts match these filters');
    await page.locator('#alerts-state button').click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#/alerts');
    await page.locator('#alerts-state[data-state="ready"]').waitFor({ state: 'attached' });
    await context.close();
  });

  it('shows loading, error and stale states distinctly', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(`sessionStorage.setItem('ceasefire.token', ${JSON.stringify(TOKEN)});`);
    const page = await context.newPage();
    let mode: 'slow' | 'down' | 'up' = 'slow';
    await page.route(/\/v1\/alerts\?/, async (route) => {
      if (mode === 'slow') {
        await new Promise((r) => setTimeout(r, 1500));
        return route.continue();
      }
      if (mode === 'down') return route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', message: 'the event store is unavailable; retry later' }) });
      return route.continue();
    });
    await page.goto(`${base}/#/alerts`);
    await page.locator('#alerts-state[data-state="loading"]').waitFor();
    expect(await page.locator('#alerts-state').textContent()).toContain('Loading alerts');
    await page.locator('#alerts-state[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });

    mode = 'down';
    await page.goto(`${base}/#/alerts?severity=critical`);
    await page.locator('#alerts-state[data-state="error"]').waitFor();
    expect(await page.locator('#alerts-state [role="alert"]').textContent()).toMatch(/could not be loaded: the event store is unavailable; retry later \(HTTP 503\)/);
    // The header does not call the data current while the list could not be loaded.
    expect(await page.locator('#data-age').textContent()).toMatch(/^alerts not loaded/);
    await page.screenshot({ path: path.join(shots, 'console-error.png') });
    mode = 'up';
    await page.locator('#alerts-state button', { hasText: 'Try again' }).click();
    await page.locator('#alerts-state[data-state="ready"]').waitFor({ state: 'attached' });

    // The live stream down: a banner says the data is stale and how old it is; it goes when the stream is back.
    await page.route('**/v1/alerts/stream', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable","message":"down"}' }));
    await page.reload();
    await page.locator('#alerts-state[data-state="ready"]').waitFor({ state: 'attached' });
    await page.locator('#stale-banner').waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('#stale-banner').textContent()).toMatch(/^Stale data\. Live updates are interrupted; what you see is from (just now|\d+ min ago) \(\d{1,2} \w{3,4} \d{4}, \d\d:\d\d .+\)\. Reconnecting…$/);
    expect(await page.locator('#stale-banner time').getAttribute('title')).toMatch(/UTC$/);
    await page.screenshot({ path: path.join(shots, 'console-stale.png') });
    await page.unroute('**/v1/alerts/stream');
    await page.locator('#live-status[data-state="live"]').waitFor({ timeout: 40_000 });
    await page.locator('#stale-banner').waitFor({ state: 'hidden' });
    await context.close();
  });

  it('pushes every change of a stored alert at once, without a notification on the alerts topic', async () => {
    const { context, page } = await open(1440, 900);
    const id = (await page.locator('#alerts li.alert').first().getAttribute('data-alert-id'))!;
    await page.locator(`li.alert[data-alert-id="${id}"] a.alert-link`).click();
    await page.locator('#detail dl.facts').waitFor();
    const t0 = Date.now();
    // As the alerting worker does when a second report joins: no notification is due (throttled).
    await stage.db('alerts').where({ id }).update({ summary: 'second report joined (test)', event_count: stage.db.raw('event_count + 1'), updated_at: new Date() });
    await expect.poll(() => page.locator(`li.alert[data-alert-id="${id}"] .summary`).textContent(), { timeout: 5_000 }).toBe('second report joined (test)');
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(5_000);
    await expect.poll(() => page.locator('#detail').textContent(), { timeout: 5_000 }).toContain('second report joined (test)');
    // An acknowledgement by someone else (another console, the operator API) shows too.
    const res = await fetch(`${base}/v1/alerts/${id}/ack`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ by: 'second officer' }) });
    expect(res.status).toBe(200);
    await expect.poll(() => page.locator(`li.alert[data-alert-id="${id}"]`).getAttribute('data-state'), { timeout: 5_000 }).toBe('acknowledged');
    expect(await page.locator('#announcer').textContent()).toContain('acknowledged');
    process.stdout.write(`[console] alert change on the page ${ms} ms after the update\n`);
    await context.close();
  });

  it('reaches every alert and every map marker by keyboard, and every marker through the list', async () => {
    const { context, page } = await open(1440, 900);
    await page.locator('#map a.incident-link').first().waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(`document.activeElement?.classList.contains('alert-link') ?? false`)) as boolean;
    }
    expect(reached).toBe(true);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(`document.activeElement?.closest('li')?.getAttribute('data-alert-id')`);
    expect(second).toBe(await page.locator('#alerts li.alert').nth(1).getAttribute('data-alert-id'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#/alerts/${second}`);
    await page.locator('#detail dl.facts').waitFor();

    const markers = page.locator('#map a.incident-link');
    const n = await markers.count();
    // The list names every incident, those without a position too (only there).
    const listed = await page.locator('#incident-list a').count();
    const unplaced = await page.locator('#incident-list li', { hasText: 'not on the map' }).count();
    expect(n + unplaced).toBe(listed);
    expect(n).toBeGreaterThan(10);
    // Every marker is a link in the tab order with a name.
    expect(await page.evaluate(`[...document.querySelectorAll('#map a.incident-link')].every((e) => e.tabIndex >= 0 && (e.getAttribute('aria-label') ?? '').length > 10)`)).toBe(true);
    // Pointer: how many markers can be hit at their centre (smaller ones are drawn over larger ones).
    const hit = (await page.evaluate(`(() => {
      let ok = 0;
      const circles = [...document.querySelectorAll('#map circle.incident')];
      for (const c of circles) {
        const r = c.getBoundingClientRect();
        if (document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c) ok++;
      }
      return { ok, total: circles.length };
    })()`)) as { ok: number; total: number };
    process.stdout.write(`[console] map markers hit at their centre: ${hit.ok}/${hit.total}\n`);
    expect(hit.ok).toBe(hit.total);
    await page.locator('#incident-list-box summary').click();
    const firstListed = page.locator('#incident-list a').first();
    const incidentId = await firstListed.getAttribute('data-incident-id');
    await firstListed.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`#/incidents/${incidentId}`);
    await page.locator('#detail table.events-table').waitFor();
    await page.locator('#detail a[data-statement-id]').first().click();
    await page.locator('#statement-text mark').first().waitFor();
    expect(page.url()).toMatch(/#\/statements\/[^?]+/);
    await page.screenshot({ path: path.join(shots, 'console-statement.png') });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });

  it('shows an agreement\'s lifecycle (status, sources, history) when the API gives it, and does without', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(`sessionStorage.setItem('ceasefire.token', ${JSON.stringify(TOKEN)});`);
    const page = await context.newPage();
    // The agreement lifecycle of issue #21 (superseded, sources, transitions) in a form of our own on
    // one agreement, and an agreement without those fields (an older API) on another: the API now
    // gives every agreement its status, sources and history, and on the samples most are superseded.
    let mocked = '';
    let bare = '';
    await page.route(/\/v1\/agreements\?/, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { items: Array<Record<string, unknown>> };
      mocked = body.items[0]!.id as string;
      body.items[0] = {
        ...body.items[0],
        status: 'superseded',
        sources: [{ source_agency: 'Ministry of Foreign Affairs of the Kyrgyz Republic', statement_id: 'st_1' }, 'operator'],
        transitions: [
          { from: null, to: 'proposed', at: '2022-09-16T12:00:00Z', by: 'system', reason: 'announced' },
          { from: 'proposed', to: 'superseded', at: '2022-09-19T12:00:00Z', by: 'duty officer', reason: null },
        ],
      };
      const { sources: _s, transitions: _t, ...without } = body.items[1]!;
      bare = without.id as string;
      body.items[1] = { ...without, status: 'proposed', source: 'statement' };
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${base}/#/agreements`);
    await page.locator('#agreements li.agreement').first().waitFor();
    // Listed after those in force and proposed.
    expect(await page.locator('#agreements li.agreement').last().getAttribute('data-status')).toBe('superseded');
    const first = page.locator(`#agreements li.agreement[data-agreement-id="${mocked}"]`);
    expect(await first.locator('.status').textContent()).toBe('superseded');
    expect(await first.textContent()).toContain('Sources: Ministry of Foreign Affairs of the Kyrgyz Republic, statement st_1; operator');
    await first.locator('summary').click();
    expect(await first.locator('ol.history li').allTextContents()).toEqual([expect.stringMatching(/ago · .+ — → proposed by system \(announced\)$/), expect.stringMatching(/ago · .+ proposed → superseded by duty officer$/)]);
    // Without those fields (an older API): the source and no history.
    const second = page.locator(`#agreements li.agreement[data-agreement-id="${bare}"]`);
    expect(await second.textContent()).toContain('Source: statement');
    expect(await second.locator('details').count()).toBe(0);
    await context.close();
  });
});


import { loadConfig, ConfigError } from '@ceasefire/runtime';
import { describe, expect, it } from 'vitest';
import { chatMessage } from './channels/chat.ts';
import { emailContent } from './channels/email.ts';
import { alertingConfigSchema } from './config.ts';
import { backoffDelay } from './delivery.ts';
import { agreementLevel, groupKeyOf, hashId } from './engine.ts';
import { tokenMatches } from '@ceasefire/runtime';
import { ALERT_DATASCHEMA, type Alert, type AlertBreach } from '@ceasefire/contracts';
import { alertmanagerPayload } from './channels/alertmanager.ts';

const alert: Alert = {
  alert_id: 'al_1',
  group_key: 'ag_1|kg.batken.leilek',
  agreement_id: 'ag_1',
  agreement_proposed: true,
  area: 'kg.batken.leilek',
  severity: 'critical',
  state: 'firing',
  notification: 'opened',
  summary: 'CRITICAL: ceasefire ag_1 breached',
  event_ids: ['ev_1'],
  event_count: 1,
  first_event_at: null,
  last_event_at: null,
  untimed_allegation: true,
  killed: 2,
  opened_at: '2022-09-16T12:00:00.000Z',
  updated_at: '2022-09-16T12:00:00.000Z',
  incident_count: 1,
};

describe('delivery backoff', () => {
  it('doubles per attempt, capped, with equal jitter', () => {
    const policy = { backoffInitialMs: 1000, backoffMaxMs: 60_000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1000);
    expect(backoffDelay(3, policy, () => 1)).toBe(4000);
    expect(backoffDelay(30, policy, () => 0.5)).toBe(45_000);
  });
});

describe('operator token', () => {
  it('matches only the exact token', () => {
    expect(tokenMatches('s3cret-token-value', 's3cret-token-value')).toBe(true);
    expect(tokenMatches('s3cret-token-valuX', 's3cret-token-value')).toBe(false);
    expect(tokenMatches('', 's3cret-token-value')).toBe(false);
  });
});

describe('ids and levels', () => {
  it('are deterministic', () => {
    expect(hashId('al', groupKeyOf('ag_1', 'kg.batken'), 'ev_1')).toBe(
      hashId('al', 'ag_1|kg.batken', 'ev_1'),
    );
    expect(agreementLevel('heads of state')).toBe('heads_of_state');
    expect(agreementLevel('GKNB chiefs')).toBe('security_chiefs');
    expect(agreementLevel('governors')).toBe('governors');
    expect(agreementLevel(null)).toBe('other');
  });
});

const breach: AlertBreach = {
  agreement: { id: 'ag_1', name: '<!channel> ceasefire', status: 'in_force', starts_at: '2022-09-16T10:00:00.000Z', start_zone: 'Asia/Bishkek' },
  area_name: 'Leilek district, Batken region (KG)',
  accused: [{ party: 'TJ', name: 'Tajikistan' }],
  reported_by: [{ party: 'KG', name: 'Kyrgyzstan', agency: 'Border Service of the GKNB' }],
  types: ['heavy_weapons_fire'],
  weapons: ['mortar'],
  places: [{ name: 'Kulundu', place_id: 'kg.batken.leilek.kulundu', lat: 40.106, lon: 69.641 }],
  first_breach: { utc: '2022-09-16T13:30:00.000Z', local: '2022-09-16T19:30+06:00', zone: 'Asia/Bishkek', utc_offset: '+06:00', date: '2022-09-16' },
  latest_breach: { utc: '2022-09-16T13:30:00.000Z', local: '2022-09-16T19:30+06:00', zone: 'Asia/Bishkek', utc_offset: '+06:00', date: '2022-09-16' },
  killed: { count: 2, reported_by: 'KG', agency: 'Ministry of Health', statement_id: 'st_1' },
  wounded: null,
  corroboration: 'both_sides',
  evidence: 'At 19:30 Tajik mortars shelled Kulundu <@U123>.',
  statement_id: 'st_1',
  source_agency: 'Border Service of the GKNB',
  source_url: 'https://example.org/news/1',
  link: 'https://watch.example.org/#/alerts/al_1',
};

describe('channel formats', () => {
  it('chat messages are Slack blocks with a text fallback', () => {
    const m = chatMessage(alert);
    // The fallback text leads with severity and what happened where (issue #21: one glance).
    expect(m.text).toBe(':red_circle: Ceasefire breach: breach in kg.batken.leilek');
    expect(m.blocks.map((b) => (b as { type: string }).type)).toEqual([
      'header',
      'section',
      'section',
      'context',
    ]);
    expect(JSON.stringify(m.blocks)).toContain('npx ceasefire alerts ack al_1');
  });

  it('chat messages name who, what, where and when, escape outside text and link to the alert', () => {
    const m = chatMessage({ ...alert, breach });
    const all = JSON.stringify(m);
    expect(m.text).toBe(':red_circle: Ceasefire breach: heavy weapons fire in Leilek district, Batken region (KG), blamed on Tajikistan <https://watch.example.org/#/alerts/al_1|open>');
    // An agreement named <!channel> and evidence with a mention ping nobody.
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U123>');
    expect(all).toContain('&lt;!channel&gt; ceasefire');
    for (const fact of ['Tajikistan', 'Border Service of the GKNB', 'mortar', 'Kulundu (40.106, 69.641)', '2022-09-16 19:30+06:00 Asia/Bishkek (2022-09-16 13:30 UTC)', '2 (Ministry of Health, KG)', 'both sides'])
      expect(all).toContain(fact);
    expect(all).toContain('<https://watch.example.org/#/alerts/al_1|Open the alert>');
    expect(all).toContain('<https://example.org/news/1|Source: Border Service of the GKNB>');
    expect(all).toContain('> At 19:30 Tajik mortars shelled Kulundu &lt;@U123&gt;.');
  });

  it('e-mails carry the breach by name, the evidence and the links', () => {
    const { subject, text } = emailContent({ ...alert, breach });
    expect(subject).toBe('[ceasefire critical] opened: breach in Leilek district, Batken region (KG) (proposed agreement)');
    for (const fact of ['Accused:', 'Tajikistan', 'Kulundu (40.106, 69.641)', 'Latest breach:', 'https://example.org/news/1', 'https://watch.example.org/#/alerts/al_1', '"At 19:30 Tajik mortars shelled Kulundu <@U123>."'])
      expect(text).toContain(fact);
  });

  it('Alertmanager payloads (version 4) carry labels to route on and the breach as annotations', () => {
    const p = alertmanagerPayload(
      { specversion: '1.0', id: 'al_1:1', type: 'ceasefire.alert', source: 'ceasefire/alerting', time: '2022-09-16T14:00:00.000Z', dataschema: ALERT_DATASCHEMA, datacontenttype: 'application/json', subject: 'ag_1|kg.batken.leilek', data: { ...alert, breach } },
      { receiver: 'webhook', externalUrl: 'https://watch.example.org' },
    );
    expect(p).toMatchObject({ version: '4', status: 'firing', receiver: 'webhook', groupKey: 'ag_1|kg.batken.leilek', truncatedAlerts: 0, externalURL: 'https://watch.example.org' });
    expect(p.alerts).toHaveLength(1);
    expect(p.alerts[0]).toMatchObject({
      status: 'firing',
      labels: { alertname: 'CeasefireBreach', severity: 'critical', area: 'kg.batken.leilek', agreement_id: 'ag_1', accused: 'TJ' },
      annotations: { description: breach.evidence, source_url: breach.source_url, dashboard_url: breach.link, area_name: breach.area_name },
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: breach.link,
      fingerprint: 'al_1',
    });
    const resolved = alertmanagerPayload(
      { specversion: '1.0', id: 'al_1:2', type: 'ceasefire.alert', source: 'ceasefire/alerting', time: '2022-09-17T14:00:00.000Z', dataschema: ALERT_DATASCHEMA, datacontenttype: 'application/json', subject: 'g', data: { ...alert, state: 'resolved', notification: 'resolved', updated_at: '2022-09-17T14:00:00.000Z' } },
      { receiver: 'webhook', externalUrl: null },
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.alerts[0]!.endsAt).toBe('2022-09-17T14:00:00.000Z');
  });

  it('e-mails say proposed and untimed', () => {
    const { subject, text } = emailContent(alert);
    expect(subject).toBe('[ceasefire critical] opened: breach in kg.batken.leilek (proposed agreement)');
    expect(text).toContain('allegation without a time');
  });
});

describe('configuration', () => {
  it('has safe defaults', () => {
    const c = loadConfig(alertingConfigSchema, {});
    expect(c).toMatchObject({
      ALERT_ON_PROPOSED: true,
      ALERT_GROUP_WAIT_MS: 0,
      LOG_CHANNEL: true,
      ALERTS_TOPIC_CHANNEL: true,
      OPERATOR_PORT: 8090,
    });
    expect(c.OPERATOR_TOKEN).toBeUndefined();
  });

  it('names what is missing or wrong', () => {
    try {
      loadConfig(alertingConfigSchema, {
        WEBHOOK_URL: 'http://127.0.0.1:1/hook',
        ALERT_ROUTES: '[{"chanel":"log"}]',
        EMAIL_TO: 'a@example.org',
      });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.variable);
      expect(vars).toEqual(expect.arrayContaining(['ALERT_ROUTES']));
    }
    try {
      loadConfig(alertingConfigSchema, { WEBHOOK_URL: 'http://127.0.0.1:1/hook', EMAIL_TO: 'a@example.org' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
        'SMTP_HOST',
        'WEBHOOK_SECRET',
      ]);
    }
  });

  it('parses routes', () => {
    const c = loadConfig(alertingConfigSchema, {
      ALERT_ROUTES: '[{"channel":"email","min_severity":"critical"}]',
    });
    expect(c.ALERT_ROUTES).toEqual([{ channel: 'email', min_severity: 'critical' }]);
  });
});

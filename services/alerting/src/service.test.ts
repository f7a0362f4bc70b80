import { loadConfig, ConfigError } from '@ceasefire/runtime';
import { describe, expect, it } from 'vitest';
import { chatMessage } from './channels/chat.ts';
import { emailContent } from './channels/email.ts';
import { alertingConfigSchema } from './config.ts';
import { backoffDelay } from './delivery.ts';
import { agreementLevel, groupKeyOf, hashId } from './engine.ts';
import { tokenMatches } from '@ceasefire/runtime';
import type { Alert } from '@ceasefire/contracts';

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

describe('channel formats', () => {
  it('chat messages are Slack blocks with a text fallback', () => {
    const m = chatMessage(alert);
    expect(m.text).toMatch(/^Ceasefire breach: CRITICAL/);
    expect(m.blocks.map((b) => (b as { type: string }).type)).toEqual([
      'header',
      'section',
      'section',
      'context',
    ]);
    expect(JSON.stringify(m.blocks)).toContain('npx ceasefire alerts ack al_1');
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

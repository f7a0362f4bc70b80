import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  addBreach,
  nextTickAt,
  openAlert,
  tick,
  type AlertCore,
  type LifecyclePolicy,
} from './lifecycle.ts';
import { buildAlertMessage } from './notification.ts';
import { defaultRoutes, routeNotification, Routes } from './routing.ts';
import type { GroupSummary } from './severity.ts';
import { AlertMessage } from '@ceasefire/contracts';

/** A fake clock: minutes after a fixed instant. */
const T0 = Date.parse('2022-09-16T12:00:00Z');
const min = (m: number) => new Date(T0 + m * 60_000);

const policy: LifecyclePolicy = {
  groupWaitMs: 0,
  groupIntervalMs: 5 * 60_000,
  repeatIntervalMs: 60 * 60_000,
  resolveAfterMs: 180 * 60_000,
};

function summary(overrides: Partial<GroupSummary> = {}): GroupSummary {
  return {
    eventCount: 1,
    incidentCount: 1,
    killed: null,
    firstEventAt: min(-10),
    lastEventAt: min(-10),
    untimedAllegation: false,
    severity: 'warning',
    escalations: [],
    ...overrides,
  };
}

function opened(): AlertCore {
  const first = tick(openAlert(summary(), min(0)).alert, min(0), policy);
  expect(first.notification).toBe('opened');
  return first.alert;
}

describe('alert lifecycle with a fake clock', () => {
  it('the first breach of a group goes out at once with no group wait', () => {
    const { alert, transitions } = openAlert(summary(), min(0));
    expect(transitions).toEqual([{ from: null, to: 'firing', at: min(0), by: 'system', reason: 'breach' }]);
    const t = tick(alert, min(0), policy);
    expect(t.notification).toBe('opened');
    expect(t.alert.notificationSeq).toBe(1);
    // Idempotent at the same instant.
    expect(tick(t.alert, min(0), policy).notification).toBeNull();
  });

  it('a group wait holds the first notification', () => {
    const waiting = { ...policy, groupWaitMs: 2 * 60_000 };
    const { alert } = openAlert(summary(), min(0));
    expect(tick(alert, min(1), waiting).notification).toBeNull();
    expect(tick(alert, min(2), waiting).notification).toBe('opened');
  });

  it('more reports of the same incident update nothing; a new incident waits for the group interval', () => {
    let a = opened();
    a = addBreach(a, summary({ eventCount: 5 }), min(1)).alert;
    expect(tick(a, min(10), policy).notification).toBeNull();
    a = addBreach(a, summary({ eventCount: 6, incidentCount: 2 }), min(2)).alert;
    expect(tick(a, min(4), policy).notification).toBeNull();
    const t = tick(a, min(5), policy);
    expect(t.notification).toBe('updated');
    expect(t.alert.notifiedIncidentCount).toBe(2);
  });

  it('a rise in severity goes out at once', () => {
    let a = opened();
    a = addBreach(a, summary({ severity: 'critical', killed: 3, escalations: ['fatalities'] }), min(1)).alert;
    expect(tick(a, min(1), policy).notification).toBe('updated');
  });

  it('repeats while firing, not once acknowledged', () => {
    const a = opened();
    expect(tick(a, min(59), policy).notification).toBeNull();
    expect(tick(a, min(60), policy).notification).toBe('repeated');
    const acked = acknowledge(a, 'duty-officer', min(30));
    if ('refused' in acked) throw new Error('refused');
    expect(acked.transitions[0]).toMatchObject({ from: 'firing', to: 'acknowledged', by: 'duty-officer' });
    const t = tick(acked.alert, min(30), policy);
    expect(t.notification).toBe('acknowledged');
    expect(tick(t.alert, min(120), policy).notification).toBeNull();
    expect(acknowledge(t.alert, 'again', min(31))).toEqual({ refused: 'already_acknowledged' });
  });

  it('an acknowledged alert fires again when its severity rises above what was acknowledged', () => {
    const acked = acknowledge(opened(), 'duty', min(1));
    if ('refused' in acked) throw new Error('refused');
    const notified = tick(acked.alert, min(1), policy).alert;
    const same = addBreach(notified, summary({ incidentCount: 2 }), min(2));
    expect(same.alert.state).toBe('acknowledged');
    const worse = addBreach(notified, summary({ severity: 'critical' }), min(2));
    expect(worse.alert.state).toBe('firing');
    expect(worse.transitions[0]).toMatchObject({ from: 'acknowledged', to: 'firing', by: 'system' });
    expect(tick(worse.alert, min(2), policy).notification).toBe('updated');
  });

  it('resolves after the quiet period and says so once', () => {
    let a = opened();
    a = addBreach(a, summary({ incidentCount: 2 }), min(60)).alert;
    expect(tick(a, min(239), policy).alert.state).not.toBe('resolved');
    const t = tick(a, min(240), policy);
    expect(t.alert.state).toBe('resolved');
    expect(t.transitions).toMatchObject([{ to: 'resolved', by: 'system' }]);
    expect(t.notification).toBe('resolved');
    expect(tick(t.alert, min(300), policy).notification).toBeNull();
    expect(() => addBreach(t.alert, summary(), min(301))).toThrow(/resolved/);
    expect(nextTickAt(t.alert, policy)).toBeNull();
  });

  it('tells a scheduler when to look again', () => {
    const a = opened();
    expect(nextTickAt(a, policy)).toEqual(min(60));
  });
});

describe('routing', () => {
  const routes = Routes.parse([
    { channel: 'log' },
    { channel: 'email', min_severity: 'critical' },
    { channel: 'webhook', areas: ['kg.batken'], proposed: false },
    { channel: 'chat', notifications: ['opened', 'resolved'] },
  ]);

  it('routes by severity, area, notification and proposal', () => {
    const alert = { severity: 'warning' as const, area: 'kg.batken.leilek', proposedAgreement: false };
    expect(routeNotification(alert, 'opened', routes)).toEqual(['log', 'webhook', 'chat']);
    expect(routeNotification({ ...alert, severity: 'critical' }, 'updated', routes)).toEqual([
      'log',
      'email',
      'webhook',
    ]);
    expect(
      routeNotification({ ...alert, area: 'tj.sughd.isfara', proposedAgreement: true }, 'repeated', routes),
    ).toEqual(['log']);
    expect(routeNotification({ ...alert, proposedAgreement: true }, 'opened', routes)).toEqual([
      'log',
      'chat',
    ]);
  });

  it('defaults to every channel', () => {
    expect(
      routeNotification(
        { severity: 'info', area: 'x', proposedAgreement: true },
        'repeated',
        defaultRoutes(['log', 'topic']),
      ),
    ).toEqual(['log', 'topic']);
  });
});

describe('alert message', () => {
  it('satisfies the alerts topic contract', () => {
    const a = opened();
    const msg = buildAlertMessage(
      {
        id: 'al_1',
        groupKey: 'ag_1|kg.batken.leilek',
        agreementId: 'ag_1',
        agreementName: null,
        agreementParties: ['KG', 'TJ'],
        proposedAgreement: true,
        area: 'kg.batken.leilek',
      },
      a,
      'opened',
      ['ev_1'],
      min(0),
    );
    expect(AlertMessage.parse(msg)).toEqual(msg);
    expect(msg.id).toBe('al_1:1');
    expect(msg.data.summary).toMatch(
      /WARNING: ceasefire ag_1 \(KG–TJ, proposed\) breached in kg.batken.leilek/,
    );
  });
});

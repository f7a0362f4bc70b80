// Alertmanager's webhook payload (version 4), so receivers built for Alertmanager
// (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config) take our alerts
// without an adapter: one alert per message, labels to route on, annotations to read.
import type { AlertMessage } from '@ceasefire/contracts';

/** Alertmanager's "not ended" time of a firing alert. */
const NOT_ENDED = '0001-01-01T00:00:00Z';

/** One alert of Alertmanager's webhook payload. */
export interface AlertmanagerAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

/** Alertmanager's webhook payload, version 4. */
export interface AlertmanagerPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts: number;
  status: 'firing' | 'resolved';
  receiver: string;
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  alerts: AlertmanagerAlert[];
}

/**
 * The notification as Alertmanager's webhook payload. Labels: `alertname` (CeasefireBreach),
 * `severity`, `area`, `agreement_id`, `accused`, `notification`, `alert_id`; annotations: the
 * summary, the evidence, where and when, the source and the dashboard link. An acknowledged
 * alert is still `firing` (Alertmanager has no acknowledgement; a silence is its counterpart).
 */
export function alertmanagerPayload(message: AlertMessage, options: { receiver: string; externalUrl: string | null }): AlertmanagerPayload {
  const a = message.data;
  const b = a.breach;
  const status = a.state === 'resolved' ? 'resolved' : 'firing';
  const labels: Record<string, string> = {
    alertname: 'CeasefireBreach',
    severity: a.severity,
    area: a.area,
    agreement_id: a.agreement_id,
    alert_id: a.alert_id,
    notification: a.notification,
  };
  if (b && b.accused.length > 0) labels.accused = b.accused.map((p) => p.party).join(',');
  const annotations: Record<string, string> = { summary: a.summary };
  if (b) {
    annotations.area_name = b.area_name;
    if (b.evidence) annotations.description = b.evidence;
    if (b.types.length) annotations.types = b.types.join(', ');
    if (b.weapons.length) annotations.weapons = b.weapons.join(', ');
    if (b.places.length) annotations.places = b.places.map((p) => (p.lat === null || p.lon === null ? p.name : `${p.name} (${p.lat}, ${p.lon})`)).join('; ');
    if (b.first_breach.utc) annotations.first_breach = b.first_breach.local ? `${b.first_breach.local} ${b.first_breach.zone ?? ''}`.trim() : b.first_breach.utc;
    if (b.latest_breach.utc) annotations.latest_breach = b.latest_breach.local ? `${b.latest_breach.local} ${b.latest_breach.zone ?? ''}`.trim() : b.latest_breach.utc;
    if (b.killed) annotations.killed = `${b.killed.count} (${b.killed.agency ?? b.killed.reported_by ?? 'unnamed source'})`;
    if (b.wounded) annotations.wounded = `${b.wounded.count} (${b.wounded.agency ?? b.wounded.reported_by ?? 'unnamed source'})`;
    if (b.corroboration) annotations.corroboration = b.corroboration;
    if (b.source_url) annotations.source_url = b.source_url;
    if (b.link) annotations.dashboard_url = b.link;
  }
  const alert: AlertmanagerAlert = {
    status,
    labels,
    annotations,
    startsAt: a.first_event_at ?? a.opened_at,
    endsAt: status === 'resolved' ? a.updated_at : NOT_ENDED,
    generatorURL: b?.link ?? options.externalUrl ?? '',
    fingerprint: a.alert_id,
  };
  return {
    version: '4',
    groupKey: a.group_key,
    truncatedAlerts: 0,
    status,
    receiver: options.receiver,
    groupLabels: { agreement_id: a.agreement_id, area: a.area },
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: options.externalUrl ?? '',
    alerts: [alert],
  };
}

// The breach of an alert in words, for the channels people read (chat, e-mail): names, not ids.
import type { Alert, AlertBreach } from '@ceasefire/contracts';

const when = (t: AlertBreach['first_breach']): string => {
  if (t.local) return `${t.local.replace('T', ' ')}${t.zone ? ` ${t.zone}` : ''}${t.utc ? ` (${t.utc.slice(0, 16).replace('T', ' ')} UTC)` : ''}`;
  if (t.utc) return `${t.utc.slice(0, 16).replace('T', ' ')} UTC`;
  return t.date ? `${t.date} (day only)` : 'time not given';
};

const claim = (c: AlertBreach['killed']): string =>
  c === null ? 'none reported' : `${c.count} (${[c.agency, c.reported_by].filter(Boolean).join(', ') || 'source not named'})`;

/** Labelled facts of the breach, in reading order: [label, value]. */
export function breachFacts(a: Alert): Array<[string, string]> {
  const b = a.breach;
  // A region's alert absorbed by a district's: say where its events went, first.
  const moved: Array<[string, string]> = a.absorbed_into ? [['Moved to', `the alert of ${a.absorbed_into.area} (${a.absorbed_into.alert_id})`]] : [];
  if (b === undefined) {
    return [
      ...moved,
      ['Where', a.area],
      ['Agreement', `${a.agreement_id}${a.agreement_proposed ? ' (proposed)' : ''}`],
      ['Killed (claimed)', a.killed === null ? 'none reported' : String(a.killed)],
    ];
  }
  const places = b.places.map((p) => (p.lat !== null && p.lon !== null ? `${p.name} (${p.lat.toFixed(3)}, ${p.lon.toFixed(3)})` : p.name));
  const agreementStart = b.agreement.starts_at ? `, from ${b.agreement.starts_at.slice(0, 16).replace('T', ' ')} UTC${b.agreement.start_zone ? ` (${b.agreement.start_zone})` : ''}` : '';
  return [
    ...moved,
    ['Accused', b.accused.map((p) => p.name).join(', ') || 'not named'],
    ['Reported by', b.reported_by.map((r) => r.agency ?? r.name ?? r.party ?? '?').join('; ') || 'not named'],
    ['What', [b.types.map((t) => t.replaceAll('_', ' ')).join(', '), b.weapons.length > 0 ? `with ${b.weapons.join(', ')}` : ''].filter(Boolean).join(' ')],
    ['Where', places.length > 0 ? `${places.join('; ')}, ${b.area_name}` : b.area_name],
    ['First breach', when(b.first_breach)],
    ['Latest breach', when(b.latest_breach)],
    ['Killed (claimed)', claim(b.killed)],
    ['Wounded (claimed)', claim(b.wounded)],
    ['Corroboration', (b.corroboration ?? 'unknown').replaceAll('_', ' ')],
    ['Agreement', `${b.agreement.name ?? b.agreement.id} (${b.agreement.status.replace('_', ' ')}${agreementStart})`],
  ];
}

/** Escapes text for Slack's mrkdwn: `&`, `<` and `>` are control characters there (`<!channel>` pings a channel). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * The `breach` part of an alert's notification: who, what, where, when, how bad, how sure, the
 * evidence and where to look, built from what the store says of the alert's events (pure; the
 * names come from the conflict profile through {@link Names}).
 */
import type { AlertBreach, BreachDetails, BreachReportTime } from '@ceasefire/contracts';

/** Names for ids: areas (`kg.batken.leilek`) and parties (`KG`). */
export interface Names {
  areaName(areaId: string): string;
  partyName(code: string): string;
  /** A gazetteer place's English name and coordinates; undefined when the gazetteer lacks it. */
  place?(placeId: string): { name: string; lat: number | null; lon: number | null } | undefined;
}

// A report's time as stored, and what the store says of an alert's events (see `alertDetails`
// in @ceasefire/db): the contracts' own, shared with the store.
export type { BreachDetails, BreachReportTime };

/** The agreement as the payload names it. */
export interface BreachAgreement {
  readonly id: string;
  readonly name: string | null;
  readonly status: string;
  readonly startsAt: Date | null;
  readonly startZone: string | null;
}

/** Sentence ends: a full stop, question or exclamation mark followed by a space, or a line break. */
const SENTENCE_END = /[.!?](?=\s)|\n/g;

/**
 * The sentence of `text` that holds the span `start..end`, trimmed: from after the previous
 * sentence end to the next one (inclusive). The whole text when it has none.
 */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(SENTENCE_END)) {
    const at = m.index;
    if (at < start) from = at + 1;
    else if (at >= end - 1) {
      to = m[0] === '\n' ? at : at + 1;
      break;
    }
  }
  return text.slice(from, to).trim();
}

/** The evidence sentence of a report: around its type's evidence (what happened), else its first span. */
export function evidenceSentence(
  text: string,
  evidence: ReadonlyArray<{ field: string; start: number; end: number }>,
): string | null {
  const span = evidence.find((e) => e.field === 'type') ?? evidence[0];
  if (span === undefined || span.start < 0 || span.end > text.length) return null;
  return sentenceAround(text, span.start, span.end);
}

/** The dashboard's link to an alert: `<public url>/#/alerts/<id>`; null without a public URL. */
export function alertLink(publicUrl: string | null | undefined, alertId: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}/#/alerts/${encodeURIComponent(alertId)}`;
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
const timeOf = (t: BreachReportTime | null) => ({
  utc: iso(t?.utc ?? null),
  local: t?.local ?? null,
  zone: t?.zone ?? null,
  utc_offset: t?.utcOffset ?? null,
  date: t?.date ?? null,
});

/** The `breach` part of a notification. */
export function breachPayload(
  input: { alertId: string; area: string; agreement: BreachAgreement; details: BreachDetails; publicUrl?: string | null },
  names: Names,
): AlertBreach {
  const { details: d, agreement: a } = input;
  const reporters = new Map<string, { party: string | null; name: string | null; agency: string | null }>();
  for (const r of d.reporters) {
    const key = `${r.party ?? ''}|${r.agency ?? ''}`;
    if (!reporters.has(key)) reporters.set(key, { party: r.party, name: r.party === null ? null : names.partyName(r.party), agency: r.agency });
  }
  const claim = (c: BreachDetails['killed']) =>
    c === null ? null : { count: c.count, reported_by: c.reportedBy, agency: c.agency, statement_id: c.statementId };
  return {
    agreement: { id: a.id, name: a.name, status: a.status, starts_at: iso(a.startsAt), start_zone: a.startZone },
    area_name: names.areaName(input.area),
    accused: d.accused.map((party) => ({ party, name: names.partyName(party) })),
    reported_by: [...reporters.values()],
    types: [...d.types],
    weapons: [...d.weapons],
    places: d.places.map((p) => {
      const known = p.placeId === null ? undefined : names.place?.(p.placeId);
      return { name: known?.name ?? p.name, place_id: p.placeId, lat: p.lat ?? known?.lat ?? null, lon: p.lon ?? known?.lon ?? null };
    }),
    first_breach: timeOf(d.first),
    latest_breach: timeOf(d.latest),
    killed: claim(d.killed),
    wounded: claim(d.wounded),
    corroboration: d.corroboration,
    evidence: d.latest === null ? null : evidenceSentence(d.latest.text, d.latest.evidence),
    statement_id: d.latest?.statementId ?? null,
    source_agency: d.latest?.sourceAgency ?? null,
    source_url: d.latest?.url ?? null,
    link: alertLink(input.publicUrl, input.alertId),
  };
}

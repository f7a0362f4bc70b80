// The engine's pure helpers: ids and group keys, stored rows in the rules' shapes, an agreement
// event's parties and level, and what a reported agreement completes of a stored one.
import { createHash } from 'node:crypto';
import type { AgreementReport, BreachEvent, RuleAgreement } from '@ceasefire/alerting';
import { EventType } from '@ceasefire/contracts';
import {
  AGREEMENT_LEVELS,
  type AgreementPatch,
  type AgreementLevel,
  type AgreementRecord,
  type StoredBreachEvent,
} from '@ceasefire/db';

/** The parties of an agreement event, sorted: the agreement's, else the event's sides. */
export function partiesOf(event: Pick<StoredBreachEvent, 'agreement' | 'accusedParty' | 'reportedBy'>): string[] {
  return [
    ...new Set(event.agreement?.parties ?? [event.accusedParty, event.reportedBy].filter((p): p is string => p !== null)),
  ].sort();
}

/** Deterministic short id: the same inputs give the same id on every worker and every retry. */
export function hashId(prefix: string, ...parts: string[]): string {
  return `${prefix}_${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 20)}`;
}

/** The group of a breach: one alert per agreement and area at a time. */
export function groupKeyOf(agreementId: string, area: string): string {
  return `${agreementId}|${area}`;
}

/** The area of a group key (`<agreement id>|<area>`). */
export function areaOfGroupKey(groupKey: string): string {
  return groupKey.slice(groupKey.lastIndexOf('|') + 1);
}

export function ruleAgreement(a: AgreementRecord): RuleAgreement {
  return {
    id: a.id,
    parties: a.parties,
    status: a.status,
    startsAt: a.startsAt,
    announcedAt: a.announcedAt,
    endsAt: a.endsAt,
    scopeAreas: a.scopeAreas,
    wholeBorder: a.wholeBorder,
    terms: a.terms,
    confirmed: a.corroborated || a.source === 'operator',
  };
}

/** A stored event in the rules' shape; null for a type the contracts no longer know. */
export function breachEventOf(e: StoredBreachEvent): BreachEvent | null {
  const type = EventType.safeParse(e.type);
  if (!type.success) return null;
  return {
    id: e.id,
    type: type.data,
    area: e.area,
    accusedParty: e.accusedParty,
    reportedBy: e.reportedBy,
    startUtc: e.startUtc,
    endUtc: e.endUtc,
    date: e.date,
    publishedAt: e.publishedAt,
    killed: e.killed,
    wounded: e.wounded,
    weapons: e.weapons,
    incidentId: e.incidentId,
    corroboration: e.corroboration,
  };
}

const LEVEL_WORDS: Array<[RegExp, AgreementLevel]> = [
  [/head.*state|president/i, 'heads_of_state'],
  [/head.*gov|prime|premier/i, 'heads_of_government'],
  [/foreign|minist/i, 'foreign_ministers'],
  [/security|gknb|intelligence|border/i, 'security_chiefs'],
  [/governor|region|oblast|hokim/i, 'governors'],
  [/military|command|defen/i, 'military_commanders'],
];

/** The extractor's free-text level as one of the stored levels. */
export function agreementLevel(level: string | null): AgreementLevel {
  if (level === null) return 'other';
  if ((AGREEMENT_LEVELS as readonly string[]).includes(level)) return level as AgreementLevel;
  return LEVEL_WORDS.find(([re]) => re.test(level))?.[1] ?? 'other';
}


/**
 * What a later statement adds to a stored agreement: a start it lacks (with its zone), a zone for
 * the start it has, new terms, a level where it had none, an earlier announcement.
 */
export function completion(a: AgreementRecord, report: AgreementReport, startZone: string | null, announcedAt: Date): AgreementPatch {
  const patch: { -readonly [K in keyof AgreementPatch]: AgreementPatch[K] } = {};
  // A start after the agreement's end is not its start (identity refuses such a report; an
  // agreement ended by an operator or a successor keeps its period whole, as the table's check does).
  if (a.startsAt === null && report.startsAt !== null && (a.endsAt === null || report.startsAt <= a.endsAt)) {
    patch.startsAt = report.startsAt;
    patch.startZone = startZone;
  } else if (a.startsAt !== null && a.startZone === null && startZone !== null && report.startsAt?.getTime() === a.startsAt.getTime()) patch.startZone = startZone;
  const terms = [...new Set([...a.terms, ...report.terms])].sort();
  if (terms.length !== a.terms.length) patch.terms = terms;
  // The earliest day any statement gives is the day it was reached ("yesterday" in a later one).
  const reachedOn = a.reachedOn !== null && a.reachedOn <= report.reachedOn ? a.reachedOn : report.reachedOn;
  if (reachedOn !== a.reachedOn) patch.reachedOn = reachedOn;
  const level = a.level === 'other' && report.level !== 'other' ? (report.level as AgreementRecord['level']) : a.level;
  if (level !== a.level) patch.level = level;
  // A name the worker gave follows its level and day; an operator's stays.
  if ((level !== a.level || reachedOn !== a.reachedOn) && a.name === `${a.level.replaceAll('_', ' ')} ceasefire of ${a.reachedOn}`)
    patch.name = `${level.replaceAll('_', ' ')} ceasefire of ${reachedOn}`;
  if (a.announcedAt === null || announcedAt < a.announcedAt) patch.announcedAt = announcedAt;
  return patch;
}

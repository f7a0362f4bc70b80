// The domain's closed lists, owned here and free of zod, so the pure extraction engine can
// import them (`@ceasefire/contracts/domain`) without loading the message schemas.

/** The shape of a party code: ISO 3166-1 alpha-2 for states (`KG`, `TJ`) or a third party (`UN`, `OSCE`, `CSTO`). */
export const PARTY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/** Our event types (corpus/SCHEMA.md). */
export const EVENT_TYPES = [
  'small_arms_fire',
  'heavy_weapons_fire',
  'air_or_drone_strike',
  'armed_clash',
  'incursion',
  'property_destruction',
  'military_buildup',
  'ceasefire_agreement',
  'violation_allegation',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Alert severities, from the least. */
export const SEVERITIES = ['info', 'warning', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

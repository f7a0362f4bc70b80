/**
 * @ceasefire/extraction: a pure, deterministic engine that turns a statement about a border
 * conflict into timestamped, located, attributed violation events and casualty reports.
 *
 *   import { extract, KG_TJ_PROFILE } from '@ceasefire/extraction';
 *   const result = extract({ id, text, published_at, language, source_agency }, KG_TJ_PROFILE);
 */
export { extract, EXTRACTOR_VERSION } from './engine.ts';
export { sourceAgencySide } from './source-side.ts';
export { detectLanguage } from './lang.ts';
export { assertValidProfile, validateProfile } from './profile.ts';
export type {
  AgencyDef,
  AgencyKind,
  ConflictProfile,
  PartyDef,
  PlaceDef,
  ProfileIssue,
  ThirdPartyDef,
  Vocabulary,
  WeaponClass,
  WeaponDef,
  ZoneDef,
} from './profile.ts';
export { AM_AZ_PROFILE, getProfile, IN_PK_PROFILE, KG_TJ_PROFILE, PROFILES, selectProfile, TH_KH_PROFILE } from './profiles/index.ts';
export { countryMentions, worldProfile } from './profiles/world.ts';
export { STANDARD_VOCABULARY } from './profiles/vocabulary.ts';
export { findNumbers, parseNumber, type NumberMention } from './numbers.ts';
export { EVENT_TYPES } from './types.ts';
export type {
  AgreementTerms,
  CasualtyReport,
  EventTime,
  EventType,
  Evidence,
  EvidenceField,
  ExtractedPlace,
  ExtractionResult,
  ExtractOptions,
  PlaceKind,
  Reporter,
  Span,
  StatementInput,
  TimePrecision,
  ViolationEvent,
} from './types.ts';

/**
 * A profile compiled once: what the engine derives from a conflict profile's data for every
 * statement it reads (party codes, zone labels, the place-exclusion context, the gazetteer),
 * built on first use and kept with the profile object.
 */
import { parseOffset } from './dates.ts';
import { compileGazetteer, type Gazetteer } from './places.ts';
import type { ConflictProfile } from './profile.ts';
import { patternSource } from './text/patterns.ts';

export interface CompiledProfile {
  profile: ConflictProfile;
  /** The parties' codes (shared, read-only). */
  partyCodes: ReadonlySet<string>;
  /** Per party, its UTC offset and a regex anchored at the start matching its zone labels ("(Bishkek time)"). */
  zoneLabels: ReadonlyArray<{ offset_min: number; labels: RegExp }>;
  /** Context right before a place that makes it no event location ("taken to hospital in"). */
  placeExclusion: RegExp;
  gazetteer: Gazetteer;
}

const compiled = new WeakMap<ConflictProfile, CompiledProfile>();

export function compileProfile(profile: ConflictProfile): CompiledProfile {
  const hit = compiled.get(profile);
  if (hit) return hit;
  const c: CompiledProfile = {
    profile,
    partyCodes: new Set(profile.parties.map((x) => x.code)),
    zoneLabels: profile.parties.map((x) => ({
      offset_min: parseOffset(x.zone.offset) ?? 0,
      labels: new RegExp(`^\\s*\\(?\\s*(?:${patternSource(x.zone.labels)})\\s*\\)?`, 'i'),
    })),
    // Run on the lower-cased text: no `i` flag (patternSource lower-cases the patterns).
    placeExclusion: new RegExp(`(?:${patternSource(profile.vocabulary.place_exclusions)})\\s*$`),
    gazetteer: compileGazetteer(profile),
  };
  compiled.set(profile, c);
  return c;
}

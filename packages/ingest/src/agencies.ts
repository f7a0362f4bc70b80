import { sourceAgencySide, type ConflictProfile } from '@ceasefire/extraction';
import type { AgencyDirectory } from './ingestor.ts';

/**
 * Maps an agency name to the side it speaks for and that side's zone, from the conflict
 * profiles. The side is the extraction engine's answer (`sourceAgencySide`: the agency's own
 * entry first, else a party named inside it), so `statements.source_side` and an event's
 * reporter side come from the same patterns.
 */
export function agencyDirectory(profiles: readonly ConflictProfile[]): AgencyDirectory {
  const cache = new Map<string, ReturnType<AgencyDirectory['lookup']>>();
  return {
    lookup(agency) {
      const hit = cache.get(agency);
      if (hit !== undefined) return hit;
      const sided = sourceAgencySide(agency, profiles);
      const found: ReturnType<AgencyDirectory['lookup']> = sided
        ? { side: sided.party.code, zone: sided.party.zone.iana, offset: sided.party.zone.offset }
        : null;
      if (cache.size < 10_000) cache.set(agency, found);
      return found;
    },
  };
}

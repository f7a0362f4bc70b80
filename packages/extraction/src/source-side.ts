// Which side a statement's source agency speaks for, answered once for the whole pipeline: the
// ingester stores it as `statements.source_side` and the engine reads the same agency patterns
// (`agencyOfSource`, one compilation per profile), so the two cannot disagree.
import { agencyOfSource, findParties } from './attribution.ts';
import type { ConflictProfile, PartyDef } from './profile.ts';

/**
 * The party a `source_agency` speaks for, and the profile it belongs to: the agency's own entry
 * first, else a party named inside it ("Ministry of Health of the Kyrgyz Republic" → KG). Null
 * for a third party (UN, OSCE), a relay of another country, or an agency no profile knows.
 */
export function sourceAgencySide(
  agency: string,
  profiles: readonly ConflictProfile[],
): { party: PartyDef; profile: ConflictProfile } | null {
  for (const profile of profiles) {
    const known = agencyOfSource(agency, profile);
    const side = known?.side ?? findParties(agency, profile, [])[0]?.side ?? null;
    const party = side === null ? undefined : profile.parties.find((p) => p.code === side);
    if (party) return { party, profile };
    // A known agency of no side of this conflict: no other profile is asked.
    if (known) return null;
  }
  return null;
}

// Which side a statement's source agency speaks for by its name, answered once for the whole
// pipeline: the ingester stores it as `statements.source_side`, from the same agency patterns the
// engine reads (`agencyOfSource`, one compilation per profile). An event's reporter side may still
// differ where the text names the official source a relay quotes, or where a side-less agency
// (a bare ministry) speaks for the country of the places it counts in: that is the claimant, not
// the issuer.
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

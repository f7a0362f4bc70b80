import type { AgencyDirectory } from './ingestor.ts';

/** The parts of a conflict profile (packages/extraction) the ingester needs. */
export interface ProfileAgencies {
  parties: ReadonlyArray<{ code: string; patterns: readonly string[]; zone: { iana: string; offset: string } }>;
  agencies: ReadonlyArray<{ side: string | null; patterns: readonly string[] }>;
}

/**
 * Maps an agency name to the side it speaks for and that side's zone, from the conflict
 * profiles: the agency's own entry first, else a party named inside it ("Ministry of Health of
 * the Kyrgyz Republic" → KG).
 */
export function agencyDirectory(profiles: readonly ProfileAgencies[]): AgencyDirectory {
  const compiled = profiles.map((p) => ({
    parties: p.parties.map((party) => ({ party, res: party.patterns.map((s) => new RegExp(s, 'iu')) })),
    agencies: p.agencies.map((a) => ({ side: a.side, res: a.patterns.map((s) => new RegExp(s, 'iu')) })),
  }));
  const cache = new Map<string, ReturnType<AgencyDirectory['lookup']>>();
  return {
    lookup(agency) {
      const hit = cache.get(agency);
      if (hit !== undefined) return hit;
      let found: ReturnType<AgencyDirectory['lookup']> = null;
      for (const p of compiled) {
        const a = p.agencies.find((x) => x.res.some((re) => re.test(agency)));
        const side = a?.side ?? p.parties.find((x) => x.res.some((re) => re.test(agency)))?.party.code ?? null;
        const party = side ? p.parties.find((x) => x.party.code === side)?.party : undefined;
        if (party) {
          found = { side, zone: party.zone.iana, offset: party.zone.offset };
          break;
        }
        if (a) {
          // A third party (UN, OSCE): a side but no zone of the conflict.
          found = null;
          break;
        }
      }
      if (cache.size < 10_000) cache.set(agency, found);
      return found;
    },
  };
}

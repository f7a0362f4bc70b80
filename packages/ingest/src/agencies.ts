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
  // Whole words only, so "UN" does not match inside another word; `\w` in profile patterns
  // means any letter (JavaScript's is ASCII-only).
  const LETTER = '[\\p{L}\\p{N}]';
  const word = (src: string) => new RegExp(`(?<!${LETTER})(?:${src.replace(/\\w/g, LETTER)})(?!${LETTER})`, 'iu');
  const compiled = profiles.map((p) => ({
    parties: p.parties.map((party) => ({ party, res: party.patterns.map(word) })),
    agencies: p.agencies.map((a) => ({ side: a.side, res: a.patterns.map(word) })),
  }));
  // The mention that starts first, then the longest: "Border Troops of the GKNB of the Republic
  // of Tajikistan" is the Tajik border troops, not a bare "GKNB".
  function best<T>(items: ReadonlyArray<{ res: RegExp[] } & T>, text: string): (T & { res: RegExp[] }) | undefined {
    let found: { item: T & { res: RegExp[] }; index: number; length: number } | undefined;
    for (const item of items) {
      for (const re of item.res) {
        const m = re.exec(text);
        if (!m) continue;
        if (!found || m.index < found.index || (m.index === found.index && m[0].length > found.length)) {
          found = { item, index: m.index, length: m[0].length };
        }
      }
    }
    return found?.item;
  }
  const cache = new Map<string, ReturnType<AgencyDirectory['lookup']>>();
  return {
    lookup(agency) {
      const hit = cache.get(agency);
      if (hit !== undefined) return hit;
      let found: ReturnType<AgencyDirectory['lookup']> = null;
      for (const p of compiled) {
        const a = best(p.agencies, agency);
        const side = a?.side ?? best(p.parties, agency)?.party.code ?? null;
        const party = side ? p.parties.find((x) => x.party.code === side)?.party : undefined;
        if (party) {
          found = { side, zone: party.zone.iana, offset: party.zone.offset };
          break;
        }
        // A third party (UN, OSCE) or relay of another country: no zone of this conflict.
        if (a) break;
      }
      if (cache.size < 10_000) cache.set(agency, found);
      return found;
    },
  };
}

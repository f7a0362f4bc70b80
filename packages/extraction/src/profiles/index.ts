/**
 * The profiles this package ships, and the choice of a profile for a statement: the one whose
 * parties, agencies and places the statement mentions most.
 */
import { assertValidProfile, type ConflictProfile } from '../profile.ts';
import { compileList, eachMatch, lower } from '../text/patterns.ts';
import { AM_AZ_PROFILE } from './am-az.ts';
import { IL_LB_PROFILE } from './il-lb.ts';
import { IN_PK_PROFILE } from './in-pk.ts';
import { KG_TJ_PROFILE } from './kg-tj.ts';
import { TH_KH_PROFILE } from './th-kh.ts';
import { countryMentions, worldProfile } from './world.ts';

export { AM_AZ_PROFILE, IL_LB_PROFILE, IN_PK_PROFILE, KG_TJ_PROFILE, TH_KH_PROFILE };

/** Built-in profiles, validated at load. The first is the default. */
export const PROFILES: readonly ConflictProfile[] = [KG_TJ_PROFILE, AM_AZ_PROFILE, IN_PK_PROFILE, TH_KH_PROFILE, IL_LB_PROFILE].map(assertValidProfile);

export function getProfile(id: string): ConflictProfile | undefined {
  return PROFILES.find((p) => p.id === id);
}

const signatures = new WeakMap<ConflictProfile, RegExp>();

function signature(p: ConflictProfile): RegExp {
  const hit = signatures.get(p);
  if (hit) return hit;
  // Parties and their agencies name the conflict; place names add the districts' own words.
  const names = [
    ...p.parties.flatMap((x) => x.patterns),
    // "Baku accused Yerevan…": the capitals name the governments of the conflict.
    ...p.parties.flatMap((x) => x.capitals ?? []),
    // Official agencies name their country anyway; relays are known by name alone.
    // (A third country's wire, TASS or Reuters, relays every conflict: it names none.)
    ...p.agencies.filter((a) => a.kind === 'media' && a.side !== null && p.parties.some((x) => x.code === a.side)).flatMap((a) => a.patterns),
    ...p.places.filter((pl) => pl.kind === 'district' || pl.kind === 'region').flatMap((pl) => pl.en.slice(0, 1)).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  ];
  const re = compileList(names);
  signatures.set(p, re);
  return re;
}

// A built-in profile named this often is taken without looking at the world's countries.
const SURE_SCORE = 3;

/**
 * Picks the profile a statement is about (by names it mentions); the first profile on a tie.
 * When no built-in profile is clearly named and the countries the statement names most are not
 * its parties, the world fall-back profile of those countries is used, in the publication's
 * zone (`offsetMin`, minutes east of UTC).
 */
export function selectProfile(
  text: string,
  sourceAgency: string | null | undefined,
  profiles: readonly ConflictProfile[] = PROFILES,
  offsetMin = 0,
): ConflictProfile {
  let best = profiles[0] ?? KG_TJ_PROFILE;
  let bestScore = 0;
  const sample = lower(`${sourceAgency ?? ''}\n${text.slice(0, 6000)}`);
  const scores = countPerProfile(profiles, sample);
  for (let i = 0; i < profiles.length; i++) {
    const score = scores[i] ?? 0;
    if (score > bestScore) {
      best = profiles[i] as ConflictProfile;
      bestScore = score;
    }
  }
  if (bestScore >= SURE_SCORE) return best;
  const named = countryMentions(sample);
  const top = named[0];
  if (!top) return best;
  const second = named[1] ?? null;
  const codes = new Set(best.parties.map((p) => p.code));
  if (bestScore > 0 && codes.has(top.code) && (second === null || codes.has(second.code))) return best;
  if (bestScore > 0 && top.count + (second?.count ?? 0) <= bestScore) return best;
  return worldProfile(top.code, second?.code ?? null, offsetMin) ?? best;
}

const combined = new WeakMap<readonly ConflictProfile[], { re: RegExp; groups: number[] }>();

/**
 * The names of each profile the text mentions, counted in one pass: the profiles' signatures
 * as the groups of one regex (a name two profiles share counts for the first).
 */
function countPerProfile(profiles: readonly ConflictProfile[], text: string): number[] {
  let c = combined.get(profiles);
  if (!c) {
    // The group of each profile, past the groups its own patterns may hold.
    const groups: number[] = [];
    let next = 1;
    const sources = profiles.map((p) => {
      const src = signature(p).source;
      groups.push(next);
      next += 1 + ((new RegExp(`${src}|`).exec('')?.length ?? 1) - 1);
      return `(${src})`;
    });
    c = { re: new RegExp(sources.join('|'), 'g'), groups };
    combined.set(profiles, c);
  }
  const { re, groups } = c;
  const counts = new Array<number>(profiles.length).fill(0);
  eachMatch(re, text, (m) => {
    for (let i = 0; i < groups.length; i++) {
      if (m[groups[i] as number] !== undefined) {
        counts[i] = (counts[i] ?? 0) + 1;
        break;
      }
    }
  });
  return counts;
}

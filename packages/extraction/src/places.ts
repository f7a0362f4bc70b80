/**
 * The gazetteer matcher. Every spelling of every place (English variants, Russian names and
 * their generated case forms) is indexed by its normalised token sequence; the text is
 * tokenised once and matched longest-first. Hyphens, spaces and "ё/е" do not matter
 * ("Kok-Tash" = "Kok Tash", "Ходжаи Аъло").
 */
import type { ConflictProfile, PlaceDef } from './profile.ts';
import { declineAdjective, declineName } from './text/russian.ts';
import { lower } from './text/patterns.ts';
import type { ExtractedPlace } from './types.ts';

interface Alias {
  tokens: string[];
  place: PlaceDef;
  /** A bare district adjective ("Баткенском"): only valid when coordinated with a full name. */
  headless: boolean;
  lang: 'en' | 'ru';
}

export interface Gazetteer {
  byId: Map<string, PlaceDef>;
  /** Aliases indexed by their first token. */
  index: Map<string, Alias[]>;
  /** Places sharing a base name, by kind: resolves "Batken and Leilek districts". */
  byBase: Map<string, PlaceDef[]>;
  /** `tokenHash` of every first token in `index`: most words of a text are no place name. */
  firstHashes: Set<number>;
}

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  place: PlaceDef;
  /**
   * The unit the text says this place lies in ("X of Isfara city", «X Баткенского района»): not
   * a place of its own for the engine, but listed after it in an event (SCHEMA: the settlement
   * and, when the text names it, its district).
   */
  container?: PlaceMention;
}

const TOKEN = /[0-9A-Za-z\u00C0-\u024F\u0259\u0400-\u04FF]+/g;
/** A character of TOKEN's class. */
function isTokenChar(c: number): boolean {
  // Cyrillic first: most words of the statements are Russian or Latin lower case.
  if (c >= 0x400) return c <= 0x4ff;
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || c === 0x259;
}

/**
 * Letters of Kyrgyz, Tajik and Azerbaijani spellings that Russian and English texts write with
 * their nearest plain letter ("Төрт-Көчө" = «Торт-Кочо», "Kök-Tash" = "Kok-Tash", «Ҳисор» =
 * «Хисор»): one name, however the agency typed it. Lower-case only (the text is lowered first).
 */
const FOLD: Readonly<Record<string, string>> = { ё: 'е', ө: 'о', ү: 'у', ң: 'н', ӯ: 'у', ӣ: 'и', ҳ: 'х', ҷ: 'ч', қ: 'к', ғ: 'г', ә: 'а', һ: 'х', ö: 'o', ü: 'u', ş: 's', ç: 'c', ğ: 'g', ı: 'i', ə: 'a' };
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const FOLD_CODE = new Map<number, number>(Object.entries(FOLD).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));
/** The folded code of one lower-case character (most characters are below "ö" and kept). */
function foldCode(c: number): number {
  return c < 0xf6 ? c : (FOLD_CODE.get(c) ?? c);
}

export function normalizeToken(t: string): string {
  return t.toLowerCase().replace(FOLD_RE, (ch) => FOLD[ch] ?? ch).replace(/[ʼ’']/g, '');
}

function tokensOf(s: string): string[] {
  return (s.match(TOKEN) ?? []).map(normalizeToken);
}

const cache = new WeakMap<ConflictProfile, Gazetteer>();

export function compileGazetteer(profile: ConflictProfile): Gazetteer {
  const hit = cache.get(profile);
  if (hit) return hit;
  const index = new Map<string, Alias[]>();
  const byId = new Map<string, PlaceDef>();
  const byBase = new Map<string, PlaceDef[]>();
  const seen = new Set<string>();
  const addAlias = (name: string, place: PlaceDef, headless: boolean, lang: 'en' | 'ru'): void => {
    const tokens = tokensOf(name);
    const first = tokens[0];
    if (!first) return;
    const key = `${place.id}|${tokens.join(' ')}|${headless}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = index.get(first) ?? [];
    list.push({ tokens, place, headless, lang });
    index.set(first, list);
  };
  for (const def of profile.places) {
    // One object shape for every place (the profile's builders and literals differ in their
    // optional fields): code reading `place.kind` then sees a single map.
    const p: PlaceDef = {
      id: def.id,
      kind: def.kind,
      country: def.country,
      parent: def.parent,
      lat: def.lat,
      lon: def.lon,
      en: def.en,
      ru: def.ru,
      base: def.base,
      ru_adjective: def.ru_adjective,
    };
    byId.set(p.id, p);
    for (const n of p.en) for (const v of latinVariants(n)) addAlias(v, p, false, 'en');
    for (const n of p.ru) for (const f of declineName(n)) addAlias(f, p, false, 'ru');
    if (p.ru_adjective) for (const f of declineAdjective(p.ru_adjective)) addAlias(f, p, true, 'ru');
    const base = p.base ?? tokensOf(p.en[0] ?? '').join(' ');
    if (base) {
      const list = byBase.get(base) ?? [];
      list.push(p);
      byBase.set(base, list);
    }
  }
  // Bare base names ("Leilek") resolve to the district when no settlement has that name.
  for (const [base, list] of byBase) {
    const hasSettlement = list.some((p) => p.kind !== 'district' && p.kind !== 'region' && p.en.some((n) => tokensOf(n).join(' ') === base));
    const target = list.find((p) => p.kind === 'district') ?? list.find((p) => p.kind === 'region');
    if (!hasSettlement && target) addAlias(base, target, false, 'en');
  }
  // The same in Russian: «в Деваштиче», «сектор Пунч» for «район Деваштич», «район Пунч», unless a
  // settlement has the bare name («Джамму»).
  const ruNames = new Set<string>();
  for (const p of byId.values()) if (p.kind !== 'district') for (const n of p.ru) ruNames.add(tokensOf(n).join(' '));
  for (const p of byId.values()) {
    if (p.kind !== 'district') continue;
    for (const n of p.ru) {
      if (!n.startsWith('район ')) continue;
      const bare = n.slice(6);
      if (!ruNames.has(tokensOf(bare).join(' '))) for (const f of declineName(bare)) addAlias(f, p, false, 'ru');
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const firstHashes = new Set<number>();
  for (const key of index.keys()) firstHashes.add(tokenHash(key, 0, key.length));
  const g = { byId, index, byBase, firstHashes };
  cache.set(profile, g);
  return g;
}

/**
 * Romanisations of one name differ in a few letters ("Chyr-Dobo" / "Chir-Dobo", "Leilek" /
 * "Leylek", "Khojai" / "Hojai", "Dzhekendi" / "Jekendi"): each variant is an alias.
 */
function latinVariants(name: string): string[] {
  const out = new Set([name]);
  for (const [from, to] of LATIN_SWAPS) for (const v of [...out]) out.add(v.replace(from, to));
  return [...out];
}
const LATIN_SWAPS: Array<[RegExp, string]> = [
  [/y/g, 'i'],
  [/(?<=[a-z])i/g, 'y'],
  [/kh/gi, 'h'],
  [/Dzh/g, 'J'],
  [/dzh/g, 'j'],
];

const HEAD_WORDS = /^(?:districts?|regions?|raions?|rayons?|районах|районов|районы|районам|районами|областях|областей|области)$/;

const NAME_GAP = /^[\s\-–]{1,2}$/;
const COORDINATION = /^\s*(?:,|and|и)\s*$/i;

/** FNV-1a over the folded characters of s[start, end), kept a small integer. */
function tokenHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ foldCode(s.charCodeAt(i)), 16777619);
  return h & 0x3fffffff;
}

// Token scratch arrays, reused from one statement to the next (findPlaces is not re-entrant);
// only the first `count` entries of a call are its own.
const tokStart: number[] = [];
const tokEnd: number[] = [];
const tokHash: number[] = [];
const tokText: Array<string | undefined> = [];

/** The normalised text of token i (sliced on demand: only candidates of a name are read). */
function tokenText(low: string, i: number): string {
  let t = tokText[i];
  if (t === undefined) {
    t = low.slice(tokStart[i] as number, tokEnd[i] as number);
    FOLD_RE.lastIndex = 0;
    if (FOLD_RE.test(t)) t = t.replace(FOLD_RE, (ch) => FOLD[ch] ?? ch);
    tokText[i] = t;
  }
  return t;
}

/** Does the word ending at `end` start with a capital letter? */
function startsCapitalised(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && isTokenChar(text.charCodeAt(i - 1))) i--;
  const c = text[i] ?? '';
  return c !== c.toLowerCase();
}

/** Finds gazetteer places in `text` (longest match first, no overlaps). */
export function findPlaces(text: string, g: Gazetteer): PlaceMention[] {
  const low = lower(text);
  // The TOKEN class scanned by hand: one regex call per word cost more than the lookups. The
  // arrays are overwritten, not emptied (emptying an array frees its backing store).
  const n = low.length;
  let count = 0;
  for (let i = 0; i < n; ) {
    if (!isTokenChar(low.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // tokenHash, computed while scanning the word.
    let h = 0x811c9dc5 | 0;
    for (; i < n; i++) {
      const c = low.charCodeAt(i);
      if (!isTokenChar(c)) break;
      h = Math.imul(h ^ foldCode(c), 16777619);
    }
    tokStart[count] = start;
    tokEnd[count] = i;
    tokHash[count] = h & 0x3fffffff;
    tokText[count] = undefined;
    count++;
  }
  const out: Array<PlaceMention & { headless: boolean; lastTok: number }> = [];
  for (let i = 0; i < count; ) {
    const cands = g.firstHashes.has(tokHash[i] as number) ? g.index.get(tokenText(low, i)) : undefined;
    let matched: Alias | null = null;
    if (cands) {
      for (const a of cands) {
        const len = a.tokens.length;
        if (i + len > count) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          // Tokens of one name are separated by a space or a hyphen only.
          if (tokenText(low, i + k) !== a.tokens[k] || !NAME_GAP.test(text.slice(tokEnd[i + k - 1] as number, tokStart[i + k] as number))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = a;
          break;
        }
      }
    }
    if (matched) {
      const last = i + matched.tokens.length - 1;
      const start = tokStart[i] as number;
      const end = tokEnd[last] as number;
      // Proper names are capitalised; a lower-case match is an ordinary word ("arka" in no name).
      const c = text[start] ?? '';
      // "Uch-Korgon" is not Korgon: a name hyphen-joined to a capitalised word before it (that is
      // no place itself, as in "Batken-Isfara") is part of a longer, unlisted name.
      const joined = start > 1 && text.charCodeAt(start - 1) === 45 && isTokenChar(text.charCodeAt(start - 2)) && (out.at(-1)?.end ?? -1) !== start - 1 && startsCapitalised(text, start - 1);
      if (!joined && (c === c.toUpperCase() || matched.place.kind === 'district' || matched.place.kind === 'region')) {
        out.push({ start, end, text: text.slice(start, end), place: matched.place, headless: matched.headless, lastTok: last });
      }
      i += matched.tokens.length;
    } else i++;
  }
  // Coordination: "Batken and Leilek districts", «в Баткенском и Лейлекском районах».
  const result: PlaceMention[] = [];
  for (let j = 0; j < out.length; j++) {
    const m = out[j];
    if (!m) continue;
    const next = out[j + 1];
    if (next && (next.place.kind === 'district' || next.place.kind === 'region') && COORDINATION.test(text.slice(m.end, next.start))) {
      const headTok = tokenText(low, next.lastTok);
      if (HEAD_WORDS.test(headTok) || m.headless) {
        const base = m.place.base ?? tokensOf(m.place.en[0] ?? '').join(' ');
        const sibling = (g.byBase.get(base) ?? []).find((p) => p.kind === next.place.kind) ?? (m.place.kind === next.place.kind ? m.place : null);
        if (sibling) {
          result.push({ start: m.start, end: m.end, text: m.text, place: sibling });
          continue;
        }
      }
    }
    if (m.headless) continue;
    result.push({ start: m.start, end: m.end, text: m.text, place: m.place });
  }
  // A very long statement does not keep its token arrays alive.
  if (tokStart.length > 50_000) tokStart.length = tokEnd.length = tokHash.length = tokText.length = 0;
  return result;
}

/** Ancestors of a place, region first. */
export function adminChain(p: PlaceDef, g: Gazetteer): string[] {
  const chain: string[] = [];
  let cur = p.parent ? g.byId.get(p.parent) : undefined;
  while (cur) {
    chain.unshift(cur.id);
    cur = cur.parent ? g.byId.get(cur.parent) : undefined;
  }
  return chain;
}

export function toExtracted(m: PlaceMention, g: Gazetteer, lang: string): ExtractedPlace {
  const p = m.place;
  const name = lang === 'ru' ? (p.ru[0] ?? p.en[0] ?? m.text) : (p.en[0] ?? p.ru[0] ?? m.text);
  return {
    id: p.id.startsWith(UNLISTED) ? null : p.id,
    as_written: m.text,
    name,
    country: p.country || null,
    admin: adminChain(p, g),
    lat: p.lat,
    lon: p.lon,
    kind: p.kind,
  };
}

/** Id prefix of a place named in the text but absent from the gazetteer. */
export const UNLISTED = '?';

// A capitalised name introduced by a place noun is a place as written, listed or not: "border
// outpost Kapchygai", "the village of X", "the X area", «застава «X»», «села X», «джамоат X».
const LATIN_NAME = "[A-Z][a-z'’]+(?:[- ][A-Z][a-z'’]+)?";
// Russian: a space may join an adjective of case agreement («села Гулякандоз Исфаринского района»).
// Kyrgyz and Tajik letters are part of a name as written («Төрт-Көчө», «Ҳисорак»).
const CYR_UP = 'А-ЯЁӨҮҢҲҶҚҒӢӮ';
const CYR_LOW = 'а-яёөүңҳҷқғӣӯ';
const CYR_NAME = `[${CYR_UP}][${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?`;
const INTRO_EN = new RegExp(
  `\\b(?:(?:border )?(?:outposts?|posts?|checkpoints?)|(?:villages?|settlements?|towns?|jamoats?|hamlets?|mahallas?|communit(?:y|ies) of|areas? of|localit(?:y|ies) of|vicinity of)(?: of)?)\\s+(?:the\\s+)?(?:"|“)?(${LATIN_NAME})`,
  'dg',
);
// "Kap Choeng District", "Hermel district", "Si Sa Ket province": a unit named with its noun.
// "Dashkasan region", "Tavush Region" too, not a region named by an adjective of people or
// geography ("the Central Asian region", "the Baltic region").
const ADMIN_EN = /\b((?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)? ){1,3}(?:Province|District|Subdistrict|Governorate|Oblast|province|district|subdistrict|governorate|oblast)|(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)? ){0,2}[A-Z][a-z'’]+(?<!ian|ean|ese|ic|ern|ish) (?:Region|region))\b/dg;
const ADMIN_KEYS = /rovince|istrict|overnorate|blast|egion/;
// "the Nikial Sector", "Chon-Kara village", "in the Kalbajar direction", "the Tamga border outpost":
// a name closed by a site noun.
const SITE_EN = new RegExp(`\\b(${LATIN_NAME}) (?:area|outpost|checkpoint|height|pass|(?:border|frontier) (?:post|outpost|checkpoint)|[Vv]illage|settlement|community|mahalla|post|section|[Ss]ector|[Dd]irection|locality|water intake|enclave|temple|pagoda)\\b`, 'dg');
// "Khiam, a town in southern Lebanon", "Nong Mek, a border village": a name in apposition to a
// settlement noun.
const APPOSITION_EN = new RegExp(`\\b(${LATIN_NAME}), an? (?:[a-z-]+ |[A-Z][a-z]+ ){0,3}(?:village|town|settlement|hamlet|city|community)\\b`, 'dg');
const APPOSITION_KEYS = /, an? [^,.]{0,40}(?:village|town|settlement|hamlet|city|community)/;
// "Chong Sai Taku pass": a name of three words before the site noun (each a name's word).
const SITE3_EN = new RegExp(`\\b([A-Z][a-z'’]+ [A-Z][a-z'’]+ [A-Z][a-z'’]+) (?:area|outpost|checkpoint|height|pass|(?:border|frontier) (?:post|outpost|checkpoint)|[Vv]illage|settlement|community|mahalla|post|section|[Ss]ector|[Dd]irection|locality|water intake|enclave|temple|pagoda)\\b`, 'dg');
// "Ta Muen Thom Temple", "Friendship Bridge", "Hill 704": a site named with its head noun, kept whole.
const NAMED_SITE_EN = /\b((?:[A-Z][a-z'’]+[ -]){1,3}(?:Temple|Pagoda|Bridge|Hill|Mine|Dam|Camp))\b/dg;
const NAMED_SITE_HEADS = /Temple|Pagoda|Bridge|Hill|Mine|Dam|Camp/;
// A name that opens with the local word for a village or a temple is a place: Thai "Ban" (village)
// and "Wat" (temple), Khmer "Phum" (village) and "Prasat" (temple), Arabic "Kfar", "Beit", "Deir",
// "Khirbet", "Hawsh": "Ban Nong Mek", "Ban Sai Tho 10", "Wat Kaew Sikka Kiri Svarak".
const NAMED_PREFIX_EN = /\b((?:Ban|Wat|Phum|Prasat|Tambon|Khum|Kfar|Beit|Deir|Khirbet|Hawsh) [A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,4}(?: \d{1,3}(?![\d:.]))?)(?![a-z])/dg;
const NAMED_PREFIX_KEYS = /\b(?:Ban|Wat|Phum|Prasat|Tambon|Khum|Kfar|Beit|Deir|Khirbet|Hawsh) [A-Z]/;
// "positions in Tuz-Bel", "shelled Kara-Jygach": a hyphen-joined name of two capitalised parts after
// "in", "at" or an attack word is a place name (the compound names of the border villages);
// "in"/"at" take no single word (months, languages and organisations follow them too).
const HYPHEN_NAME_EN = /\b(?:in|at|shelled|attacked|struck|hit|bombed|bombarded|targeted)\s+(?:the\s+)?([A-Z][a-z]+-[A-Z][a-z]+)(?![-a-zA-Z])/dg;
// «обстреляли Туз-Бел», «атаковали Кара-Жыгач»: the same after a Russian attack verb (the accusative
// of such a name is its nominative).
const HYPHEN_NAME_RU = /(?:^|[^а-яё])(?:обстрел(?:ял[аи]?|ивают|ивали)|атаковал[аи]?)\s+([А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+)(?![-а-яёА-ЯЁ])/dg;
// "near Ak-Sai", "on the outskirts of Chon-Kara", "towards Sotk": a preposition of place before a
// capitalised name. Not "in"/"at" (they take months, languages and organisations too).
const NEAR_EN = new RegExp(`\\b(?:[Nn]ear|[Nn]earby|[Oo]utskirts of|[Tt]owards?|[Oo]pposite|[Ee]nvirons of|[Dd]irection of|[Aa]djacent to|[Cc]lose to|[Bb]order of) (?:the )?(${LATIN_NAME})(?![a-z])`, 'dg');
// "the Zaylik, Yellija and Yukhari Ayrim settlements", "in the Bogiston and Lakon villages of Isfara":
// names listed before a plural place noun.
// The first name is taken, the rest follow as a list (LIST_NEXT_EN).
const LIST_SITES_EN = new RegExp(`\\b(${LATIN_NAME})(?=(?:, ${LATIN_NAME}){0,6}(?:,? and ${LATIN_NAME})? (?:settlements|villages|areas|localities|hamlets|districts|sectors|provinces|subdistricts)\\b)`, 'dg');
// «у древнего храма Прасат Та Муен Том»: a temple, monastery or pagoda named after its noun, kept whole.
const NAMED_SITE_RU = /(?:^|[^а-яё])(?:храм[а-яё]*|пагод[а-яё]*|монастыр[а-яё]*)\s+([А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+){0,4})/dg;
const NAMED_SITE_RU_HEADS = /храм|пагод|монастыр/;
// A quoted name after a site noun: «застава «X»», «погранпоста «X»», «угольного разреза "X"», «шахта „X“».
const INTRO_RU_QUOTED = /(?:^|[^а-яё])(?:(?:погран)?застав[а-яё]*|(?:погран)?пост[а-яё]*|КПП|узл[а-яё]*|участк[а-яё]*|высот[а-яё]*|разрез[а-яё]*|шахт[а-яё]*|рудник[а-яё]*|завод[а-яё]*|мост[а-яё]*|канал[а-яё]*|водозабор[а-яё]*|лагер[а-яё]*|месторождени[а-яё]*)\s+[«"„“]([А-ЯЁӨҮҢҲҶҚҒӢӮ][^»"“”\n]{1,29})[»"“”]/dg;
// «в районе Каракульской заставы»: an adjective (-ской, -ского…) before a common noun qualifies it,
// it names no place («в селе Октябрьском Лейлекского района» does).
const NOT_ADJECTIVE = `(?![${CYR_LOW}])(?!(?<=(?:ск|цк)(?:ой|ого|ому|ом|их|ую|ым|ыми|ими))\\s+[${CYR_LOW}])`;
// «деревню Бан Пхлу в провинции Сурин», «села Нерқин Канд Тавушской области»: a name of two or three
// words, when a preposition, a punctuation mark or an adjective of the unit it lies in closes it
// (not «заставу Ак-Сай Пограничной службы»: one word then).
const CYR_NAME_MULTI = `${CYR_NAME}(?:(?: [${CYR_UP}][${CYR_LOW}]+){1,2}(?=\\s*(?:[,.;:)»"]|$)|\\s(?:в|на|и|у|к|с|по|близ|около)\\s|\\s[${CYR_UP}][${CYR_LOW}]+(?:ск|цк)(?:ого|ой|их|ом)\\s))?`;
const INTRO_RU = new RegExp(
  `(?:^|[^а-яё])(?:сел[оауе]|сёл|сел(?:ам|ах|ами)|пост[а-яё]*|погранпост[а-яё]*|поселк[а-яё]*|посёлк[а-яё]*|поселени[а-яё]*|общин[а-яё]*|станиц[а-яё]*|хутор[а-яё]*|деревн[а-яё]*|аул[а-яё]*|город[а-яё]*|джамоат[а-яё]*|кишлак[а-яё]*|айыл[а-яё]*|аймак[а-яё]*|махалл[а-яё]*|погранзастав[а-яё]*|застав[а-яё]*|провинци[а-яё]*|сектор[а-яё]*|местност[а-яё]*|урочищ[а-яё]*|перевал[а-яё]*|участк[а-яё]*|населенн[а-яё]* пункт[а-яё]*|населённ[а-яё]* пункт[а-яё]*|н\\. ?п\\.|в районе|в окрестност[а-яё]*|на окраин[а-яё]*|вблизи|близ|возле|около|в направлении)\\s+(${CYR_NAME_MULTI})${NOT_ADJECTIVE}`,
  'dg',
);
// «с. Туз-Бел», «с.Кара-Жыгач», «пос. X», «г. X»: a settlement noun abbreviated.
const ABBR_RU = new RegExp(`(?:^|[^${CYR_LOW}])(?:с|пос|пгт|г)\\.\\s?(${CYR_NAME})${NOT_ADJECTIVE}`, 'dg');
// «по району Дахия», «квартал Хай-ас-Саллум»: an area named after its noun (not «район Баткенской
// области», an adjective of the unit it lies in).
const AREA_RU = new RegExp(`(?:^|[^${CYR_LOW}])(?:район|района|районе|району|районом|квартал[а-яё]*|микрорайон[а-яё]*)\\s+(${CYR_NAME})${NOT_ADJECTIVE}`, 'dg');
// «в Лахшском районе», «Лахшского района»: a district adjective the gazetteer does not list.
const DISTRICT_RU = new RegExp(`(?:^|[^${CYR_LOW}])([${CYR_UP}][${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?(?:ск|цк)(?:ий|ого|ом|ому|им) район(?:а|е|у|ом)?)(?![а-яё])`, 'dg');
// «в Гегаркуникской области», «Сугдийскую область»: a region adjective the gazetteer does not list.
const REGION_RU = new RegExp(`(?:^|[^${CYR_LOW}])([${CYR_UP}][${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?(?:ск|цк)(?:ая|ой|ую) област(?:ь|и|ью))(?![а-яё])`, 'dg');
// «на Кельбаджарском участке», «Лачинское направление»: a sector of the line named by its adjective.
const SECTOR_RU = new RegExp(`(?:^|[^${CYR_LOW}])([${CYR_UP}][${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?(?:ск|цк)(?:ий|ого|ом|ому|им|ое) (?:участ(?:ок|ка|ке|ку|ком)|направлени(?:е|я|и|ю|ем)))(?![а-яё])`, 'dg');
// The rest of a list after an introduced name: "areas of Eki-Tash, Chyr-Dobo and Kum-Mazar".
const LIST_NEXT_EN = new RegExp(`^(?:\\s*,\\s*|\\s+and\\s+|\\s*,\\s*and\\s+)(${LATIN_NAME})(?![a-z])`, 'd');
const LIST_NEXT_RU = new RegExp(`^(?:\\s*,\\s*|\\s+и\\s+|\\s*,\\s*и\\s+)(${CYR_NAME})(?![${CYR_LOW}])`, 'd');
// Words that a capital letter after a place noun can start and that name no place.
// Months, weekdays, determiners and titles ("Jita, Foreign Minister Kazakbayev") start no place name either.
const NOT_A_NAME =
  /^(?:The|A|An|Of|In|On|At|And|Foreign|Prime|Deputy|Minister|President|Chairman|Ambassador|Spokesman|Spokesperson|Secretary|Commander|General|Colonel|Major|Captain|Lieutenant|Sergeant|Director|Head|Mr|Mrs|Ms|Dr|Министр|Президент|Посол|Генерал|Полковник|Майор|Капитан|State|Border|Republic|Ministry|District|Region|Village|Government|Committee|Service|Troops|One|Every|Each|This|That|These|Those|Another|Our|Their|His|Her|Its|Some|No|Which|Whose|Other|Both|Enemy|Army|Military|Police|Security|National|International|Line|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Район|Области|Республик[а-яё]*|Государственн[а-яё]*|Январ[а-яё]*|Феврал[а-яё]*|Март[а-яё]*|Апрел[а-яё]*|Ма[йяею]|Июн[а-яё]*|Июл[а-яё]*|Август[а-яё]*|Сентябр[а-яё]*|Октябр[а-яё]*|Ноябр[а-яё]*|Декабр[а-яё]*|Понедельник[а-яё]*|Вторник[а-яё]*|Сред[а-яё]*|Четверг[а-яё]*|Пятниц[а-яё]*|Суббот[а-яё]*|Воскресень[а-яё]*|Пограничн[а-яё]*|Министерств[а-яё]*|Служб[а-яё]*)$/;

const partyNameCache = new WeakMap<ConflictProfile, Array<{ code: string; re: RegExp }>>();
/** Each party's names and adjectives as a whole word ("Kyrgyz", «таджикской»). */
function partyNames(profile: ConflictProfile): Array<{ code: string; re: RegExp }> {
  let list = partyNameCache.get(profile);
  if (!list) {
    list = profile.parties.map((p) => ({
      code: p.code,
      re: new RegExp(`^(?:${p.patterns.join('|').replace(/\\w/g, '[0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF]')})$`, 'i'),
    }));
    partyNameCache.set(profile, list);
  }
  return list;
}

function partyOfWord(word: string, profile: ConflictProfile): string {
  for (const p of partyNames(profile)) if (p.re.test(word)) return p.code;
  return '';
}

// Words that may stand between a party adjective and the place noun it qualifies.
const PLACE_NOUN_MODIFIER = /^(?:the|a|an|border|frontier|state|пограничн[а-яё]*|государственн[а-яё]*)$/i;

/**
 * The party whose adjective qualifies the place noun at `pos` ("the Kyrgyz border outpost",
 * «кыргызскую заставу»); only articles and "border" may stand between. An adjective further
 * back qualifies something else («таджикские военнослужащие обстреляли заставу»: the actor).
 */
function partyBefore(text: string, pos: number, profile: ConflictProfile): string {
  const words = text.slice(Math.max(0, pos - 40), pos).match(TOKEN) ?? [];
  for (let i = words.length - 1; i >= Math.max(0, words.length - 3); i--) {
    const w = words[i] as string;
    const code = partyOfWord(w, profile);
    if (code) return code;
    if (!PLACE_NOUN_MODIFIER.test(w)) return '';
  }
  return '';
}

// What joins a place to the unit or settlement it lies in: "X of Isfara city", "X in Batken
// district", "X, Batken district", "the X outpost, Batken district", "X near the village of Y",
// «X» у села Y. A place noun may close the name first ("the X outpost", "the X area").
// "Ban X subdistrict hospital in Y district": up to two site nouns close the name first.
const CONTAINER_GAP = /^["»”]?(?:\s+(?:border\s+)?(?:outpost|post|checkpoint|area|height|pass|village|settlement|enclave|jamoat|subdistrict|hospital|school|market|temple|base)){0,2}\s*(?:,\s*|(?:,\s*)?(?:of|in|near|у|около|близ|возле|вблизи|в)\s+(?:the\s+)?(?:(?:village|town|city|settlement|села|поселка|посёлка|города|джамоата)\s+(?:of\s+)?)?)$/i;
const COMMA_GAP = /^["»”]?(?:\s+(?:border\s+)?(?:outpost|post|checkpoint|area|height|pass|village|settlement|enclave|jamoat))?\s*,\s*$/i;
// «застава «X» Баткенского района»: a unit in the genitive right after the name.
const SPACE_GAP = /^["»”]?\s+$/;
// «джамоат Ворух города Исфара», «села X города Y»: the town it belongs to, in the genitive.
const CITY_GAP = /^["»”]?\s+(?:города|г\.)\s*$/;

/** Is `outer` said to contain `inner` (the text between them joins a place to where it lies)? */
function containerOf(text: string, inner: PlaceMention, outer: PlaceMention, chained: boolean): boolean {
  // A unit contains only when it is itself a container ("X, Chon-Alai district, Osh region").
  if (!chained && (inner.place.kind === 'district' || inner.place.kind === 'region')) return false;
  // "fired from Vorukh on Kok-Tash": places on two sides are two places.
  if (inner.place.country && outer.place.country && inner.place.country !== outer.place.country) return false;
  const gap = text.slice(inner.end, outer.start);
  if (SPACE_GAP.test(gap)) return outer.place.kind === 'district' || outer.place.kind === 'region';
  if (CITY_GAP.test(gap)) return true;
  if (gap.length > 36 || !CONTAINER_GAP.test(gap)) return false;
  // "Arka, Maksat and Kulundu" is a list: after a comma only a district or region contains.
  if (COMMA_GAP.test(gap)) return outer.place.kind === 'district' || outer.place.kind === 'region';
  return true;
}

// "Lahore, Gujranwala, Miano, Chor and Karachi", «Сам Тэ, Фу Пхи, Чонг Та Тхао и Прасат Та Квай»:
// the names listed between two places are places too. The gap holds only names and separators.
const LIST_NAME = "[A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’]+(?:[ -][A-ZА-ЯЁ][A-Za-zА-Яа-яЁё'’]+){0,3}";
const LIST_GAP = new RegExp(`^(?:\\s*,\\s*${LIST_NAME})+\\s*(?:,\\s*(?:and\\s+|и\\s+)?|\\s+(?:and|и)\\s+)$`);
const LIST_ITEM = new RegExp(`(?<=,\\s*)${LIST_NAME}`, 'dg');

function isNominative(m: PlaceMention): boolean {
  const written = tokensOf(m.text).join(' ');
  return m.place.ru.some((n) => tokensOf(n).join(' ') === written);
}

function withListedBetween(text: string, all: PlaceMention[], profile: ConflictProfile): PlaceMention[] {
  let out: PlaceMention[] | null = null;
  for (let i = 0; i + 1 < all.length; i++) {
    const a = all[i] as PlaceMention;
    const b = all[i + 1] as PlaceMention;
    if (b.start - a.end < 4 || b.start - a.end > 120) continue;
    const gap = text.slice(a.end, b.start);
    if (!gap.includes(',') || !LIST_GAP.test(gap)) continue;
    // A Russian list read as written only in the nominative («над Исфарой, Канибадамом…» declines).
    if (/[а-яё]/i.test(gap) && !isNominative(a)) continue;
    const country = a.place.country === b.place.country ? a.place.country : '';
    LIST_ITEM.lastIndex = 0;
    for (let m = LIST_ITEM.exec(gap); m; m = LIST_ITEM.exec(gap)) {
      const name = m[0];
      if (NOT_A_NAME.test(name.split(/[- ]/)[0] as string) || name.split(/[- ]/).some((w) => partyOfWord(w, profile))) continue;
      const start = a.end + m.index;
      out ??= all.slice();
      out.push({ start, end: start + name.length, text: name, place: unlisted(name, country, null) });
    }
  }
  return out ? out.sort((x, y) => x.start - y.start) : all;
}

function unlisted(name: string, country: string, parent: string | null, kind: PlaceDef['kind'] = 'settlement'): PlaceDef {
  return { id: `${UNLISTED}${name}`, kind, country, parent, lat: null, lon: null, en: [name], ru: [kind === 'settlement' ? name : nominativeUnit(name)], base: undefined, ru_adjective: undefined };
}

// «в Лахшском районе», «Гегаркуникской области», «на Кельбаджарском участке», «Лачинском
// направлении»: a unit named by its adjective is output in the nominative (SCHEMA "Places").
const RU_DISTRICT_CASE = /(ск|цк)(?:ий|ого|ом|ому|им) район(?:а|е|у|ом)?$/;
const RU_REGION_CASE = /(ск|цк)(?:ая|ой|ую) област(?:ь|и|ью)$/;
const RU_SECTION_CASE = /(ск|цк)(?:ий|ого|ом|ому|им) участ(?:ок|ка|ке|ку|ком)$/;
const RU_DIRECTION_CASE = /(ск|цк)(?:ое|ого|ом|ому|им) направлени(?:е|я|и|ю|ем)$/;

/** The nominative of a Russian unit named by its adjective; other names as written. */
export function nominativeUnit(name: string): string {
  return name
    .replace(RU_DISTRICT_CASE, '$1ий район')
    .replace(RU_REGION_CASE, '$1ая область')
    .replace(RU_SECTION_CASE, '$1ий участок')
    .replace(RU_DIRECTION_CASE, '$1ое направление');
}

/**
 * Adds the places a place noun introduces that the gazetteer does not list, and drops the
 * places that only say where another lies ("Khojai Alo of Isfara city": one place, the most
 * specific). An unlisted place takes its country from its container, else from a party
 * adjective before it ("the Kyrgyz border outpost X"), else none.
 */
export function withUnlistedPlaces(text: string, known: PlaceMention[], profile: ConflictProfile): PlaceMention[] {
  let all = known;
  const add = (re: RegExp, next: RegExp | null, kind: PlaceDef['kind'] = 'settlement'): void => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const country = partyBefore(text, isTokenChar(text.charCodeAt(m.index)) ? m.index : m.index + 1, profile);
      let name = m[1] as string;
      let start = (m.indices?.[1]?.[0] ?? 0) as number;
      // The introduced name, then the names listed after it.
      for (;;) {
        if (name.split(/[- ]/).some((w) => NOT_A_NAME.test(w) || partyOfWord(w, profile))) break;
        const end = start + name.length;
        let clash = false;
        for (const k of all) if (start < k.end && k.start < end) clash = true;
        if (!clash) {
          if (all === known) all = known.slice();
          all.push({ start, end, text: name, place: unlisted(name, country, null, kind) });
        }
        const n = next?.exec(text.slice(end, end + 40));
        if (!n) break;
        name = n[1] as string;
        start = end + ((n.indices?.[1]?.[0] ?? 0) as number);
      }
    }
  };
  if (text.includes('«') || text.includes('"') || text.includes('„')) add(INTRO_RU_QUOTED, null);
  if (NAMED_PREFIX_KEYS.test(text)) add(NAMED_PREFIX_EN, null);
  add(INTRO_EN, LIST_NEXT_EN);
  if (/settlements|villages|areas|localities|hamlets|districts|sectors|provinces/.test(text)) add(LIST_SITES_EN, LIST_NEXT_EN);
  if (NAMED_SITE_RU_HEADS.test(text)) add(NAMED_SITE_RU, null, 'other');
  if (NAMED_SITE_HEADS.test(text)) add(NAMED_SITE_EN, null, 'other');
  if (APPOSITION_KEYS.test(text)) add(APPOSITION_EN, null);
  add(SITE3_EN, null);
  add(SITE_EN, null);
  add(NEAR_EN, LIST_NEXT_EN);
  if (text.includes('-')) {
    add(HYPHEN_NAME_EN, LIST_NEXT_EN);
    if (text.includes('обстрел') || text.includes('атаков')) add(HYPHEN_NAME_RU, LIST_NEXT_RU);
  }
  if (ADMIN_KEYS.test(text)) add(ADMIN_EN, null);
  add(INTRO_RU, LIST_NEXT_RU);
  if (text.includes('.')) add(ABBR_RU, LIST_NEXT_RU);
  if (text.includes('район')) add(DISTRICT_RU, null, 'district');
  if (text.includes('район') || text.includes('квартал')) add(AREA_RU, LIST_NEXT_RU);
  if (text.includes('област')) add(REGION_RU, null, 'region');
  if (text.includes('участ') || text.includes('направлени')) add(SECTOR_RU, null, 'border_section');
  if (all.length < 2) return all;
  if (all !== known) all.sort((a, b) => a.start - b.start);
  all = withListedBetween(text, all, profile);
  let out: PlaceMention[] | null = null;
  // Containers are linked last to first, so that a chain ("X, Y district, Z region") is whole.
  const containerOfIndex = new Map<number, number>();
  for (let i = 0; i + 1 < all.length; i++) {
    const inner = all[i] as PlaceMention;
    const outer = all[i + 1] as PlaceMention;
    if (!containerOf(text, inner, outer, out !== null && out.at(-1) === inner)) continue;
    containerOfIndex.set(i, i + 1);
    if (inner.place.id.startsWith(UNLISTED) && inner.place.parent === null) {
      const p = inner.place;
      const country = outer.place.country || p.country;
      all[i] = { start: inner.start, end: inner.end, text: inner.text, place: unlisted(p.en[0] as string, country, outer.place.id, p.kind) };
    }
    // A district or region after a listed settlement is dropped later when it is its parent;
    // here the container goes whatever it is.
    out ??= [];
    out.push(outer);
  }
  if (!out) return all;
  if (all === known) all = known.slice();
  for (let i = all.length - 1; i >= 0; i--) {
    const j = containerOfIndex.get(i);
    const inner = all[i] as PlaceMention;
    if (j !== undefined) all[i] = { start: inner.start, end: inner.end, text: inner.text, place: inner.place, container: all[j] as PlaceMention };
  }
  const drop = new Set(out.map((o) => o.start));
  return all.filter((p) => !drop.has(p.start));
}

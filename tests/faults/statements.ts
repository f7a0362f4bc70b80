// A seeded stream of statements in the style of samples/statements.jsonl: border-service reports
// of shooting, shelling and drone strikes, quiet-night reports and denials, in English and Russian,
// from both sides. The same seed gives the same statements, so a failing run can be replayed.

// mulberry32, the benchmarks' seedable PRNG (returns [0, 1)): one implementation for both.
import { rng as prng } from '../../bench/generate.ts';
export { prng };

export interface Submission {
  text: string;
  published_at: string;
  language: 'en' | 'ru';
  source_agency: string;
}

const KG_BORDER = 'Border Service of the GKNB of the Kyrgyz Republic';
const KG_BORDER_RU = 'Пограничная служба ГКНБ Кыргызской Республики';
const TJ_BORDER = 'Border Troops of the State Committee for National Security of the Republic of Tajikistan';

const KG_VILLAGES = [
  ['Kulundu', 'Leilek'],
  ['Kok-Tash', 'Batken'],
  ['Ak-Sai', 'Batken'],
  ['Dostuk', 'Leilek'],
  ['Arka', 'Leilek'],
  ['Jashtyk', 'Batken'],
] as const;
const RU_VILLAGES = ['Кок-Таш', 'Кулунду', 'Ак-Сай', 'Жаштык', 'Арка'] as const;
const TJ_VILLAGES = ['Vorukh', 'Chorkuh', 'Ovchi Kalacha', 'Surkh'] as const;
const WEAPONS = ['small arms', 'automatic weapons', 'mortars', 'grenade launchers', 'a sniper rifle'] as const;
const RU_WEAPONS = ['автоматического оружия', 'минометов', 'гранатометов', 'стрелкового оружия'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'] as const;
const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `count` statements from `seed`. Each carries a bulletin number, so their texts (and so their
 * content-derived ids) differ; a few are repeated on purpose to prove that a statement is stored once.
 */
export function generateStatements(seed: number, count: number): Submission[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const out: Submission[] = [];
  for (let i = 0; i < count; i++) {
    // Days after the agreement of 2023-01-01 (the suite registers it), over about two years.
    const day = new Date(Date.UTC(2023, 0, 2) + int(0, 700) * 86_400_000);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth();
    const d = day.getUTCDate();
    const hh = int(0, 23);
    const mm = int(0, 59);
    const published = `${y}-${pad(m + 1)}-${pad(d)}T${pad(Math.min(hh + 2, 23))}:${pad(mm)}:00`;
    const no = `No. ${seed}-${i + 1}`;
    const kind = rnd();
    if (kind < 0.4) {
      const [village, district] = pick(KG_VILLAGES);
      const wounded = int(0, 3);
      out.push({
        language: 'en',
        source_agency: KG_BORDER,
        published_at: `${published}+06:00`,
        text: `Information of the Border Service (bulletin ${no}). On ${d} ${MONTHS[m]} at ${pad(hh)}:${pad(mm)} Tajik military personnel opened fire from ${pick(WEAPONS)} at the positions of Kyrgyz border guards near the village of ${village} in ${district} district. ${NUMBER_WORDS[wounded]} servicem${wounded === 1 ? 'an was' : 'en were'} wounded.`,
      });
    } else if (kind < 0.6) {
      const village = pick(TJ_VILLAGES);
      out.push({
        language: 'en',
        source_agency: TJ_BORDER,
        published_at: `${published}+05:00`,
        text: `Statement ${no}. On ${d} ${MONTHS[m]} at ${pad(hh)}:${pad(mm)} the Kyrgyz side shelled the village of ${village} of Isfara district with ${pick(WEAPONS)}. ${int(1, 4)} civilians were injured.`,
      });
    } else if (kind < 0.8) {
      const village = pick(RU_VILLAGES);
      out.push({
        language: 'ru',
        source_agency: KG_BORDER_RU,
        published_at: `${published}+06:00`,
        text: `Пограничная служба ГКНБ КР сообщает (сводка ${no}), что ${d} ${RU_MONTHS[m]} в ${pad(hh)}:${pad(mm)} таджикские военнослужащие открыли огонь из ${pick(RU_WEAPONS)} по кыргызскому пограничному наряду в районе села ${village}.`,
      });
    } else if (kind < 0.92) {
      out.push({
        language: 'en',
        source_agency: KG_BORDER,
        published_at: `${published}+06:00`,
        text: `Information of the Border Service (bulletin ${no}). Over the past day no violations of the ceasefire were recorded on the Kyrgyz-Tajik border. The situation is calm and under control.`,
      });
    } else {
      const [village] = pick(KG_VILLAGES);
      out.push({
        language: 'en',
        source_agency: KG_BORDER,
        published_at: `${published}+06:00`,
        text: `Information of the Border Service (bulletin ${no}). Reports on social media about shooting near ${village} are not true: no shooting was recorded there.`,
      });
    }
  }
  // A few repeats, posted again later in the stream.
  const repeats = Math.max(1, Math.floor(count / 50));
  for (let r = 0; r < repeats; r++) out.push({ ...out[Math.floor(rnd() * count)]! });
  return out;
}

/**
 * Small builders that keep gazetteer data terse: a district or region is written once with its
 * base names, and the usual English and Russian forms are derived from them.
 */
import type { PlaceDef } from '../profile.ts';
import type { PlaceKind } from '../types.ts';

type Coord = [number, number] | null;

/** A settlement (or a named site such as a checkpoint) under `parent`. */
export function place(
  id: string,
  parent: string | null,
  country: string,
  en: string[],
  ru: string[],
  coord: Coord = null,
  kind: PlaceKind = 'settlement',
): PlaceDef {
  return { id, kind, country, parent, lat: coord?.[0] ?? null, lon: coord?.[1] ?? null, en, ru };
}

/**
 * A district: English "Leilek district", "Leilek raion", "Leilek districts"; Russian
 * "Лейлекский район" (declined by the matcher) and "район Бободжон Гафуров".
 */
export function district(
  id: string,
  parent: string | null,
  country: string,
  enBases: string[],
  ruAdjective: string | null,
  ruBases: string[],
  coord: Coord = null,
): PlaceDef {
  const en = enBases.flatMap((b) => [`${b} district`, `${b} raion`, `${b} rayon`, `${b} districts`, `district of ${b}`]);
  const ru = [...(ruAdjective ? [`${ruAdjective} район`] : []), ...ruBases.map((b) => `район ${b}`)];
  return {
    id,
    kind: 'district',
    country,
    parent,
    lat: coord?.[0] ?? null,
    lon: coord?.[1] ?? null,
    en,
    ru,
    base: enBases[0]?.toLowerCase(),
    ...(ruAdjective ? { ru_adjective: ruAdjective } : {}),
  };
}

/** A first-level region: "Batken region", "Batken oblast", "Баткенская область". */
export function region(id: string, country: string, enBases: string[], ruAdjective: string, coord: Coord = null): PlaceDef {
  const en = enBases.flatMap((b) => [`${b} region`, `${b} oblast`, `${b} province`, `${b} regions`]);
  return {
    id,
    kind: 'region',
    country,
    parent: null,
    lat: coord?.[0] ?? null,
    lon: coord?.[1] ?? null,
    en,
    ru: [`${ruAdjective} область`],
    base: enBases[0]?.toLowerCase(),
    ru_adjective: ruAdjective,
  };
}

/**
 * A unit Russian texts also name bare or with a local head noun («Нам Юэн», «округ Нам Юэн» for a
 * Thai amphoe): those names are aliases too, the bare one first (the nominative written).
 */
export function withBareRu(def: PlaceDef, names: string[], head: string): PlaceDef {
  return { ...def, ru: [...names, ...names.map((n) => `${head} ${n}`), ...def.ru] };
}

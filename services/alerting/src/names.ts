// Names for the ids notifications carry (areas, parties), from the conflict profiles'
// gazetteers: an operator reads "Leilek district, Batken region (KG)", not `kg.batken.leilek`.
import type { Names } from '@ceasefire/alerting';
import type { ConflictProfile } from '@ceasefire/extraction';

/** Names from these profiles; an id no profile knows is shown as it is. */
export function namesOf(profiles: readonly ConflictProfile[]): Names {
  const places = new Map<string, { name: string; parent: string | null; country: string | null; lat: number | null; lon: number | null }>();
  const parties = new Map<string, string>();
  for (const p of profiles) {
    for (const place of p.places)
      places.set(place.id, { name: place.en[0] ?? place.ru[0] ?? place.id, parent: place.parent, country: place.country, lat: place.lat, lon: place.lon });
    for (const party of p.parties) parties.set(party.code, party.name);
    for (const third of p.third_parties) if (!parties.has(third.code)) parties.set(third.code, third.name);
    // A profile-level area (`kg-tj.border`) is the border as a whole.
    places.set(`${p.id}.border`, { name: `${p.name} border`, parent: null, country: null, lat: null, lon: null });
  }
  return {
    areaName(areaId) {
      const place = places.get(areaId);
      if (place === undefined) return areaId;
      const parts = [place.name];
      for (let up = place.parent; up !== null; ) {
        const parent = places.get(up);
        if (parent === undefined) break;
        parts.push(parent.name);
        up = parent.parent;
      }
      return place.country === null ? parts.join(', ') : `${parts.join(', ')} (${place.country})`;
    },
    partyName: (code) => parties.get(code) ?? code,
    place(placeId) {
      const place = places.get(placeId);
      return place === undefined ? undefined : { name: place.name, lat: place.lat, lon: place.lon };
    },
  };
}

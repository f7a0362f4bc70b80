import type { ConflictProfile } from '@ceasefire/extraction';
import type { z } from 'zod';
import type { GazetteerJson } from './schemas.ts';

/**
 * The part of a conflict profile the map needs: parties, and every gazetteer place with its
 * canonical English name, parent and coordinates (null where the profile has none).
 */
export function gazetteerJson(profile: ConflictProfile): z.input<typeof GazetteerJson> {
  return {
    profile: profile.id,
    name: profile.name,
    parties: profile.parties.map((p) => ({ code: p.code, name: p.name })),
    places: profile.places.map((p) => ({
      id: p.id,
      kind: p.kind,
      country: p.country,
      parent: p.parent,
      // Districts and regions list their English forms with the suffix first ("Leilek district").
      name: p.en[0] ?? p.ru[0] ?? p.id,
      lat: p.lat,
      lon: p.lon,
    })),
  };
}

/**
 * Geocoding: which of the places that bear a name an article means.
 *
 * "الحسكة" is a city, a governorate and a district; "ربيعة" is a sub-district of Nineveh and of
 * Latakia; "عمان" is Amman and Oman. The choice reads the article:
 * - a cue before the name says the kind ("مدينة الحسكة" → the city, "محافظة الحسكة" → the
 *   governorate);
 * - places in the countries the article names (or whose actors it names) come first;
 * - places near the article's unambiguous places come first ("ربيعة" beside "سنجار" is Iraq's);
 * - otherwise the most prominent place (rank), a settlement before an admin unit of the same name.
 * Mentions of one name without a cue share one place (one sense per article).
 */
import { distanceKm, type Place, type PlaceKind } from '../../lexicon/gazetteer.js';

/** One mention of a place name and the places it may be. */
export interface PlaceMention {
  readonly form: string;
  readonly candidates: readonly Place[];
  readonly cueKinds: readonly PlaceKind[] | null;
}

/** What the rest of the article says about where it is. */
export interface ArticleSetting {
  /** Countries the article names as places. */
  readonly countries: ReadonlySet<string>;
  /** Countries of the actors it names (a weaker hint). */
  readonly actorCountries: ReadonlySet<string>;
}

/** Tie-break among same-ranked places: settlements before admin units before the rest. */
const KIND_ORDER: readonly PlaceKind[] = ['country', 'city', 'admin1', 'region', 'admin2', 'camp', 'crossing', 'facility', 'admin3', 'village', 'neighbourhood'];

const WEIGHT = {
  /** The cue before the name names this kind. */
  cue: 10,
  /**
   * The place is in a country the article names. Less than the rank a capital has over a
   * sub-district, so that "الرياض" in an Iraqi article is still Riyadh, not Kirkuk's al-Riyadh.
   */
  country: 2.5,
  /** The place is in the country of an actor the article names. */
  actorCountry: 1,
  /** Another mention of the same name was resolved to this place by its cue. */
  sameName: 5,
  /** Near an unambiguous place of the article: within 50, 150, 400 km. */
  near: [3, 2, 1] as const,
};

function nearness(place: Place, anchors: readonly Place[]): number {
  let best = 0;
  for (const a of anchors) {
    if (a.id === place.id || a.kind === 'country') continue;
    const d = distanceKm(place.lat, place.lon, a.lat, a.lon);
    const w = d <= 50 ? WEIGHT.near[0] : d <= 150 ? WEIGHT.near[1] : d <= 400 ? WEIGHT.near[2] : 0;
    if (w > best) best = w;
  }
  return best;
}

/**
 * Chooses one place per mention.
 *
 * @example
 * // "ربيعة" with "سنجار" in the article → the Iraqi sub-district
 * resolvePlaces([{ form: 'ربيعه', candidates: [rabiaIq, rabiaSy], cueKinds: null }, sinjarMention], setting)
 */
export function resolvePlaces(mentions: readonly PlaceMention[], setting: ArticleSetting): Place[] {
  // Each anchor once (a place named again adds nothing to the nearest distance), and each
  // candidate's nearness computed once per article: not once per mention.
  const anchors = [...new Map(mentions.filter((m) => m.candidates.length === 1).map((m) => [m.candidates[0]!.id, m.candidates[0]!])).values()];
  const nearnessMemo = new Map<string, number>();
  const nearnessOf = (p: Place) => {
    let w = nearnessMemo.get(p.id);
    if (w === undefined) nearnessMemo.set(p.id, (w = nearness(p, anchors)));
    return w;
  };
  const countries = new Set(setting.countries);
  for (const a of anchors) if (a.cc) countries.add(a.cc);

  const score = (p: Place, cueKinds: readonly PlaceKind[] | null, chosenByCue: ReadonlySet<string>) =>
    p.rank +
    (cueKinds && cueKinds.includes(p.kind) ? WEIGHT.cue : 0) +
    (p.cc && countries.has(p.cc) && p.kind !== 'country' ? WEIGHT.country : 0) +
    (p.cc && setting.actorCountries.has(p.cc) ? WEIGHT.actorCountry : 0) +
    (chosenByCue.has(p.id) ? WEIGHT.sameName : 0) +
    nearnessOf(p);
  const best = (m: PlaceMention, chosenByCue: ReadonlySet<string>): Place => {
    let top = m.candidates[0]!;
    let topScore = -Infinity;
    for (const p of m.candidates) {
      const s = score(p, m.cueKinds, chosenByCue);
      if (s > topScore || (s === topScore && KIND_ORDER.indexOf(p.kind) < KIND_ORDER.indexOf(top.kind))) {
        top = p;
        topScore = s;
      }
    }
    return top;
  };

  // Mentions with a cue that names a kind decide first; bare mentions of the same name follow them.
  const chosenByCue = new Map<string, Set<string>>();
  const out: (Place | undefined)[] = mentions.map((m) => {
    if (m.candidates.length === 1) return m.candidates[0]!;
    if (!m.cueKinds || m.cueKinds.length === 0) return undefined;
    const p = best(m, new Set());
    let set = chosenByCue.get(m.form);
    if (!set) chosenByCue.set(m.form, (set = new Set()));
    set.add(p.id);
    return p;
  });
  const bareChoice = new Map<string, Place>();
  return mentions.map((m, i) => {
    if (out[i]) return out[i]!;
    let p = bareChoice.get(m.form);
    if (!p) bareChoice.set(m.form, (p = best(m, chosenByCue.get(m.form) ?? new Set())));
    return p;
  });
}

/**
 * The permanence nearest to a young person met in the street, for a first rendez-vous. Kept
 * simple on purpose (the territory file has no coordinates, and the adviser can always pick
 * another site):
 * 1. met in (or living in) a QPV → the permanence of that QPV;
 * 2. a known commune — the dossier's commune of residence, else a commune named in the place
 *    typed by the adviser ("Marché de Sées") → a permanence in that commune, else one in the
 *    same EPCI (rural permanences before the siège);
 * 3. otherwise the siège.
 * Only active sites of kind siège or permanence are proposed.
 */
import type { Site } from '../schemas/site';
import { COMMUNES, findCommune, QPVS, type Commune } from '../territory/territory';
import { foldText } from '../text';

export type NearestReason = 'qpv' | 'commune' | 'epci' | 'siege';

export interface NearestPermanence {
  site: Site;
  reason: NearestReason;
}

export interface OutreachWhereabouts {
  /** `outreach.place`: "Perseigne", "Courteille" or a place typed by the adviser. */
  place?: string;
  communeInsee?: string;
  qpvCode?: string;
}

const RECEIVING_KINDS = new Set(['siege', 'permanence-rurale', 'permanence-qpv']);

/** Communes by folded name, longest first so "Saint-Germain-du-Corbéis" wins over shorter ones. */
const COMMUNES_BY_NAME = COMMUNES.map((commune) => ({
  commune,
  name: foldText(commune.name),
})).sort((a, b) => b.name.length - a.name.length);

/** The commune of the territory named in a free text, if any (whole words only). */
export function communeNamedIn(text: string | undefined): Commune | undefined {
  const folded = ` ${foldText(text ?? '')} `;
  if (folded.trim() === '') return undefined;
  return COMMUNES_BY_NAME.find(({ name }) => folded.includes(` ${name} `))?.commune;
}

/** The QPV code of a place named after it ("Perseigne", "quartier de Courteille"). */
export function qpvNamedIn(text: string | undefined): string | undefined {
  const folded = ` ${foldText(text ?? '')} `;
  return QPVS.find((qpv) => folded.includes(` ${foldText(qpv.name)} `))?.code;
}

function kindRank(site: Site): number {
  return site.kind === 'permanence-qpv' ? 0 : site.kind === 'permanence-rurale' ? 1 : 2;
}

function byPreference(a: Site, b: Site): number {
  return kindRank(a) - kindRank(b) || a.name.localeCompare(b.name, 'fr');
}

export function nearestPermanence(
  sites: readonly Site[],
  where: OutreachWhereabouts,
): NearestPermanence | undefined {
  const open = sites.filter((site) => site.active !== false && RECEIVING_KINDS.has(site.kind));
  const siege = open.find((site) => site.kind === 'siege');
  const qpvCode = where.qpvCode ?? qpvNamedIn(where.place);
  const qpvSite = qpvCode ? open.find((site) => site.qpvCode === qpvCode) : undefined;
  if (qpvSite) return { site: qpvSite, reason: 'qpv' };

  const commune = findCommune(where.communeInsee) ?? communeNamedIn(where.place);
  if (commune) {
    // In Alençon itself the siège is the place to go, not a QPV permanence of another district.
    const inCommune = open
      .filter((site) => site.communeInsee === commune.insee && site.kind !== 'permanence-qpv')
      .sort(byPreference);
    if (inCommune[0]) return { site: inCommune[0], reason: 'commune' };
    const inEpci = open
      .filter(
        (site) =>
          site.kind !== 'permanence-qpv' &&
          findCommune(site.communeInsee)?.epciId === commune.epciId,
      )
      .sort(byPreference);
    if (inEpci[0]) return { site: inEpci[0], reason: 'epci' };
  }
  if (siege) return { site: siege, reason: 'siege' };
  const [first] = [...open].sort(byPreference);
  return first ? { site: first, reason: 'siege' } : undefined;
}

export const NEAREST_REASON_LABELS: Record<NearestReason, string> = {
  qpv: 'permanence du quartier',
  commune: 'permanence de la commune',
  epci: 'permanence la plus proche dans la communauté de communes',
  siege: 'siège, faute de permanence plus proche connue',
};

/**
 * The territory of the Mission Locale: 104 communes in 4 EPCI, the two QPV of Alençon and the
 * rural zoning (France Ruralités Revitalisation, which replaced the ZRR in July 2024).
 * Data: `territoire.json`, compiled from @etalab/decoupage-administratif (see its source_notes);
 * regenerate it when the territory changes. Nothing reads ../shared at run time.
 */
import territoire from './territoire.json';

/** Rural zoning of a commune: FRR, FRR+, ex-ZRR kept in transition, or none. */
export type RuralZoning = 'frr' | 'frr-plus' | 'ex-zrr' | 'aucun';

export interface Commune {
  insee: string;
  name: string;
  epciId: string;
  postalCodes: string[];
  population: number;
  ruralZoning: RuralZoning;
}

export interface Epci {
  id: string;
  name: string;
  shortName: string;
  population: number;
  /** Young people aged 15–29 (INSEE 2021, per the projet associatif): the couverture's base. */
  youth15to29: number;
}

export interface Qpv {
  code: string;
  name: string;
  communeInsee: string;
}

const ZONING_BY_CODE: Record<string, RuralZoning> = {
  '0': 'aucun',
  '1': 'ex-zrr',
  '4': 'frr',
  '5': 'frr-plus',
};

export const RURAL_ZONING_LABELS: Record<RuralZoning, string> = {
  frr: 'FRR',
  'frr-plus': 'FRR+',
  'ex-zrr': 'ex-ZRR (transition)',
  aucun: 'Hors zonage rural',
};

export const COMMUNES: readonly Commune[] = territoire.communes.map((c) => ({
  insee: c.insee,
  name: c.name,
  epciId: c.epci,
  postalCodes:
    'postalCodes' in c && c.postalCodes ? c.postalCodes : c.postalCode ? [c.postalCode] : [],
  population: c.population2021,
  ruralZoning: ZONING_BY_CODE[c.frr.code] ?? 'aucun',
}));

export const EPCIS: readonly Epci[] = territoire.epci.map((e) => ({
  id: e.id,
  name: e.name,
  shortName: e.banaticShortName,
  population: e.population2021,
  youth15to29: e.youth15to29_2021,
}));

/** Source and year of `Epci.youth15to29`, shown under the couverture. */
export const YOUTH_POPULATION_SOURCE = 'INSEE, recensement 2021 (projet associatif 2024–2029)';

export const QPVS: readonly Qpv[] = territoire.qpv.map((q) => ({
  code: q.code,
  name: q.name,
  communeInsee: q.commune,
}));

const communeByInsee = new Map(COMMUNES.map((c) => [c.insee, c]));
const epciById = new Map(EPCIS.map((e) => [e.id, e]));

export function findCommune(insee: string | undefined): Commune | undefined {
  return insee ? communeByInsee.get(insee) : undefined;
}

export function findEpci(id: string | undefined): Epci | undefined {
  return id ? epciById.get(id) : undefined;
}

export function findQpv(code: string | undefined): Qpv | undefined {
  return QPVS.find((q) => q.code === code);
}

/** A zoned commune counts as rural for the Mission Locale's statistics (ZRR then FRR). */
export function isRural(zoning: RuralZoning): boolean {
  return zoning !== 'aucun';
}

export interface Residence {
  commune?: Commune;
  epci?: Epci;
  qpv?: Qpv;
  ruralZoning: RuralZoning;
  rural: boolean;
}

/**
 * What a place of residence means for the Mission Locale: its EPCI, QPV and rural zoning.
 * A QPV only counts when the commune is the QPV's commune (Alençon).
 */
export function describeResidence(communeInsee?: string, qpvCode?: string): Residence {
  const commune = findCommune(communeInsee);
  const qpv = findQpv(qpvCode);
  const ruralZoning = commune?.ruralZoning ?? 'aucun';
  return {
    commune,
    epci: findEpci(commune?.epciId),
    qpv: qpv && qpv.communeInsee === commune?.insee ? qpv : undefined,
    ruralZoning,
    rural: isRural(ruralZoning),
  };
}

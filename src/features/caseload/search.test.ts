import { describe, expect, it } from 'vitest';
import { buildYouth, SITE_PERSEIGNE, SITE_SEES } from '../../../tests/support/builders';
import {
  buildCaseloadIndex,
  DEFAULT_CRITERIA,
  searchCaseload,
  type CaseloadCriteria,
} from './search';

const TODAY = '2026-11-26';
const me = 'adviser-1';

const youths = [
  buildYouth({
    lastName: 'Lefèvre',
    firstName: 'Inès',
    referentId: me,
    birthDate: '2006-04-12',
    createdOn: '2026-10-01',
  }),
  buildYouth({
    lastName: 'Martin',
    birthName: 'Öztürk',
    firstName: 'Élodie',
    siteId: SITE_PERSEIGNE,
    communeInsee: '61001',
    qpvCode: 'QN06106M',
    birthDate: '2003-01-02',
    createdOn: '2026-11-01',
  }),
  buildYouth({ lastName: 'Lamarre', firstName: 'Hugo', status: 'sorti', communeInsee: '61464' }),
  buildYouth({ lastName: 'Durand', firstName: 'Noah', communeInsee: '61001', birthDate: '2009' }),
];
const [ines, elodie, hugo, noah] = youths.map((y) => y.id) as [string, string, string, string];

const index = buildCaseloadIndex({
  youths,
  today: TODAY,
  lastContacts: new Map([
    [ines, '2026-11-20'],
    [elodie, '2026-08-01'],
    [hugo, '2026-10-01'],
  ]),
  programmes: new Map([
    [ines, 'CEJ'],
    [elodie, 'PACEA'],
  ]),
});

function search(criteria: Partial<CaseloadCriteria>) {
  return searchCaseload(index, { ...DEFAULT_CRITERIA, userId: me, ...criteria });
}
const ids = (criteria: Partial<CaseloadCriteria>) =>
  search(criteria).entries.map((e) => e.youth.id);

describe('caseload search', () => {
  it('finds a name whatever the accents and the case, by nom d’usage, nom de naissance or prénom', () => {
    expect(ids({ query: 'LEFEVRE' })).toEqual([ines]);
    expect(ids({ query: 'ozturk' })).toEqual([elodie]);
    expect(ids({ query: 'elo' })).toEqual([elodie]);
    expect(ids({ query: 'martin élodie' })).toEqual([elodie]);
  });

  it('matches the start of a word, so "mar" finds Martin and not Lamarre', () => {
    expect(ids({ query: 'mar' })).toEqual([elodie]);
  });

  it('lists everything sorted by name when nothing is typed', () => {
    expect(ids({})).toEqual([noah, hugo, ines, elodie]);
  });

  it('filters by scope: my dossiers, or a site', () => {
    expect(ids({ scope: 'mine' })).toEqual([ines]);
    expect(ids({ scope: `site:${SITE_PERSEIGNE}` })).toEqual([elodie]);
    expect(ids({ scope: `site:${SITE_SEES}` })).toHaveLength(3);
  });

  it('filters by dispositif, QPV, rural zoning, EPCI and status', () => {
    expect(ids({ programme: 'CEJ' })).toEqual([ines]);
    expect(ids({ programme: 'none' })).toEqual([noah, hugo]);
    expect(ids({ qpv: 'qpv' })).toEqual([elodie]);
    expect(ids({ qpv: 'QN06107M' })).toEqual([]);
    expect(ids({ qpv: 'hors-qpv' })).toEqual([noah, hugo, ines]);
    // Sées (61464) is in the rural zoning, Alençon is not.
    expect(ids({ rural: 'rural' })).toEqual([hugo, ines]);
    expect(ids({ epciId: 'cua' })).toEqual([noah, elodie]);
    expect(ids({ status: 'actifs' })).not.toContain(hugo);
    expect(ids({ status: 'sorti' })).toEqual([hugo]);
  });

  it('keeps dossiers without contact for N days, never contacted included', () => {
    expect(ids({ withoutContactDays: 30 })).toEqual([noah, hugo, elodie]);
    expect(ids({ withoutContactDays: 90 })).toEqual([noah, elodie]);
  });

  it('sorts by age, by last contact (longest without first) and by premier accueil', () => {
    // Inès and Hugo are both 20: equal keys keep the order by name.
    expect(ids({ sort: 'age' })).toEqual([noah, hugo, ines, elodie]);
    expect(ids({ sort: 'last-contact' })).toEqual([noah, elodie, hugo, ines]);
    expect(ids({ sort: 'created' })).toEqual([elodie, ines, noah, hugo]);
  });

  it('counts what it found', () => {
    expect(search({}).counts).toEqual({
      total: 4,
      matching: 4,
      cej: 1,
      pacea: 1,
      qpv: 1,
      rural: 2,
      neverContacted: 1,
    });
    expect(search({ query: 'lef' }).counts).toMatchObject({ total: 4, matching: 1, cej: 1 });
  });
});

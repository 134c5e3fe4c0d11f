import { describe, expect, it } from 'vitest';
import { COMMUNES, EPCIS, QPVS, describeResidence, findCommune } from './territory';

describe('territory of the Mission Locale', () => {
  it('holds the 104 communes of the 4 EPCI and the 2 QPV', () => {
    expect(COMMUNES).toHaveLength(104);
    expect(EPCIS.map((e) => e.id).sort()).toEqual([
      'cc-pays-fertois-bocage-carrougien',
      'cc-sources-orne',
      'cc-vallee-haute-sarthe',
      'cua',
    ]);
    expect(QPVS.map((q) => q.name).sort()).toEqual(['Courteille', 'Perseigne']);
  });

  it('adds up each EPCI population from its communes', () => {
    for (const epci of EPCIS) {
      const total = COMMUNES.filter((c) => c.epciId === epci.id).reduce(
        (s, c) => s + c.population,
        0,
      );
      expect(total).toBe(epci.population);
    }
  });

  it('derives EPCI and rural zoning from a commune', () => {
    const sees = describeResidence('61464');
    expect(sees.commune?.name).toBe('Sées');
    expect(sees.epci?.id).toBe('cc-sources-orne');
    expect(sees).toMatchObject({ ruralZoning: 'frr', rural: true, qpv: undefined });

    const alencon = describeResidence('61001');
    expect(alencon).toMatchObject({ ruralZoning: 'aucun', rural: false });
    expect(alencon.epci?.shortName).toBe("CU d'Alençon");
  });

  it('counts a QPV only in its own commune', () => {
    expect(describeResidence('61001', 'QN06106M').qpv?.name).toBe('Perseigne');
    expect(describeResidence('61464', 'QN06106M').qpv).toBeUndefined();
  });

  it('knows communes with several postal codes and none for an unknown code', () => {
    expect(findCommune('72137')?.postalCodes).toEqual(['72600', '72610']);
    expect(findCommune('99999')).toBeUndefined();
  });
});

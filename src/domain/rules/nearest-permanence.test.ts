import { describe, expect, it } from 'vitest';
import type { Site } from '../schemas/site';
import { communeNamedIn, nearestPermanence, qpvNamedIn } from './nearest-permanence';

function site(id: string, overrides: Partial<Site>): Site {
  return {
    id,
    rev: 'r1',
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'siege',
    name: id,
    kind: 'permanence-rurale',
    schedule: [],
    ...overrides,
  };
}

const SITES = [
  site('siege', { name: 'Siège — Alençon', kind: 'siege', communeInsee: '61001' }),
  site('sees', { name: 'Permanence de Sées', communeInsee: '61464' }),
  site('carrouges', { name: 'Permanence de Carrouges', communeInsee: '61074' }),
  site('perseigne', {
    name: 'Permanence QPV Perseigne',
    kind: 'permanence-qpv',
    communeInsee: '61001',
    qpvCode: 'QN06106M',
  }),
  site('courteille', {
    name: 'Permanence QPV Courteille',
    kind: 'permanence-qpv',
    communeInsee: '61001',
    qpvCode: 'QN06107M',
  }),
  site('closed', { name: 'Ancienne permanence', communeInsee: '61074', active: false }),
];

function nearest(where: Parameters<typeof nearestPermanence>[1]) {
  const found = nearestPermanence(SITES, where);
  return found && [found.site.id, found.reason];
}

describe('the nearest permanence for a contact made in the street', () => {
  it('sends a contact met in a QPV to the permanence of that QPV', () => {
    expect(nearest({ place: 'Perseigne' })).toEqual(['perseigne', 'qpv']);
    expect(nearest({ place: 'Quartier de Courteille, city stade' })).toEqual(['courteille', 'qpv']);
    expect(nearest({ qpvCode: 'QN06107M', place: 'Gare' })).toEqual(['courteille', 'qpv']);
  });

  it('uses the commune of residence, else a commune named in the place', () => {
    expect(nearest({ communeInsee: '61464' })).toEqual(['sees', 'commune']);
    expect(nearest({ place: 'Marché de Sées' })).toEqual(['sees', 'commune']);
    expect(nearest({ place: 'Forum emploi, Alençon' })).toEqual(['siege', 'commune']);
  });

  it('falls back on the EPCI, then on the siège, and never proposes a closed site', () => {
    // Beauvain is in the Pays Fertois et Bocage Carrougien, as Carrouges.
    expect(nearest({ communeInsee: '61035' })).toEqual(['carrouges', 'epci']);
    expect(nearest({ place: 'Festival de plein air' })).toEqual(['siege', 'siege']);
    expect(nearest({})).toEqual(['siege', 'siege']);
  });

  it('reads communes and QPV in free text by whole words only', () => {
    expect(communeNamedIn('devant la mairie de Sées')?.name).toBe('Sées');
    expect(communeNamedIn('Perséverance')).toBeUndefined();
    expect(qpvNamedIn('perseigne')).toBe('QN06106M');
    expect(qpvNamedIn('')).toBeUndefined();
  });
});

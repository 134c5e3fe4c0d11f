import { describe, expect, it } from 'vitest';
import { fieldLabel, formatValue, isFreeText, type Names } from './labels';

const names: Names = {
  staff: (id) => ({ s1: 'Camille Martin' })[id],
  site: (id) => ({ sees: 'Permanence de Sées' })[id],
  youth: (id) => ({ y1: 'Inès Lefèvre' })[id],
};

describe('how the siège reads a conflict', () => {
  it('names fields and coded values in French', () => {
    expect(fieldLabel('phone')).toBe('Téléphone');
    expect(fieldLabel('reservation')).toBe('Réservation du véhicule');
    expect(formatValue('status', 'accompagne', names)).toBe('Accompagné·e');
    expect(formatValue('result', 'refusee-jeune', names)).toBe('Refusée par le jeune');
    expect(formatValue('birthDate', '2006-04-12', names)).toBe('12/04/2006');
  });

  it('shows names for ids, and says when a value was removed', () => {
    expect(formatValue('referentId', 's1', names)).toBe('Camille Martin');
    expect(formatValue('siteId', 'sees', names)).toBe('Permanence de Sées');
    expect(formatValue('phone', undefined, names)).toBe('(vide)');
  });

  it('sums up a document kept whole because its dossier was transferred before it was sent', () => {
    expect(fieldLabel('_document')).toBe('Saisie arrivée après le transfert du dossier');
    expect(
      formatValue(
        '_document',
        { kind: 'entretien-individuel', at: '2026-11-20T14:30', report: 'Projet CAP cuisine.' },
        names,
      ),
    ).toBe('Entretien individuel conseiller du 20/11/2026 « Projet CAP cuisine. »');
  });

  it('tells a deletion from a kept edit, and a booking by its young person and dates', () => {
    expect(formatValue('_deleted', true, names)).toBe('Supprimé');
    expect(formatValue('_deleted', false, names)).toBe('Conservé, avec la modification');
    expect(formatValue('reservation', { youthId: 'y1', endDate: '2026-12-15' }, names)).toBe(
      "Inès Lefèvre jusqu'au 15/12/2026",
    );
  });

  it('lets the siège type a merged value only for free text', () => {
    expect(isFreeText('notes')).toBe(true);
    expect(isFreeText('status')).toBe(false);
  });
});

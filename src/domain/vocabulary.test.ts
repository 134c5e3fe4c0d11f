import { describe, expect, it } from 'vitest';
import { IMILO_EVENT_KINDS, IMILO_SITUATION_TYPES, IMILO_THEMES } from './imilo';
import { EVENT_KINDS } from './schemas/event';
import { PACEA_STEPS, SITUATION_TYPES, THEMES } from './schemas/pathway';
import {
  eventToV1,
  paceaStepOf,
  pathwayToV1,
  pathwayToV2,
  toCurrentVocabulary,
  youthToV4,
} from './vocabulary';

const base = { id: 'p1', rev: 'r1', updatedAt: '2026-01-05T10:00:00.000Z', updatedBy: 'u1' };

describe('vocabulary v0 → v1 (i-milo)', () => {
  it('turns a v0 service civique into a contrat de volontariat of the service civique kind', () => {
    const v0 = { ...base, kind: 'situation', situationType: 'service-civique', phase: 'en-cours' };
    expect(pathwayToV1(v0)).toEqual({
      ...v0,
      situationType: 'volontariat',
      situationSubtype: 'service-civique',
    });
  });

  it('places v0 PACEA phases in the national framework when their label says which', () => {
    const v0 = {
      ...base,
      kind: 'dispositif',
      programme: 'PACEA',
      phases: [
        { label: 'Phase 1 — diagnostic et projet', startDate: '2026-01-05' },
        { label: 'Mise en situation', startDate: '2026-04-01' },
        { label: 'Vers l’autonomie', startDate: '2026-07-01' },
        { label: 'Bilan', startDate: '2026-09-01' },
      ],
    };
    const phases = pathwayToV1(v0).phases as { step?: string }[];
    expect(phases.map((p) => p.step)).toEqual([
      'definir-projet',
      'mettre-en-oeuvre',
      'acceder-autonomie',
      // Nothing says which phase « Bilan » was: no guess (the export reports it).
      undefined,
    ]);
    expect(paceaStepOf('PHASE 3')).toBe('acceder-autonomie');
  });

  it('keeps every other v0 value, and returns a v1 document unchanged', () => {
    const emploi = { ...base, kind: 'situation', situationType: 'emploi', situationSubtype: 'cdd' };
    expect(pathwayToV1(emploi)).toBe(emploi);
    const aide = { ...emploi, situationSubtype: 'contrat-aide' };
    expect(pathwayToV1(aide)).toBe(aide);
    const once = pathwayToV1({ ...base, kind: 'situation', situationType: 'service-civique' });
    expect(pathwayToV1(once)).toBe(once);
    const event = { ...base, kind: 'entretien-individuel', youthId: 'y1' };
    expect(eventToV1(event)).toBe(event);
    expect(toCurrentVocabulary('youths', event)).toBe(event);
  });

  it('has an entry of the i-milo table for every value', () => {
    expect(Object.keys(IMILO_EVENT_KINDS).sort()).toEqual([...EVENT_KINDS].sort());
    expect(Object.keys(IMILO_SITUATION_TYPES).sort()).toEqual([...SITUATION_TYPES].sort());
    expect(Object.keys(IMILO_THEMES).sort()).toEqual([...THEMES].sort());
    expect(PACEA_STEPS).toHaveLength(3);
  });
});

describe('youths v3 → v4 and pathway v1 → v2 (statistics, issue 17)', () => {
  const youth = { ...base, firstName: 'Inès', lastName: 'Martin', status: 'accompagne' };

  it('says « aller vers » for a dossier opened from an aller-vers contact, and nothing else', () => {
    const contact = { ...youth, outreach: { place: 'Perseigne', need: 'emploi' } };
    expect(youthToV4(contact)).toEqual({ ...contact, orientation: 'aller-vers' });
    expect(toCurrentVocabulary('youths', contact)).toMatchObject({ orientation: 'aller-vers' });
    // Not known stays absent; an orientation already said is kept; idempotent.
    expect(youthToV4(youth)).toBe(youth);
    const said = { ...contact, orientation: 'france-travail' };
    expect(youthToV4(said)).toBe(said);
    const migrated = youthToV4(contact);
    expect(youthToV4(migrated)).toBe(migrated);
  });

  it('keeps a dispositif as it is: not closed until an adviser closes it', () => {
    const cej = { ...base, youthId: 'y1', kind: 'dispositif', programme: 'CEJ' };
    expect(pathwayToV2(cej)).toBe(cej);
    expect(toCurrentVocabulary('pathway', cej)).toBe(cej);
  });
});

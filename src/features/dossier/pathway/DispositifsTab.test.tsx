// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildEvent, buildProposition, buildYouth } from '../../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
  type ScreenHarness,
} from '../../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../../db/database';
import type { PathwayRecord } from '../../../domain/schemas/pathway';

// Forms are typed into for real, on a machine shared with other suites: no keystroke delay,
// and time to spare.
vi.setConfig({ testTimeout: 30_000 });
const user = userEvent.setup({ delay: null });

let harness: ScreenHarness | undefined;
afterEach(cleanupScreen);

const youth = buildYouth({ referentId: testUser().id });
const stamp = { rev: 'seed', updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: testUser().id };

function pacea(overrides: Partial<PathwayRecord> = {}): PathwayRecord {
  return {
    ...stamp,
    id: 'pacea-1',
    youthId: youth.id,
    kind: 'dispositif',
    programme: 'PACEA',
    startDate: '2026-03-02',
    endDate: '2027-03-01',
    phases: [{ label: 'Diagnostic', objectives: 'Définir le projet', startDate: '2026-03-02' }],
    ...overrides,
  };
}

async function dispositifs(): Promise<PathwayRecord[]> {
  return (await harness!.db.pathway.find({ selector: { kind: 'dispositif' } }).exec()).map(
    (doc) => doc.toJSON() as PathwayRecord,
  );
}

async function open(seedMore?: (db: RelaisDatabase) => Promise<void>) {
  harness = await renderScreen(`/dossiers/${youth.id}/dispositifs`, {
    seed: async (db) => {
      await seedDirectory(db);
      await db.youths.insert(youth);
      await seedMore?.(db);
    },
  });
  await screen.findByRole('heading', { name: 'Dispositifs' });
}

describe('CEJ', () => {
  it('records the hours a week declared by the young person and validated by the adviser', async () => {
    await open(async (db) => {
      await db.pathway.insert({
        ...stamp,
        id: 'cej-1',
        youthId: youth.id,
        kind: 'dispositif',
        programme: 'CEJ',
        startDate: '2026-11-02',
        endDate: '2027-05-01',
        weeklyHoursCommitment: 15,
      });
    });
    const hours = await screen.findByRole('region', { name: 'Heures déclarées et validées' });
    // Thursday 26 November: the week of Monday 23.
    expect(within(hours).getByLabelText('Semaine du')).toHaveProperty('value', '2026-11-23');
    await user.type(within(hours).getByLabelText('Heures déclarées par le jeune'), '16');
    await user.type(within(hours).getByLabelText('Heures validées par le conseiller'), '14,5');
    await user.click(within(hours).getByRole('button', { name: 'Enregistrer la semaine' }));
    await waitFor(async () =>
      expect((await dispositifs())[0]!.cejWeeks).toEqual([
        { weekStart: '2026-11-23', declaredHours: 16, validatedHours: 14.5 },
      ]),
    );
    expect(
      await within(hours).findByText(/Semaine du 23\/11\/2026 : 16 h déclarées, 14 h 30 validées/),
    ).toBeTruthy();
  });

  it('opens a CEJ of 6 to 12 months and shows its weekly hours against the commitment', async () => {
    await open(async (db) => {
      // Monday 2 to Sunday 8 November: 4 h of entretiens; the week of 16 November: 16 h.
      await db.events.bulkInsert([
        buildEvent({ youthId: youth.id, at: '2026-11-03T10:00', durationMinutes: 240 }),
        buildEvent({ youthId: youth.id, at: '2026-11-17T10:00', durationMinutes: 960 }),
      ]);
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir un CEJ' }));
    const form = screen.getByRole('form', { name: 'Ouvrir un CEJ' });
    await user.clear(within(form).getByLabelText('Début'));
    await user.type(within(form).getByLabelText('Début'), '2026-11-02');
    await user.clear(within(form).getByLabelText('Fin prévue'));
    await user.type(within(form).getByLabelText('Fin prévue'), '2027-05-01');
    await user.clear(within(form).getByLabelText('Engagement (heures / semaine)'));
    await user.type(within(form).getByLabelText('Engagement (heures / semaine)'), '15');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(async () => expect(await dispositifs()).toHaveLength(1));
    expect((await dispositifs())[0]).toMatchObject({
      programme: 'CEJ',
      startDate: '2026-11-02',
      endDate: '2027-05-01',
      weeklyHoursCommitment: 15,
    });
    // Pinned today: Thursday 26 November 2026, so three weeks are complete.
    const chart = await screen.findByRole('figure');
    expect(
      within(chart).getByText(/1 semaine sur 3 à 15 h ou plus ; moyenne 6,7 h par semaine/),
    ).toBeTruthy();
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toMatch(
      /4 dernières semaines/,
    );
    const rows = within(chart).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      '23/11/2026 (en cours)0 h0 h0 h0 h',
      '16/11/202616 h16 h0 h0 h',
      '09/11/20260 h0 h0 h0 h',
      '02/11/20264 h4 h0 h0 h',
    ]);
    expect(screen.getByText('CEJ en cours')).toBeTruthy();
  });

  it('counts an accepted PMSMP in the weekly hours', async () => {
    await open(async (db) => {
      await db.pathway.bulkInsert([
        {
          ...stamp,
          id: 'cej',
          youthId: youth.id,
          kind: 'dispositif',
          programme: 'CEJ',
          startDate: '2026-11-02',
          endDate: '2027-05-01',
          weeklyHoursCommitment: 20,
        },
        buildProposition({
          youthId: youth.id,
          propositionType: 'pmsmp',
          result: 'acceptee',
          startDate: '2026-11-16',
          endDate: '2026-11-20',
        }),
      ]);
    });
    const chart = await screen.findByRole('figure');
    // 1 h for the proposition + 5 weekdays × 4 h.
    expect(within(chart).getByText(/1 semaine sur 3 à 20 h ou plus/)).toBeTruthy();
    expect(within(chart).getByText('16/11/2026').closest('tr')!.textContent).toContain('21 h');
  });

  it('refuses a CEJ shorter than 6 months or longer than 18, in French', async () => {
    await open();
    await user.click(screen.getByRole('button', { name: 'Ouvrir un CEJ' }));
    const form = screen.getByRole('form', { name: 'Ouvrir un CEJ' });
    await user.clear(within(form).getByLabelText('Fin prévue'));
    await user.type(within(form).getByLabelText('Fin prévue'), '2027-02-01');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(within(form).getByText('Un CEJ dure au moins 6 mois.')).toBeTruthy();
    await user.clear(within(form).getByLabelText('Fin prévue'));
    await user.type(within(form).getByLabelText('Fin prévue'), '2028-06-01');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(within(form).getByText(/12 mois au plus, 18 mois avec une prolongation/)).toBeTruthy();
    expect(await dispositifs()).toEqual([]);
  });

  it('refuses a CEJ during a PACEA, and offers to end the PACEA the day before', async () => {
    await open(async (db) => {
      await db.pathway.insert(pacea());
    });
    await user.click(screen.getByRole('button', { name: 'Ouvrir un CEJ' }));
    const form = screen.getByRole('form', { name: 'Ouvrir un CEJ' });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toMatch(
      /déjà en PACEA du 02\/03\/2026 au 01\/03\/2027 : un jeune ne peut pas être en CEJ et en PACEA en même temps/,
    );
    expect(await dispositifs()).toHaveLength(1);

    await user.click(
      within(alert).getByRole('button', { name: 'Terminer le PACEA le 25/11/2026' }),
    );
    await waitFor(async () =>
      expect((await dispositifs()).find((d) => d.id === 'pacea-1')!.endDate).toBe('2026-11-25'),
    );
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect(await dispositifs()).toHaveLength(2));
  });
});

describe('PACEA', () => {
  it('opens a PACEA of up to 24 months in phases with objectives', async () => {
    await open();
    await user.click(screen.getByRole('button', { name: 'Ouvrir un PACEA' }));
    const form = screen.getByRole('form', { name: 'Ouvrir un PACEA' });
    await user.clear(within(form).getByLabelText('Fin prévue'));
    await user.type(within(form).getByLabelText('Fin prévue'), '2029-01-01');
    await user.type(within(form).getByLabelText('Objectifs'), 'Bilan des compétences');
    await user.click(within(form).getByRole('button', { name: 'Ajouter une phase' }));
    await user.clear(within(form).getByLabelText('Phase 2 — intitulé'));
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    expect(within(form).getByText('Un PACEA dure 24 mois au plus.')).toBeTruthy();
    expect(within(form).getByText('Donnez un intitulé à la phase.')).toBeTruthy();

    await user.clear(within(form).getByLabelText('Fin prévue'));
    await user.type(within(form).getByLabelText('Fin prévue'), '2027-11-25');
    await user.type(within(form).getByLabelText('Phase 2 — intitulé'), 'Mise en situation');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () => expect(await dispositifs()).toHaveLength(1));
    expect((await dispositifs())[0]).toMatchObject({
      programme: 'PACEA',
      startDate: '2026-11-26',
      endDate: '2027-11-25',
      phases: [
        {
          label: 'Phase 1 — diagnostic',
          objectives: 'Bilan des compétences',
          startDate: '2026-11-26',
        },
        { label: 'Mise en situation', startDate: '2026-11-26' },
      ],
    });
    expect(await screen.findByText('Objectifs : Bilan des compétences')).toBeTruthy();
  });
});

describe('closing a dispositif', () => {
  it('keeps what was typed with a French error, then records the actual end and the reason', async () => {
    await open(async (db) => {
      await db.pathway.insert(pacea());
    });
    await user.click(screen.getByRole('button', { name: 'Clôturer le dispositif' }));
    const form = screen.getByRole('form', { name: 'Clôturer le PACEA' });
    // Pinned today (26 November) is offered; a day before the PACEA began is refused.
    expect(within(form).getByLabelText(/Date de fin réelle/)).toHaveProperty('value', '2026-11-26');
    await user.clear(within(form).getByLabelText(/Date de fin réelle/));
    await user.type(within(form).getByLabelText(/Date de fin réelle/), '2026-02-27');
    await user.selectOptions(within(form).getByLabelText(/Motif de sortie/), 'Formation');
    await user.click(within(form).getByRole('button', { name: 'Clôturer' }));

    expect(
      within(form).getByText(
        'Un dispositif ne peut pas se terminer avant d’avoir commencé : vérifiez la date de fin.',
      ),
    ).toBeTruthy();
    expect(within(form).getByLabelText(/Date de fin réelle/)).toHaveProperty('value', '2026-02-27');
    expect(within(form).getByLabelText(/Motif de sortie/)).toHaveProperty('value', 'formation');
    expect((await dispositifs())[0]!.endedOn).toBeUndefined();

    await user.clear(within(form).getByLabelText(/Date de fin réelle/));
    await user.type(within(form).getByLabelText(/Date de fin réelle/), '2026-11-13');
    await user.click(within(form).getByRole('button', { name: 'Clôturer' }));
    await waitFor(async () =>
      expect((await dispositifs())[0]).toMatchObject({
        endedOn: '2026-11-13',
        exitReason: 'formation',
        endDate: '2027-03-01',
      }),
    );
    expect(await screen.findByText('Clôturé le 13/11/2026 — motif : Formation')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clôturer le dispositif' })).toBeNull();
  });

  it('asks for the reason before closing', async () => {
    await open(async (db) => {
      await db.pathway.insert(pacea());
    });
    await user.click(screen.getByRole('button', { name: 'Clôturer le dispositif' }));
    const form = screen.getByRole('form', { name: 'Clôturer le PACEA' });
    await user.click(within(form).getByRole('button', { name: 'Clôturer' }));
    expect(
      within(form).getByText(
        'Une date de fin réelle va avec le motif de sortie du dispositif : choisissez le motif.',
      ),
    ).toBeTruthy();
    expect((await dispositifs())[0]!.exitReason).toBeUndefined();
  });
});

// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProposition, buildYouth } from '../../../../tests/support/builders';
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
const pmsmp = buildProposition({
  youthId: youth.id,
  propositionType: 'pmsmp',
  partner: 'Boulangerie Le Fournil',
  result: 'en-attente',
});

async function seed(db: RelaisDatabase) {
  await seedDirectory(db);
  await db.youths.insert(youth);
  await db.pathway.insert(pmsmp);
}

async function stored(kind: PathwayRecord['kind']): Promise<PathwayRecord[]> {
  return (await harness!.db.pathway.find({ selector: { kind } }).exec()).map(
    (doc) => doc.toJSON() as PathwayRecord,
  );
}

async function openParcours() {
  harness = await renderScreen(`/dossiers/${youth.id}/parcours`, { seed });
  await screen.findByRole('heading', { name: 'Situations' });
}

describe('situations', () => {
  it('adds a situation and moves it from Prévu to En cours to Terminé', async () => {
    await openParcours();
    await user.click(screen.getByRole('button', { name: 'Ajouter une situation' }));
    const form = screen.getByRole('form', { name: 'Nouvelle situation' });
    await user.selectOptions(within(form).getByLabelText('Situation'), 'alternance');
    await user.selectOptions(within(form).getByLabelText('Contrat'), 'apprentissage');
    await user.selectOptions(within(form).getByLabelText('État'), 'prevu');
    await user.clear(within(form).getByLabelText('Début'));
    await user.type(within(form).getByLabelText('Début'), '2027-01-04');
    await user.type(within(form).getByLabelText(/Employeur/), 'Garage Moderne, Sées');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la situation' }));

    await screen.findByText('Garage Moderne, Sées');
    const [situation] = await stored('situation');
    expect(situation).toMatchObject({
      situationType: 'alternance',
      situationSubtype: 'apprentissage',
      phase: 'prevu',
      startDate: '2027-01-04',
      label: 'Garage Moderne, Sées',
    });
    expect(screen.getByText('à partir du 04/01/2027')).toBeTruthy();
    const phase = screen.getByLabelText(/État de la situation Contrat en alternance/);
    await user.selectOptions(phase, 'en-cours');
    await waitFor(async () => expect((await stored('situation'))[0]!.phase).toBe('en-cours'));
    await user.selectOptions(phase, 'termine');
    await waitFor(async () =>
      expect((await stored('situation'))[0]).toMatchObject({
        phase: 'termine',
        endDate: '2026-11-26',
      }),
    );
  });

  it('asks for the end date of a finished situation, and refuses an en-cours one that has not started', async () => {
    await openParcours();
    await user.click(screen.getByRole('button', { name: 'Ajouter une situation' }));
    const form = screen.getByRole('form', { name: 'Nouvelle situation' });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la situation' }));
    expect(within(form).getByText('Choisissez la situation.')).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('Situation'), 'formation');
    await user.selectOptions(within(form).getByLabelText('État'), 'termine');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la situation' }));
    expect(
      within(form).getByText("Indiquez la date de fin d'une situation terminée."),
    ).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('État'), 'en-cours');
    await user.clear(within(form).getByLabelText('Début'));
    await user.type(within(form).getByLabelText('Début'), '2027-03-01');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la situation' }));
    expect(within(form).getByText(/Une situation en cours a déjà commencé/)).toBeTruthy();
    expect(await stored('situation')).toEqual([]);
  });
});

describe('demandes and propositions', () => {
  it('keeps the young person’s demandes apart from the adviser’s propositions', async () => {
    await openParcours();
    await user.click(screen.getByRole('button', { name: 'Ajouter une demande' }));
    const form = screen.getByRole('form', { name: 'Nouvelle demande' });
    await user.selectOptions(within(form).getByLabelText('Thème'), 'logement');
    await user.type(within(form).getByLabelText('Ce que le jeune demande'), 'Trouver un FJT');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la demande' }));

    const demandes = screen.getByRole('region', { name: 'Demandes du jeune' });
    await within(demandes).findByText(/Trouver un FJT/);
    const propositions = screen.getByRole('region', { name: 'Propositions du conseiller' });
    expect(within(propositions).queryByText(/Trouver un FJT/)).toBeNull();
    expect(within(demandes).queryByText(/Boulangerie/)).toBeNull();
    expect(await stored('demande')).toMatchObject([{ theme: 'logement', label: 'Trouver un FJT' }]);
  });

  it('creates a proposition en attente, then offers only the results the state machine allows', async () => {
    await openParcours();
    await user.click(screen.getByRole('button', { name: 'Ajouter une proposition' }));
    const form = screen.getByRole('form', { name: 'Nouvelle proposition' });
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la proposition' }));
    expect(within(form).getByText('Choisissez le type de proposition.')).toBeTruthy();
    await user.selectOptions(within(form).getByLabelText('Type de proposition'), 'formation');
    await user.type(within(form).getByLabelText(/Partenaire/), 'AFPA Alençon');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer la proposition' }));
    await screen.findByText(/AFPA Alençon/);
    expect((await stored('proposition')).find((p) => p.partner === 'AFPA Alençon')).toMatchObject({
      result: 'en-attente',
      propositionType: 'formation',
    });

    const group = screen.getByRole('group', {
      name: 'Résultat de la proposition PMSMP (immersion)',
    });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Acceptée', 'Refusée par le jeune', 'Refusée par le tiers']);
    await user.click(within(group).getByRole('button', { name: 'Acceptée' }));
    await waitFor(async () =>
      expect((await stored('proposition')).find((p) => p.id === pmsmp.id)!.result).toBe('acceptee'),
    );
    const next = await screen.findByRole('group', {
      name: 'Résultat de la proposition PMSMP (immersion)',
    });
    await waitFor(() =>
      expect(
        within(next)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['Réalisée', 'Abandonnée']),
    );
    await user.click(within(next).getByRole('button', { name: 'Réalisée' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('group', { name: 'Résultat de la proposition PMSMP (immersion)' }),
      ).toBeNull(),
    );
  });
});

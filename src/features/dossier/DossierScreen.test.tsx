// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildYouth } from '../../../tests/support/builders';
import {
  ACCUEIL_ID,
  OTHER_ADVISER,
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
  type ScreenHarness,
} from '../../../tests/support/render-screen';
import type { Youth } from '../../domain/schemas/youth';

// Forms are typed into for real, on a machine shared with other suites: no keystroke delay,
// and time to spare.
vi.setConfig({ testTimeout: 30_000 });
const user = userEvent.setup({ delay: null });

let harness: ScreenHarness | undefined;
afterEach(cleanupScreen);

const youth = buildYouth({
  referentId: testUser().id,
  phone: '06 39 98 12 34',
  rqth: true,
  notes: 'Suivi santé.',
  createdOn: '2026-02-03',
  outreach: { place: 'Perseigne', need: 'emploi' },
  birthDate: '2006-04-12',
});

async function open(tab = '', user = testUser(), stored: Youth = youth) {
  harness = await renderScreen(`/dossiers/${stored.id}${tab}`, {
    user,
    seed: async (db) => {
      await seedDirectory(db);
      await db.youths.insert(stored);
    },
  });
  await screen.findByRole('heading', { name: /Inès LEFÈVRE/ });
}

async function storedYouth(): Promise<Youth> {
  return (await harness!.db.youths.findOne(youth.id).exec(true)).toJSON() as Youth;
}

describe('dossier header and sections', () => {
  it('shows who the young person is, with links to each section', async () => {
    await open();
    const header = screen.getByRole('heading', { name: /Inès LEFÈVRE/ }).closest('header')!;
    expect(within(header).getByText('20 ans')).toBeTruthy();
    expect(await within(header).findByText('Camille Sées')).toBeTruthy();
    expect(await within(header).findByText('Permanence de Sées')).toBeTruthy();
    expect(within(header).getByText('RQTH')).toBeTruthy();
    const sections = screen.getByRole('navigation', { name: 'Sections du dossier' });
    expect(
      within(sections)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual([
      `/dossiers/${youth.id}`,
      `/dossiers/${youth.id}/parcours`,
      `/dossiers/${youth.id}/dispositifs`,
      `/dossiers/${youth.id}/identite`,
      `/dossiers/${youth.id}/mobilite`,
    ]);
    expect(within(sections).getByRole('link', { name: 'Suivi' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('says when a dossier is not on this device', async () => {
    harness = await renderScreen('/dossiers/0190a000-0000-7000-a000-00000000dead', {
      seed: seedDirectory,
    });
    expect(await screen.findByRole('heading', { name: 'Dossier introuvable' })).toBeTruthy();
  });
});

describe('editing the dossier', () => {
  it('saves the changes on the device and keeps what the form does not show', async () => {
    await open('/identite');
    await screen.findByLabelText('Téléphone');
    const phone = screen.getByLabelText('Téléphone');
    await user.clear(phone);
    await user.type(phone, '06 39 98 55 66');
    await user.selectOptions(screen.getByLabelText('Référent·e'), OTHER_ADVISER);
    await user.selectOptions(screen.getByLabelText('Statut'), 'sorti');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));
    expect(await screen.findByText(/Motif de sortie : Indiquez le motif de sortie/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Motif de sortie/), 'emploi-durable');
    await user.type(screen.getByLabelText(/^Date de sortie/), '2026-11-20');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));

    await screen.findByText('Dossier enregistré sur cet appareil.');
    expect(await storedYouth()).toMatchObject({
      phone: '06 39 98 55 66',
      referentId: OTHER_ADVISER,
      status: 'sorti',
      exitReason: 'emploi-durable',
      exitDate: '2026-11-20',
      rqth: true,
      notes: 'Suivi santé.',
      createdOn: '2026-02-03',
      outreach: { place: 'Perseigne', need: 'emploi' },
    });
    const header = screen.getByRole('heading', { name: /Inès LEFÈVRE/ }).closest('header')!;
    await waitFor(() => expect(within(header).getByText('non envoyé')).toBeTruthy());
  });

  it('records the diploma of the level and how the young person came, and shows them in the header', async () => {
    await open('/identite');
    // No level yet: nothing to have obtained.
    expect(screen.queryByLabelText('Diplôme de ce niveau')).toBeNull();
    await user.selectOptions(await screen.findByLabelText('Niveau de formation'), 'niveau-4');
    await user.selectOptions(screen.getByLabelText('Diplôme de ce niveau'), 'non-obtenu');
    await user.selectOptions(
      screen.getByLabelText('Venu·e à la Mission Locale par'),
      'Établissement scolaire',
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));

    await screen.findByText('Dossier enregistré sur cet appareil.');
    expect(await storedYouth()).toMatchObject({
      educationLevel: 'niveau-4',
      diplomaObtained: false,
      orientation: 'etablissement-scolaire',
    });
    const header = screen.getByRole('heading', { name: /Inès LEFÈVRE/ }).closest('header')!;
    expect(within(header).getByText('Niveau 4 (baccalauréat), diplôme non obtenu')).toBeTruthy();
    expect(within(header).getByText('Établissement scolaire')).toBeTruthy();

    // « Non renseigné » leaves the diploma unknown (absent), not « non obtenu ».
    await user.selectOptions(screen.getByLabelText('Diplôme de ce niveau'), 'Non renseigné');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));
    await waitFor(async () => expect((await storedYouth()).diplomaObtained).toBeUndefined());
  });

  it('lets accueil edit without touching the sensitive fields it never sees', async () => {
    // What an accueil device holds: the server strips the sensitive fields (redaction.ts).
    const { rqth: _rqth, notes: _notes, ...redacted } = youth;
    await open('/identite', testUser({ id: ACCUEIL_ID, role: 'accueil' }), redacted);
    await screen.findByLabelText('Téléphone');
    expect(screen.queryByLabelText(/RQTH/)).toBeNull();
    await user.clear(screen.getByLabelText('Adresse'));
    await user.type(screen.getByLabelText('Adresse'), '3 rue des Tanneurs');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));
    await screen.findByText('Dossier enregistré sur cet appareil.');
    const saved = await storedYouth();
    expect(saved.address).toBe('3 rue des Tanneurs');
    expect(saved).not.toHaveProperty('rqth');
    expect(saved).not.toHaveProperty('notes');
  });
});

describe('access journal', () => {
  it('writes one access entry when a dossier is opened, not one per section', async () => {
    await open();
    await user.click(screen.getByRole('link', { name: 'Parcours' }));
    await screen.findByRole('heading', { name: /Situations/ });
    await waitFor(async () => {
      const accesses = await harness!.db.accesses.find().exec();
      expect(accesses.map((a) => a.youthId)).toEqual([youth.id]);
    });
  });
});

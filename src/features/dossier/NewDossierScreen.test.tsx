// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SITE_SEES } from '../../../tests/support/builders';
import {
  ACCUEIL_ID,
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

const open = async (user = testUser()) => {
  harness = await renderScreen('/dossiers/nouveau', { seed: seedDirectory, user });
  await screen.findByRole('heading', { name: /Premier accueil/ });
};

async function storedYouths(): Promise<Youth[]> {
  return (await harness!.db.youths.find().exec()).map((doc) => doc.toJSON() as Youth);
}

describe('premier accueil', () => {
  it('creates the dossier on the device with the residence derived from the commune, then opens it', async () => {
    await open();
    await user.type(screen.getByLabelText(/Nom d'usage/), 'Lefèvre');
    await user.type(screen.getByLabelText(/^Prénom/), 'Inès');
    await user.type(screen.getByLabelText(/Date de naissance/), '2006-04-12');
    expect(screen.getByText('20 ans')).toBeTruthy();
    await user.type(screen.getByLabelText('Téléphone'), '06 39 98 12 34');

    const commune = screen.getByRole('combobox', { name: 'Commune de résidence' });
    await user.type(commune, 'sees');
    const option = await screen.findByRole('option', { name: /^Sées 61500/ });
    await user.click(option);
    expect(document.querySelector('.residence')!.textContent).toMatch(
      /EPCI : Communauté de communes des Sources de l'Orne · Zonage rural : FRR/,
    );

    await user.selectOptions(screen.getByLabelText('Niveau de formation'), 'niveau-4');
    await user.click(screen.getByLabelText('Mobilité'));
    await user.click(screen.getByLabelText(/RQTH/));
    await user.click(screen.getByLabelText(/adhère librement/));
    await user.click(screen.getByLabelText('Information RGPD donnée'));
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));

    await waitFor(() => expect(harness!.history.at(-1)).toMatch(/^\/dossiers\/[0-9a-f-]{36}$/));
    const [youth] = await storedYouths();
    expect(youth).toMatchObject({
      lastName: 'Lefèvre',
      firstName: 'Inès',
      birthDate: '2006-04-12',
      phone: '06 39 98 12 34',
      communeInsee: '61464',
      educationLevel: 'niveau-4',
      barriers: ['mobilite'],
      rqth: true,
      siteId: SITE_SEES,
      referentId: testUser().id,
      status: 'premier-accueil',
      createdOn: '2026-11-26',
      consent: { freeAdherence: true, rgpdInformedOn: '2026-11-26', recontactAgreed: false },
    });
    expect(harness!.history.at(-1)).toBe(`/dossiers/${youth!.id}`);
    const header = await screen.findByRole('heading', { name: /Inès LEFÈVRE/ });
    expect(within(header.closest('header')!).getByText('non envoyé')).toBeTruthy();
  });

  it('says in French what is missing and keeps everything typed', async () => {
    await open();
    await user.type(screen.getByLabelText(/^Prénom/), 'Inès');
    await user.type(screen.getByLabelText('E-mail'), 'ines.lefevre@');
    await user.type(screen.getByLabelText('Téléphone'), '06 39');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/points à corriger/)).toBeTruthy();
    expect(within(summary).getByText(/Nom d'usage : Indiquez le nom d'usage/)).toBeTruthy();
    expect(
      within(summary).getByText(/Date de naissance : Indiquez la date de naissance/),
    ).toBeTruthy();
    expect(within(summary).getByText(/E-mail : L'adresse e-mail n'est pas valide/)).toBeTruthy();
    expect(
      within(summary).getByText(/Téléphone : Le numéro doit compter 10 chiffres/),
    ).toBeTruthy();
    expect(within(summary).getByText(/libre adhésion/)).toBeTruthy();
    expect(within(summary).getByText(/information RGPD/)).toBeTruthy();
    expect((screen.getByLabelText(/^Prénom/) as HTMLInputElement).value).toBe('Inès');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ines.lefevre@');
    expect(screen.getByLabelText('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await storedYouths()).toEqual([]);

    await user.click(within(summary).getByText(/E-mail :/));
    expect(document.activeElement).toBe(screen.getByLabelText('E-mail'));
  });

  it('refuses a commune typed but not chosen from the list, keeping the text', async () => {
    await open();
    const commune = screen.getByRole('combobox', { name: 'Commune de résidence' });
    await user.type(commune, 'Paris');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    expect(
      await screen.findByText(/Commune de résidence : Choisissez une commune dans la liste/),
    ).toBeTruthy();
    expect((commune as HTMLInputElement).value).toBe('Paris');
  });

  it('asks for the QPV in Alençon only', async () => {
    await open();
    expect(screen.queryByLabelText('Quartier prioritaire (QPV)')).toBeNull();
    const commune = screen.getByRole('combobox', { name: 'Commune de résidence' });
    await user.type(commune, 'alencon');
    await user.keyboard('{ArrowDown}{Enter}');
    await user.selectOptions(screen.getByLabelText('Quartier prioritaire (QPV)'), 'QN06106M');
    const residence = document.querySelector('.residence')!;
    expect(residence.textContent).toMatch(/QPV : Perseigne/);
  });

  it('warns outside 16–25, and keeps the CEJ open up to 29 with an RQTH', async () => {
    await open();
    await user.type(screen.getByLabelText(/Date de naissance/), '1999-01-10');
    expect(screen.getByText(/27 ans — Plus de 25 ans/)).toBeTruthy();
    await user.click(screen.getByLabelText(/RQTH/));
    expect(screen.queryByText(/Plus de 25 ans/)).toBeNull();
    await user.clear(screen.getByLabelText(/Date de naissance/));
    await user.type(screen.getByLabelText(/Date de naissance/), '2012-01-10');
    expect(screen.getByText(/14 ans — Moins de 16 ans/)).toBeTruthy();
  });

  it('asks for the exit reason and date of a dossier marked sorti', async () => {
    await open();
    await user.selectOptions(screen.getByLabelText('Statut'), 'sorti');
    await user.click(screen.getByRole('button', { name: 'Créer le dossier' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText(/Motif de sortie : Indiquez le motif de sortie/)).toBeTruthy();
    expect(within(summary).getByText(/Date de sortie : Indiquez la date de sortie/)).toBeTruthy();
  });

  it('does not show the sensitive flags to accueil', async () => {
    await open(testUser({ id: ACCUEIL_ID, role: 'accueil', name: 'Sophie Accueil' }));
    expect(screen.queryByLabelText(/RQTH/)).toBeNull();
    expect(screen.queryByText('Informations sensibles')).toBeNull();
    expect(screen.queryByLabelText('Notes')).toBeNull();
  });
});

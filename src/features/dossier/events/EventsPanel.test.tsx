// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildEvent, buildYouth, SITE_SEES } from '../../../../tests/support/builders';
import {
  ACCUEIL_ID,
  cleanupScreen,
  renderScreen,
  seedDirectory,
  testUser,
  type ScreenHarness,
} from '../../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../../db/database';
import type { YouthEvent } from '../../../domain/schemas/event';
import { useAppStore } from '../../../stores/store';

// Forms are typed into for real, on a machine shared with other suites: no keystroke delay,
// and time to spare.
vi.setConfig({ testTimeout: 30_000 });
const user = userEvent.setup({ delay: null });

let harness: ScreenHarness | undefined;
afterEach(cleanupScreen);

const youth = buildYouth({ referentId: testUser().id });
const earlier = buildEvent({
  youthId: youth.id,
  at: '2026-11-10T09:30',
  durationMinutes: 30,
  report: 'Point sur le CV.',
  authorId: testUser().id,
});

async function seed(db: RelaisDatabase) {
  await seedDirectory(db);
  await db.youths.insert(youth);
  await db.events.insert(earlier);
}

async function storedEvents(): Promise<YouthEvent[]> {
  return (await harness!.db.events.find().exec()).map((doc) => doc.toJSON() as YouthEvent);
}

async function openDossier(user = testUser()) {
  harness = await renderScreen(`/dossiers/${youth.id}`, { seed, user });
  await screen.findByRole('heading', { name: 'Événements' });
  await screen.findByText('Point sur le CV.');
}

describe('événements of a dossier', () => {
  it('records an entretien individuel in three actions: the kind, the compte-rendu, Enregistrer', async () => {
    await openDossier();
    await user.click(screen.getByRole('button', { name: 'Entretien individuel conseiller' }));
    // The cursor waits in the compte-rendu: typing is the second action.
    await user.keyboard('Préparation de la PMSMP chez le boulanger.');
    // Typed and not saved: an update of the app would wait for it.
    await waitFor(() =>
      expect(Object.values(useAppStore.getState().unsavedForms)).toEqual(['l’événement']),
    );
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(async () => expect(await storedEvents()).toHaveLength(2));
    // The form marks itself saved once the write is answered, a moment after it is stored.
    await waitFor(() => expect(useAppStore.getState().unsavedForms).toEqual({}));
    const created = (await storedEvents()).find((e) => e.id !== earlier.id)!;
    expect(created).toMatchObject({
      youthId: youth.id,
      kind: 'entretien-individuel',
      at: '2026-11-26T10:00',
      placeSiteId: SITE_SEES,
      durationMinutes: 45,
      authorId: testUser().id,
      report: 'Préparation de la PMSMP chez le boulanger.',
    });
    const item = (await screen.findByText('Préparation de la PMSMP chez le boulanger.')).closest(
      'li',
    )!;
    expect(within(item).getByText('non envoyé')).toBeTruthy();
    expect(within(item).getByText('Permanence de Sées')).toBeTruthy();
  });

  it('refuses a future date or a missing duration in French, keeping the compte-rendu', async () => {
    await openDossier();
    await user.click(screen.getByRole('button', { name: 'Visite' }));
    await user.keyboard('Visite au FJT.');
    const form = screen.getByRole('form', { name: /Nouvel événement : visite/ });
    await user.clear(within(form).getByLabelText('Date'));
    await user.type(within(form).getByLabelText('Date'), '2026-12-24');
    await user.clear(within(form).getByLabelText('Durée (minutes)'));
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    expect(within(form).getByText(/la date est dans le futur/)).toBeTruthy();
    expect(within(form).getByText('Indiquez la durée en minutes.')).toBeTruthy();
    expect((within(form).getByLabelText('Compte-rendu') as HTMLTextAreaElement).value).toBe(
      'Visite au FJT.',
    );
    expect(await storedEvents()).toHaveLength(1);
  });

  it('corrects an event with a new one that supersedes it, both kept and shown as such', async () => {
    await openDossier();
    const original = screen.getByText('Point sur le CV.').closest('li')!;
    await user.click(within(original).getByRole('button', { name: 'Corriger' }));
    const form = screen.getByRole('form', { name: /Corriger l'événement du mardi 10 novembre/ });
    const duration = within(form).getByLabelText('Durée (minutes)');
    await user.clear(duration);
    await user.type(duration, '60');
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    await waitFor(async () => expect(await storedEvents()).toHaveLength(2));
    const events = await storedEvents();
    const stillThere = events.find((e) => e.id === earlier.id)!;
    expect(stillThere.durationMinutes).toBe(30);
    expect(events.find((e) => e.id !== earlier.id)).toMatchObject({
      supersedes: earlier.id,
      durationMinutes: 60,
      report: 'Point sur le CV.',
    });
    await screen.findByText(/Correction de l'événement du mardi 10 novembre à 09:30/);
    const old = screen.getByText(/Corrigé : remplacé par la correction/).closest('li')!;
    expect(old.className).toBe('is-superseded');
    expect(within(old).queryByRole('button', { name: 'Corriger' })).toBeNull();
  });

  it('hides compte-rendus from accueil', async () => {
    harness = await renderScreen(`/dossiers/${youth.id}`, {
      seed,
      user: testUser({ id: ACCUEIL_ID, role: 'accueil' }),
    });
    await screen.findByText(/Entretien individuel/, { selector: 'strong' });
    expect(screen.queryByText('Point sur le CV.')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Corriger' })).toBeNull();
  });
});

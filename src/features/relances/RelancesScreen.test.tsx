// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildEvent,
  buildStaffMember,
  buildYouth,
} from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed } from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';
import { useAppStore } from '../../stores/store';
import type { SessionUser } from '../../sync/api';

// Thursday 26 November 2026, 11:00.
const NOW = '2026-11-26T11:00:00';
const camille = buildStaffMember();
const user: SessionUser = {
  id: camille.id,
  login: 'camille.martin',
  name: camille.name,
  role: 'conseiller',
  siteIds: camille.siteIds,
};
const mine = { referentId: camille.id, status: 'accompagne' as const, createdOn: '2026-01-05' };
const silent = buildYouth({ ...mine, firstName: 'Maëlys', lastName: 'Hébert' });
const missing = buildYouth({ ...mine, firstName: 'Dylan', lastName: 'Chauvin' });
const fine = buildYouth({ ...mine, firstName: 'Zoé', lastName: 'Duval' });
const left = buildYouth({ ...mine, firstName: 'Yanis', lastName: 'Dupont', status: 'sorti' });
const colleagues = buildYouth({
  firstName: 'Noah',
  lastName: 'Brière',
  referentId: 'lucas',
  createdOn: '2026-06-01',
});

let db: RelaisDatabase;
beforeEach(() => {
  localStorage.clear();
  useAppStore.getState().setRelanceThresholds([30, 60, 90]);
});
afterEach(cleanupScreen);

async function open(path: string) {
  ({ db } = await renderScreen(path, { user, now: NOW, seed: seedFollowed }));
}

async function seedFollowed(db: RelaisDatabase) {
  await seed(db, 'youths', [silent, missing, fine, left, colleagues]);
  await seed(db, 'events', [
    buildEvent({ youthId: silent.id, at: '2026-09-17T10:00' }), // 70 days
    buildEvent({ youthId: missing.id, at: '2026-11-02T10:00' }),
    buildEvent({ youthId: fine.id, at: '2026-11-20T10:00' }),
  ]);
  await seed(db, 'appointments', [
    buildAppointment({ youthId: missing.id, start: '2026-11-12T10:00', status: 'absent' }),
    buildAppointment({ youthId: missing.id, start: '2026-11-19T10:00', status: 'absent' }),
  ]);
}

describe('relance list', () => {
  it('lists my young people at risk, most urgent first, with their signals', async () => {
    await open('/relances');
    await screen.findByText('2 jeunes à suivre sur 3 dossiers accompagnés');
    const todo = screen.getByRole('region', { name: 'À relancer (2)' });
    const rows = Array.from(todo.querySelectorAll<HTMLElement>('li.relance-row'));
    expect(rows.map((r) => within(r).getByRole('heading').textContent)).toEqual([
      'Maëlys Hébert',
      'Dylan Chauvin',
    ]);
    expect(within(rows[0]!).getByText('Sans nouvelles depuis 70 jours (seuil 60 j)')).toBeDefined();
    expect(
      within(rows[1]!).getByText('2 rendez-vous manqués de suite (dernier le 19/11/2026)'),
    ).toBeDefined();
    expect(within(rows[0]!).getByText('Jamais relancé·e.')).toBeDefined();
  });

  it('logs a relance in one action, and the young person waits for the follow-up day', async () => {
    await open('/relances');
    await userEvent.click(await screen.findByRole('button', { name: 'Relancer Maëlys Hébert' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la relance' }));
    expect(screen.getByText('Choisissez comment le jeune a été relancé.')).toBeDefined();
    await userEvent.click(screen.getByRole('radio', { name: 'SMS' }));
    expect((screen.getByLabelText('À revoir le') as HTMLInputElement).value).toBe('2026-12-03');
    await userEvent.type(screen.getByLabelText('Note'), 'SMS envoyé, pas de réponse.');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la relance' }));

    await screen.findByText(
      'Relance enregistrée pour Maëlys Hébert : SMS, à revoir le 03/12/2026.',
    );
    const waiting = await screen.findByRole('region', {
      name: 'Relancés, en attente du suivi (1)',
    });
    expect(within(waiting).getByText('Maëlys Hébert')).toBeDefined();
    expect(
      within(waiting).getByText('Dernière relance : SMS le 26/11/2026, à revoir le 03/12/2026.'),
    ).toBeDefined();
    expect(screen.getByRole('region', { name: 'À relancer (1)' })).toBeDefined();

    const relances = (await db.events.find().exec())
      .filter((d) => d.kind === 'relance')
      .map((d) => d.toJSON());
    expect(relances).toEqual([
      expect.objectContaining({
        youthId: silent.id,
        kind: 'relance',
        at: '2026-11-26T11:00',
        channel: 'sms',
        followUpOn: '2026-12-03',
        report: 'SMS envoyé, pas de réponse.',
        authorId: camille.id,
      }),
    ]);
  });

  it('follows the thresholds the adviser sets, and refuses nonsense', async () => {
    await open('/relances');
    await screen.findByText('2 jeunes à suivre sur 3 dossiers accompagnés');
    const input = screen.getByLabelText('Seuils sans nouvelles (jours)');
    await userEvent.clear(input);
    await userEvent.type(input, 'beaucoup');
    await userEvent.click(screen.getByRole('button', { name: 'Appliquer' }));
    expect(
      screen.getByText('Écrivez des nombres de jours entiers, par exemple « 30, 60, 90 ».'),
    ).toBeDefined();

    await userEvent.clear(input);
    await userEvent.type(input, '20, 45');
    await userEvent.click(screen.getByRole('button', { name: 'Appliquer' }));
    await screen.findByText('Sans nouvelles depuis 70 jours (seuil 45 j)');
    expect(screen.getByText('Sans nouvelles depuis 24 jours (seuil 20 j)')).toBeDefined();
    expect(localStorage.getItem('relais-relance-thresholds')).toBe('[20,45]');
  });

  it("shows a site's dossiers on request", async () => {
    await open('/relances?dossiers=tous');
    await screen.findByText('3 jeunes à suivre sur 4 dossiers accompagnés');
    expect(screen.getByText('Noah Brière')).toBeDefined();
  });
});

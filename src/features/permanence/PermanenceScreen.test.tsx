// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildEvent,
  buildProposition,
  buildSite,
  buildStaffMember,
  buildYouth,
  SITE_SIEGE,
} from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed } from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';
import type { Appointment } from '../../domain/schemas/appointment';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { SessionUser } from '../../sync/api';

// Thursday 26 November 2026, 10:12: the morning permanence of Sées is on.
const NOW = '2026-11-26T10:12:00';
const sees = buildSite();
const siege = buildSite({
  id: SITE_SIEGE,
  name: 'Siège — Alençon',
  kind: 'siege',
  schedule: [4].map((weekday) => ({ weekday, start: '08:30', end: '18:00' })),
});
const camille = buildStaffMember({ name: 'Camille Martin' });
const user: SessionUser = {
  id: camille.id,
  login: 'camille.martin',
  name: camille.name,
  role: 'conseiller',
  siteIds: [SITE_SIEGE, sees.id],
};
const ines = buildYouth({
  firstName: 'Inès',
  lastName: 'Lefèvre',
  birthDate: '2006-04-12',
  referentId: camille.id,
});
const noah = buildYouth({ firstName: 'Noah', lastName: 'Brière', referentId: camille.id });
const cej: PathwayRecord = {
  ...buildProposition({ youthId: ines.id }),
  kind: 'dispositif',
  programme: 'CEJ',
  startDate: '2026-09-01',
  weeklyHoursCommitment: 15,
  result: undefined,
};
const inesRdv = buildAppointment({
  youthId: ines.id,
  staffId: camille.id,
  siteId: sees.id,
  start: '2026-11-26T09:30',
  subject: 'Point CV',
});

let db: RelaisDatabase;
afterEach(cleanupScreen);

async function open(path: string) {
  ({ db } = await renderScreen(path, { user, now: NOW, seed: seedDay }));
}

async function seedDay(db: RelaisDatabase) {
  await seed(db, 'sites', [sees, siege]);
  await seed(db, 'staff', [camille]);
  await seed(db, 'youths', [ines, noah]);
  await seed(db, 'appointments', [inesRdv]);
  await seed(db, 'pathway', [
    cej,
    buildProposition({ youthId: ines.id, partner: 'Boulangerie Le Fournil' }),
  ]);
  await seed(db, 'events', [
    buildEvent({
      youthId: ines.id,
      at: '2026-11-24T14:00',
      durationMinutes: 240,
      themes: ['emploi'],
    }),
    buildEvent({
      youthId: ines.id,
      at: '2026-11-10T09:00',
      kind: 'contact-telephonique',
      report: 'Appel pour préparer le rendez-vous.',
    }),
  ]);
}

describe("ma permanence aujourd'hui", () => {
  it('opens the permanence of the day with a summary of each dossier', async () => {
    await open('/permanence');
    expect(screen.getByRole('heading', { name: "Ma permanence aujourd'hui" })).toBeDefined();
    const card = await screen.findByRole('article', { name: /Inès Lefèvre/ });
    expect((screen.getByLabelText('Permanence') as HTMLSelectElement).value).toBe(sees.id);
    expect(screen.getByText(/Permanence de Sées : ouvert 9 h–12 h 30/)).toBeDefined();
    expect(within(card).getByText('9 h 30–10 h 15')).toBeDefined();
    expect(within(card).getByText('20 ans')).toBeDefined();
    // The summary follows the names as soon as the dossier's documents are read.
    expect(await within(card).findByText(/depuis le 01\/09\/2026/)).toBeDefined();
    expect(
      within(card).getByRole('img', {
        name: "Heures CEJ cette semaine : 4 h sur 15 h d'engagement",
      }),
    ).toBeDefined();
    expect(
      within(card).getByText("Offre d'emploi — Boulangerie Le Fournil (en attente)"),
    ).toBeDefined();
    expect(within(card).getByText('Appel pour préparer le rendez-vous.')).toBeDefined();
  });

  it('receives a walk-in on the spot and marks them present with the entretien', async () => {
    await open('/permanence');
    await screen.findByRole('article', { name: /Inès Lefèvre/ });
    await userEvent.click(screen.getByRole('button', { name: 'Accueillir sans rendez-vous' }));
    await userEvent.type(screen.getByLabelText(/^Jeune/), 'noah');
    await userEvent.click(await screen.findByRole('button', { name: /Brière Noah/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Ajouter à la journée' }));

    const card = await screen.findByRole('article', { name: /Noah Brière/ });
    expect(within(card).getByText('sans rendez-vous')).toBeDefined();
    expect(within(card).getByText('10 h 10–10 h 40')).toBeDefined();
    // The new card opens on "Présent", ready for the entretien.
    expect((within(card).getByRole('radio', { name: 'Présent' }) as HTMLInputElement).checked).toBe(
      true,
    );
    await userEvent.click(within(card).getByRole('checkbox', { name: 'Logement' }));
    await userEvent.click(within(card).getByRole('button', { name: 'Enregistrer' }));
    await within(card).findByText('Présent : entretien individuel enregistré.');

    const walkIn = (
      await db.appointments.find({ selector: { youthId: noah.id } }).exec()
    )[0]!.toJSON() as Appointment;
    expect(walkIn).toMatchObject({
      siteId: sees.id,
      staffId: camille.id,
      start: '2026-11-26T10:10',
      walkIn: true,
      status: 'present',
      subject: 'Accueil sans rendez-vous',
    });
    const entretien = await db.events.findOne(walkIn.eventId!).exec();
    expect(entretien?.toJSON()).toMatchObject({
      kind: 'entretien-individuel',
      appointmentId: walkIn.id,
      themes: ['logement'],
      durationMinutes: 30,
    });
  });

  it('marks an absence in one click', async () => {
    await open('/permanence');
    await userEvent.click(await screen.findByRole('button', { name: 'Absent : Inès Lefèvre' }));
    await screen.findByText('Inès Lefèvre noté·e absent·e.');
    await waitFor(async () =>
      expect((await db.appointments.findOne(inesRdv.id).exec())?.status).toBe('absent'),
    );
  });

  it('does not offer Présent or Absent for a rendez-vous of a day to come (issue 14, item 1)', async () => {
    const later = buildAppointment({
      youthId: noah.id,
      staffId: camille.id,
      siteId: sees.id,
      start: '2026-12-01T09:30',
    });
    ({ db } = await renderScreen(`/permanence?site=${sees.id}&date=2026-12-01`, {
      user,
      now: NOW,
      seed: async (db) => {
        await seedDay(db);
        await seed(db, 'appointments', [later]);
      },
    }));
    const card = await screen.findByRole('article', { name: /Noah/ });
    expect(within(card).queryByRole('button', { name: /^Absent/ })).toBeNull();
    expect(within(card).queryByRole('button', { name: /^Présent/ })).toBeNull();
    expect((await db.appointments.findOne(later.id).exec())?.status).toBe('planifie');
  });

  it('prints a day sheet with the rendez-vous', async () => {
    await open(`/permanence?site=${sees.id}&date=2026-11-26`);
    await screen.findByRole('article', { name: /Inès Lefèvre/ });
    const sheet = screen.getByRole('heading', {
      name: 'Feuille de permanence — Permanence de Sées — jeudi 26 novembre 2026',
    }).parentElement!;
    await waitFor(() => {
      const rows = within(sheet).getAllByRole('row');
      expect(rows).toHaveLength(2);
      expect(rows[1]!.textContent).toContain('Lefèvre Inès');
      expect(rows[1]!.textContent).toContain('CEJ · 4 h / 15 h cette semaine');
    });
  });
});

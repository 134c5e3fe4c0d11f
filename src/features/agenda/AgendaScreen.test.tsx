// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildAppointment,
  buildSite,
  buildStaffMember,
  buildYouth,
} from '../../../tests/support/builders';
import { cleanupScreen, renderScreen, seed } from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';
import type { Appointment } from '../../domain/schemas/appointment';
import type { SessionUser } from '../../sync/api';

// Tuesday 24 November 2026, 10:30, at the permanence of Sées.
const NOW = '2026-11-24T10:30:00';
const site = buildSite();
const camille = buildStaffMember({ name: 'Camille Martin' });
const lucas = buildStaffMember({ name: 'Lucas Bernard' });
const user: SessionUser = {
  id: camille.id,
  login: 'camille.martin',
  name: camille.name,
  role: 'conseiller',
  siteIds: camille.siteIds,
};
const ines = buildYouth({ firstName: 'Inès', lastName: 'Lefèvre', referentId: camille.id });
const noah = buildYouth({ firstName: 'Noah', lastName: 'Brière', referentId: camille.id });
const booked = buildAppointment({
  youthId: ines.id,
  staffId: camille.id,
  siteId: site.id,
  start: '2026-11-24T09:30',
  subject: 'Point CV',
});

let db: RelaisDatabase;
afterEach(cleanupScreen);

async function open(path: string) {
  ({ db } = await renderScreen(path, {
    user,
    now: NOW,
    seed: async (db) => {
      await seed(db, 'sites', [site]);
      await seed(db, 'staff', [camille, lucas]);
      await seed(db, 'youths', [ines, noah]);
      await seed(db, 'appointments', [booked]);
    },
  }));
}

async function appointmentsOnDevice(): Promise<Appointment[]> {
  return (await db.appointments.find().exec()).map((d) => d.toJSON() as Appointment);
}

describe('a rendez-vous of a day to come (issue 14, item 1)', () => {
  it('cannot be marked Présent: said in French, and no entretien dated in the future', async () => {
    const later = buildAppointment({
      youthId: noah.id,
      staffId: camille.id,
      siteId: site.id,
      start: '2026-11-26T10:00',
    });
    ({ db } = await renderScreen(`/agenda?vue=jour&date=2026-11-26&rdv=${later.id}`, {
      user,
      now: NOW,
      seed: async (db) => {
        await seed(db, 'sites', [site]);
        await seed(db, 'staff', [camille, lucas]);
        await seed(db, 'youths', [ines, noah]);
        await seed(db, 'appointments', [booked, later]);
      },
    }));
    const panel = await screen.findByRole('complementary', { name: 'Rendez-vous choisi' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Renseigner le rendez-vous' }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Présent' }));
    await userEvent.click(within(panel).getByRole('checkbox', { name: 'Emploi' }));
    await userEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    expect(
      await within(panel).findByText(
        /n’a pas encore eu lieu : Présent ou Absent se notent le jour venu/,
      ),
    ).toBeDefined();
    expect(await db.events.find().exec()).toHaveLength(0);
    expect((await db.appointments.findOne(later.id).exec())?.status).toBe('planifie');
  });
});

describe('agenda screen on the device', () => {
  it('marks a young person present with the entretien in one step, then books the next rendez-vous', async () => {
    await open('/agenda?vue=jour&date=2026-11-24');
    await userEvent.click(await screen.findByRole('button', { name: /Inès Lefèvre/ }));
    const panel = await screen.findByRole('complementary', { name: 'Rendez-vous choisi' });
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(
      'Inès Lefèvre — mardi 24 novembre, 9 h 30–10 h 15',
    );

    await userEvent.click(within(panel).getByRole('button', { name: 'Renseigner le rendez-vous' }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Présent' }));
    expect(
      (
        within(panel).getByRole('checkbox', {
          name: "Enregistrer l'entretien individuel maintenant",
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    await userEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    expect(within(panel).getByText("Choisissez au moins un thème de l'entretien.")).toBeDefined();
    await userEvent.click(within(panel).getByRole('checkbox', { name: 'Emploi' }));
    await userEvent.type(within(panel).getByLabelText('Compte-rendu'), 'CV refait ensemble.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    await within(panel).findByText('Présent : entretien individuel enregistré.');

    const events = (await db.events.find().exec()).map((d) => d.toJSON());
    expect(events).toEqual([
      expect.objectContaining({
        youthId: ines.id,
        kind: 'entretien-individuel',
        at: '2026-11-24T09:30',
        placeSiteId: site.id,
        durationMinutes: 45,
        themes: ['emploi'],
        report: 'CV refait ensemble.',
        authorId: camille.id,
        appointmentId: booked.id,
      }),
    ]);
    expect(await appointmentsOnDevice()).toEqual([
      expect.objectContaining({ id: booked.id, status: 'present', eventId: events[0]!.id }),
    ]);

    // The next rendez-vous: the site's first opening a week later, same time.
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Prendre le prochain rendez-vous' }),
    );
    const form = await screen.findByRole('heading', { name: 'Prochain rendez-vous' });
    const next = form.closest('form')!;
    expect((within(next).getByLabelText(/Date/) as HTMLInputElement).value).toBe('2026-12-01');
    expect((within(next).getByLabelText(/Heure/) as HTMLInputElement).value).toBe('09:30');
    fireEvent.change(within(next).getByLabelText(/Heure/), { target: { value: '12:15' } });
    await userEvent.click(within(next).getByRole('button', { name: 'Enregistrer le rendez-vous' }));
    await within(next).findByText(
      "Hors des heures d'ouverture : le mardi 1 décembre, le site est ouvert 9 h–12 h 30 et 13 h 30–17 h.",
    );
    expect(await appointmentsOnDevice()).toHaveLength(1);
    await userEvent.click(within(next).getByRole('button', { name: 'Enregistrer quand même' }));
    await screen.findByText(/Prochain rendez-vous enregistré : mardi 1 décembre à 12:15/);
    expect(await appointmentsOnDevice()).toContainEqual(
      expect.objectContaining({
        youthId: ines.id,
        siteId: site.id,
        staffId: camille.id,
        start: '2026-12-01T12:15',
        status: 'planifie',
      }),
    );
  });

  it('warns of an overlap for the same adviser and saves only when forced', async () => {
    await open('/agenda?vue=jour&date=2026-11-24');
    await screen.findByRole('button', { name: /Inès Lefèvre/ });
    await userEvent.click(screen.getByRole('button', { name: 'Nouveau rendez-vous' }));
    const form = (await screen.findByRole('heading', { name: 'Nouveau rendez-vous' })).closest(
      'form',
    )!;
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer le rendez-vous' }));
    expect(within(form).getByText('Choisissez le jeune concerné.')).toBeDefined();
    expect(within(form).getByText("Indiquez l'heure.")).toBeDefined();

    await userEvent.type(within(form).getByLabelText(/^Jeune/), 'brie');
    await userEvent.click(await within(form).findByRole('button', { name: /Brière Noah/ }));
    expect(within(form).getByText('Noah Brière')).toBeDefined();
    fireEvent.change(within(form).getByLabelText(/Heure/), { target: { value: '10:00' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer le rendez-vous' }));
    const warning = await within(form).findByRole('alert');
    expect(warning.textContent).toContain(
      'Le ou la conseiller·ère a déjà un rendez-vous à ce moment : 9 h 30–10 h 15 avec Inès Lefèvre.',
    );
    expect(await appointmentsOnDevice()).toHaveLength(1);

    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer quand même' }));
    await waitFor(async () => expect(await appointmentsOnDevice()).toHaveLength(2));
    expect(await appointmentsOnDevice()).toContainEqual(
      expect.objectContaining({
        youthId: noah.id,
        staffId: camille.id,
        start: '2026-11-24T10:00',
        status: 'planifie',
      }),
    );
    // The agenda shows it at once, opened.
    const panel = await screen.findByRole('complementary', { name: 'Rendez-vous choisi' });
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toContain('Noah Brière');
  });

  it('moves a rendez-vous and remembers when it was first planned; cancels with a reason', async () => {
    await open(`/agenda?vue=jour&date=2026-11-24&rdv=${booked.id}`);
    const panel = await screen.findByRole('complementary', { name: 'Rendez-vous choisi' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Déplacer' }));
    fireEvent.change(within(panel).getByLabelText(/Heure/), { target: { value: '14:00' } });
    await userEvent.click(within(panel).getByRole('button', { name: 'Déplacer le rendez-vous' }));
    await within(panel).findByText('Rendez-vous déplacé au mardi 24 novembre à 14:00.');
    expect(await appointmentsOnDevice()).toEqual([
      expect.objectContaining({ start: '2026-11-24T14:00', previousStart: '2026-11-24T09:30' }),
    ]);

    await userEvent.click(within(panel).getByRole('button', { name: 'Renseigner le rendez-vous' }));
    await userEvent.click(within(panel).getByRole('radio', { name: 'Annulé' }));
    await userEvent.type(within(panel).getByLabelText("Motif de l'annulation"), 'Malade');
    await userEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));
    await within(panel).findByText('Statut enregistré : Annulé.');
    expect(await appointmentsOnDevice()).toEqual([
      expect.objectContaining({ status: 'annule', cancellationReason: 'Malade' }),
    ]);
  });
});

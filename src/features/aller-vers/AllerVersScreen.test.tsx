// @vitest-environment jsdom
/**
 * An aller-vers meeting is a contact (issue 14, item 4): a young person met in the street today,
 * new or already known, has today as their last contact, so Relances stops flagging them.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { buildEvent, buildYouth, SITE_PERSEIGNE } from '../../../tests/support/builders';
import {
  cleanupScreen,
  renderScreen,
  seed,
  testUser,
  TEST_NOW,
} from '../../../tests/support/render-screen';
import type { RelaisDatabase } from '../../db/database';
import { lastContactByYouth } from '../../domain/rules/contact';
import { assessRelance } from '../../domain/rules/relances';
import type { YouthEvent } from '../../domain/schemas/event';
import type { Youth } from '../../domain/schemas/youth';
import { fixedClock } from '../../domain/time';
import { INITIAL_SYNC_STATUS } from '../../stores/sync-slice';
import { useAppStore } from '../../stores/store';

afterEach(async () => {
  useAppStore.getState().setSync(INITIAL_SYNC_STATUS);
  await cleanupScreen();
});

/** Typing with user-event in jsdom is slow on a busy 2-core machine. */
const SLOW = 60_000;
const user = testUser({ siteIds: [SITE_PERSEIGNE] });
const clock = fixedClock(TEST_NOW);

/** Followed, silent for 100 days: Relances flags them. */
const known = buildYouth({
  firstName: 'Clémence',
  lastName: 'Dalmeida',
  birthDate: '2003-08-04',
  siteId: SITE_PERSEIGNE,
  referentId: user.id,
  status: 'accompagne',
  createdOn: '2025-02-03',
});

async function seedKnown(db: RelaisDatabase) {
  await seed(db, 'youths', [known]);
  await seed(db, 'events', [buildEvent({ youthId: known.id, at: '2026-08-18T10:00' })]);
}

async function eventsOf(db: RelaisDatabase, youthId: string): Promise<YouthEvent[]> {
  const docs = await db.events.find({ selector: { youthId } }).exec();
  return docs.map((doc) => doc.toJSON() as YouthEvent);
}

async function typeNewContact(typing: ReturnType<typeof userEvent.setup>, firstName: string) {
  await typing.type(screen.getByRole('textbox', { name: 'Prénom' }), firstName);
  await typing.type(screen.getByRole('textbox', { name: 'Année ou date de naissance' }), '2005');
  await typing.click(screen.getByRole('radio', { name: 'Perseigne' }));
  await typing.click(screen.getByRole('radio', { name: 'Emploi' }));
  await typing.click(screen.getByRole('checkbox', { name: /J’ai lu cette information/ }));
  await typing.click(screen.getByRole('radio', { name: 'Oui' }));
}

async function saveContact(typing: ReturnType<typeof userEvent.setup>) {
  await typing.click(screen.getByRole('button', { name: 'Enregistrer le contact' }));
}

describe('an aller-vers meeting', () => {
  it(
    'with a young person already known is noted as a contact, and Relances no longer flags them',
    async () => {
      const { db } = await renderScreen('/aller-vers', { user, seed: seedKnown });
      const before = assessRelance(
        { youth: known, events: await eventsOf(db, known.id), appointments: [], pathway: [] },
        clock,
      );
      expect(before?.reasons.map((r) => r.code)).toContain('silence');

      const typing = userEvent.setup();
      await typing.click(screen.getByRole('radio', { name: 'Perseigne' }));
      await typing.type(screen.getByRole('textbox', { name: 'Prénom' }), 'Clemence');
      await typing.type(screen.getByRole('textbox', { name: 'Nom (facultatif)' }), 'Dalmeida');
      await typing.click(
        await screen.findByRole('button', { name: 'C’est cette personne : Clémence Dalmeida' }),
      );
      const existing = screen.getByRole('region', { name: 'Dossier existant' });
      await typing.click(
        within(existing).getByRole('button', { name: 'Noter la rencontre d’aujourd’hui' }),
      );
      await within(existing).findByText(/Rencontre notée/);

      const events = await eventsOf(db, known.id);
      expect(lastContactByYouth(events).get(known.id)).toBe('2026-11-26');
      const after = assessRelance({ youth: known, events, appointments: [], pathway: [] }, clock);
      expect(after).toBeUndefined();
    },
    SLOW,
  );

  it(
    'with someone new makes their dossier and notes the meeting as their last contact',
    async () => {
      const { db } = await renderScreen('/aller-vers', { user });
      const typing = userEvent.setup();
      await typing.type(screen.getByRole('textbox', { name: 'Prénom' }), 'Rayan');
      await typing.type(
        screen.getByRole('textbox', { name: 'Année ou date de naissance' }),
        '2005',
      );
      await typing.click(screen.getByRole('radio', { name: 'Perseigne' }));
      await typing.click(screen.getByRole('radio', { name: 'Emploi' }));
      await typing.click(screen.getByRole('checkbox', { name: /J’ai lu cette information/ }));
      await typing.click(screen.getByRole('radio', { name: 'Oui' }));
      await saveContact(typing);
      await screen.findByText(/Contact enregistré/);

      const [youth] = (await db.youths.find().exec()).map((doc) => doc.toJSON() as Youth);
      const events = await eventsOf(db, youth!.id);
      expect(lastContactByYouth(events).get(youth!.id)).toBe('2026-11-26');
      expect(events[0]).toMatchObject({ kind: 'visite', authorId: user.id, themes: ['emploi'] });
      expect(events[0]!.placeSiteId).toBeUndefined();
    },
    SLOW,
  );
});

/** What the tablet says once a contact is saved is true (issue 14, item 8). */
describe('the message after a contact is saved', () => {
  it(
    'online, says it is being sent, then that it was sent, never « dès que le réseau reviendra »',
    async () => {
      useAppStore.getState().setSync({ ...INITIAL_SYNC_STATUS, online: true, leader: true });
      const { db, pending } = await renderScreen('/aller-vers', { user });
      const typing = userEvent.setup();
      await typeNewContact(typing, 'Inaya');
      await saveContact(typing);
      const status = await screen.findByText(/Contact enregistré/);
      expect(status.textContent).toMatch(/envoi au siège en cours/i);
      expect(status.textContent).not.toMatch(/dès que le réseau reviendra/);

      const youth = (await db.youths.find().exec())[0]!.toJSON() as Youth;
      await pending.flush();
      pending.acknowledge('youths', [{ id: youth.id, rev: youth.rev }]);
      expect(
        await screen.findByText('Contact enregistré et envoyé au siège : Inaya.'),
      ).toBeDefined();
    },
    SLOW,
  );

  it(
    'offline, says it waits on the tablet for the network',
    async () => {
      await renderScreen('/aller-vers', { user });
      const typing = userEvent.setup();
      await typeNewContact(typing, 'Inaya');
      await saveContact(typing);
      const status = await screen.findByText(/Contact enregistré/);
      expect(status.textContent).toMatch(/dès que le réseau reviendra/);
    },
    SLOW,
  );
});

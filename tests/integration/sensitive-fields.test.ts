/**
 * Sensitive fields (RQTH, ASE, justice, notes, compte-rendus) over real HTTP: an accueil account
 * never receives them — by pull, by the stream, or in a push reply — and its writes keep the
 * values it never saw. Advisers and the direction receive them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../src/domain/collections';
import { systemClock } from '../../src/domain/time';
import { connectEventStream } from '../../src/sync/sse';
import type { ApiClient } from '../../src/sync/api';
import { createAccount } from '../../sync-server/src/auth/accounts';
import {
  ADVISER_SEES,
  DIRECTION,
  PASSWORD,
  createTestAccounts,
  testPasswordHash,
} from '../support/accounts';
import { buildEvent, buildYouth, SITE_SEES, wire } from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const ACCUEIL = { id: '0190b000-0000-7000-a000-00000000a0ac', login: 'accueil.sees' };

let server: TestServer;
let adviser: ApiClient;
let accueil: ApiClient;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  await createAccount(
    server.storage,
    { ...ACCUEIL, name: 'Accueil Sées', role: 'accueil', siteIds: [SITE_SEES], password: PASSWORD },
    systemClock,
    { passwordHash: await testPasswordHash() },
  );
  adviser = await loggedInClient(server.url, ADVISER_SEES.login);
  accueil = await loggedInClient(server.url, ACCUEIL.login);
});

afterEach(async () => {
  await server.close();
});

function sensitiveYouth() {
  return buildYouth({
    referentId: ADVISER_SEES.id,
    rqth: true,
    ase: true,
    justice: false,
    notes: 'Suivi santé en cours avec la Maison des adolescents.',
    phone: '06 39 98 11 22',
  });
}

describe('what an accueil account receives', () => {
  it('pulls dossiers and events without the sensitive fields, the adviser with them', async () => {
    const youth = sensitiveYouth();
    const event = buildEvent({ youthId: youth.id, report: 'Compte-rendu confidentiel.' });
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    await adviser.push('events', [{ newDocumentState: wire(event) }]);

    const forAccueil = (await accueil.pull('youths', 0, 100)).documents[0] as Record<
      string,
      unknown
    >;
    expect(forAccueil).toMatchObject({ id: youth.id, firstName: 'Inès', phone: '06 39 98 11 22' });
    for (const field of ['rqth', 'ase', 'justice', 'notes'])
      expect(forAccueil).not.toHaveProperty(field);
    const eventForAccueil = (await accueil.pull('events', 0, 100)).documents[0] as Record<
      string,
      unknown
    >;
    expect(eventForAccueil).toMatchObject({ id: event.id, kind: 'entretien-individuel' });
    expect(eventForAccueil).not.toHaveProperty('report');

    const forAdviser = (await adviser.pull('youths', 0, 100)).documents[0];
    expect(forAdviser).toMatchObject({ rqth: true, ase: true, notes: youth.notes });
    const direction = await loggedInClient(server.url, DIRECTION.login);
    expect((await direction.pull('events', 0, 100)).documents[0]).toMatchObject({
      report: 'Compte-rendu confidentiel.',
    });
  });

  it('streams changes to accueil without the sensitive fields', async () => {
    const received: WireDocument[] = [];
    let opened = false;
    const connection = connectEventStream(
      `${server.url}/api/v1/sync/stream`,
      {
        onOpen: () => (opened = true),
        onClose: () => undefined,
        onMessage(data) {
          if (data !== 'RESYNC')
            received.push(...(JSON.parse(data) as { documents: WireDocument[] }).documents);
        },
      },
      { fetch: accueil.fetch },
    );
    try {
      await eventually(async () => expect(opened).toBe(true));
      const youth = sensitiveYouth();
      await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
      const streamed = await eventually(async () => {
        const found = received.find((doc) => doc.id === youth.id);
        expect(found).toBeDefined();
        return found as Record<string, unknown>;
      });
      expect(streamed.phone).toBe('06 39 98 11 22');
      expect(streamed).not.toHaveProperty('rqth');
      expect(streamed).not.toHaveProperty('notes');
    } finally {
      connection.close();
    }
  });
});

describe('what an accueil account writes', () => {
  it('keeps the stored sensitive values when accueil edits a dossier it received without them', async () => {
    const youth = sensitiveYouth();
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    const seen = (await accueil.pull('youths', 0, 100)).documents[0]!;
    const edited = { ...seen, phone: '06 39 98 33 44', rev: 'accueil-edit-1' };

    const answer = await accueil.push('youths', [
      { newDocumentState: edited, assumedMasterState: seen },
    ]);
    expect(answer).toEqual({ conflicts: [], refused: [] });
    const stored = (await server.storage.getDocument('youths', youth.id))!.data;
    expect(stored).toMatchObject({
      phone: '06 39 98 33 44',
      rqth: true,
      ase: true,
      justice: false,
      notes: youth.notes,
    });
  });

  it('answers a stale accueil push with a master state that hides the sensitive fields', async () => {
    const youth = sensitiveYouth();
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    const seen = (await accueil.pull('youths', 0, 100)).documents[0]!;
    // The adviser changes the address meanwhile; accueil edits the same field from the old state.
    await adviser.push('youths', [
      {
        newDocumentState: wire({
          ...youth,
          address: '3 rue des Tanneurs',
          rev: 'adviser-2',
          notes: 'Nouvelle note.',
        }),
        assumedMasterState: wire(youth),
      },
    ]);
    const answer = await accueil.push('youths', [
      {
        newDocumentState: wire({ ...seen, address: '8 place du Parquet', rev: 'accueil-2' }),
        assumedMasterState: seen,
      },
    ]);
    expect(answer.refused).toEqual([]);
    const master = answer.conflicts[0] as Record<string, unknown>;
    expect(master.address).toBe('3 rue des Tanneurs');
    expect(master).not.toHaveProperty('notes');
    expect(master).not.toHaveProperty('rqth');
    expect((await server.storage.getDocument('youths', youth.id))!.data).toMatchObject({
      notes: 'Nouvelle note.',
      rqth: true,
    });
  });

  it('keeps what accueil types in a record it creates', async () => {
    const youth = sensitiveYouth();
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    const event = buildEvent({
      youthId: youth.id,
      kind: 'contact-telephonique',
      authorId: ACCUEIL.id,
      report: 'A appelé pour déplacer son rendez-vous.',
    });
    expect(await accueil.push('events', [{ newDocumentState: wire(event) }])).toEqual({
      conflicts: [],
      refused: [],
    });
    expect((await server.storage.getDocument('events', event.id))!.data.report).toBe(
      'A appelé pour déplacer son rendez-vous.',
    );
  });
});

/**
 * What the SSE stream sends each account, tested on the stream itself: an adviser of another
 * site receives nothing of a Sées dossier, the accueil of Sées receives it without its sensitive
 * fields and nothing of another site, and nobody but the siège receives the reviews. Each
 * stream is read until a sentinel written last (a site, which everyone sees) arrives: the
 * stream is in commit order, so everything before it has been sent by then.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionName, WireDocument } from '../../src/domain/collections';
import { newRev } from '../../src/domain/ids';
import { systemClock } from '../../src/domain/time';
import type { ApiClient } from '../../src/sync/api';
import { connectEventStream } from '../../src/sync/sse';
import { createAccount } from '../../sync-server/src/auth/accounts';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  PASSWORD,
  createTestAccounts,
  testPasswordHash,
} from '../support/accounts';
import {
  buildEvent,
  buildSite,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
  wire,
} from '../support/builders';
import { eventually, loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

const ACCUEIL = { id: '0190b000-0000-7000-a000-00000000a0ad', login: 'accueil.sees' };

let server: TestServer;
const closers: (() => void)[] = [];

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  await createAccount(
    server.storage,
    { ...ACCUEIL, name: 'Accueil Sées', role: 'accueil', siteIds: [SITE_SEES], password: PASSWORD },
    systemClock,
    { passwordHash: await testPasswordHash() },
  );
});

afterEach(async () => {
  for (const close of closers.splice(0)) close();
  await server.close();
});

interface Received {
  collection: CollectionName;
  document: Record<string, unknown>;
}

/** Opens the stream of a logged-in account; resolves once it is open. */
async function openStream(api: ApiClient): Promise<Received[]> {
  const received: Received[] = [];
  let opened = false;
  const connection = connectEventStream(
    `${server.url}/api/v1/sync/stream`,
    {
      onOpen: () => (opened = true),
      onClose: () => undefined,
      onMessage(data) {
        if (data === 'RESYNC') return;
        const batch = JSON.parse(data) as { collection: CollectionName; documents: WireDocument[] };
        for (const document of batch.documents) {
          received.push({
            collection: batch.collection,
            document: document as Record<string, unknown>,
          });
        }
      },
    },
    { fetch: api.fetch },
  );
  closers.push(() => connection.close());
  await eventually(async () => expect(opened).toBe(true));
  return received;
}

const ids = (received: Received[], collection: CollectionName) =>
  received.filter((r) => r.collection === collection).map((r) => String(r.document.id));

describe('what the stream sends each account', () => {
  it("keeps a Sées dossier from another site's adviser and its sensitive fields from accueil, and reviews for the siège", async () => {
    const login = (account: { login: string }) => loggedInClient(server.url, account.login);
    const [sees, sees2, perseigne, accueil, direction] = await Promise.all([
      login(ADVISER_SEES),
      login(ADVISER_SEES_2),
      login(ADVISER_PERSEIGNE),
      login(ACCUEIL),
      login(DIRECTION),
    ]);
    const streams = {
      sees: await openStream(sees),
      perseigne: await openStream(perseigne),
      accueil: await openStream(accueil),
      direction: await openStream(direction),
    };

    const seesYouth = buildYouth({ siteId: SITE_SEES, notes: 'Suivi santé', rqth: true });
    const entretien = buildEvent({ youthId: seesYouth.id, report: 'Compte-rendu confidentiel' });
    const perseigneYouth = buildYouth({ siteId: SITE_PERSEIGNE, firstName: 'Yanis' });
    await sees.push('youths', [{ newDocumentState: wire(seesYouth) }]);
    await sees.push('events', [{ newDocumentState: wire(entretien) }]);
    await perseigne.push('youths', [{ newDocumentState: wire(perseigneYouth) }]);
    // Two phones typed from the same state: a review, for the siège only.
    const phone = (api: ApiClient, value: string) =>
      api.push('youths', [
        {
          newDocumentState: wire({ ...seesYouth, phone: value, rev: newRev() }),
          assumedMasterState: wire(seesYouth),
        },
      ]);
    await phone(sees, '06 39 98 11 11');
    await phone(sees2, '06 39 98 22 22');
    const sentinel = buildSite({ id: newRev(), name: 'Sentinelle' });
    await direction.push('sites', [{ newDocumentState: wire(sentinel) }]);
    for (const received of Object.values(streams)) {
      await eventually(async () => expect(ids(received, 'sites')).toContain(sentinel.id));
    }

    expect(ids(streams.perseigne, 'youths')).toEqual([perseigneYouth.id]);
    expect(ids(streams.perseigne, 'events')).toEqual([]);

    expect(new Set(ids(streams.accueil, 'youths'))).toEqual(new Set([seesYouth.id]));
    for (const { document } of streams.accueil.filter((r) => r.collection === 'youths')) {
      expect(document).not.toHaveProperty('notes');
      expect(document).not.toHaveProperty('rqth');
    }
    const [streamedEvent] = streams.accueil.filter((r) => r.collection === 'events');
    expect(streamedEvent?.document).toMatchObject({ id: entretien.id });
    expect(streamedEvent?.document).not.toHaveProperty('report');

    // The Sées adviser receives it all, the sensitive fields included: the stream did send.
    expect(streams.sees.find((r) => r.document.id === seesYouth.id)?.document).toMatchObject({
      notes: 'Suivi santé',
    });
    expect(ids(streams.sees, 'youths')).not.toContain(perseigneYouth.id);

    for (const received of [streams.sees, streams.perseigne, streams.accueil]) {
      expect(ids(received, 'reviews')).toEqual([]);
    }
    expect(ids(streams.direction, 'reviews')).toHaveLength(1);
  });
});

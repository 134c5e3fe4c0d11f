/**
 * Issue 17, item 4: the server checks a dispositif's closing with the rule the form uses
 * (src/domain/rules/dispositif-exit.ts) — an exit reason without the actual end date, or an
 * end before the start, is refused with the error envelope and nothing is stored; a closing
 * with both is stored and counted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src/domain/ids';
import { pathwaySchema, type PathwayRecord } from '../../src/domain/schemas/pathway';
import type { ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, createTestAccounts, PASSWORD } from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';
import { BACKENDS } from '../support/storages';

describe.each(BACKENDS)('closing a dispositif on %s', (backend) => {
  let server: TestServer;
  let adviser: ApiClient;
  const youth = buildYouth({ referentId: ADVISER_SEES.id });
  const cej: PathwayRecord = {
    id: newId(),
    rev: newId(),
    updatedAt: '2026-03-02T10:00:00.000Z',
    updatedBy: ADVISER_SEES.id,
    youthId: youth.id,
    kind: 'dispositif',
    programme: 'CEJ',
    startDate: '2026-03-02',
    endDate: '2027-03-01',
    weeklyHoursCommitment: 15,
  };

  beforeEach(async () => {
    server = await startTestServer({ backend });
    await createTestAccounts(server.storage);
    adviser = await loggedInClient(server.url, ADVISER_SEES.login);
    await adviser.push('youths', [{ newDocumentState: wire(youth) }]);
    expect((await adviser.push('pathway', [{ newDocumentState: wire(cej) }])).refused).toEqual([]);
  });

  afterEach(async () => {
    await server.close();
  });

  /** Pushes a closing of the CEJ over HTTP, as a device does. */
  async function pushClosing(fields: Partial<PathwayRecord>, cookie: string) {
    const closed = { ...cej, ...fields, rev: newId() };
    const response = await fetch(
      `${server.url}/api/v1/sync/pathway/${pathwaySchema.version}/push`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify([{ newDocumentState: wire(closed), assumedMasterState: wire(cej) }]),
      },
    );
    return { status: response.status, body: (await response.json()) as unknown };
  }

  it('refuses an exit reason without an end date, and an end before the start, in French', async () => {
    const cookie = await sessionCookie(server.url);
    const withoutDate = await pushClosing({ exitReason: 'abandon' }, cookie);
    expect(withoutDate.status).toBe(400);
    expect(withoutDate.body).toMatchObject({
      error: {
        code: 'ROWS_REFUSED',
        details: {
          rejected: [
            {
              id: cej.id,
              code: 'DISPOSITIF_EXIT_WITHOUT_END',
              message: expect.stringMatching(/motif de sortie va avec la date de fin réelle/),
            },
          ],
        },
      },
    });
    const beforeStart = await pushClosing(
      { endedOn: '2026-02-27', exitReason: 'emploi-durable' },
      cookie,
    );
    expect(beforeStart.status).toBe(400);
    expect(beforeStart.body).toMatchObject({
      error: { details: { rejected: [{ id: cej.id, code: 'DISPOSITIF_ENDED_BEFORE_START' }] } },
    });
    // Nothing of either was stored: the CEJ is still open.
    const stored = await server.storage.getDocument('pathway', cej.id);
    expect(stored?.rev).toBe(cej.rev);
    expect(stored?.data.endedOn).toBeUndefined();
  });

  it('stores a closing with its date and reason, and devices pull it', async () => {
    const cookie = await sessionCookie(server.url);
    const closing = await pushClosing(
      { endedOn: '2026-11-13', exitReason: 'emploi-durable' },
      cookie,
    );
    expect(closing.status).toBe(200);
    const pulled = await adviser.pull('pathway', 0, 100);
    expect(pulled.documents.find((doc) => doc.id === cej.id)).toMatchObject({
      endedOn: '2026-11-13',
      exitReason: 'emploi-durable',
      endDate: '2027-03-01',
    });
  });
});

async function sessionCookie(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
  });
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

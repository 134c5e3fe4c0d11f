/**
 * The sync protocol over real HTTP, request by request: idempotent push, conflicts by `rev`,
 * checkpoints, schema versions, and every kind of bad input answered 4xx with the envelope.
 */
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCollectionName, schemaVersionOf } from '../../src/domain/collections';
import { newRev } from '../../src/domain/ids';
import { MAX_PUSH_ROWS } from '../../sync-server/src/http/sync-routes';
import { ADVISER_SEES, DIRECTION, PASSWORD, createTestAccounts } from '../support/accounts';
import {
  buildAttendance,
  buildEvent,
  buildProposition,
  buildYouth,
  wire,
} from '../support/builders';
import { startTestServer, type TestServer } from '../support/server';
import { BACKENDS } from '../support/storages';
import { eventually } from '../support/http';

describe.each(BACKENDS)('sync protocol on %s', (backend) => {
  let server: TestServer;
  let cookie: string;

  beforeEach(async () => {
    server = await startTestServer({ backend });
    await createTestAccounts(server.storage);
    const response = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
    });
    cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  });

  afterEach(async () => {
    await server.close();
  });

  function call(path: string, init: RequestInit & { json?: unknown } = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has('cookie')) headers.set('cookie', cookie);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return fetch(`${server.url}${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  }

  const path = (collection: string) =>
    `/api/v1/sync/${collection}/${isCollectionName(collection) ? schemaVersionOf(collection) : 0}`;
  const push = (collection: string, rows: unknown, init: RequestInit = {}) =>
    call(`${path(collection)}/push`, { method: 'POST', json: rows, ...init });
  const pull = (collection: string, seq = 0) =>
    call(`${path(collection)}/pull?seq=${seq}&limit=100`);

  async function expectEnvelope(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message.length).toBeGreaterThan(0);
    return body;
  }

  describe('session', () => {
    it('sets an HttpOnly, SameSite=Strict cookie and tells who is logged in', async () => {
      const response = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
      });
      const setCookie = response.headers.getSetCookie()[0]!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Strict/i);
      const me = await (await call('/api/v1/session')).json();
      expect(me.user).toMatchObject({
        id: ADVISER_SEES.id,
        login: ADVISER_SEES.login,
        role: 'conseiller',
      });
      expect(me.user.passwordHash).toBeUndefined();
      expect(setCookie).not.toMatch(/Secure/i);
    });

    it('requires HTTPS for the cookie anywhere but on loopback', async () => {
      const { port } = new URL(server.url);
      const setCookie = await new Promise<string>((resolve, reject) => {
        const body = JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD });
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/session',
            method: 'POST',
            headers: {
              host: 'relais.mission-locale.example',
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            response.resume();
            resolve(String(response.headers['set-cookie']?.[0]));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
      expect(setCookie).toMatch(/; Secure/i);
    });

    it('sets Secure behind a TLS proxy that forwards a loopback Host (RELAIS_TRUST_PROXY)', async () => {
      await server.restart({ trustProxy: true });
      const response = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ login: ADVISER_SEES.login, password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/i);
    });

    it('refuses a wrong password, then throttles the login', async () => {
      const attempt = () =>
        fetch(`${server.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: ADVISER_SEES.login, password: 'mauvais-mot-de-passe' }),
        });
      for (let i = 0; i < 5; i += 1)
        await expectEnvelope(await attempt(), 401, 'INVALID_CREDENTIALS');
      await expectEnvelope(await attempt(), 429, 'RATE_LIMITED');
    });

    it('throttles a burst of parallel attempts too: the right password after them is refused', async () => {
      const attempt = (password: string) =>
        fetch(`${server.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ login: ADVISER_SEES.login, password }),
        });
      const burst = await Promise.all([
        ...Array.from({ length: 19 }, () => attempt('mauvais-mot-de-passe')),
        attempt(PASSWORD),
      ]);
      const statuses = burst.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(15);
      expect(statuses.at(-1)).toBe(429);
    });

    it('does not let successful logins from one office address block each other', async () => {
      for (let i = 0; i < 8; i += 1) {
        const response = await fetch(`${server.url}/api/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            login: i % 2 ? ADVISER_SEES.login : DIRECTION.login,
            password: PASSWORD,
          }),
        });
        expect(response.status).toBe(200);
      }
    });

    it('ends the session on logout', async () => {
      expect((await call('/api/v1/session', { method: 'DELETE' })).status).toBe(204);
      await expectEnvelope(await call('/api/v1/session'), 401, 'UNAUTHENTICATED');
    });
  });

  describe('push and pull', () => {
    it('applies a push sent twice only once', async () => {
      const youth = buildYouth();
      const rows = [{ newDocumentState: wire(youth) }];
      expect(await (await push('youths', rows)).json()).toEqual([]);
      const seqAfterFirst = await server.storage.lastSeq();
      expect(await (await push('youths', rows)).json()).toEqual([]);
      expect(await server.storage.lastSeq()).toBe(seqAfterFirst);
      expect((await server.storage.getDocument('youths', youth.id))?.rev).toBe(youth.rev);
    });

    it('answers a stale assumedMasterState with the master state', async () => {
      const youth = buildYouth();
      await push('youths', [{ newDocumentState: wire(youth) }]);
      const first = { ...youth, rev: newRev(), phone: '06 39 98 00 01' };
      await push('youths', [{ newDocumentState: wire(first), assumedMasterState: wire(youth) }]);
      // A second device still believes the master is `youth` and changes the same field.
      const stale = { ...youth, rev: newRev(), phone: '06 39 98 00 02' };
      const conflicts = await (
        await push('youths', [{ newDocumentState: wire(stale), assumedMasterState: wire(youth) }])
      ).json();
      expect(conflicts).toEqual([
        expect.objectContaining({
          id: youth.id,
          rev: first.rev,
          phone: '06 39 98 00 01',
          _deleted: false,
        }),
      ]);
    });

    it('pulls in commit order with a checkpoint that continues', async () => {
      const youths = [buildYouth(), buildYouth(), buildYouth()];
      for (const youth of youths) await push('youths', [{ newDocumentState: wire(youth) }]);
      const seqs = await Promise.all(
        youths.map(async (youth) => (await server.storage.getDocument('youths', youth.id))!.seq),
      );
      const page = await (await call(`${path('youths')}/pull?seq=0&limit=2`)).json();
      expect(page.documents.map((d: { id: string }) => d.id)).toEqual([
        youths[0]!.id,
        youths[1]!.id,
      ]);
      // Exactly the seq of the last document sent: one more would skip a write made meanwhile.
      expect(page.checkpoint).toEqual({ seq: seqs[1] });
      const next = await (await pull('youths', page.checkpoint.seq)).json();
      expect(next.documents.map((d: { id: string }) => d.id)).toEqual([youths[2]!.id]);
      expect(next.checkpoint).toEqual({ seq: seqs[2] });
      const end = await (await pull('youths', next.checkpoint.seq)).json();
      expect(end).toEqual({ documents: [], checkpoint: next.checkpoint });
    });

    it('answers a push merged with the stored state with the merged master, exactly as stored', async () => {
      const youth = buildYouth();
      await push('youths', [{ newDocumentState: wire(youth) }]);
      const phone = { ...youth, rev: newRev(), phone: '06 39 98 00 01' };
      await push('youths', [{ newDocumentState: wire(phone), assumedMasterState: wire(youth) }]);
      // Another device, from the same old state, changes another field: merged, not a conflict.
      const status = { ...youth, rev: newRev(), status: 'accompagne' as const };
      const answer = await push('youths', [
        { newDocumentState: wire(status), assumedMasterState: wire(youth) },
      ]);
      expect(answer.status).toBe(200);
      const stored = (await server.storage.getDocument('youths', youth.id))!;
      expect(stored.data).toMatchObject({ phone: '06 39 98 00 01', status: 'accompagne' });
      expect(stored.rev).not.toBe(status.rev);
      expect(await answer.json()).toEqual([{ ...stored.data, _deleted: false }]);
    });

    it('refuses an edit of a recorded event (append-only) and a forbidden proposition transition', async () => {
      const youth = buildYouth();
      await push('youths', [{ newDocumentState: wire(youth) }]);
      const event = buildEvent({ youthId: youth.id });
      await push('events', [{ newDocumentState: wire(event) }]);
      const edited = { ...event, rev: newRev(), report: 'réécrit' };
      const refused = await expectEnvelope(
        await push('events', [{ newDocumentState: wire(edited), assumedMasterState: wire(event) }]),
        409,
        'ROWS_REFUSED',
      );
      expect(refused.error).toMatchObject({
        details: { rejected: [{ id: event.id, code: 'APPEND_ONLY' }] },
      });

      const proposition = buildProposition({ youthId: youth.id });
      await push('pathway', [{ newDocumentState: wire(proposition) }]);
      const accepted = { ...proposition, rev: newRev(), result: 'acceptee' as const };
      await push('pathway', [
        { newDocumentState: wire(accepted), assumedMasterState: wire(proposition) },
      ]);
      // Acceptée cannot become refusée: the final states of the other branch are out of reach.
      const backwards = { ...accepted, rev: newRev(), result: 'refusee-jeune' as const };
      const answer = await expectEnvelope(
        await push('pathway', [
          { newDocumentState: wire(backwards), assumedMasterState: wire(accepted) },
        ]),
        409,
        'ROWS_REFUSED',
      );
      expect(answer.error).toMatchObject({
        details: { rejected: [{ code: 'INVALID_TRANSITION' }] },
      });
      expect((await server.storage.getDocument('pathway', proposition.id))?.data.result).toBe(
        'acceptee',
      );
      // Two moves made offline between pushes (acceptée, then réalisée) arrive as one: allowed.
      const other = buildProposition({ youthId: youth.id });
      await push('pathway', [{ newDocumentState: wire(other) }]);
      const done = { ...other, rev: newRev(), result: 'realisee' as const };
      const twoMoves = await push('pathway', [
        { newDocumentState: wire(done), assumedMasterState: wire(other) },
      ]);
      expect(twoMoves.status).toBe(200);
      expect((await server.storage.getDocument('pathway', other.id))?.data.result).toBe('realisee');
    });

    it('keeps the original of an event pushed again unchanged under a new rev', async () => {
      const youth = buildYouth();
      await push('youths', [{ newDocumentState: wire(youth) }]);
      const event = buildEvent({ youthId: youth.id });
      await push('events', [{ newDocumentState: wire(event) }]);
      const before = await server.storage.getDocument('events', event.id);
      const seq = await server.storage.lastSeq();
      // The same entretien again, re-stamped by a device (a retry after a lost answer, a copy).
      const again = { ...event, rev: newRev(), updatedAt: '2026-12-01T08:00:00.000Z' };
      for (const row of [
        { newDocumentState: wire(again) },
        { newDocumentState: wire({ ...again, rev: newRev() }), assumedMasterState: wire(event) },
      ]) {
        const answer = await push('events', [row]);
        expect(answer.status).toBe(200);
        // The device is given the original as the master, authored from the session.
        expect(await answer.json()).toEqual([wire(before!.data)]);
      }
      expect(await server.storage.getDocument('events', event.id)).toEqual(before);
      expect(await server.storage.lastSeq()).toBe(seq);
    });

    it('answers 426 to an outdated schema version', async () => {
      // Dossiers are at schema version 1: a device still on version 0 must update first.
      await expectEnvelope(await call('/api/v1/sync/youths/0/pull'), 426, 'SCHEMA_OUTDATED');
      await expectEnvelope(
        await call('/api/v1/sync/youths/0/push', { method: 'POST', json: [] }),
        426,
        'SCHEMA_OUTDATED',
      );
      await expectEnvelope(await call('/api/v1/sync/youths/7/pull'), 400, 'VALIDATION_FAILED');
    });
  });

  describe('bad input', () => {
    it.each([
      [
        'malformed JSON',
        () =>
          push('youths', undefined, {
            body: '[{"newDocumentState":',
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'INVALID_JSON',
      ],
      ['a body that is not a list', () => push('youths', { id: 'x' }), 400, 'VALIDATION_FAILED'],
      ['an unknown collection', () => push('dragons', []), 404, 'UNKNOWN_COLLECTION'],
      ['an unknown route', () => call('/api/v1/nothing'), 404, 'NOT_FOUND'],
      [
        'too many rows',
        () =>
          push(
            'youths',
            Array.from({ length: MAX_PUSH_ROWS + 1 }, () => ({
              newDocumentState: wire(buildYouth()),
            })),
          ),
        413,
        'TOO_MANY_ROWS',
      ],
      [
        'an oversized body',
        () =>
          push('youths', [
            { newDocumentState: wire({ ...buildYouth(), notes: 'x'.repeat(9 * 1024 * 1024) }) },
          ]),
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        'no session',
        () => call(`${path('youths')}/pull`, { headers: { cookie: 'relais_session=forged' } }),
        401,
        'UNAUTHENTICATED',
      ],
      ['a bad checkpoint', () => call(`${path('youths')}/pull?seq=abc`), 400, 'VALIDATION_FAILED'],
      [
        'a login without password',
        () => call('/api/v1/session', { method: 'POST', json: { login: 'x' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a login holding a NUL character',
        () =>
          call('/api/v1/session', { method: 'POST', json: { login: 'a\u0000b', password: 'x' } }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a NUL character in a path',
        () => call('/api/v1/reviews/a%00b/dismiss', { method: 'POST', json: {} }),
        400,
        'VALIDATION_FAILED',
      ],
      [
        'a login body nested 2,400 levels deep, without a session',
        () =>
          call('/api/v1/session', {
            method: 'POST',
            headers: { cookie: '', 'content-type': 'application/json' },
            body: `{"login":${'['.repeat(2400)}${']'.repeat(2400)},"password":"x"}`,
          }),
        400,
        'INVALID_JSON',
      ],
      [
        'a pushed document nested 2,400 levels deep',
        () =>
          push('youths', undefined, {
            body: `[{"newDocumentState":{"notes":${'['.repeat(2400)}${']'.repeat(2400)}}}]`,
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'INVALID_JSON',
      ],
      [
        'a review decision nested 2,400 levels deep',
        () =>
          call('/api/v1/reviews/0190a000-0000-7000-a000-000000000001/resolve', {
            method: 'POST',
            body: `{"value":${'{"a":'.repeat(2400)}1${'}'.repeat(2400)}}`,
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'INVALID_JSON',
      ],
      [
        'a pushed body that is not valid UTF-8 (its bytes would be stored as U+FFFD)',
        () =>
          push('youths', undefined, {
            body: Buffer.concat([
              Buffer.from(
                `[{"newDocumentState":${JSON.stringify(wire(buildYouth())).slice(0, -1)},"notes":"x`,
              ),
              Buffer.from([0xc3, 0x28]),
              Buffer.from('"}}]'),
            ]),
            headers: { 'content-type': 'application/json' },
          }),
        400,
        'INVALID_JSON',
      ],
      [
        'a path parameter of 300 characters',
        () => call(`/api/v1/reviews/${'x'.repeat(300)}/dismiss`, { method: 'POST', json: {} }),
        414,
        'URI_TOO_LONG',
      ],
      [
        'a malformed escape in the path',
        () => call('/api/v1/reviews/%E0%A4%A/dismiss', { method: 'POST', json: {} }),
        400,
        'MALFORMED_REQUEST',
      ],
      [
        'a null row for a collection only the server writes',
        () => push('staff', [null]),
        403,
        'ROWS_REFUSED',
      ],
    ])('answers %s with a 4xx envelope', async (_name, send, status, code) => {
      await expectEnvelope(await send(), status, code);
      expect(await server.storage.countDocuments('youths')).toBe(0);
    });

    it('refuses a row of the wrong type with the reason, keeps the valid rows, and keeps serving', async () => {
      const good = buildYouth();
      const bad = { ...buildYouth(), birthDate: 20060412 };
      const body = await expectEnvelope(
        await push('youths', [{ newDocumentState: wire(good) }, { newDocumentState: wire(bad) }]),
        400,
        'ROWS_REFUSED',
      );
      expect(body.error).toMatchObject({
        details: {
          rejected: [
            {
              id: bad.id,
              code: 'VALIDATION_FAILED',
              issues: [{ path: '/birthDate', message: 'must be string' }],
            },
          ],
        },
      });
      expect(await server.storage.getDocument('youths', bad.id)).toBeNull();
      expect(await server.storage.getDocument('youths', good.id)).not.toBeNull();
      expect((await call('/api/v1/health')).status).toBe(200);
    });

    it('refuses a row whose lineage is not a short list of revs, alone', async () => {
      const good = buildYouth();
      const rows = [
        { newDocumentState: wire(good), lineage: [newRev()] },
        { newDocumentState: wire(buildYouth()), lineage: 'abc' },
        { newDocumentState: wire(buildYouth()), lineage: Array.from({ length: 21 }, newRev) },
        { newDocumentState: wire(buildYouth()), lineage: [42] },
      ];
      const body = await expectEnvelope(await push('youths', rows), 400, 'ROWS_REFUSED');
      expect(body.error).toMatchObject({
        details: {
          rejected: [1, 2, 3].map(() => ({
            code: 'VALIDATION_FAILED',
            issues: [{ path: '/lineage' }],
          })),
        },
      });
      expect(await server.storage.countDocuments('youths')).toBe(1);
    });

    it('refuses a row holding a NUL character or a lone surrogate alone, and keeps the other rows of the batch', async () => {
      const good = buildYouth();
      const pasted = { ...buildYouth(), notes: 'copié\u0000collé' };
      const strangeId = { ...buildYouth(), id: 'x\u0000y' };
      const loneSurrogate = { ...buildYouth(), id: 'x\ud800' };
      const body = await expectEnvelope(
        await push('youths', [
          { newDocumentState: wire(good) },
          { newDocumentState: wire(pasted) },
          { newDocumentState: wire(strangeId) },
          { newDocumentState: wire(loneSurrogate) },
        ]),
        400,
        'ROWS_REFUSED',
      );
      expect(body.error).toMatchObject({
        details: {
          rejected: [
            {
              id: pasted.id,
              code: 'VALIDATION_FAILED',
              issues: [{ path: '/newDocumentState/notes' }],
            },
            { id: strangeId.id, code: 'VALIDATION_FAILED' },
            { id: loneSurrogate.id, code: 'VALIDATION_FAILED' },
          ],
        },
      });
      expect(await server.storage.getDocument('youths', good.id)).not.toBeNull();
      expect(await server.storage.countDocuments('youths')).toBe(1);
    });

    it('refuses an attendance whose id is not its deterministic key', async () => {
      const attendance = buildAttendance({ workshopId: 'w1', youthId: 'y1' });
      const body = await expectEnvelope(
        await push('attendances', [
          { newDocumentState: wire({ ...attendance, id: 'not-the-key' }) },
        ]),
        400,
        'ROWS_REFUSED',
      );
      expect(body.error).toMatchObject({
        details: {
          rejected: [
            { code: 'VALIDATION_FAILED', issues: [{ path: '/id', message: 'must be w1:y1' }] },
          ],
        },
      });
      expect(await server.storage.countDocuments('attendances')).toBe(0);
    });

    it('refuses writes to the collections only the server writes', async () => {
      const body = await expectEnvelope(
        await push('staff', [
          {
            newDocumentState: {
              id: ADVISER_SEES.id,
              rev: 'x',
              updatedAt: '2026-11-26T10:00:00Z',
              updatedBy: 'me',
              name: 'Moi',
              role: 'admin',
              siteIds: [],
              active: true,
              _deleted: false,
            },
          },
        ]),
        403,
        'ROWS_REFUSED',
      );
      expect(body.error).toMatchObject({
        details: { rejected: [{ code: 'READ_ONLY_COLLECTION' }] },
      });
    });
  });

  describe('collections written by the siège', () => {
    it('takes an adviser device re-sending the stored revision of a site as a replay, and refuses a real edit', async () => {
      const login = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: DIRECTION.login, password: PASSWORD }),
      });
      const direction = login.headers.getSetCookie()[0]!.split(';')[0]!;
      const site = {
        id: '0190a000-0000-7000-a000-0000000000f1',
        rev: newRev(),
        updatedAt: '2026-11-26T10:00:00Z',
        updatedBy: DIRECTION.id,
        name: 'Permanence de test',
        kind: 'permanence-rurale',
        schedule: [{ weekday: 2, start: '09:00', end: '12:00' }],
      };
      const created = await push('sites', [{ newDocumentState: wire(site) }], {
        headers: { cookie: direction },
      });
      expect(await created.json()).toEqual([]);

      // A replication restarted on the adviser's device sends back what it pulled.
      const replay = await push('sites', [{ newDocumentState: wire(site) }]);
      expect(replay.status).toBe(200);
      expect(await replay.json()).toEqual([]);

      const body = await expectEnvelope(
        await push('sites', [
          { newDocumentState: wire({ ...site, rev: newRev(), name: 'Autre' }) },
        ]),
        403,
        'ROWS_REFUSED',
      );
      expect(body.error).toMatchObject({ details: { rejected: [{ code: 'FORBIDDEN' }] } });
      const stored = await (await pull('sites')).json();
      expect(stored.documents).toMatchObject([{ id: site.id, name: 'Permanence de test' }]);
    });
  });

  describe('restart', () => {
    it('keeps every acknowledged write and continues the checkpoints', async () => {
      const youths = [buildYouth(), buildYouth()];
      await push(
        'youths',
        youths.map((y) => ({ newDocumentState: wire(y) })),
      );
      const before = await (await pull('youths')).json();
      await server.restart();
      // The client's kept-alive socket died with the old server: the first request may fail.
      await eventually(async () => expect((await call('/api/v1/health')).status).toBe(200));
      const again = await (await pull('youths')).json();
      expect(again).toEqual(before);
      const later = buildYouth();
      await push('youths', [{ newDocumentState: wire(later) }]);
      const next = await (await pull('youths', before.checkpoint.seq)).json();
      expect(next.documents.map((d: { id: string }) => d.id)).toEqual([later.id]);
      expect(next.checkpoint.seq).toBeGreaterThan(before.checkpoint.seq);
    });
  });
});

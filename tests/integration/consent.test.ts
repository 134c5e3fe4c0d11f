/**
 * No dossier is opened without the young person's consent, whatever the device sends (issue 12,
 * item 6): the server checks the rule the forms use.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/sync/api';
import { ADVISER_SEES, createTestAccounts } from '../support/accounts';
import { buildYouth, wire } from '../support/builders';
import { loggedInClient } from '../support/http';
import { startTestServer, type TestServer } from '../support/server';

let server: TestServer;
let camille: ApiClient;

beforeEach(async () => {
  server = await startTestServer();
  await createTestAccounts(server.storage);
  camille = await loggedInClient(server.url, ADVISER_SEES.login);
});

afterEach(async () => {
  await server.close();
});

describe('consent enforced by the server', () => {
  it('refuses a new dossier without libre adhésion or without the RGPD information', async () => {
    const without = buildYouth({ consent: undefined });
    const refusedAdherence = buildYouth({
      consent: { freeAdherence: false, rgpdInformedOn: '2026-11-20' },
    });
    const outreach = buildYouth({
      status: 'contact-aller-vers',
      lastName: '',
      consent: { freeAdherence: true },
    });
    const answer = await camille.push(
      'youths',
      [without, refusedAdherence, outreach].map((youth) => ({ newDocumentState: wire(youth) })),
    );
    expect(answer.refused.map((row) => [row.id, row.code])).toEqual([
      [without.id, 'CONSENT_REQUIRED'],
      [refusedAdherence.id, 'CONSENT_REQUIRED'],
      [outreach.id, 'CONSENT_REQUIRED'],
    ]);
    expect(answer.refused[0]!.message).toMatch(/libre adhésion/);
    expect(await server.storage.countDocuments('youths')).toBe(0);
  });

  it('accepts a contact aller-vers with its consent', async () => {
    const outreach = buildYouth({
      status: 'contact-aller-vers',
      lastName: '',
      consent: { freeAdherence: true, rgpdInformedOn: '2026-11-20', recontactAgreed: false },
    });
    const answer = await camille.push('youths', [{ newDocumentState: wire(outreach) }]);
    expect(answer.refused).toEqual([]);
  });
});

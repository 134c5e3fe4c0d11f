/**
 * Runs hostile requests (hostile.ts) one after the other against a real server on a fresh
 * SQLite file, and checks what issue 13 asks of it:
 * - no answer is a 5xx, and every error answer is the envelope `{error: {code, message}}`;
 * - every document stored is valid against its schema;
 * - the database is the same as before, byte for byte, apart from valid writes: a changed
 *   document was accepted by its push or by a siège decision (or follows from one: the review
 *   a merge opened, the documents a transfer restamped, a first borrower's dossier stored again
 *   unchanged), a stored revision is never changed
 *   nor removed, and the accounts are untouched.
 * Sequential and seeded, so a seed replays the same run. Shared by tests/faults/hostile.test.ts
 * (1,000 cases in `npm test`) and `npm run fuzz -- --count 100000`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CollectionName } from '../../../src/domain/collections';
import { isCollectionName } from '../../../src/domain/collections';
import { newId, newRev } from '../../../src/domain/ids';
import type { PlainDocument } from '../../../src/domain/merge';
import { systemClock } from '../../../src/domain/time';
import { validateDocument } from '../../../src/domain/validation';
import { createApp, BODY_LIMIT_BYTES } from '../../../sync-server/src/app';
import { createAccount } from '../../../sync-server/src/auth/accounts';
import { openSqliteStorage } from '../../../sync-server/src/storage/sqlite';
import type { ApiClient } from '../../../src/sync/api';
import {
  ADVISER_PERSEIGNE,
  ADVISER_SEES,
  ADVISER_SEES_2,
  DIRECTION,
  PASSWORD,
  createTestAccounts,
  testPasswordHash,
} from '../../support/accounts';
import {
  buildEvent,
  buildProposition,
  buildYouth,
  SITE_PERSEIGNE,
  SITE_SEES,
  wire,
} from '../../support/builders';
import { loggedInClient } from '../../support/http';
import {
  HostileGenerator,
  type HostileCaller,
  type HostileRequest,
  type HostileTargets,
} from './hostile';
import { seededRandom } from './random';

const ACCUEIL = { id: '0190b000-0000-7000-a000-00000000a005', login: 'accueil.siege' };
const REQUEST_TIMEOUT_MS = 30_000;

export interface HostileFailure {
  index: number;
  request: string;
  status: number | string;
  body: string;
}

export interface HostileReport {
  seed: number;
  cases: number;
  statuses: Record<string, number>;
  byCategory: Record<string, number>;
  /** Requests Node's client refused to send (a path or header it cannot write). */
  unsendable: number;
  /** Connections closed before an answer: only allowed for bodies over the limit. */
  resets: number;
  validWrites: number;
  fiveXX: HostileFailure[];
  notEnvelope: HostileFailure[];
  unexpectedResets: HostileFailure[];
  invalidRows: string[];
  unexplainedChanges: string[];
  accountsChanged: boolean;
  durationMs: number;
}

interface Answer {
  status: number;
  body: string;
}

type Snapshot = {
  documents: Map<string, string>;
  revisions: Map<string, string>;
  accounts: string;
};

function snapshot(file: string): Snapshot {
  const db = new Database(file, { readonly: true });
  try {
    const documents = new Map<string, string>();
    for (const row of db.prepare('SELECT * FROM documents').all() as Record<string, unknown>[]) {
      documents.set(`${String(row.collection)}/${String(row.id)}`, JSON.stringify(row));
    }
    const revisions = new Map<string, string>();
    for (const row of db.prepare('SELECT * FROM revisions').all() as Record<string, unknown>[]) {
      revisions.set(
        `${String(row.collection)}/${String(row.id)}/${String(row.rev)}`,
        JSON.stringify(row),
      );
    }
    const accounts = JSON.stringify(db.prepare('SELECT * FROM accounts ORDER BY id').all());
    return { documents, revisions, accounts };
  } finally {
    db.close();
  }
}

async function cookieOf(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login ${login}: ${response.status}`);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

/** Records the run's targets: own and foreign dossiers, a conflict and a duplicate, devices. */
async function seedTargets(url: string): Promise<HostileTargets> {
  const sees = await loggedInClient(url, ADVISER_SEES.login);
  const sees2 = await loggedInClient(url, ADVISER_SEES_2.login);
  const perseigne = await loggedInClient(url, ADVISER_PERSEIGNE.login);
  const push = async (api: ApiClient, collection: CollectionName, doc: object, seen?: object) => {
    const answer = await api.push(collection, [
      { newDocumentState: wire(doc), ...(seen ? { assumedMasterState: wire(seen) } : {}) },
    ]);
    if (answer.refused.length > 0) throw new Error(`seed refused: ${JSON.stringify(answer)}`);
  };
  const own = buildYouth({ siteId: SITE_SEES, referentId: ADVISER_SEES.id });
  const ownEvent = buildEvent({ youthId: own.id });
  const proposition = buildProposition({ youthId: own.id });
  await push(sees, 'youths', own);
  await push(sees, 'events', ownEvent);
  await push(sees, 'pathway', proposition);
  // Two phones typed from the same state: a conflict for the siège.
  await push(sees, 'youths', { ...own, rev: newRev(), phone: '06 39 98 11 11' }, own);
  await push(sees2, 'youths', { ...own, rev: newRev(), phone: '06 39 98 22 22' }, own);
  const foreign = buildYouth({ siteId: SITE_PERSEIGNE, referentId: ADVISER_PERSEIGNE.id });
  const foreignEvent = buildEvent({ youthId: foreign.id });
  await push(perseigne, 'youths', foreign);
  await push(perseigne, 'events', foreignEvent);
  // The same young person recorded at Perseigne too: a probable duplicate.
  await push(perseigne, 'youths', buildYouth({ siteId: SITE_PERSEIGNE }));
  const direction = await loggedInClient(url, DIRECTION.login);
  const reviews = await direction.pull('reviews', 0, 100);
  const device = await loggedInClient(url, ADVISER_PERSEIGNE.login);
  const deviceId = newId();
  await device.login(ADVISER_PERSEIGNE.login, PASSWORD, { id: deviceId, label: 'tablette' });
  return {
    ownYouthId: own.id,
    ownEventId: ownEvent.id,
    ownPropositionId: proposition.id,
    foreignYouthId: foreign.id,
    foreignEventId: foreignEvent.id,
    reviewIds: reviews.documents.map((review) => String(review.id)),
    deviceIds: [deviceId],
    userIds: [ADVISER_SEES.id, ADVISER_PERSEIGNE.id, DIRECTION.id],
  };
}

function send(agent: Agent, port: number, request: HostileRequest, cookie: string | undefined) {
  return new Promise<Answer | 'reset' | 'unsendable'>((resolve) => {
    let outgoing;
    try {
      outgoing = httpRequest({
        host: '127.0.0.1',
        port,
        agent,
        method: request.method,
        path: request.path,
        headers: {
          ...request.headers,
          ...(cookie ? { cookie } : {}),
          ...(request.body ? { 'content-length': String(request.body.length) } : {}),
        },
        timeout: REQUEST_TIMEOUT_MS,
      });
    } catch {
      resolve('unsendable');
      return;
    }
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      response.on('error', () => resolve('reset'));
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.on('error', () => resolve('reset'));
    outgoing.end(request.body);
  });
}

function isEnvelope(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

function describe(request: HostileRequest): string {
  const body = request.body ? request.body.subarray(0, 300).toString() : '';
  return `${request.as} ${request.method} ${request.path.slice(0, 200)} ${body}`;
}

/**
 * The ids a push answered as written: every row of a 200; otherwise the rows not refused — an
 * id that comes twice in one batch is written if one of its rows was not refused.
 */
function acceptedIds(request: HostileRequest, answer: Answer): string[] {
  const ids = (request.push?.ids ?? []).filter((id): id is string => id !== null);
  if (answer.status === 200) return ids;
  let error: { code?: string; details?: { rejected?: { id: string | null }[] } } | undefined;
  try {
    error = (JSON.parse(answer.body) as { error?: typeof error }).error;
  } catch {
    return [];
  }
  if (error?.code !== 'ROWS_REFUSED') return [];
  const refusals = new Map<string, number>();
  for (const row of error.details?.rejected ?? []) {
    if (row.id !== null) refusals.set(row.id, (refusals.get(row.id) ?? 0) + 1);
  }
  const rows = new Map<string, number>();
  for (const id of ids) rows.set(id, (rows.get(id) ?? 0) + 1);
  return [...rows].filter(([id, count]) => count > (refusals.get(id) ?? 0)).map(([id]) => id);
}

export async function runHostile(options: {
  seed: number;
  count: number;
  onProgress?: (done: number) => void;
}): Promise<HostileReport> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'relais-hostile-'));
  const file = join(dir, 'relais.sqlite');
  const storage = openSqliteStorage(file);
  const { app } = await createApp({ storage });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await createTestAccounts(storage);
    await createAccount(
      storage,
      {
        ...ACCUEIL,
        name: 'Accueil Siège',
        role: 'accueil',
        siteIds: [SITE_SEES],
        password: PASSWORD,
      },
      systemClock,
      { passwordHash: await testPasswordHash() },
    );
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(url).port);
    const targets = await seedTargets(url);
    const cookies: Record<HostileCaller, string | undefined> = {
      adviser: await cookieOf(url, ADVISER_SEES.login),
      accueil: await cookieOf(url, ACCUEIL.login),
      direction: await cookieOf(url, DIRECTION.login),
      none: undefined,
      forged: 'relais_session=0000000000000000000000000000000000000000000000000000000000000000',
    };
    const before = snapshot(file);

    const random = seededRandom(options.seed);
    const generator = new HostileGenerator(random, targets);
    const report: HostileReport = {
      seed: options.seed,
      cases: options.count,
      statuses: {},
      byCategory: {},
      unsendable: 0,
      resets: 0,
      validWrites: 0,
      fiveXX: [],
      notEnvelope: [],
      unexpectedResets: [],
      invalidRows: [],
      unexplainedChanges: [],
      accountsChanged: false,
      durationMs: 0,
    };
    const accepted = new Set<string>();
    const acceptedReviews = new Set<string>();
    for (let index = 0; index < options.count; index += 1) {
      const request = generator.next();
      report.byCategory[request.category] = (report.byCategory[request.category] ?? 0) + 1;
      const answer = await send(agent, port, request, cookies[request.as]);
      if (answer === 'unsendable') {
        report.unsendable += 1;
        continue;
      }
      if (answer === 'reset') {
        report.resets += 1;
        if ((request.body?.length ?? 0) <= BODY_LIMIT_BYTES) {
          report.unexpectedResets.push({
            index,
            request: describe(request),
            status: 'reset',
            body: '',
          });
        }
        continue;
      }
      report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
      const failure = {
        index,
        request: describe(request),
        status: answer.status,
        body: answer.body.slice(0, 500),
      };
      if (answer.status >= 500) report.fiveXX.push(failure);
      else if (answer.status >= 400 && !isEnvelope(answer.body)) report.notEnvelope.push(failure);
      if (request.push && isCollectionName(request.push.collection)) {
        const ids = acceptedIds(request, answer);
        for (const id of ids) accepted.add(`${request.push.collection}/${id}`);
        report.validWrites += ids.length;
      }
      if (request.reviewId && answer.status >= 200 && answer.status < 300) {
        acceptedReviews.add(request.reviewId);
        report.validWrites += 1;
      }
      options.onProgress?.(index + 1);
    }

    const after = snapshot(file);
    report.accountsChanged = after.accounts !== before.accounts;
    checkDocuments(before, after, accepted, acceptedReviews, report);
    report.durationMs = Date.now() - started;
    return report;
  } finally {
    agent.destroy();
    await app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every stored document valid; every change explained by a valid write (see the header). */
function checkDocuments(
  before: Snapshot,
  after: Snapshot,
  accepted: Set<string>,
  acceptedReviews: Set<string>,
  report: HostileReport,
): void {
  const dataOf = (json: string) => {
    const row = JSON.parse(json) as {
      collection: CollectionName;
      data: string;
      youth_id: string | null;
    };
    return {
      collection: row.collection,
      data: JSON.parse(row.data) as PlainDocument,
      youthId: row.youth_id,
    };
  };
  // Dossiers a valid write touched, and what siège decisions were about.
  const touchedYouths = new Set(
    [...accepted].filter((key) => key.startsWith('youths/')).map((key) => key.slice(7)),
  );
  for (const id of acceptedReviews) {
    const review = after.documents.get(`reviews/${id}`);
    if (!review) continue;
    const { data } = dataOf(review);
    accepted.add(`${String(data.targetCollection)}/${String(data.documentId)}`);
    for (const youthId of (data.youthIds as string[] | undefined) ?? []) {
      touchedYouths.add(youthId);
      accepted.add(`youths/${youthId}`);
    }
  }
  const acceptedDocumentIds = new Set([...accepted].map((key) => key.slice(key.indexOf('/') + 1)));
  // A vehicle's calendar is the server's summary of its loans (sync-server/src/mobility/
  // calendars.ts): rewritten when a valid write changed one of them, or the vehicle.
  const touchedVehicles = new Set<string>();
  for (const key of [...accepted].filter((k) => k.startsWith('mobility/'))) {
    for (const json of [before.documents.get(key), after.documents.get(key)]) {
      const data = json ? dataOf(json).data : undefined;
      if (data?.kind === 'loan' && typeof data.vehicleId === 'string') {
        touchedVehicles.add(data.vehicleId);
      }
      if (data?.kind === 'vehicle') touchedVehicles.add(String(data.id));
    }
  }
  // A young person's first loan stores their dossier again, unchanged (mobility/borrowers.ts),
  // so that the Atelier Mob's devices pull it: a new seq, the same rev and data.
  const borrowers = new Set<string>();
  for (const key of [...accepted].filter((k) => k.startsWith('mobility/'))) {
    const json = after.documents.get(key);
    const youthId = json ? dataOf(json).youthId : null;
    if (youthId) borrowers.add(youthId);
  }
  const restampedBorrower = (key: string, json: string): boolean => {
    const previous = before.documents.get(key);
    const { collection, data, youthId } = dataOf(json);
    return (
      collection === 'youths' &&
      previous !== undefined &&
      youthId !== null &&
      borrowers.has(youthId) &&
      dataOf(previous).data.rev === data.rev &&
      JSON.stringify(dataOf(previous).data) === JSON.stringify(data)
    );
  };
  const explained = (key: string, json: string): boolean => {
    if (accepted.has(key) || restampedBorrower(key, json)) return true;
    if (key.startsWith('mobility/calendar:')) {
      return touchedVehicles.has(key.slice('mobility/calendar:'.length));
    }
    const { collection, data, youthId } = dataOf(json);
    if (youthId && touchedYouths.has(youthId)) return true;
    if (collection !== 'reviews') return false;
    const youthIds = (data.youthIds as string[] | undefined) ?? [];
    return (
      acceptedDocumentIds.has(String(data.documentId)) ||
      acceptedReviews.has(String(data.id)) ||
      youthIds.some((id) => touchedYouths.has(id))
    );
  };
  for (const [key, json] of after.documents) {
    const { collection, data } = dataOf(json);
    const result = validateDocument(collection, data);
    if (!result.valid) report.invalidRows.push(`${key}: ${JSON.stringify(result.issues)}`);
    if (before.documents.get(key) !== json && !explained(key, json)) {
      report.unexplainedChanges.push(`document ${key}`);
    }
  }
  for (const key of before.documents.keys()) {
    if (!after.documents.has(key)) report.unexplainedChanges.push(`document ${key} removed`);
  }
  for (const [key, json] of before.revisions) {
    if (after.revisions.get(key) !== json)
      report.unexplainedChanges.push(`revision ${key} changed`);
  }
  for (const [key, json] of after.revisions) {
    if (before.revisions.has(key)) continue;
    // From the row, not the key: a pushed rev may hold a '/' (« ../../etc/passwd »).
    const row = JSON.parse(json) as { collection: string; id: string };
    const documentKey = `${row.collection}/${row.id}`;
    // A state merged into the master by an accepted push is history, even if the master stayed.
    if (accepted.has(documentKey)) continue;
    const document = after.documents.get(documentKey);
    if (!document || before.documents.get(documentKey) === document) {
      report.unexplainedChanges.push(`revision ${key} added to an unchanged document`);
    }
  }
}

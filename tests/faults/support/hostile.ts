/**
 * A seeded generator of invalid and hostile requests to the sync server: wrong types, missing
 * and extra fields, huge strings, deep nesting, `__proto__` and `constructor` keys, NUL, invalid
 * UTF-8, odd numbers, path tricks, other users' ids, oversized bodies and batches, odd headers
 * and methods — against every route, as an adviser, accueil, direction, or nobody. Each case
 * starts from a valid request and breaks one or two things, so it reaches deep into the server
 * rather than stopping at the first check; some cases stay valid, and the runner counts them as
 * valid writes.
 */
import { COLLECTION_NAMES, schemaVersionOf } from '../../../src/domain/collections';
import { newId, newRev } from '../../../src/domain/ids';
import {
  buildAppointment,
  buildAttendance,
  buildEvent,
  buildLoan,
  buildProposition,
  buildSite,
  buildStaffMember,
  buildVehicle,
  buildWorkshop,
  buildYouth,
} from '../../support/builders';
import { deepNesting, raw, toBytes, type Raw } from './json-bytes';
import type { Random } from './random';

export type HostileCaller = 'adviser' | 'accueil' | 'direction' | 'none' | 'forged';

/** Documents and ids the run holds, so cases can aim at other people's records. */
export interface HostileTargets {
  ownYouthId: string;
  ownEventId: string;
  ownPropositionId: string;
  foreignYouthId: string;
  foreignEventId: string;
  reviewIds: string[];
  deviceIds: string[];
  userIds: string[];
}

export interface HostileRequest {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  as: HostileCaller;
  /** For a push: the collection and the ids of its rows, to tell valid writes apart. */
  push?: { collection: string; ids: (string | null)[] };
  /** For a review decision: the review, whose documents a valid decision changes. */
  reviewId?: string;
}

type Json = unknown;
type Doc = Record<string, Json>;

/** A body of more than BODY_LIMIT_BYTES (8 MB): rare, it is slow to send. */
const OVERSIZED_BYTES = 9 * 1024 * 1024;
const ODD_NUMBERS = ['1e400', '-0', '1.5', '9007199254740993', '-1', '1e-400', '0x10', 'NaN'];
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '‮gnp.exe',
  '../../etc/passwd',
  '%00',
  "'; DROP TABLE documents; --",
  '<script>alert(1)</script>',
  '{{constructor.constructor("x")()}}',
  '0'.repeat(200),
  'é'.repeat(50),
];
const INVALID_UTF8 = [
  Buffer.from([0xff]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf0, 0x28, 0x8c, 0x28]),
  Buffer.from([0xe2, 0x82]),
];

function validDocument(collection: string, targets: HostileTargets, random: Random): Doc {
  const youthId = targets.ownYouthId;
  switch (collection) {
    case 'youths':
      return { ...buildYouth() };
    case 'events':
      return { ...buildEvent({ youthId }) };
    case 'pathway':
      return { ...buildProposition({ youthId }) };
    case 'appointments':
      return { ...buildAppointment({ youthId }) };
    case 'workshops':
      return { ...buildWorkshop() };
    case 'attendances':
      return { ...buildAttendance({ workshopId: newId(), youthId }) };
    case 'mobility':
      return random.chance(0.5)
        ? { ...buildVehicle() }
        : { ...buildLoan({ vehicleId: newId(), youthId, startDate: '2026-12-01' }) };
    case 'sites':
      return { ...buildSite({ id: newId() }) };
    case 'staff':
      return { ...buildStaffMember({ id: targets.userIds[0] }) };
    default:
      return { id: newId(), rev: newRev(), kind: 'conflict', status: 'open' };
  }
}

export class HostileGenerator {
  constructor(
    private readonly random: Random,
    private readonly targets: HostileTargets,
  ) {}

  private pick<T>(items: readonly T[]): T {
    return this.random.pick(items);
  }

  private caller(): HostileCaller {
    return this.pick(['adviser', 'adviser', 'accueil', 'direction', 'none', 'forged'] as const);
  }

  /** A hostile value of any kind. */
  private oddValue(): Json | Raw {
    switch (this.random.int(9)) {
      case 0:
        return raw(this.pick(ODD_NUMBERS));
      case 1:
        return this.pick(ODD_STRINGS);
      case 2:
        return raw(Buffer.concat([Buffer.from('"x'), this.pick(INVALID_UTF8), Buffer.from('"')]));
      case 3:
        return deepNesting(
          50 + this.random.int(3_000),
          this.random.chance(0.5) ? 'array' : 'object',
        );
      case 4:
        return 'x'.repeat(this.random.chance(0.1) ? 1_000_000 : 10_000);
      case 5:
        return raw('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
      case 6:
        return this.pick([null, true, false, 0, [], {}, [null], { id: null }]);
      case 7:
        return this.pick([
          this.targets.foreignYouthId,
          this.targets.ownYouthId,
          ...this.targets.userIds,
          ...this.targets.reviewIds,
        ]);
      default:
        // A key written twice, a lone surrogate escape, or no JSON at all.
        return raw(this.pick(['{"a":1,"a":2}', '"\\ud800"', '1 2', '[1,]', 'undefined']));
    }
  }

  /** A valid document of `collection`, then one or two fields broken. */
  private brokenDocument(collection: string): Doc {
    const doc: Doc = validDocument(collection, this.targets, this.random);
    const fields = Object.keys(doc);
    const breaks = 1 + this.random.int(2);
    for (let i = 0; i < breaks; i += 1) {
      switch (this.random.int(7)) {
        case 0:
          delete doc[this.pick(fields)];
          break;
        case 1:
          doc[this.pick(['extra', 'role', 'scope', 'seq', '_rev', '_meta', 'password'])] =
            this.oddValue();
          break;
        case 2:
          doc[this.pick(fields)] = this.oddValue();
          break;
        case 3:
          // Someone else's record, as if it were one's own.
          doc.id = this.pick([
            this.targets.foreignYouthId,
            this.targets.foreignEventId,
            this.targets.ownEventId,
            ...this.targets.reviewIds,
          ]);
          doc.youthId = this.targets.foreignYouthId;
          break;
        case 4:
          doc.siteId = this.pick([newId(), '', 'siège', null]);
          break;
        case 5:
          doc.id = this.pick(['', 'a/b', '../x', 'x'.repeat(5_000), '__proto__', 'constructor']);
          break;
        default:
          // Left valid: a case that must be written like any other.
          break;
      }
    }
    return doc;
  }

  private pushRow(collection: string): Json {
    const doc = this.brokenDocument(collection);
    const row: Doc = { newDocumentState: { ...doc, _deleted: this.random.chance(0.1) } };
    switch (this.random.int(8)) {
      case 0:
        row.assumedMasterState = { ...doc, rev: this.pick([newRev(), 42, null, '']) };
        break;
      case 1:
        row.lineage = this.pick([[newRev()], 'x', [1], Array.from({ length: 30 }, newRev), null]);
        break;
      case 2:
        (row.newDocumentState as Doc)._deleted = this.pick(['yes', 1, null]);
        break;
      case 3:
        return this.pick([null, 1, 'row', [], this.oddValue()]);
      case 4:
        delete row.newDocumentState;
        break;
      default:
        break;
    }
    return row;
  }

  private collectionInPath(): string {
    return this.random.chance(0.85)
      ? this.pick(COLLECTION_NAMES)
      : this.pick(['dragons', '__proto__', 'constructor', 'YOUTHS', 'youths ', '..', '%2e%2e']);
  }

  private versionOf(collection: string): string {
    if (this.random.chance(0.85) && (COLLECTION_NAMES as readonly string[]).includes(collection)) {
      return String(schemaVersionOf(collection as (typeof COLLECTION_NAMES)[number]));
    }
    return this.pick(['-1', '1.0', '01', '1e3', '99999999999999999999', 'x', '']);
  }

  private push(): HostileRequest {
    const collection = this.collectionInPath();
    const count = this.random.chance(0.01) ? 1_001 : 1 + this.random.int(4);
    const rows = Array.from({ length: count }, () => this.pushRow(collection));
    const ids = rows.map((row) => {
      const id = ((row as Doc | null)?.newDocumentState as Doc | undefined)?.id;
      return typeof id === 'string' ? id : null;
    });
    let body = toBytes(this.random.chance(0.05) ? this.pick([{ rows }, 'rows', null]) : rows);
    if (this.random.chance(0.002))
      body = toBytes([{ newDocumentState: { notes: 'x'.repeat(OVERSIZED_BYTES) } }]);
    return {
      category: 'push',
      method: 'POST',
      path: `/api/v1/sync/${collection}/${this.versionOf(collection)}/push`,
      headers: this.jsonHeaders(),
      body,
      as: this.caller(),
      push: { collection, ids },
    };
  }

  private pull(): HostileRequest {
    const collection = this.collectionInPath();
    const query = this.pick([
      '',
      `?seq=${this.pick(['-1', 'abc', '1e400', '0.5', '9007199254740993', '', '0'])}`,
      `?limit=${this.pick(['99999', '-5', '0', 'x', '5000'])}`,
      '?seq=1&seq=2',
      '?seq=%00',
      '?__proto__[x]=1',
      `?seq=0&${'a=1&'.repeat(500)}`,
    ]);
    return {
      category: 'pull',
      method: 'GET',
      path: `/api/v1/sync/${collection}/${this.versionOf(collection)}/pull${query}`,
      headers: {},
      as: this.caller(),
    };
  }

  private login(): HostileRequest {
    const body: Doc = {
      login: this.pick(['conseiller.sees', 'direction', 'admin', 'x'.repeat(10_000), '']),
      password: this.pick(['mauvais', '', 'Test-Relais-2025!', 'x'.repeat(100_000)]),
    };
    const broken = this.random.int(5);
    if (broken === 0) body[this.pick(['login', 'password'])] = this.oddValue();
    if (broken === 1) delete body[this.pick(['login', 'password'])];
    if (broken === 2) body.deviceId = this.oddValue();
    if (broken === 3) body.deviceLabel = this.oddValue();
    return {
      category: 'login',
      method: 'POST',
      path: '/api/v1/session',
      headers: this.jsonHeaders(),
      body: toBytes(this.random.chance(0.1) ? this.oddValue() : body),
      as: 'none',
    };
  }

  private review(): HostileRequest {
    const id = this.pick([
      ...this.targets.reviewIds,
      this.targets.foreignYouthId,
      newId(),
      '..',
      'x'.repeat(300),
      '%00',
    ]);
    const action = this.pick(['resolve', 'dismiss', 'merge']);
    const body = this.pick<Json>([
      { choice: this.pick([0, 1, -1, 1e9, '0', 1.5, null]) },
      { value: this.oddValue() },
      { choice: 0, comment: this.oddValue() },
      { keepId: this.pick([this.targets.foreignYouthId, this.targets.ownYouthId, newId()]) },
      {
        keepId: this.targets.ownYouthId,
        takeFromOther: this.pick([['phone'], ['id'], 'all', [1]]),
      },
      {},
      this.oddValue(),
    ]);
    return {
      category: 'review',
      method: 'POST',
      path: `/api/v1/reviews/${id}/${action}`,
      headers: this.jsonHeaders(),
      body: toBytes(body),
      as: this.caller(),
      reviewId: id,
    };
  }

  private device(): HostileRequest {
    const id = this.pick([...this.targets.deviceIds, newId(), '', '..', '%2F']);
    return this.random.chance(0.5)
      ? {
          category: 'device',
          method: 'GET',
          path: '/api/v1/devices',
          headers: {},
          as: this.caller(),
        }
      : {
          category: 'device',
          method: 'POST',
          path: `/api/v1/devices/${id}/revoke`,
          headers: this.jsonHeaders(),
          body: toBytes(this.pick<Json>([{}, null, this.oddValue()])),
          as: this.caller(),
        };
  }

  private pathTrick(): HostileRequest {
    const path = this.pick([
      '/api/v1/sync/youths/1/../../../session',
      '/api/v1/sync/%2e%2e/%2e%2e/session',
      '/api/v1//sync//youths//1//pull',
      '/api/v1/sync/youths/1/pull/',
      '/api/v1/sync/youths/1/PUSH',
      `/api/v1/${'a/'.repeat(2_000)}`,
      '/api/v1/sync/stream/../devices',
      '/api/v1/reviews/%00/resolve',
      '/api/v1/sync/youths%2F1%2Fpull',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/v1/session?login=admin',
      '/api/v1/sync/€/1/pull',
    ]);
    return {
      category: 'path',
      method: this.pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']),
      path,
      headers: this.jsonHeaders(),
      body: toBytes({}),
      as: this.caller(),
    };
  }

  private headersAndMethods(): HostileRequest {
    const collection = this.pick(COLLECTION_NAMES);
    return {
      category: 'headers',
      method: this.pick(['PUT', 'PATCH', 'DELETE', 'POST', 'GET']),
      path: `/api/v1/sync/${collection}/${schemaVersionOf(collection)}/${this.pick(['push', 'pull'])}`,
      headers: {
        'content-type': this.pick([
          'application/json',
          'text/plain',
          'application/json; charset=latin1',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/json;;;',
        ]),
        'relais-pending': this.pick(['abc', '-5', '1e400', '99999999999999999999', '']),
        'relais-app-version': this.pick(['x'.repeat(4_000), '', '1.0']),
        'relais-last-error': this.pick(['INTERNAL', 'x'.repeat(1_000), '']),
      },
      body: this.pick([toBytes([]), Buffer.from('login=admin'), Buffer.alloc(0), Buffer.from('[')]),
      as: this.caller(),
    };
  }

  private jsonHeaders(): Record<string, string> {
    return { 'content-type': 'application/json' };
  }

  next(): HostileRequest {
    const roll = this.random.int(100);
    if (roll < 45) return this.push();
    if (roll < 55) return this.pull();
    if (roll < 65) return this.login();
    if (roll < 78) return this.review();
    if (roll < 83) return this.device();
    if (roll < 91) return this.pathTrick();
    return this.headersAndMethods();
  }
}

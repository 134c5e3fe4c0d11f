/**
 * Property: four devices work offline — two advisers and the accueil of one site, an adviser of
 * another site — they create, edit and delete dossiers, sign young people up to a workshop and
 * mark them present, make and move propositions, book the same vehicle, write entretiens —
 * reconnect in any order, sometimes lose the server's answer or replay an old push, while the
 * siège settles some conflicts, merges two dossiers of one young person and transfers dossiers
 * between the sites (so scope, removals and the accueil's hidden fields are in play). Whatever
 * the order:
 * - every device converges to the server's state;
 * - every value anybody typed is in the final document, in a conflict record, was replaced by
 *   someone who had seen it, or is covered by the collection's policy (present beats absent, the
 *   earlier sign-up, the further proposition result);
 * - nothing deleted comes back unless the siège explicitly restored it;
 * - a replayed push changes nothing.
 *
 * Devices are models of RxDB's replication (support/model-device.ts) that call the real server
 * code in-process — `applyPush`, `pullDocuments` and the siège's `resolveConflict` on a real
 * SQLite storage — and the device's real conflict handler: the same merge and protocol code as
 * the worker-thread devices of tests/integration, a thousand times faster. fast-check prints the
 * seed and the shrunk counterexample of a failing run; `RELAIS_SEED=n` replays it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, type CollectionName } from '../../src/domain/collections';
import { nextResults } from '../../src/domain/rules/proposition';
import { hiddenFieldsFor } from '../../src/domain/rules/visibility';
import type { Role } from '../../src/domain/schemas/staff';
import { seedFromEnv } from '../faults/support/random';
import type { PropositionResult } from '../../src/domain/schemas/pathway';
import { expectConverged, expectDeletionsKept, expectNothingLost } from './support/invariants';
import { ModelDevice } from './support/model-device';
import { SITE, SITE_B, VEHICLE_ID, WORKSHOP_ID, World } from './support/world';

const RUNS = 1000;
const SEED = seedFromEnv('property/convergence');
/** Two advisers and the accueil of the first site, an adviser of the second. */
const DEVICES = 4;
/** Eight values per field, so « replaced by the same value » cannot hide a lost one. */
const YOUTH_FIELDS = {
  phone: Array.from({ length: 8 }, (_, i) => `06 39 98 00 0${i + 1}`),
  notes: [
    'Rappeler lundi',
    'CV à revoir',
    'Vu au forum',
    'Piste PMSMP',
    'Relancer la mission',
    'Dossier CAF',
    'Permis en cours',
    'Absent deux fois',
  ],
  status: ['premier-accueil', 'accompagne', 'en-veille', 'sorti'],
  email: Array.from({ length: 8 }, (_, i) => `jeune${i + 1}@example.fr`),
} as const;
const SLOTS = ['2026-12-01', '2026-12-08'];
// Every end follows every start (an end before its start is refused: rules/mobility.ts).
const ENDS = ['2026-12-08', '2026-12-10', '2026-12-20'];

type Op =
  | { t: 'createYouth'; d: number }
  | { t: 'editYouth'; d: number; k: number; field: keyof typeof YOUTH_FIELDS; v: number }
  | { t: 'deleteYouth'; d: number; k: number }
  | { t: 'signUp'; d: number; k: number }
  | { t: 'mark'; d: number; k: number; present: boolean }
  | { t: 'propose'; d: number; k: number }
  | { t: 'move'; d: number; k: number; c: number }
  | { t: 'book'; d: number; k: number; slot: number; end: number }
  | { t: 'giveBack'; d: number; k: number }
  | { t: 'note'; d: number; k: number }
  | { t: 'sync'; d: number; youthsFirst: boolean }
  | { t: 'loseAnswer'; d: number }
  | { t: 'replay'; d: number; k: number }
  | { t: 'resolve'; k: number; c: number }
  | { t: 'mergeDossiers' }
  | { t: 'transfer'; k: number };

const d = fc.nat({ max: DEVICES - 1 });
const k = fc.nat({ max: 7 });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('createYouth' as const), d }) },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('editYouth' as const),
      d,
      k,
      field: fc.constantFrom(...(Object.keys(YOUTH_FIELDS) as (keyof typeof YOUTH_FIELDS)[])),
      v: fc.nat({ max: 7 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('deleteYouth' as const), d, k }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('signUp' as const), d, k }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('mark' as const), d, k, present: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('propose' as const), d, k }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('move' as const), d, k, c: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('book' as const),
      d,
      k,
      slot: fc.nat({ max: SLOTS.length - 1 }),
      end: fc.nat({ max: ENDS.length - 1 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('giveBack' as const), d, k }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('note' as const), d, k }) },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('sync' as const), d, youthsFirst: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('loseAnswer' as const), d }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replay' as const), d, k }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), k, c: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('mergeDossiers' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('transfer' as const), k }) },
);

function pushOrder(youthsFirst: boolean): CollectionName[] {
  const writable = COLLECTION_NAMES.filter((name) => name !== 'reviews' && name !== 'staff');
  return youthsFirst ? writable : [...writable].reverse();
}

function pick<T>(items: T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

async function run(world: World, devices: ModelDevice[], op: Op): Promise<void> {
  if (op.t === 'resolve') return world.resolve(op.k, op.c);
  if (op.t === 'mergeDossiers') return world.mergeSharedDossiers();
  if (op.t === 'transfer') return world.transfer(op.k);
  const device = devices[op.d]!;
  const youth = () => pick(device.documents('youths'), 'k' in op ? op.k : 0);
  switch (op.t) {
    case 'createYouth':
      return device.write('youths', {
        id: world.newId(),
        lastName: 'Lefèvre',
        firstName: `Jeune ${world.typed.length}`,
        siteId: device.caller.siteIds[0],
        referentId: '',
        status: 'premier-accueil',
        consent: { freeAdherence: true, rgpdInformedOn: '2026-11-01' },
      });
    case 'editYouth': {
      const target = youth();
      // The accueil's screens never show (nor let it type) the fields hidden from its role.
      if (!target || hiddenFieldsFor(device.caller.role, 'youths').includes(op.field)) return;
      const values = YOUTH_FIELDS[op.field];
      return device.write('youths', { ...target, [op.field]: values[op.v % values.length] });
    }
    case 'deleteYouth': {
      const target = youth();
      if (target) device.write('youths', { ...target, _deleted: true });
      return;
    }
    case 'signUp': {
      const target = youth();
      if (!target) return;
      const id = `${WORKSHOP_ID}:${String(target.id)}`;
      if (device.get('attendances', id)) return;
      return device.write('attendances', {
        id,
        workshopId: WORKSHOP_ID,
        youthId: target.id,
        registeredAt: `2026-11-2${op.d}T10:00`,
      });
    }
    case 'mark': {
      const attendance = pick(device.documents('attendances'), op.k);
      if (attendance) device.write('attendances', { ...attendance, present: op.present });
      return;
    }
    case 'propose': {
      const target = youth();
      if (!target) return;
      return device.write('pathway', {
        id: world.newId(),
        youthId: target.id,
        kind: 'proposition',
        theme: 'emploi',
        propositionType: 'offre-emploi',
        startDate: '2026-11-20',
        result: 'en-attente',
      });
    }
    case 'move': {
      const proposition = pick(device.documents('pathway'), op.k);
      if (!proposition) return;
      const next = pick([...nextResults(proposition.result as PropositionResult)], op.c);
      if (next) device.write('pathway', { ...proposition, result: next });
      return;
    }
    case 'book': {
      const target = youth();
      const id = `${VEHICLE_ID}:${SLOTS[op.slot]}`;
      // Every device holds the fleet (v1), and books on the v0 slot ids: two bookings of one
      // slot meet as one record, overlapping ones are held for the siège (mobility v1).
      if (!target || !device.get('mobility', VEHICLE_ID) || device.get('mobility', id)) return;
      return device.write('mobility', {
        id,
        kind: 'loan',
        siteId: SITE,
        vehicleId: VEHICLE_ID,
        youthId: target.id,
        startDate: SLOTS[op.slot],
        endDate: ENDS[op.end],
        purpose: 'emploi',
        licenceHeld: 'b',
        guardianAgreement: true,
        conditionsAcceptedOn: '2026-11-20',
      });
    }
    case 'giveBack': {
      const loan = pick(
        device.documents('mobility', (doc) => doc.kind === 'loan' && !doc.cancelledOn),
        op.k,
      );
      // Loans start after the world's today: a booking is cancelled rather than given back.
      if (loan) {
        device.write('mobility', {
          ...loan,
          cancelledOn: '2026-11-20',
          cancelReason: 'Le jeune a trouvé un covoiturage.',
        });
      }
      return;
    }
    case 'note': {
      const target = youth();
      if (!target) return;
      return device.write('events', {
        id: world.newId(),
        youthId: target.id,
        kind: 'entretien-individuel',
        at: '2026-11-20T14:30',
        authorId: device.caller.userId,
        ...(hiddenFieldsFor(device.caller.role, 'events').includes('report')
          ? {}
          : { report: `Compte-rendu ${world.typed.length}` }),
      });
    }
    case 'sync':
      await device.push(pushOrder(op.youthsFirst));
      return device.pull();
    case 'loseAnswer':
      return device.push(pushOrder(true), true);
    case 'replay': {
      const before = await world.storage.lastSeq();
      const batch = await device.replay(op.k);
      // A push the server took changes nothing when it comes again. One it refused for scope
      // (the dossier had left the site) is a new attempt: taken if the dossier came back.
      if (batch && !batch.refused) {
        expect(await world.storage.lastSeq(), 'a replayed push changed the server').toBe(before);
      }
      return;
    }
  }
}

/** Everyone back online, syncing until nothing moves. */
async function settle(world: World, devices: ModelDevice[]): Promise<void> {
  for (let round = 0; round < 8; round += 1) {
    const before = await world.storage.lastSeq();
    for (const device of devices) {
      await device.push(pushOrder(true));
      await device.pull();
    }
    const quiet = devices.every((device) => device.pendingCount === 0);
    if (quiet && (await world.storage.lastSeq()) === before) return;
  }
}

function staffDevices(world: World): ModelDevice[] {
  const roles: { role: Role; site: string }[] = [
    { role: 'conseiller', site: SITE },
    { role: 'conseiller', site: SITE },
    { role: 'accueil', site: SITE },
    { role: 'conseiller', site: SITE_B },
  ];
  return roles.slice(0, DEVICES).map(({ role, site }, i) => {
    const userId = `0190b000-0000-7000-a000-00000000a00${i + 1}`;
    return new ModelDevice(
      `device${i + 1}-${role}`,
      {
        userId,
        role,
        siteIds: [site],
        deviceId: `0190e000-0000-7000-a000-00000000000${i + 1}`,
      },
      world,
    );
  });
}

/**
 * Failing runs found earlier, shrunk, run first at every run whatever the seed:
 * - seed 1263978130: a booking (v0 slot id) replayed after its dossier was merged into one that
 *   had moved to the other site was taken for another site's booking of the slot, and opened a
 *   review (push-scope.ts now knows the revision it holds).
 */
const KNOWN_FAILURES: Op[][] = [
  [
    { t: 'book', d: 0, k: 1, slot: 0, end: 0 },
    { t: 'sync', d: 0, youthsFirst: false },
    { t: 'transfer', k: 0 },
    { t: 'mergeDossiers' },
    { t: 'replay', d: 0, k: 0 },
    { t: 'editYouth', d: 0, k: 0, field: 'phone', v: 0 },
  ],
];

describe('four devices of two sites offline, reconnecting in any order', () => {
  it(`converge without losing a typed value (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArbitrary, { minLength: 1, maxLength: 40, size: 'max' }),
        async (ops) => {
          const world = new World();
          try {
            await world.seed();
            const devices = staffDevices(world);
            for (const device of devices) await device.pull();
            for (const op of ops) await run(world, devices, op);
            await settle(world, devices);
            await expectConverged(world, devices);
            await expectNothingLost(world);
            await expectDeletionsKept(world, 'youths');
          } finally {
            await world.storage.close();
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, examples: KNOWN_FAILURES.map((ops) => [ops]) },
    );
  });
});

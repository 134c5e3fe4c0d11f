/**
 * What the siège finds to review in the demo, made deterministically (choices from a seeded
 * stream) and through the real code paths: conflicts come from two advisers' offline edits
 * pushed with `applyPush` (the real merge and conflict records), some days ago each so the age
 * filter has something to show; duplicate dossiers are created the same way (a second dossier
 * made offline at another site, an aller-vers contact): the server's duplicate detector pairs
 * them on push, and a pair it does not catch is written as it would (`kind: 'duplicate'`).
 * Revisions and review ids come from the real code, so they differ from one demo to the next.
 */
import type { CollectionName } from '../../../src/domain/collections';
import type { PlainDocument } from '../../../src/domain/merge';
import { isMinorOn, requiredLicence } from '../../../src/domain/rules/mobility';
import type { MobilityRecord } from '../../../src/domain/schemas/mobility';
import { addDays, fixedClock, today, type Clock } from '../../../src/domain/time';
import { applyPush } from '../replication/push';
import type { Caller } from '../replication/scope';
import type { Storage } from '../storage/storage';
import { deviceOf } from './devices';
import type { DemoDocuments } from './generator';
import { DEMO_SEED } from './generator';
import { DEMO_SITES, DEMO_STAFF, SIEGE_ID, type DemoStaff } from './organisation';
import { Random } from './random';

const site = (n: number) => DEMO_SITES[n - 1]!.id;

interface FieldConflictSpec {
  siteId: string;
  logins: [string, string];
  hoursAgo: number;
  first: PlainDocument;
  second: PlainDocument;
}

/** Two advisers of one site typed the same field differently while offline. */
const FIELD_CONFLICTS: FieldConflictSpec[] = [
  {
    siteId: site(2),
    logins: ['camille.martin', 'lucas.bernard'],
    hoursAgo: 3,
    first: { phone: '06 39 98 41 17' },
    second: { phone: '06 39 98 52 30', notes: 'Nouveau numéro donné à la permanence.' },
  },
  {
    siteId: site(8),
    logins: ['yacine.haddad', 'marc.fontaine'],
    hoursAgo: 2 * 24,
    first: { address: '12 rue de Vicques' },
    second: { address: '4 place de Bretagne, appartement 21' },
  },
  {
    siteId: site(9),
    logins: ['laura.garnier', 'manon.chevalier'],
    hoursAgo: 5 * 24 + 4,
    first: { status: 'en-veille' },
    second: { status: 'sorti', exitReason: 'emploi-durable' },
  },
  {
    siteId: site(3),
    logins: ['amelie.durand', 'thomas.petit'],
    hoursAgo: 12 * 24,
    first: { notes: 'Souhaite une PMSMP en boulangerie.' },
    second: { notes: 'Intéressé par la formation aide-soignant, à revoir.' },
  },
  {
    siteId: SIEGE_ID,
    logins: ['julie.mercier', 'antoine.girard'],
    hoursAgo: 21 * 24,
    first: { email: 'jeune.alencon@example.fr' },
    second: { email: 'contact.jeune@example.fr' },
  },
  {
    siteId: site(5),
    logins: ['ines.moreau', 'paul.lefevre'],
    hoursAgo: 30,
    first: { drivingLicence: 'b' },
    second: { drivingLicence: 'en-cours' },
  },
];

function staff(login: string): DemoStaff {
  return DEMO_STAFF.find((s) => s.login === login)!;
}

function callerOf(login: string): Caller {
  const member = staff(login);
  return {
    userId: member.id,
    role: member.role,
    siteIds: member.siteIds,
    deviceId: deviceOf(login),
  };
}

export interface ReconciliationReport {
  conflicts: number;
  duplicates: number;
}

export async function seedReconciliation(
  storage: Storage,
  clock: Clock,
  documents: DemoDocuments,
): Promise<ReconciliationReport> {
  const r = new Random(DEMO_SEED + 7);
  const now = clock.now().getTime();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  const used = new Set<string>();
  const youths = (documents.youths ?? []).filter((y) => y.status === 'accompagne');
  const pickYouth = (
    siteId: string,
    fits: (youth: PlainDocument) => boolean = () => true,
  ): PlainDocument | undefined => {
    const candidates = youths.filter(
      (y) => y.siteId === siteId && !used.has(String(y.id)) && fits(y),
    );
    if (candidates.length === 0) return undefined;
    const youth = r.pick(candidates);
    used.add(String(youth.id));
    return youth;
  };

  /** A write pushed by `login`'s device, made from `seen` (its last known master). */
  async function push(
    login: string,
    collection: CollectionName,
    next: PlainDocument,
    seen: PlainDocument | undefined,
    hoursAgo: number,
  ) {
    const caller = callerOf(login);
    const state = { ...next, rev: r.uuid(), updatedAt: at(hoursAgo), updatedBy: caller.userId };
    const row = {
      newDocumentState: { ...state, _deleted: next._deleted === true },
      ...(seen ? { assumedMasterState: { ...seen, _deleted: false } } : {}),
    };
    await applyPush(storage, caller, collection, [row], fixedClock(at(hoursAgo)));
    return state;
  }

  let conflicts = 0;
  for (const spec of FIELD_CONFLICTS) {
    // Both values must differ from the dossier's, or one side changed nothing.
    const differs = (y: PlainDocument) =>
      Object.keys(spec.first).every((f) => y[f] !== spec.first[f] && y[f] !== spec.second[f]);
    const youth = pickYouth(spec.siteId, differs);
    if (!youth) continue;
    await push(spec.logins[0], 'youths', { ...youth, ...spec.first }, youth, spec.hoursAgo + 1);
    await push(spec.logins[1], 'youths', { ...youth, ...spec.second }, youth, spec.hoursAgo);
    conflicts += 1;
  }

  // Two advisers moved one proposition to different results.
  const proposition = (documents.pathway ?? []).find(
    (p) =>
      p.kind === 'proposition' &&
      p.result === 'en-attente' &&
      youths.some((y) => y.id === p.youthId && y.siteId === site(2)),
  );
  if (proposition) {
    await push(
      'camille.martin',
      'pathway',
      { ...proposition, result: 'acceptee' },
      proposition,
      27,
    );
    await push(
      'lucas.bernard',
      'pathway',
      { ...proposition, result: 'refusee-jeune' },
      proposition,
      26,
    );
    conflicts += 1;
  }

  // A dossier deleted on one device while another added to it.
  const deleted = pickYouth(site(8));
  if (deleted) {
    await push('aminata.diallo', 'youths', { ...deleted, _deleted: true }, deleted, 49);
    await push(
      'yacine.haddad',
      'youths',
      { ...deleted, notes: 'Revu au centre social, motivé.' },
      deleted,
      48,
    );
    conflicts += 1;
  }

  // Atelier Mob: one vehicle booked for overlapping periods by two permanences offline (another
  // start day each), and twice at one site: the second booking to arrive is held for the siège.
  const vehicles = (documents.mobility ?? []).filter((m) => m.kind === 'vehicle');
  const day = addDays(today(clock), 24);
  const scooter = vehicles.find((v) => v.vehicleType === 'scooter' && v.siteId === site(2));
  const bike = vehicles.find((v) => v.vehicleType === 'velo-electrique' && v.siteId === SIEGE_ID);
  const loan = (vehicle: PlainDocument, youth: PlainDocument, from: number, days: number) => {
    const startDate = addDays(day, from);
    return {
      id: r.uuid(),
      kind: 'loan',
      siteId: vehicle.siteId,
      vehicleId: vehicle.id,
      youthId: youth.id,
      startDate,
      endDate: addDays(startDate, days - 1),
      purpose: r.pick(['emploi', 'formation', 'pmsmp'] as const),
      licenceHeld: requiredLicence(vehicle as MobilityRecord) === 'aucun' ? 'aucun' : 'am',
      ...(isMinorOn(String(youth.birthDate), startDate) ? { guardianAgreement: true } : {}),
      conditionsAcceptedOn: addDays(today(clock), -1),
      depositAmount: 150,
      depositState: 'a-recevoir',
    };
  };
  const across = [pickYouth(site(2)), pickYouth(site(8))];
  if (scooter && across[0] && across[1]) {
    await push('camille.martin', 'mobility', loan(scooter, across[0], 0, 14), undefined, 6);
    await push('yacine.haddad', 'mobility', loan(scooter, across[1], 5, 7), undefined, 5);
    conflicts += 1;
  }
  const sameSite = [pickYouth(site(8)), pickYouth(site(8))];
  if (bike && sameSite[0] && sameSite[1]) {
    await push('yacine.haddad', 'mobility', loan(bike, sameSite[0], 2, 15), undefined, 75);
    await push('marc.fontaine', 'mobility', loan(bike, sameSite[1], 0, 7), undefined, 74);
    conflicts += 1;
  }

  const duplicates = await seedDuplicates(storage, r, pickYouth, push, at);
  return { conflicts, duplicates };
}

type Push = (
  login: string,
  collection: CollectionName,
  next: PlainDocument,
  seen: PlainDocument | undefined,
  hoursAgo: number,
) => Promise<PlainDocument>;

function withoutAccents(text: unknown): string {
  return String(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Second dossiers of young people already known, and the pairs the detector would open. */
async function seedDuplicates(
  storage: Storage,
  r: Random,
  pickYouth: (
    siteId: string,
    fits?: (youth: PlainDocument) => boolean,
  ) => PlainDocument | undefined,
  push: Push,
  at: (hoursAgo: number) => string,
): Promise<number> {
  const pairs: { ids: [string, string]; score: number; hoursAgo: number; siteId: string }[] = [];
  const newYouth = (fields: PlainDocument, hoursAgo: number) => ({
    id: r.uuid(),
    createdOn: at(hoursAgo).slice(0, 10),
    ...fields,
  });

  // Met at Sées, then again at the siège by an adviser who worked offline.
  const sees = pickYouth(site(2));
  if (sees) {
    const again = newYouth(
      {
        lastName: String(sees.lastName).toUpperCase(),
        firstName: withoutAccents(sees.firstName),
        birthDate: sees.birthDate,
        gender: sees.gender,
        phone: '06 39 98 77 12',
        communeInsee: sees.communeInsee,
        siteId: SIEGE_ID,
        referentId: staff('julie.mercier').id,
        status: 'premier-accueil',
        consent: {
          freeAdherence: true,
          rgpdInformedOn: at(30).slice(0, 10),
          recontactAgreed: true,
        },
      },
      30,
    );
    await push('julie.mercier', 'youths', again, undefined, 30);
    await push(
      'julie.mercier',
      'events',
      {
        id: r.uuid(),
        youthId: again.id,
        kind: 'entretien-individuel',
        at: at(30).slice(0, 16),
        placeSiteId: SIEGE_ID,
        durationMinutes: 45,
        themes: ['emploi'],
        authorId: staff('julie.mercier').id,
        report: 'Premier accueil : recherche un emploi dans la logistique.',
      },
      undefined,
      30,
    );
    pairs.push({
      ids: [String(sees.id), String(again.id)],
      score: 0.93,
      hoursAgo: 29,
      siteId: site(2),
    });
  }

  // An aller-vers contact in Perseigne who already has a dossier there.
  const known = pickYouth(site(8));
  if (known) {
    const contact = newYouth(
      {
        lastName: '',
        firstName: known.firstName,
        birthDate: String(known.birthDate).slice(0, 4),
        siteId: site(8),
        referentId: '',
        status: 'contact-aller-vers',
        outreach: { place: 'Perseigne, près du centre social', need: 'emploi' },
        consent: {
          freeAdherence: true,
          rgpdInformedOn: at(4 * 24).slice(0, 10),
          recontactAgreed: true,
        },
        qpvCode: 'QN06106M',
      },
      4 * 24,
    );
    await push('yacine.haddad', 'youths', contact, undefined, 4 * 24);
    pairs.push({
      ids: [String(known.id), String(contact.id)],
      score: 0.71,
      hoursAgo: 4 * 24 - 1,
      siteId: site(8),
    });
  }

  // One young person followed at two rural permanences.
  const carrouges = pickYouth(site(5));
  if (carrouges) {
    const twin = newYouth(
      {
        lastName: carrouges.lastName,
        firstName: carrouges.firstName,
        birthDate: carrouges.birthDate,
        gender: carrouges.gender,
        email: `${withoutAccents(carrouges.firstName).toLowerCase()}.${withoutAccents(carrouges.lastName).toLowerCase()}@example.fr`,
        communeInsee: carrouges.communeInsee,
        siteId: site(3),
        referentId: staff('amelie.durand').id,
        status: 'accompagne',
        consent: {
          freeAdherence: true,
          rgpdInformedOn: at(9 * 24).slice(0, 10),
          recontactAgreed: false,
        },
      },
      9 * 24,
    );
    await push('amelie.durand', 'youths', twin, undefined, 9 * 24);
    pairs.push({
      ids: [String(carrouges.id), String(twin.id)],
      score: 0.88,
      hoursAgo: 9 * 24 - 2,
      siteId: site(5),
    });
  }

  // The server's duplicate detector paired some of them on push already; the others (an
  // aller-vers contact without a surname scores below its threshold) are written as it would.
  await storage.write(async (tx) => {
    const known = new Set(
      (await tx.listDuplicatePairs(pairs.flatMap((pair) => pair.ids))).map((ids) =>
        [...ids].sort().join('|'),
      ),
    );
    const missing = pairs.filter((pair) => !known.has([...pair.ids].sort().join('|')));
    return tx.putDocuments(
      missing.map((pair) => {
        const data = {
          id: r.uuid(),
          rev: r.uuid(),
          updatedAt: at(pair.hoursAgo),
          updatedBy: 'server',
          kind: 'duplicate',
          status: 'open',
          youthIds: pair.ids,
          score: pair.score,
          siteId: pair.siteId,
          openedAt: at(pair.hoursAgo),
        };
        return {
          collection: 'reviews' as const,
          id: data.id,
          rev: data.rev,
          deleted: false,
          data,
          youthId: null,
          scope: { siteId: pair.siteId, ownerId: null },
          previousScope: null,
          previousData: null,
          writtenBy: 'server',
          deviceId: null,
        };
      }),
    );
  });
  return pairs.length;
}

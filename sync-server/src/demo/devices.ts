/**
 * The demo's devices, as the devices board of the siège shows them: the laptops of the rural
 * permanences, the outreach tablets, the siège's desktops, with the version, pushes waiting and
 * last error they reported at their last contact — and one tablet already revoked.
 */
import type { Clock } from '../../../src/domain/time';
import type { Device, Storage } from '../storage/storage';
import { DEMO_STAFF } from './organisation';

interface DemoDevice {
  /** Last two hex digits of the id, so the ids stay stable from one demo to the next. */
  n: number;
  login: string;
  label: string;
  appVersion: string;
  /** Minutes since the last contact. */
  lastSeenMinutes: number;
  pendingPushes: number;
  lastError?: string;
  revokedMinutesAgo?: number;
}

const DEVICES: DemoDevice[] = [
  {
    n: 1,
    login: 'camille.martin',
    label: 'Portable — Permanence de Sées',
    appVersion: '0.1.0',
    lastSeenMinutes: 3 * 60,
    pendingPushes: 7,
    lastError: 'NETWORK',
  },
  {
    n: 2,
    login: 'lucas.bernard',
    label: 'Portable — Permanence de Sées',
    appVersion: '0.1.0',
    lastSeenMinutes: 25,
    pendingPushes: 0,
  },
  {
    n: 3,
    login: 'amelie.durand',
    label: 'Portable — Le Mêle-sur-Sarthe',
    appVersion: '0.0.9',
    lastSeenMinutes: 2 * 24 * 60,
    pendingPushes: 12,
    lastError: 'SCHEMA_OUTDATED',
  },
  {
    n: 4,
    login: 'ines.moreau',
    label: 'Portable — Carrouges',
    appVersion: '0.1.0',
    lastSeenMinutes: 50,
    pendingPushes: 1,
  },
  {
    n: 5,
    login: 'yacine.haddad',
    label: 'Tablette aller-vers — Perseigne',
    appVersion: '0.1.0',
    lastSeenMinutes: 8,
    pendingPushes: 2,
    lastError: 'SLOT_TAKEN',
  },
  {
    n: 6,
    login: 'aminata.diallo',
    label: 'Tablette aller-vers — Perseigne',
    appVersion: '0.1.0',
    lastSeenMinutes: 6 * 24 * 60,
    pendingPushes: 0,
  },
  {
    n: 7,
    login: 'laura.garnier',
    label: 'Tablette aller-vers — Courteille',
    appVersion: '0.1.0',
    lastSeenMinutes: 95,
    pendingPushes: 0,
    lastError: 'OUT_OF_SCOPE',
  },
  {
    n: 8,
    login: 'kevin.lambert',
    label: 'Tablette aller-vers — Courteille',
    appVersion: '0.0.9',
    lastSeenMinutes: 14 * 24 * 60,
    pendingPushes: 3,
    revokedMinutesAgo: 9 * 24 * 60,
  },
  {
    n: 9,
    login: 'accueil',
    label: "Poste de l'accueil — Siège",
    appVersion: '0.1.0',
    lastSeenMinutes: 1,
    pendingPushes: 0,
  },
  {
    n: 10,
    login: 'julie.mercier',
    label: 'Poste — Siège, bureau 4',
    appVersion: '0.1.0',
    lastSeenMinutes: 12,
    pendingPushes: 0,
  },
  {
    n: 11,
    login: 'claire.roux',
    label: 'Portable — Villeneuve-en-Perseigne',
    appVersion: '0.1.0',
    lastSeenMinutes: 26 * 60,
    pendingPushes: 4,
    lastError: 'NETWORK',
  },
];

export function demoDeviceId(n: number): string {
  return `0190f000-0000-7000-a000-0000000000${String(n).padStart(2, '0')}`;
}

/** The id of a demo adviser's device, for writes seeded as if pushed from it. */
export function deviceOf(login: string): string | null {
  const device = DEVICES.find((d) => d.login === login && d.revokedMinutesAgo === undefined);
  return device ? demoDeviceId(device.n) : null;
}

export async function seedDemoDevices(storage: Storage, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  for (const device of DEVICES) {
    const staff = DEMO_STAFF.find((s) => s.login === device.login)!;
    const row: Device = {
      id: demoDeviceId(device.n),
      userId: staff.id,
      label: device.label,
      appVersion: device.appVersion,
      firstSeenAt: ago(120 * 24 * 60 + device.n * 60),
      lastSeenAt: ago(device.lastSeenMinutes),
      pendingPushes: device.pendingPushes,
      lastError: device.lastError ?? null,
      revokedAt: device.revokedMinutesAgo === undefined ? null : ago(device.revokedMinutesAgo),
    };
    await storage.upsertDevice(row);
  }
  return DEVICES.length;
}

/**
 * The demo Mission Locale's organisation: its 9 sites and about 25 staff accounts. The towns of
 * the rural permanences are not published (shared/data/README.md), so these are plausible
 * choices, one or two per EPCI; the siège configures the real ones in the app.
 */
import type { Role } from '../../../src/domain/schemas/staff';
import type { SiteKind } from '../../../src/domain/schemas/site';

export interface DemoSite {
  id: string;
  name: string;
  kind: SiteKind;
  address: string;
  communeInsee: string;
  qpvCode?: 'QN06106M' | 'QN06107M';
  /** weekday (1 = lundi), start, end */
  schedule: [number, string, string][];
  /** The EPCI whose young people this permanence mainly receives. */
  servesEpci?: string;
}

const SIEGE_HOURS: [number, string, string][] = [1, 2, 3, 4, 5].flatMap((day) => [
  [day, '08:30', '12:45'] as [number, string, string],
  [day, '13:30', day === 5 ? '17:00' : '18:00'] as [number, string, string],
]);

export const DEMO_SITES: DemoSite[] = [
  {
    id: '0190a000-0000-7000-a000-000000000001',
    name: 'Siège — Alençon',
    kind: 'siege',
    address: '59 rue Saint-Blaise, 61000 Alençon',
    communeInsee: '61001',
    schedule: SIEGE_HOURS,
    servesEpci: 'cua',
  },
  {
    id: '0190a000-0000-7000-a000-000000000002',
    name: 'Permanence de Sées',
    kind: 'permanence-rurale',
    address: 'Mairie, place du Général de Gaulle, 61500 Sées',
    communeInsee: '61464',
    schedule: [
      [2, '09:00', '12:30'],
      [2, '13:30', '17:00'],
      [4, '09:00', '12:30'],
    ],
    servesEpci: 'cc-sources-orne',
  },
  {
    id: '0190a000-0000-7000-a000-000000000003',
    name: 'Permanence du Mêle-sur-Sarthe',
    kind: 'permanence-rurale',
    address: 'Mairie, 61170 Le Mêle-sur-Sarthe',
    communeInsee: '61258',
    schedule: [
      [1, '09:00', '12:30'],
      [3, '13:30', '17:00'],
    ],
    servesEpci: 'cc-vallee-haute-sarthe',
  },
  {
    id: '0190a000-0000-7000-a000-000000000004',
    name: 'Permanence de Courtomer',
    kind: 'permanence-rurale',
    address: 'Mairie, 61390 Courtomer',
    communeInsee: '61133',
    schedule: [[4, '13:30', '17:00']],
    servesEpci: 'cc-vallee-haute-sarthe',
  },
  {
    id: '0190a000-0000-7000-a000-000000000005',
    name: 'Permanence de Carrouges',
    kind: 'permanence-rurale',
    address: 'Mairie, 61320 Carrouges',
    communeInsee: '61074',
    schedule: [
      [2, '09:00', '12:30'],
      [5, '09:00', '12:30'],
    ],
    servesEpci: 'cc-pays-fertois-bocage-carrougien',
  },
  {
    id: '0190a000-0000-7000-a000-000000000006',
    name: 'Permanence de Magny-le-Désert',
    kind: 'permanence-rurale',
    address: 'Mairie, 61600 Magny-le-Désert',
    communeInsee: '61243',
    schedule: [[3, '09:00', '12:30']],
    servesEpci: 'cc-pays-fertois-bocage-carrougien',
  },
  {
    id: '0190a000-0000-7000-a000-000000000007',
    name: 'Permanence de Villeneuve-en-Perseigne',
    kind: 'permanence-rurale',
    address: 'Mairie, 72600 Villeneuve-en-Perseigne',
    communeInsee: '72137',
    schedule: [[1, '13:30', '17:00']],
    servesEpci: 'cua',
  },
  {
    id: '0190a000-0000-7000-a000-000000000008',
    name: 'Permanence QPV Perseigne',
    kind: 'permanence-qpv',
    address: 'Centre social, place de Perseigne, 61000 Alençon',
    communeInsee: '61001',
    qpvCode: 'QN06106M',
    schedule: [
      [1, '09:00', '12:30'],
      [3, '09:00', '12:30'],
      [5, '13:30', '17:00'],
    ],
  },
  {
    id: '0190a000-0000-7000-a000-000000000009',
    name: 'Permanence QPV Courteille',
    kind: 'permanence-qpv',
    address: 'Maison de quartier, rue de Courteille, 61000 Alençon',
    communeInsee: '61001',
    qpvCode: 'QN06107M',
    schedule: [
      [2, '09:00', '12:30'],
      [4, '13:30', '17:00'],
    ],
  },
];

export const SIEGE_ID = DEMO_SITES[0]!.id;

export interface DemoStaff {
  id: string;
  login: string;
  name: string;
  role: Role;
  siteIds: string[];
}

function site(n: number): string {
  return DEMO_SITES[n - 1]!.id;
}

function staffId(n: number): string {
  return `0190b000-0000-7000-a000-${String(n).padStart(12, '0')}`;
}

const ALL_SITES = DEMO_SITES.map((s) => s.id);

/** [login, name, role, site numbers]; an adviser of a permanence also belongs to the siège. */
const STAFF: [string, string, Role, number[]][] = [
  ['admin', 'Administration Relais', 'admin', []],
  ['direction', 'Hélène Vautier', 'direction', []],
  ['direction.adjointe', 'Karim Benhamou', 'direction', []],
  ['accueil', 'Sophie Lemarchand', 'accueil', ALL_SITES.map((_, i) => i + 1)],
  ['accueil.2', 'Julien Roger', 'accueil', ALL_SITES.map((_, i) => i + 1)],
  ['accueil.3', 'Nadia Ferrand', 'accueil', ALL_SITES.map((_, i) => i + 1)],
  ['camille.martin', 'Camille Martin', 'conseiller', [2, 1]],
  ['lucas.bernard', 'Lucas Bernard', 'conseiller', [2, 1]],
  ['amelie.durand', 'Amélie Durand', 'conseiller', [3, 4, 1]],
  ['thomas.petit', 'Thomas Petit', 'conseiller', [3, 4, 1]],
  ['ines.moreau', 'Inès Moreau', 'conseiller', [5, 6, 1]],
  ['paul.lefevre', 'Paul Lefèvre', 'conseiller', [5, 6, 1]],
  ['claire.roux', 'Claire Roux', 'conseiller', [7, 1]],
  ['yacine.haddad', 'Yacine Haddad', 'conseiller', [8, 1]],
  ['aminata.diallo', 'Aminata Diallo', 'conseiller', [8, 1]],
  ['marc.fontaine', 'Marc Fontaine', 'conseiller', [8, 1]],
  ['laura.garnier', 'Laura Garnier', 'conseiller', [9, 1]],
  ['kevin.lambert', 'Kévin Lambert', 'conseiller', [9, 1]],
  ['julie.mercier', 'Julie Mercier', 'conseiller', [1]],
  ['antoine.girard', 'Antoine Girard', 'conseiller', [1]],
  ['emilie.bonnet', 'Émilie Bonnet', 'conseiller', [1]],
  ['nicolas.faure', 'Nicolas Faure', 'conseiller', [1]],
  ['sarah.blanc', 'Sarah Blanc', 'conseiller', [1]],
  ['pierre.guerin', 'Pierre Guérin', 'conseiller', [1]],
  ['manon.chevalier', 'Manon Chevalier', 'conseiller', [1, 8, 9]],
  // The partner association that keeps the vehicles (issue 16): no site's dossiers.
  ['atelier.mob', 'Julien Marchal (Atelier Mob)', 'atelier-mob', []],
];

export const DEMO_STAFF: DemoStaff[] = STAFF.map(([login, name, role, sites], i) => ({
  id: staffId(i + 1),
  login,
  name,
  role,
  siteIds: sites.map(site),
}));

/** The password of every demo account (printed at start; never use demo data in production). */
export const DEMO_PASSWORD = 'Relais-Demo-2026';

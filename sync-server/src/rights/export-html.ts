/**
 * The export of a dossier as a document a young person can read and the Mission Locale can print
 * (RGPD art. 15): French, every section of the file, a print stylesheet (A4, page breaks between
 * sections). Every value is escaped; the page runs no script, and its only style is allowed by
 * its hash in the answer's Content-Security-Policy (dossier-rights-routes.ts).
 */
import { createHash } from 'node:crypto';
import { journalActionLabel } from '../../../src/domain/access-journal';
import {
  APPOINTMENT_STATUS_LABELS,
  ATTENDANCE_STATUS_LABELS,
  BARRIER_LABELS,
  DRIVING_LICENCE_LABELS,
  EDUCATION_LEVEL_LABELS,
  EVENT_KIND_LABELS,
  EVENT_THEME_LABELS,
  EXIT_REASON_LABELS,
  FAMILY_SITUATION_LABELS,
  GENDER_LABELS,
  PROPOSITION_RESULT_LABELS,
  PROPOSITION_TYPE_LABELS,
  SITUATION_PHASE_LABELS,
  SITUATION_TYPE_LABELS,
  STATUS_LABELS,
  THEME_LABELS,
} from '../../../src/domain/labels';
import { attendanceStatus, type StatusFields } from '../../../src/domain/rules/attendance';
import { SIGNATURE_BOX, type Signature } from '../../../src/domain/schemas/attendance';
import { signaturePath } from '../../../src/domain/signature';
import { describeResidence } from '../../../src/domain/territory/territory';
import { formatDateTimeWithYear, formatDayShort } from '../../../src/domain/time';
import type { DossierExport, ExportedRecord } from './dossier-export';

export const EXPORT_STYLE = `
body { font: 11pt/1.45 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.8rem 0 .5rem; border-bottom: 2px solid #0b5cad; padding-bottom: .2rem; }
.meta { color: #555; margin: 0 0 1rem; } .notice { background: #eef4fb; border-left: 4px solid #0b5cad; padding: .5rem .8rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; } th, td { border: 1px solid #c9d1da; padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #f1f4f8; font-weight: 600; } dl { display: grid; grid-template-columns: 14rem 1fr; gap: .2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
.deleted { color: #8a1c1c; } .empty { color: #666; font-style: italic; } footer { margin-top: 2rem; color: #555; font-size: .9em; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } table, dl { break-inside: auto; } tr { break-inside: avoid; } section { break-before: auto; } .notice { border: 1px solid #0b5cad; } }
@page { size: A4; margin: 15mm 12mm; }
`;

/** The CSP source that allows the page's one style element and nothing else. */
export function exportStyleHash(): string {
  return `'sha256-${createHash('sha256').update(EXPORT_STYLE).digest('base64')}'`;
}

function escape(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function label(labels: Record<string, string>, value: unknown): string {
  return typeof value === 'string' ? (labels[value] ?? value) : '';
}

function day(value: unknown): string {
  return typeof value === 'string' && value ? formatDayShort(value) : '';
}

function moment(value: unknown): string {
  return typeof value === 'string' && value ? formatDateTimeWithYear(value) : '';
}

function yesNo(value: unknown): string {
  return value === true ? 'oui' : value === false ? 'non' : '';
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escape(empty)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escape(h)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`);
  return `<table><thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function deletedMark(record: ExportedRecord): string {
  return record.deleted ? ' <span class="deleted">(supprimé)</span>' : '';
}

function identity(exported: DossierExport): string {
  const y = exported.dossier;
  const residence = describeResidence(y.communeInsee as string, y.qpvCode as string);
  const consent = y.consent as
    { freeAdherence?: boolean; rgpdInformedOn?: string; recontactAgreed?: boolean } | undefined;
  const fields: [string, string][] = [
    ["Nom d'usage", escape(y.lastName)],
    ['Nom de naissance', escape(y.birthName)],
    ['Prénom', escape(y.firstName)],
    [
      'Date de naissance',
      escape(String(y.birthDate ?? '').length === 4 ? y.birthDate : day(y.birthDate)),
    ],
    ['Genre', escape(label(GENDER_LABELS, y.gender))],
    ['Téléphone', escape(y.phone)],
    ['Courriel', escape(y.email)],
    ['Adresse', escape(y.address)],
    [
      'Commune',
      escape([residence.commune?.name, residence.epci?.name].filter(Boolean).join(' — ')),
    ],
    ['Quartier prioritaire', escape(residence.qpv?.name)],
    ['Niveau de formation', escape(label(EDUCATION_LEVEL_LABELS, y.educationLevel))],
    ['Situation familiale', escape(label(FAMILY_SITUATION_LABELS, y.familySituation))],
    ['Enfants à charge', escape(y.dependentChildren)],
    ['Mode de garde', escape(y.childcare)],
    ['Permis de conduire', escape(label(DRIVING_LICENCE_LABELS, y.drivingLicence))],
    ['Véhicule personnel', yesNo(y.hasVehicle)],
    [
      'Freins',
      escape(((y.barriers as string[]) ?? []).map((b) => label(BARRIER_LABELS, b)).join(', ')),
    ],
    ['RQTH', yesNo(y.rqth)],
    ['ASE', yesNo(y.ase)],
    ['Justice', yesNo(y.justice)],
    ['Notes', escape(y.notes)],
    ['Statut', escape(label(STATUS_LABELS, y.status))],
    [
      'Motif et date de sortie',
      escape([label(EXIT_REASON_LABELS, y.exitReason), day(y.exitDate)].filter(Boolean).join(', ')),
    ],
    ['Site de rattachement', escape(exported.names.sites[String(y.siteId)] ?? y.siteId)],
    ['Référent·e', escape(exported.names.staff[String(y.referentId)] ?? '')],
    ['Premier accueil le', escape(day(y.createdOn))],
    ['Libre adhésion', yesNo(consent?.freeAdherence)],
    ['Information RGPD le', escape(day(consent?.rgpdInformedOn))],
    ['Accepte d’être recontacté·e', yesNo(consent?.recontactAgreed)],
  ];
  const shown = fields.filter(([, value]) => value !== '');
  return `<dl>${shown.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function staffName(exported: DossierExport, id: unknown): string {
  return escape(exported.names.staff[String(id)] ?? (id === 'server' ? 'le serveur' : id));
}

function sections(exported: DossierExport): string[] {
  const e = exported;
  const events = table(
    ['Date', 'Type', 'Durée', 'Thèmes', 'Compte-rendu', 'Par'],
    e.events.map((ev) => [
      escape(moment(ev.at)) + deletedMark(ev),
      escape(label(EVENT_KIND_LABELS, ev.kind)),
      ev.durationMinutes ? `${escape(ev.durationMinutes)} min` : '',
      escape(((ev.themes as string[]) ?? []).map((t) => label(EVENT_THEME_LABELS, t)).join(', ')),
      escape(ev.report),
      staffName(e, ev.authorId),
    ]),
    'Aucun événement.',
  );
  const situations = table(
    ['Début', 'Fin', 'Situation', 'État', 'Commentaire'],
    e.situations.map((s) => [
      escape(day(s.startDate)) + deletedMark(s),
      escape(day(s.endDate)),
      escape([label(SITUATION_TYPE_LABELS, s.situationType), s.label].filter(Boolean).join(' — ')),
      escape(label(SITUATION_PHASE_LABELS, s.phase)),
      escape(s.comment),
    ]),
    'Aucune situation.',
  );
  const demandes = table(
    ['Date', 'Thème', 'Demande', 'Commentaire'],
    e.demandes.map((d) => [
      escape(day(d.startDate)) + deletedMark(d),
      escape(label(THEME_LABELS, d.theme)),
      escape(d.label),
      escape(d.comment),
    ]),
    'Aucune demande.',
  );
  const propositions = table(
    ['Date', 'Proposition', 'Partenaire', 'Résultat', 'Commentaire'],
    e.propositions.map((p) => [
      escape(day(p.startDate)) + deletedMark(p),
      escape(
        [label(PROPOSITION_TYPE_LABELS, p.propositionType), p.label].filter(Boolean).join(' — '),
      ),
      escape(p.partner),
      escape(label(PROPOSITION_RESULT_LABELS, p.result)),
      escape(p.comment),
    ]),
    'Aucune proposition.',
  );
  const dispositifs = table(
    ['Dispositif', 'Début', 'Fin', 'Engagement hebdomadaire', 'Phases'],
    e.dispositifs.map((d) => [
      escape(d.programme) + deletedMark(d),
      escape(day(d.startDate)),
      escape(day(d.endDate)),
      d.weeklyHoursCommitment ? `${escape(d.weeklyHoursCommitment)} h` : '',
      escape(((d.phases as { label: string }[]) ?? []).map((phase) => phase.label).join(', ')),
    ]),
    'Aucun dispositif.',
  );
  const appointments = table(
    ['Date', 'Site', 'Avec', 'Objet', 'Statut'],
    e.appointments.map((a) => [
      escape(moment(a.start)) + deletedMark(a),
      escape(e.names.sites[String(a.siteId)] ?? a.siteId),
      staffName(e, a.staffId),
      escape(a.subject),
      escape(label(APPOINTMENT_STATUS_LABELS, a.status)),
    ]),
    'Aucun rendez-vous.',
  );
  const attendances = table(
    ['Séance', 'Date', 'Inscrit·e le', 'Statut', 'Signature'],
    e.attendances.map((a) => [
      escape(a.workshop?.title ?? a.workshopId) + deletedMark(a),
      escape(moment(a.workshop?.start)),
      escape(moment(a.registeredAt)),
      escape(
        ATTENDANCE_STATUS_LABELS[attendanceStatus(a as StatusFields)] +
          (a.walkIn ? ' (venu·e sans inscription)' : ''),
      ),
      signatureSvg(a.signature as Signature | undefined),
    ]),
    'Aucune inscription à un atelier ou une information collective.',
  );
  const loans = table(
    ['Véhicule', 'Du', 'Au', 'Rendu le'],
    e.loans.map((l) => [
      escape(l.vehicle?.label ?? l.vehicleId) + deletedMark(l),
      escape(day(l.startDate)),
      escape(day(l.endDate)),
      escape(day(l.returnedOn)),
    ]),
    'Aucun prêt de véhicule.',
  );
  const history = table(
    ['Date', 'Élément', 'Par', 'Appareil', 'Opération'],
    e.history
      .flatMap((h) => h.revisions.map((r) => ({ ...r, collection: h.collection })))
      .sort((a, b) => a.seq - b.seq)
      .map((r) => [
        escape(r.at ? new Date(r.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) : ''),
        escape(COLLECTION_NAMES_FR[r.collection] ?? r.collection),
        staffName(e, r.writtenBy === 'server' ? r.data.updatedBy : r.writtenBy),
        escape(r.deviceId ? r.deviceId.slice(0, 8) : ''),
        r.deleted ? 'suppression' : 'enregistrement',
      ]),
    'Aucune modification.',
  );
  const journal = table(
    ['Date', 'Action', 'Par', 'Appareil', 'Adresse'],
    e.accessJournal.map((j) => [
      escape(new Date(j.at).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })),
      escape(journalActionLabel(j.action)),
      escape(j.user?.name ?? (j.address === 'cli' ? 'administration (ligne de commande)' : '')),
      escape(j.deviceLabel ?? ''),
      escape(j.address),
    ]),
    'Aucun accès enregistré.',
  );
  return [
    `<section><h2>Identité et situation</h2>${identity(e)}</section>`,
    `<section><h2>Événements (entretiens, contacts, relances…)</h2>${events}</section>`,
    `<section><h2>Situations</h2>${situations}</section>`,
    `<section><h2>Demandes du jeune</h2>${demandes}</section>`,
    `<section><h2>Propositions</h2>${propositions}</section>`,
    `<section><h2>Dispositifs (CEJ, PACEA)</h2>${dispositifs}</section>`,
    `<section><h2>Rendez-vous</h2>${appointments}</section>`,
    `<section><h2>Ateliers et informations collectives</h2>${attendances}</section>`,
    `<section><h2>Prêts de véhicules (Atelier Mob)</h2>${loans}</section>`,
    `<section><h2>Historique des modifications</h2>${history}</section>`,
    `<section><h2>Journal des accès au dossier</h2>${journal}</section>`,
  ];
}

const COLLECTION_NAMES_FR: Record<string, string> = {
  youths: 'Dossier',
  events: 'Événement',
  pathway: 'Parcours',
  appointments: 'Rendez-vous',
  attendances: 'Émargement',
  mobility: 'Prêt de véhicule',
};

export function renderExportHtml(exported: DossierExport): string {
  const y = exported.dossier;
  const name = [y.firstName, String(y.lastName ?? '').toUpperCase()].filter(Boolean).join(' ');
  const exportedAt = new Date(exported.exportedAt).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
  });
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dossier de ${escape(name)} — Mission Locale Jeunes du Pays d'Alençon</title>
<style>${EXPORT_STYLE}</style></head>
<body><header><h1>Dossier de ${escape(name)}</h1>
<p class="meta">Mission Locale Jeunes du Pays d'Alençon — copie du dossier éditée le ${escape(exportedAt)} par ${escape(exported.exportedBy.name)}.</p>
<p class="notice">Ce document contient l'ensemble des informations que la Mission Locale détient sur vous (droit d'accès, article 15 du RGPD), y compris l'historique des modifications et la liste des personnes qui ont consulté votre dossier. Pour faire rectifier ou effacer une information, adressez-vous à la Mission Locale, 59 rue Saint-Blaise, Alençon.</p>
</header>
<main>${sections(exported).join('\n')}</main>
<footer>Relais — Mission Locale Jeunes du Pays d'Alençon, 59 rue Saint-Blaise, 61000 Alençon. Identifiant du dossier : ${escape(y.id)}.</footer>
</body></html>`;
}

/** The émargement's signature drawn back (numbers only: nothing to escape). */
function signatureSvg(signature: Signature | undefined): string {
  if (!signature?.strokes?.length) return '';
  return `<svg viewBox="0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}" width="150" height="50" role="img" aria-label="Signature"><path d="${signaturePath(signature)}" fill="none" stroke="black" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

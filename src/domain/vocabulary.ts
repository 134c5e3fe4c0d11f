/**
 * The vocabulary migrations of issue 18 (Relais's words aligned with i-milo's), issue 15
 * (the statuses of an inscription to a session) and issue 17 (how a dossier came, for the
 * statistics): pure functions
 * turning a document of the previous schema version into the current one. The device runs them
 * in its RxDB migration strategies (src/db/migrations.ts) and the server in its data migration
 * of stored documents (sync-server/src/vocabulary/). Each is idempotent: a document already in
 * the current vocabulary comes back unchanged (the same object).
 */
import { PACEA_STEPS, type PaceaPhase } from './schemas/pathway';
import { foldText } from './text';

type Doc = Record<string, unknown>;

/** Bumped when a new mapping is added below; the server records the one its data reached. */
export const VOCABULARY_VERSION = 3;

/**
 * Events v0 → v1: i-milo's kinds were added (entretien par un partenaire, activités
 * extérieures, prestation); every v0 kind is still a v1 kind, so nothing changes.
 */
export function eventToV1<T extends Doc>(doc: T): T {
  return doc;
}

/** Keywords of the three phases of the national PACEA framework, in folded text. */
const STEP_WORDS: readonly [RegExp, (typeof PACEA_STEPS)[number]][] = [
  [/\b(diagnostic|definir|definition|formaliser|formalisation)\b/, 'definir-projet'],
  [/\b(mise en (oeuvre|situation|action)|mettre en oeuvre)\b/, 'mettre-en-oeuvre'],
  [/\b(autonomie|securiser|securisation)\b/, 'acceder-autonomie'],
];

/**
 * Which phase of the framework a v0 phase was, from its label alone: « Phase 2 » says it, else
 * the framework's words (« diagnostic », « mise en situation », « autonomie »). Undefined when
 * nothing says: no guess from its position; the i-milo export reports it to be specified.
 */
export function paceaStepOf(label: string): (typeof PACEA_STEPS)[number] | undefined {
  const text = foldText(label);
  const numbered = /\bphase\s*([123])\b/.exec(text);
  if (numbered) return PACEA_STEPS[Number(numbered[1]) - 1];
  return STEP_WORDS.find(([words]) => words.test(text))?.[1];
}

function withSteps(phases: readonly PaceaPhase[]): PaceaPhase[] | undefined {
  let changed = false;
  const placed = phases.map((phase) => {
    if (phase.step) return phase;
    const step = paceaStepOf(phase.label);
    if (!step) return phase;
    changed = true;
    return { ...phase, step };
  });
  return changed ? placed : undefined;
}

/**
 * Pathway v0 → v1: the situation « service civique » becomes a « Contrat de volontariat –
 * bénévolat » of the service civique kind; PACEA phases get their step of the framework when
 * their label says it. Other v0 values are v1 values (CIE / CAE, temps plein / partiel and the
 * new themes were added; a v0 « contrat aidé » stays, to be specified).
 */
export function pathwayToV1<T extends Doc>(doc: T): T {
  let out: Doc = doc;
  if (doc.situationType === 'service-civique') {
    out = { ...out, situationType: 'volontariat', situationSubtype: 'service-civique' };
  }
  if (doc.programme === 'PACEA' && Array.isArray(doc.phases)) {
    const phases = withSteps(doc.phases as PaceaPhase[]);
    if (phases) out = { ...out, phases };
  }
  return out as T;
}

/**
 * Attendances v0 → v1 (issue 15, vocabulary version 2): the flags become a status in i-milo's
 * words — cancelled « excusé », present « réalisé », present false « absent », nothing
 * « prescrit » — and `cancelled` is dropped; `present` stays beside the status.
 */
export function attendanceToV1<T extends Doc>(doc: T): T {
  if (typeof doc.status === 'string' && !('cancelled' in doc)) return doc;
  const { cancelled, ...rest } = doc;
  const status =
    typeof doc.status === 'string'
      ? doc.status
      : doc.present === true
        ? 'realise'
        : cancelled === true
          ? 'excuse'
          : doc.present === false
            ? 'absent'
            : 'prescrit';
  const present = status === 'prescrit' ? undefined : status === 'realise';
  const out: Doc = { ...rest, status };
  if (present === undefined) delete out.present;
  else out.present = present;
  return out as T;
}

/**
 * Youths v3 → v4 (issue 17, vocabulary version 3): `orientation` and `diplomaObtained` are new
 * and optional, absent meaning « not known » — except for a dossier opened from an aller-vers
 * contact (it has `outreach`): the Mission Locale went to that young person, so its orientation
 * is « aller vers ». An orientation already said is never changed.
 */
export function youthToV4<T extends Doc>(doc: T): T {
  if (doc.orientation !== undefined || doc.outreach === undefined || doc.outreach === null) {
    return doc;
  }
  return { ...doc, orientation: 'aller-vers' };
}

/**
 * Pathway v1 → v2 (issue 17): a dispositif's actual end and exit reason are new and optional;
 * a dispositif not yet closed has neither, so nothing changes.
 */
export function pathwayToV2<T extends Doc>(doc: T): T {
  return doc;
}

/** A document of any version of a collection in the current vocabulary (the same if it is). */
export function toCurrentVocabulary<T extends Doc>(collection: string, doc: T): T {
  if (collection === 'youths') return youthToV4(doc);
  if (collection === 'events') return eventToV1(doc);
  if (collection === 'pathway') return pathwayToV2(pathwayToV1(doc));
  if (collection === 'attendances') return attendanceToV1(doc);
  return doc;
}

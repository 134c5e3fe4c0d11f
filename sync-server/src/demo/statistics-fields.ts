/**
 * The demo's fields for the statistics of issue 17, item 4, filled after the rest of the demo
 * is generated: how each young person came to the Mission Locale, whether the diploma of their
 * level was obtained, and the closing (actual end, exit reason) of the CEJ and PACEA that ended.
 * It draws from its own seeded stream, so the rest of the demo (its calibrated figures) is the
 * same with or without it; a few dossiers and dispositifs are left without, as in real files.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import type { DispositifExitReason, PathwayRecord } from '../../../src/domain/schemas/pathway';
import type { Orientation } from '../../../src/domain/schemas/youth';
import { addDays, daysBetween } from '../../../src/domain/time';
import { Random } from './random';

/** Offset of this module's stream from the demo's seed. */
const STREAM = 17_004;

const ORIENTATION_WEIGHTS: readonly (readonly [Orientation | undefined, number])[] = [
  ['france-travail', 30],
  ['famille-bouche-a-oreille', 25],
  ['etablissement-scolaire', 20],
  ['partenaire-social', 15],
  ['autre', 5],
  [undefined, 5],
];

/** Of the levels with a diploma: obtained, not obtained, not said. */
const DIPLOMA_WEIGHTS: readonly (readonly [boolean | undefined, number])[] = [
  [true, 65],
  [false, 25],
  [undefined, 10],
];

const EXIT_WEIGHTS: Record<'CEJ' | 'PACEA', readonly (readonly [DispositifExitReason, number])[]> =
  {
    CEJ: [
      ['emploi-durable', 22],
      ['emploi', 18],
      ['formation', 15],
      ['alternance', 8],
      ['fin-de-droits', 20],
      ['abandon', 10],
      ['demenagement', 3],
      ['autre', 4],
    ],
    PACEA: [
      ['emploi-durable', 12],
      ['emploi', 18],
      ['formation', 18],
      ['alternance', 6],
      ['fin-de-droits', 30],
      ['abandon', 10],
      ['demenagement', 3],
      ['autre', 3],
    ],
  };

function fillYouth(random: Random, youth: PlainDocument): void {
  const orientation = youth.outreach ? 'aller-vers' : random.weighted(ORIENTATION_WEIGHTS);
  if (orientation) youth.orientation = orientation;
  const level = youth.educationLevel;
  if (typeof level === 'string' && level !== 'sans-diplome') {
    const obtained = random.weighted(DIPLOMA_WEIGHTS);
    if (obtained !== undefined) youth.diplomaObtained = obtained;
  }
}

/**
 * A dispositif whose planned end has passed is closed (most on that day; a job, a training or
 * giving up usually ends it earlier); one still running is sometimes closed early already.
 */
function closeDispositif(random: Random, record: PlainDocument, today: string): void {
  const { programme, startDate, endDate } = record as PathwayRecord;
  if (!programme || !startDate || !endDate || startDate >= today) return;
  const ended = endDate < today;
  if (!ended && !random.chance(0.12)) return;
  // As in real files, a few ended ones are never closed (the statistics fall back on endDate).
  if (ended && random.chance(0.08)) return;
  // Rights run out only at the planned end: a dispositif still running ends for another reason.
  const reasons = EXIT_WEIGHTS[programme].filter(([r]) => ended || r !== 'fin-de-droits');
  const reason = random.weighted(reasons);
  const last = ended ? endDate : addDays(today, -1);
  const early = reason !== 'fin-de-droits' && (!ended || random.chance(0.5));
  let endedOn = last;
  if (early) {
    const span = Math.max(0, daysBetween(startDate, last));
    endedOn = addDays(startDate, Math.min(span, 30 + random.int(0, Math.max(0, span - 30))));
  }
  record.endedOn = endedOn;
  record.exitReason = reason;
}

/** Fills the statistics fields of the demo's dossiers and dispositifs, in place. */
export function fillStatisticsFields(
  documents: { youths?: PlainDocument[]; pathway?: PlainDocument[] },
  options: { today: string; seed: number },
): void {
  const random = new Random(options.seed + STREAM);
  for (const youth of documents.youths ?? []) fillYouth(random, youth);
  for (const record of documents.pathway ?? []) {
    if (record.kind === 'dispositif') closeDispositif(random, record, options.today);
  }
}

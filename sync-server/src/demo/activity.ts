/**
 * The individual activity around each demo dossier, inside the days of its accompaniment
 * (calibration.ts): events (the planned entretiens individuels, and phone calls, visits…),
 * situations, demandes, propositions whose results follow the state machine, CEJ or PACEA (never
 * both at once), and rendez-vous past and to come.
 */
import type { PlainDocument } from '../../../src/domain/merge';
import { EVENT_THEMES } from '../../../src/domain/schemas/event';
import {
  PROPOSITION_TYPES,
  SITUATION_TYPES,
  SNP_THEMES,
} from '../../../src/domain/schemas/pathway';
import { spanIn, type DemoYears, type YouthPlan } from './calibration';
import {
  addDays,
  dayBetween,
  mondayOf,
  momentOn,
  stamp,
  workingDay,
  workingDayUntil,
  type DemoContext,
} from './context';
import { PARTNERS } from './names';

/** The other kinds of event, besides the entretiens individuels (64 % of all events). */
const OTHER_KIND_WEIGHTS = [
  ['entretien-partenaire', 4],
  ['activites-exterieures', 1],
  ['prestation', 1],
  ['contact-telephonique', 15],
  ['visite', 3],
  ['atelier', 4],
  ['information-collective', 3],
  ['mediation', 2],
  ['relance', 2],
  ['autre', 1],
] as const;

const REPORTS = [
  "Point sur la recherche d'emploi ; CV mis à jour ensemble.",
  "Travail sur le projet professionnel, piste des métiers de l'aide à la personne.",
  'Démarches logement : dossier FJT à compléter pour la semaine prochaine.',
  "Préparation de l'entretien d'embauche, simulation réalisée.",
  'Bilan de la PMSMP, retour positif du tuteur.',
  'Inscription au code de la route à financer ; aide mobilité évoquée.',
  'Orientation vers la Maison des adolescents pour un accompagnement santé.',
  'Suivi de la formation en cours, assiduité correcte.',
  "Le jeune ne s'est pas présenté au dernier rendez-vous, relance faite.",
  'Point sur les ressources : allocation CEJ versée ce mois-ci.',
];

export interface YouthActivity {
  events: PlainDocument[];
  pathway: PlainDocument[];
  appointments: PlainDocument[];
}

function event(ctx: DemoContext, youth: PlainDocument, day: string, kind: string): PlainDocument {
  const r = ctx.random;
  const author = String(youth.referentId || youth.updatedBy);
  const doc: PlainDocument = {
    ...stamp(ctx, author, day),
    youthId: youth.id,
    kind,
    at: momentOn(ctx, day),
    placeSiteId: youth.siteId,
    durationMinutes: kind === 'contact-telephonique' ? r.pick([10, 15, 20]) : r.pick([30, 45, 60]),
    themes: r.some(EVENT_THEMES, r.int(1, 2)),
    authorId: author,
  };
  if (kind !== 'contact-telephonique' || r.chance(0.3)) doc.report = r.pick(REPORTS);
  if (kind === 'relance') doc.channel = r.pick(['telephone', 'sms', 'courrier', 'email']);
  return doc;
}

function pathwayRecord(
  ctx: DemoContext,
  youth: PlainDocument,
  day: string,
  fields: PlainDocument,
): PlainDocument {
  const author = String(youth.referentId || youth.updatedBy);
  return { ...stamp(ctx, author, day), youthId: youth.id, authorId: author, ...fields };
}

function propositionResult(ctx: DemoContext, day: string): string {
  const age = -Math.round((Date.parse(day) - Date.parse(ctx.today)) / 86_400_000);
  if (age < 14) return 'en-attente';
  return ctx.random.weighted([
    ['acceptee', 25],
    ['realisee', 35],
    ['abandonnee', 8],
    ['refusee-jeune', 12],
    ['refusee-tiers', 15],
    ['en-attente', 5],
  ]);
}

/** The contract or kind of a situation, in i-milo's detail (temps plein / partiel, CIE / CAE…). */
function situationDetail(ctx: DemoContext, situationType: string): PlainDocument {
  const r = ctx.random;
  if (situationType === 'emploi') {
    const subtype = r.pick(['cdd', 'cdi', 'cdd', 'interim', 'saisonnier', 'cae', 'iae'] as const);
    return subtype === 'cdd' || subtype === 'cdi'
      ? { situationSubtype: subtype, workingTime: r.pick(['temps-plein', 'temps-partiel']) }
      : { situationSubtype: subtype };
  }
  if (situationType === 'alternance') {
    return { situationSubtype: r.pick(['apprentissage', 'apprentissage', 'professionnalisation']) };
  }
  if (situationType === 'volontariat') return { situationSubtype: 'service-civique' };
  return {};
}

/** The last weeks of a CEJ: hours declared by the young person, validated by the adviser. */
function cejWeeks(ctx: DemoContext, start: string, commitment: number): PlainDocument[] {
  const r = ctx.random;
  const weeks: PlainDocument[] = [];
  for (let back = 4; back >= 1; back -= 1) {
    const weekStart = mondayOf(addDays(ctx.today, -7 * back));
    if (weekStart < start) continue;
    const declaredHours = Math.max(0, commitment + r.int(-6, 3));
    weeks.push({ weekStart, declaredHours, validatedHours: declaredHours - r.pick([0, 0, 1, 2]) });
  }
  return weeks;
}

function dispositif(
  ctx: DemoContext,
  youth: PlainDocument,
  start: string,
): PlainDocument | undefined {
  const r = ctx.random;
  const roll = r.next();
  if (roll < 0.25) {
    const months = r.pick([6, 9, 12]);
    const weeklyHoursCommitment = r.pick([15, 20]);
    return pathwayRecord(ctx, youth, start, {
      kind: 'dispositif',
      programme: 'CEJ',
      startDate: start,
      endDate: addDays(start, months * 30),
      weeklyHoursCommitment,
      cejWeeks: cejWeeks(ctx, start, weeklyHoursCommitment),
      label: "Contrat d'engagement jeune",
    });
  }
  if (roll < 0.55) {
    const end = addDays(start, r.pick([180, 365, 540]));
    return pathwayRecord(ctx, youth, start, {
      kind: 'dispositif',
      programme: 'PACEA',
      startDate: start,
      endDate: end,
      label: 'PACEA',
      phases: [
        {
          label: 'Phase 1 — diagnostic et projet',
          step: 'definir-projet',
          objectives: 'Définir le projet professionnel',
          startDate: start,
          endDate: addDays(start, 90),
          evaluation: 'atteints',
        },
        {
          label: 'Phase 2 — mise en situation',
          step: 'mettre-en-oeuvre',
          objectives: 'PMSMP et candidatures',
          startDate: addDays(start, 91),
        },
      ],
    });
  }
  return undefined;
}

function appointmentFor(ctx: DemoContext, youth: PlainDocument, doc: PlainDocument) {
  return {
    ...stamp(ctx, String(doc.authorId), String(doc.at).slice(0, 10)),
    youthId: youth.id,
    siteId: youth.siteId,
    staffId: doc.authorId,
    start: doc.at,
    durationMinutes: doc.durationMinutes,
    status: 'present',
    subject: 'Entretien de suivi',
    eventId: doc.id,
  };
}

export function generateActivity(
  ctx: DemoContext,
  youth: PlainDocument,
  plan: YouthPlan,
  years: DemoYears,
): YouthActivity {
  const r = ctx.random;
  const status = String(youth.status);
  const activity: YouthActivity = { events: [], pathway: [], appointments: [] };
  if (status === 'contact-aller-vers' || !plan.activeFrom || !plan.activeTo) return activity;
  const from = plan.activeFrom;
  const to = plan.activeTo;
  [years.lastYear, years.thisYear].forEach((year, y) => {
    const span = spanIn(plan, year);
    if (!span) return;
    const dayIn = () => {
      const drawn = dayBetween(ctx, span.from, span.to);
      const day = workingDayUntil(drawn, span.to);
      return day < span.from ? drawn : day;
    };
    const entretiens = plan.entretiens[y]!;
    const others = plan.others[y]!;
    for (let i = 0; i < entretiens + others; i += 1) {
      const kind = i < entretiens ? 'entretien-individuel' : r.weighted(OTHER_KIND_WEIGHTS);
      const doc = event(ctx, youth, dayIn(), kind);
      activity.events.push(doc);
      if (kind === 'entretien-individuel' && r.chance(0.6)) {
        activity.appointments.push(appointmentFor(ctx, youth, doc));
      }
    }
    for (const missedStatus of plan.missed[y]!) {
      const day = dayIn();
      activity.appointments.push({
        ...stamp(ctx, String(youth.referentId), day),
        youthId: youth.id,
        siteId: youth.siteId,
        staffId: youth.referentId,
        start: momentOn(ctx, day),
        durationMinutes: 45,
        status: missedStatus,
        subject: 'Entretien de suivi',
      });
    }
  });
  if ((status === 'accompagne' || status === 'premier-accueil') && r.chance(0.5)) {
    const day = workingDay(addDays(ctx.today, r.int(0, 20)));
    activity.appointments.push({
      ...stamp(ctx, String(youth.referentId), ctx.today),
      youthId: youth.id,
      siteId: youth.siteId,
      staffId: youth.referentId,
      start: momentOn(ctx, day),
      durationMinutes: 45,
      status: 'planifie',
      subject: r.pick(['Entretien de suivi', 'Point CV', 'Bilan PMSMP', 'Point formation']),
    });
  }
  const since = String(youth.createdOn);
  const active = to >= ctx.today;

  const situations = r.int(1, 2);
  for (let i = 0; i < situations; i += 1) {
    const day = dayBetween(ctx, from, to);
    const situationType = r.pick(SITUATION_TYPES);
    const last = i === situations - 1;
    const phase = last
      ? r.pick(active ? (['en-cours', 'prevu'] as const) : ['en-cours'])
      : 'termine';
    activity.pathway.push(
      pathwayRecord(ctx, youth, day, {
        kind: 'situation',
        situationType,
        ...situationDetail(ctx, situationType),
        phase,
        // A planned situation starts after today (decided on `day`, it has not begun yet).
        startDate: phase === 'prevu' ? workingDay(addDays(ctx.today, 14)) : day,
      }),
    );
  }
  activity.pathway.push(
    pathwayRecord(ctx, youth, since, {
      kind: 'demande',
      theme: r.pick([...SNP_THEMES, 'mobilite']),
      startDate: since,
      label: 'Demande exprimée au premier accueil',
    }),
  );
  const propositions = r.int(0, 4);
  for (let i = 0; i < propositions; i += 1) {
    const day = dayBetween(ctx, from, to);
    activity.pathway.push(
      pathwayRecord(ctx, youth, day, {
        kind: 'proposition',
        theme: r.pick([
          'emploi',
          'formation',
          'projet-professionnel',
          'mobilite',
          'action-non-snp',
        ]),
        propositionType: r.pick(PROPOSITION_TYPES),
        partner: r.pick(PARTNERS),
        startDate: day,
        result: propositionResult(ctx, day),
      }),
    );
  }
  const programme =
    status === 'accompagne'
      ? dispositif(ctx, youth, dayBetween(ctx, from, [to, addDays(ctx.today, -1)].sort()[0]!))
      : undefined;
  if (programme) activity.pathway.push(programme);
  return activity;
}

/**
 * The premier contact form as data: what the adviser typed, what is wrong with it (in French),
 * and the dossier it becomes. A contact is a dossier with the status "contact aller-vers": it
 * is not counted as accompagné until a first entretien, and carries the young person's consent
 * (RGPD information given, free agreement to the contact being recorded, recontact yes or no).
 */
import { missingConsent } from '../../domain/rules/consent-required';
import { qpvNamedIn } from '../../domain/rules/nearest-permanence';
import type { Site } from '../../domain/schemas/site';
import type { YouthEvent } from '../../domain/schemas/event';
import type { OUTREACH_NEEDS, Youth } from '../../domain/schemas/youth';
import {
  ageOf,
  ageWarning,
  entryAgeProblem,
  entryAgeText,
  type AgeWarning,
} from '../../domain/rules/age';
import { nowLocal, parseDay, today, type Clock } from '../../domain/time';
import type { NewDocument } from '../../db/writes';

export type OutreachNeed = (typeof OUTREACH_NEEDS)[number];

export const QPV_PLACES = ['Perseigne', 'Courteille'] as const;
export const OTHER_PLACE = 'autre';
export type PlaceChoice = (typeof QPV_PLACES)[number] | typeof OTHER_PLACE;

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  /** `2006`, `12/04/2006`, `12042006` or `2006-04-12` as typed. */
  birth: string;
  phone: string;
  place: PlaceChoice | '';
  otherPlace: string;
  need: OutreachNeed | '';
  rgpdAcknowledged: boolean;
  recontact: 'oui' | 'non' | '';
}

export type ContactField = keyof ContactFormValues;
export type ContactErrors = Partial<Record<ContactField, string>>;

export function emptyContact(place: PlaceChoice | '' = '', otherPlace = ''): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    birth: '',
    phone: '',
    place,
    otherPlace,
    need: '',
    rgpdAcknowledged: false,
    recontact: '',
  };
}

/** `YYYY` or `YYYY-MM-DD` from what was typed, or undefined when it is not a date. */
export function parseBirth(typed: string): string | undefined {
  const text = typed.trim();
  if (/^\d{4}$/.test(text)) return text;
  let year: string | undefined, month: string | undefined, day: string | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) [, year, month, day] = iso;
  const french =
    /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(text) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (french) [, day, month, year] = french;
  if (!year || !month || !day) return undefined;
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return parseDay(date) ? date : undefined;
}

/** What the age says once the birth is typed: the age and a warning outside 16–25. */
export function birthHint(
  typed: string,
  clock: Clock,
): { years: number; approximate: boolean; warning: AgeWarning } | undefined {
  const age = ageOf(parseBirth(typed), clock);
  return age && { ...age, warning: ageWarning(age) };
}

const PHONE = /^(?:0|\+33 ?|0033 ?)[1-9](?:[ .-]?\d{2}){4}$/;

export function validateContact(values: ContactFormValues, clock: Clock): ContactErrors {
  const errors: ContactErrors = {};
  if (!values.firstName.trim()) errors.firstName = 'Indiquez au moins le prénom.';
  const birth = parseBirth(values.birth);
  // The contact is the entry: the ages a Mission Locale accompanies, on the device as on the server.
  const ageProblem = entryAgeProblem(birth, today(clock));
  if (!values.birth.trim()) errors.birth = "Indiquez l'année de naissance, même approximative.";
  else if (!birth) errors.birth = 'Écrivez une année (2006) ou une date (12/04/2006).';
  else if (ageOf(birth, clock) === undefined)
    errors.birth = 'Cette date de naissance est dans le futur : vérifiez-la.';
  else if (ageProblem) errors.birth = entryAgeText(ageProblem);
  if (values.phone.trim() && !PHONE.test(values.phone.trim()))
    errors.phone = 'Numéro incomplet : 10 chiffres, par exemple 06 12 34 56 78.';
  if (!values.place) errors.place = 'Choisissez le lieu de la rencontre.';
  else if (values.place === OTHER_PLACE && !values.otherPlace.trim())
    errors.otherPlace = 'Précisez le lieu de la rencontre.';
  if (!values.need) errors.need = 'Choisissez le besoin exprimé.';
  // The consent the contact would carry, by the rule the server checks too.
  const consent = values.rgpdAcknowledged
    ? { freeAdherence: true, rgpdInformedOn: today(clock) }
    : undefined;
  if (missingConsent(consent).length > 0)
    errors.rgpdAcknowledged =
      "Lisez l'information au jeune et cochez la case : sans son accord, rien n'est enregistré.";
  if (!values.recontact) errors.recontact = 'Indiquez si le jeune accepte d’être recontacté.';
  return errors;
}

export function placeOf(values: Pick<ContactFormValues, 'place' | 'otherPlace'>): string {
  return values.place === OTHER_PLACE ? values.otherPlace.trim() : values.place;
}

/**
 * The dossier of a valid contact. The phone is kept only when the young person agrees to be
 * recontacted (data minimisation).
 */
export function contactToYouth(
  values: ContactFormValues,
  context: { siteId: string; clock: Clock },
): NewDocument<'youths'> {
  const day = today(context.clock);
  const recontactAgreed = values.recontact === 'oui';
  const phone = values.phone.trim();
  const birthDate = parseBirth(values.birth);
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    ...(birthDate ? { birthDate } : {}),
    ...(recontactAgreed && phone ? { phone } : {}),
    siteId: context.siteId,
    referentId: '',
    status: 'contact-aller-vers',
    consent: { freeAdherence: true, rgpdInformedOn: day, recontactAgreed },
    outreach: { place: placeOf(values), need: values.need as OutreachNeed },
    // Met where young people are: how they came to the Mission Locale (statistics, issue 17).
    orientation: 'aller-vers',
    createdOn: day,
  } satisfies Omit<Youth, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;
}

/** A meeting in the street is short: what it counts towards CEJ hours. */
export const OUTREACH_MEETING_MINUTES = 15;

/**
 * The meeting itself, as an event of the dossier: a « visite » outside any site, now, with the
 * need as its theme. It is what makes the meeting a contact (« Dernier contact », Relances),
 * for a new contact as for a young person already known who was met again.
 */
export function meetingEvent(
  meeting: { youthId: string; place: string; need?: OutreachNeed | '' },
  context: { authorId: string; clock: Clock },
): NewDocument<'events'> {
  const theme = meeting.need && meeting.need !== 'autre' ? meeting.need : undefined;
  return {
    youthId: meeting.youthId,
    kind: 'visite',
    at: nowLocal(context.clock),
    durationMinutes: OUTREACH_MEETING_MINUTES,
    themes: theme ? [theme] : [],
    ...(meeting.place ? { report: `Rencontre aller-vers : ${meeting.place}.` } : {}),
    authorId: context.authorId,
  } satisfies Omit<YouthEvent, 'id' | 'rev' | 'updatedAt' | 'updatedBy'>;
}

/**
 * The site a contact is attached to: the permanence of the QPV where the young person was met
 * when the adviser belongs to it, else the adviser's first site (so the contact stays on the
 * adviser's tablet and within what the server lets them write).
 */
export function contactSiteId(
  place: string,
  sites: readonly Pick<Site, 'id' | 'qpvCode'>[],
  adviserSiteIds: readonly string[],
): string | undefined {
  const qpvCode = qpvNamedIn(place);
  const qpvSite = sites.find(
    (site) => qpvCode && site.qpvCode === qpvCode && adviserSiteIds.includes(site.id),
  );
  return qpvSite?.id ?? adviserSiteIds[0];
}

/** French labels of the sites: kinds, and what the schedule reader could not understand. */
import type { ScheduleIssue } from '../../domain/rules/schedule';
import type { SiteKind } from '../../domain/schemas/site';
import { formatTimeOfDay } from '../../domain/time';

export const SITE_KIND_LABELS: Record<SiteKind, string> = {
  siege: 'Siège',
  'permanence-rurale': 'Permanence rurale',
  'permanence-qpv': 'Permanence QPV',
  'aller-vers': 'Aller-vers',
};

export function scheduleIssueText(issue: ScheduleIssue): string {
  switch (issue.code) {
    case 'unknown-word':
      return `Mot non compris : « ${issue.word} ».`;
    case 'invalid-time':
      return `Heure impossible : « ${issue.text} ».`;
    case 'time-without-day':
      return `Horaire sans jour : « ${issue.text} » (écrivez par exemple « mardi 9 h–12 h »).`;
    case 'day-without-time':
      return `Jour sans horaire : ${issue.day}.`;
    case 'incomplete-range':
      return `Horaire incomplet après « ${issue.text} » : indiquez le début et la fin (9 h–12 h).`;
    case 'end-before-start':
      return `Le ${issue.day}, la fin (${formatTimeOfDay(issue.end)}) doit venir après le début (${formatTimeOfDay(issue.start)}).`;
    case 'overlapping-slots':
      return `Le ${issue.day}, deux plages horaires se chevauchent.`;
  }
}

/** What the parts of the demo generator share: the random stream, "today" and document stamps. */
import type { PlainDocument } from '../../../src/domain/merge';
import { addDays } from '../../../src/domain/time';
import type { Random } from './random';

export interface DemoContext {
  random: Random;
  /** The last day of the generated year, `YYYY-MM-DD`. */
  today: string;
}

/** The fields every synced document carries, stamped as if written on `day` by `by`. */
export function stamp(ctx: DemoContext, by: string, day: string): PlainDocument {
  return {
    id: ctx.random.uuid(),
    rev: ctx.random.uuid(),
    updatedAt: `${day}T${String(ctx.random.int(8, 17)).padStart(2, '0')}:${String(ctx.random.int(0, 59)).padStart(2, '0')}:00.000Z`,
    updatedBy: by,
  };
}

/** A day between `daysBack` days ago and today (inclusive), never before `notBefore`. */
export function pastDay(ctx: DemoContext, daysBack: number, notBefore?: string): string {
  const day = addDays(ctx.today, -ctx.random.int(0, daysBack));
  return notBefore && day < notBefore ? notBefore : day;
}

/** A working-hours moment on `day`, on the quarter hour. */
export function momentOn(ctx: DemoContext, day: string): string {
  const hour = ctx.random.pick([9, 9, 10, 10, 11, 14, 14, 15, 15, 16]);
  const minute = ctx.random.pick(['00', '15', '30', '45']);
  return `${day}T${String(hour).padStart(2, '0')}:${minute}`;
}

/** Moves a weekend day to the next Monday (permanences are closed on weekends). */
export function workingDay(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  if (weekday === 6) return addDays(day, 2);
  if (weekday === 0) return addDays(day, 1);
  return day;
}

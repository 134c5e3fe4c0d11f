import { describe, expect, it } from 'vitest';
import { checkOpeningHours } from '../../../src/domain/rules/schedule';
import { EPCIS, findCommune } from '../../../src/domain/territory/territory';
import { generateDemo } from './generator';
import { DEMO_SITES, DEMO_STAFF } from './organisation';

const demo = generateDemo({ today: '2026-11-26' });

describe('demo Mission Locale', () => {
  it('is the same at every run for the same seed and day', () => {
    const small = () => generateDemo({ today: '2026-11-26', youths: 50, events: 500 });
    expect(small()).toEqual(small());
  });

  it('has the siège, 6 rural and 2 QPV permanences, and about 25 staff (and the Atelier Mob)', () => {
    expect(DEMO_SITES.map((s) => s.kind).sort()).toEqual(
      [...Array(2).fill('permanence-qpv'), ...Array(6).fill('permanence-rurale'), 'siege'].sort(),
    );
    expect(demo.sites).toHaveLength(9);
    expect(DEMO_STAFF).toHaveLength(26);
  });

  it('has about 2,000 dossiers, 26 % of them in the QPV (the year’s figures: calibration.test.ts)', () => {
    const youths = demo.youths!;
    expect(youths.length).toBeGreaterThan(1800);
    expect(youths.length).toBeLessThan(2100);
    const qpvShare = youths.filter((y) => y.qpvCode).length / youths.length;
    expect(qpvShare).toBeGreaterThan(0.22);
    expect(qpvShare).toBeLessThan(0.3);
    for (const epci of EPCIS) {
      expect(youths.some((y) => findCommune(String(y.communeInsee))?.epciId === epci.id)).toBe(
        true,
      );
    }
  });

  it('holds the last complete year and this one at the pace of the 2023 figures', () => {
    const entretiensIn = (year: string) =>
      demo.events!.filter((e) => e.kind === 'entretien-individuel' && String(e.at).startsWith(year))
        .length;
    expect(entretiensIn('2025')).toBeGreaterThan(10_000);
    expect(entretiensIn('2025')).toBeLessThan(14_000);
    expect(entretiensIn('2026')).toBeGreaterThan(9_000);
    expect(demo.workshops!.length).toBeGreaterThan(850);
    const past = demo.attendances!.filter((a) => a.status !== 'prescrit');
    const rate =
      past.filter((a) => a.status === 'realise' && a.present === true).length / past.length;
    expect(Math.abs(rate - 0.62)).toBeLessThan(0.03);
    const excused = past.filter((a) => a.status === 'excuse').length / past.length;
    expect(excused).toBeGreaterThan(0.05);
    // Atelier Mob: 91 loans over the last complete year (2025 here), as in the projet associatif.
    const loans = demo.mobility!.filter((m) => m.kind === 'loan');
    expect(loans.filter((l) => String(l.startDate).startsWith('2025'))).toHaveLength(91);
    const programmes = demo.pathway!.filter((p) => p.kind === 'dispositif').map((p) => p.programme);
    expect(programmes).toContain('CEJ');
    expect(programmes).toContain('PACEA');
  });
});

describe('the demo’s current activity (advisers’ screens)', () => {
  it('has rendez-vous and sessions to come, with young people signed up', () => {
    const today = '2026-11-26';
    const planned = demo.appointments!.filter(
      (a) => a.status === 'planifie' && String(a.start) >= today,
    );
    expect(planned.length).toBeGreaterThan(300);
    const toCome = demo.workshops!.filter((w) => w.kind !== 'action' && String(w.start) > today);
    expect(toCome.length).toBeGreaterThan(40);
    const signedUp = new Set(
      demo.attendances!.filter((a) => a.status === 'prescrit').map((a) => a.workshopId),
    );
    expect(toCome.filter((w) => signedUp.has(w.id)).length).toBeGreaterThan(toCome.length * 0.9);
  });
});

describe('the demo agenda (issue 14, item 12)', () => {
  // A Sunday: the day the field test saw Sées « fermé ce jour » with three rendez-vous.
  const sunday = generateDemo({ today: '2026-12-06', youths: 400, events: 4000 });

  it('puts every rendez-vous, past or to come, within its site’s opening hours', () => {
    for (const demoDay of [demo, sunday]) {
      const sites = new Map(demoDay.sites!.map((site) => [site.id, site]));
      const outside = demoDay.appointments!.filter((appointment) => {
        const site = sites.get(String(appointment.siteId))!;
        return (
          checkOpeningHours(
            { schedule: site.schedule as never, exceptions: [] },
            String(appointment.start),
            Number(appointment.durationMinutes ?? 45),
          ) !== undefined
        );
      });
      expect(outside.map((a) => `${String(a.start)} ${String(a.siteId)}`)).toEqual([]);
    }
  });

  it('keeps an entretien at the time of its rendez-vous, and no outcome in the future', () => {
    const events = new Map(sunday.events!.map((event) => [event.id, event]));
    for (const appointment of sunday.appointments!) {
      if (appointment.eventId) expect(events.get(appointment.eventId)!.at).toBe(appointment.start);
      if (appointment.status !== 'planifie')
        expect(String(appointment.start).slice(0, 10) <= '2026-12-06').toBe(true);
    }
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildAppointment,
  buildSite,
  buildStaffMember,
  buildYouth,
} from '../../../tests/support/builders';
import { fixedClock } from '../../domain/time';
import { DayView } from './DayView';
import { WeekView } from './WeekView';

afterEach(cleanup);

// Wednesday 25 November 2026, 11:00: Tuesday's rendez-vous are past.
const clock = fixedClock('2026-11-25T11:00:00');
const site = buildSite();
const camille = buildStaffMember();
const ines = buildYouth({ firstName: 'Inès', lastName: 'Lefèvre' });
const noah = buildYouth({ firstName: 'Noah', lastName: 'Brière' });
const youths = new Map([
  [ines.id, ines],
  [noah.id, noah],
]);
const common = {
  youths,
  sites: new Map([[site.id, site]]),
  staff: new Map([[camille.id, camille]]),
  clock,
};
const rdv = (youthId: string, start: string, overrides = {}) =>
  buildAppointment({ youthId, start, staffId: camille.id, siteId: site.id, ...overrides });

describe('week view', () => {
  const appointments = [
    rdv(ines.id, '2026-11-24T09:30', { status: 'present' }),
    rdv(noah.id, '2026-11-24T14:00'),
    rdv(ines.id, '2026-11-26T10:00', { subject: 'Bilan PMSMP' }),
  ];

  it('starts on Monday and shows each rendez-vous in its day, Monday to Saturday', () => {
    render(
      <WeekView
        {...common}
        weekStart="2026-11-23"
        appointments={appointments}
        onSelect={vi.fn()}
        onOpenDay={vi.fn()}
      />,
    );
    // Saturday always (a permanence may open then), Sunday only when it holds something.
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days).toEqual([
      'lun. 23, voir le lundi 23 novembre',
      'mar. 24, voir le mardi 24 novembre2 rdv',
      'mer. 25, voir le mercredi 25 novembre',
      'jeu. 26, voir le jeudi 26 novembre1 rdv',
      'ven. 27, voir le vendredi 27 novembre',
      'sam. 28, voir le samedi 28 novembre',
    ]);
    const tuesday = screen.getByRole('region', { name: 'mardi 24 novembre' });
    expect(within(tuesday).getByText('Inès Lefèvre')).toBeDefined();
    expect(within(tuesday).getByText('Présent')).toBeDefined();
    // Noah's 14 h rendez-vous is past and nobody said what happened.
    expect(within(tuesday).getByText('À renseigner')).toBeDefined();
    const thursday = screen.getByRole('region', { name: 'jeudi 26 novembre' });
    expect(within(thursday).getByText('Planifié')).toBeDefined();
  });

  it('shows Sunday when a rendez-vous falls on it', () => {
    render(
      <WeekView
        {...common}
        weekStart="2026-11-23"
        appointments={[...appointments, rdv(noah.id, '2026-11-29T10:00')]}
        onSelect={vi.fn()}
        onOpenDay={vi.fn()}
      />,
    );
    expect(screen.getByRole('region', { name: 'dimanche 29 novembre' })).toBeDefined();
  });

  it('shows the opening hours of the chosen site, and Saturday when something happens then', () => {
    render(
      <WeekView
        {...common}
        site={site}
        weekStart="2026-11-23"
        appointments={[...appointments, rdv(noah.id, '2026-11-28T10:00')]}
        onSelect={vi.fn()}
        onOpenDay={vi.fn()}
      />,
    );
    const tuesday = screen.getByRole('region', { name: 'mardi 24 novembre' });
    expect(within(tuesday).getByText('Ouvert 9 h–12 h 30 et 13 h 30–17 h')).toBeDefined();
    const monday = screen.getByRole('region', { name: 'lundi 23 novembre' });
    expect(within(monday).getByText('Fermé')).toBeDefined();
    expect(screen.getByRole('region', { name: 'samedi 28 novembre' })).toBeDefined();
  });

  it('opens a rendez-vous or a day on click', async () => {
    const onSelect = vi.fn();
    const onOpenDay = vi.fn();
    render(
      <WeekView
        {...common}
        weekStart="2026-11-23"
        appointments={appointments}
        onSelect={onSelect}
        onOpenDay={onOpenDay}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: /10 h–10 h 45.*Inès Lefèvre/ }));
    expect(onSelect).toHaveBeenCalledWith(appointments[2]!.id);
    await userEvent.click(
      screen.getByRole('button', { name: 'jeu. 26, voir le jeudi 26 novembre' }),
    );
    expect(onOpenDay).toHaveBeenCalledWith('2026-11-26');
  });
});

describe('day view', () => {
  it('lists the day in order with who, where and why, and greys what was cancelled', () => {
    const cancelled = rdv(noah.id, '2026-11-26T09:00', { status: 'annule' });
    const walkIn = rdv(ines.id, '2026-11-26T11:20', { walkIn: true, durationMinutes: 20 });
    render(
      <DayView
        {...common}
        site={site}
        day="2026-11-26"
        appointments={[
          cancelled,
          rdv(ines.id, '2026-11-26T10:00', { subject: 'Point CV' }),
          walkIn,
        ]}
        selectedId={walkIn.id}
        onSelect={vi.fn()}
      />,
    );
    expect(screen.getByRole('heading', { name: 'jeudi 26 novembre' })).toBeDefined();
    expect(screen.getByText('Permanence de Sées : ouvert 9 h–12 h 30')).toBeDefined();
    const items = within(screen.getByRole('list')).getAllByRole('button');
    expect(items.map((b) => b.querySelector('.appointment-time')?.textContent)).toEqual([
      '9 h–9 h 45',
      '10 h–10 h 45',
      '11 h 20–11 h 40',
    ]);
    expect(items[0]!.className).toContain('is-freed');
    expect(within(items[0]!).getByText('Annulé')).toBeDefined();
    expect(
      within(items[1]!).getByText('Camille Martin · Permanence de Sées · Point CV'),
    ).toBeDefined();
    expect(within(items[2]!).getByText('sans rendez-vous')).toBeDefined();
    expect(items[2]!.getAttribute('aria-pressed')).toBe('true');
  });

  it('says when the site is closed by an exception, and when the day is empty', () => {
    const closed = buildSite({ exceptions: [{ date: '2026-11-26', closed: true, note: 'Férié' }] });
    render(
      <DayView {...common} site={closed} day="2026-11-26" appointments={[]} onSelect={vi.fn()} />,
    );
    expect(screen.getByText('Permanence de Sées : fermé (Férié)')).toBeDefined();
    expect(screen.getByText('Aucun rendez-vous ce jour-là.')).toBeDefined();
  });
});

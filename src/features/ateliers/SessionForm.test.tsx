// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildAction, buildSite, buildStaffMember } from '../../../tests/support/builders';
import { fixedClock } from '../../domain/time';
import { emptySessionDraft } from './session-draft';
import { SessionForm } from './SessionForm';

afterEach(cleanup);

// Tuesday 24 November 2026, 15:00.
const clock = fixedClock('2026-11-24T15:00:00');
const site = buildSite({ name: 'Permanence de Sées' });
const camille = buildStaffMember({ name: 'Camille Martin' });
const lucas = buildStaffMember({ name: 'Lucas Bernard' });
const action = buildAction({
  title: 'Atelier simulation d’entretien',
  partner: 'FACE Orne',
  defaultDurationMinutes: 90,
  defaultCapacity: 8,
});

/** The session's date (« Première date » for a series), not the sign-up deadline. */
const dateField = () => screen.getByLabelText<HTMLInputElement>(/^(Date|Première date) \*$/);

function renderForm() {
  const onSubmit = vi.fn(async () => undefined);
  render(
    <SessionForm
      initial={emptySessionDraft({ siteId: site.id, facilitatorId: camille.id })}
      actions={[action]}
      sites={[site]}
      staff={[camille, lucas]}
      clock={clock}
      onSubmit={onSubmit}
      onCancel={vi.fn()}
    />,
  );
  return onSubmit;
}

describe('planning a session (issue 15, item 2)', () => {
  it('keeps what was typed and says in French what is wrong, then plans it', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.selectOptions(screen.getByLabelText(/^Action/), action.id);
    // The action's defaults fill the form: 8 places, 14 h + 1 h 30.
    expect(screen.getByLabelText<HTMLInputElement>(/^Places/).value).toBe('8');
    expect(screen.getByLabelText<HTMLInputElement>(/^Fin/).value).toBe('15:30');
    expect(screen.getByText('Avec FACE Orne')).toBeDefined();

    await user.type(dateField(), '2026-12-01');
    await user.clear(screen.getByLabelText(/^Fin/));
    await user.type(screen.getByLabelText(/^Fin/), '13:00');
    await user.type(screen.getByLabelText(/^Lieu extérieur/), 'Entreprise Lemaître, Sées');
    await user.click(screen.getByRole('button', { name: 'Planifier la session' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(
      screen.getByText('La fin d’une session doit suivre son début : vérifiez les heures.'),
    ).toBeDefined();
    expect(screen.getByLabelText(/^Fin/).getAttribute('aria-invalid')).toBe('true');
    // Nothing typed is lost.
    expect(screen.getByLabelText<HTMLInputElement>(/^Lieu extérieur/).value).toBe(
      'Entreprise Lemaître, Sées',
    );
    expect(dateField().value).toBe('2026-12-01');

    await user.clear(screen.getByLabelText(/^Fin/));
    await user.type(screen.getByLabelText(/^Fin/), '16:00');
    await user.clear(screen.getByLabelText(/^Places/));
    await user.type(screen.getByLabelText(/^Places/), '0');
    await user.type(screen.getByLabelText(/^Date limite/), '2026-12-03');
    await user.click(screen.getByRole('button', { name: 'Planifier la session' }));
    expect(
      screen.getByText('Une session accueille de 1 à 500 personnes : vérifiez la capacité.'),
    ).toBeDefined();

    await user.clear(screen.getByLabelText(/^Places/));
    await user.type(screen.getByLabelText(/^Places/), '10');
    await user.click(screen.getByRole('button', { name: 'Planifier la session' }));
    expect(
      screen.getByText('La date limite d’inscription ne peut pas suivre le jour de la session.'),
    ).toBeDefined();

    await user.clear(screen.getByLabelText(/^Date limite/));
    await user.type(screen.getByLabelText(/^Date limite/), '2026-11-30');
    await user.selectOptions(screen.getByLabelText(/^Co-animateur/), lucas.id);
    await user.click(screen.getByRole('button', { name: 'Planifier la session' }));
    expect(onSubmit).toHaveBeenCalledWith([
      expect.objectContaining({
        kind: 'atelier',
        actionId: action.id,
        title: 'Atelier simulation d’entretien',
        theme: 'emploi',
        siteId: site.id,
        place: 'Entreprise Lemaître, Sées',
        start: '2026-12-01T14:00',
        durationMinutes: 120,
        capacity: 10,
        signUpDeadline: '2026-11-30',
        facilitatorId: camille.id,
        coFacilitatorIds: [lucas.id],
      }),
    ]);
  });

  it('plans a weekly series with each deadline the day before its session', async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.selectOptions(screen.getByLabelText(/^Action/), action.id);
    await user.type(dateField(), '2026-12-01');
    await user.type(screen.getByLabelText(/^Date limite/), '2026-11-30');
    await user.click(screen.getByLabelText('Répéter chaque mardi'));
    await user.clear(screen.getByLabelText(/^Nombre de séances/));
    await user.type(screen.getByLabelText(/^Nombre de séances/), '3');
    await user.click(screen.getByRole('button', { name: 'Planifier la série' }));
    const planned = (onSubmit.mock.calls[0] as unknown[][])[0] as {
      start: string;
      signUpDeadline: string;
      seriesId: string;
    }[];
    expect(planned.map((s) => [s.start, s.signUpDeadline])).toEqual([
      ['2026-12-01T14:00', '2026-11-30'],
      ['2026-12-08T14:00', '2026-12-07'],
      ['2026-12-15T14:00', '2026-12-14'],
    ]);
    expect(new Set(planned.map((s) => s.seriesId)).size).toBe(1);
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPeopleIndex } from '../../domain/rules/matching';
import type { Youth } from '../../domain/schemas/youth';
import { ContactForm } from './ContactForm';
import type { ContactFormValues } from './contact-form';

afterEach(cleanup);

/** Typing with user-event in jsdom is slow on a busy 2-core machine. */
const SLOW = 30_000;

const known: Youth = {
  id: 'known-1',
  rev: 'r1',
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: 'u',
  firstName: 'Clémence',
  lastName: "d'Almeida",
  birthDate: '2003-08-04',
  siteId: 'perseigne',
  referentId: 'u',
  status: 'accompagne',
};

function renderForm(onSave = vi.fn(async (_values: ContactFormValues) => true)) {
  const onChooseExisting = vi.fn();
  render(
    <ContactForm
      people={createPeopleIndex([known])}
      siteNames={new Map([['perseigne', 'Permanence QPV Perseigne']])}
      onSave={onSave}
      onChooseExisting={onChooseExisting}
    />,
  );
  return { onSave, onChooseExisting, user: userEvent.setup() };
}

async function fillConsentAndChoices(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: 'Perseigne' }));
  await user.click(screen.getByRole('radio', { name: 'Emploi' }));
  await user.click(screen.getByRole('checkbox', { name: /J’ai lu cette information/ }));
  await user.click(screen.getByRole('radio', { name: 'Oui' }));
}

describe('the premier contact form', () => {
  it(
    'says in French what is missing and saves nothing',
    async () => {
      const { onSave, user } = renderForm();
      await user.click(screen.getByRole('button', { name: 'Enregistrer le contact' }));
      expect(onSave).not.toHaveBeenCalled();
      expect(screen.getByText('Indiquez au moins le prénom.')).toBeDefined();
      expect(screen.getByRole('textbox', { name: 'Prénom' }).getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect(screen.getByText(/sans son accord, rien n'est enregistré/)).toBeDefined();
    },
    SLOW,
  );

  it(
    'offers the person already known and asks to check before a second dossier',
    async () => {
      const { onSave, onChooseExisting, user } = renderForm();
      await user.type(screen.getByRole('textbox', { name: 'Prénom' }), 'Clemence');
      await user.type(screen.getByRole('textbox', { name: 'Nom (facultatif)' }), 'Dalmeida');
      await user.type(screen.getByRole('textbox', { name: 'Année ou date de naissance' }), '2003');
      const suggestions = screen.getByRole('region', { name: 'C’est peut-être…' });
      expect(await within(suggestions).findByText("Clémence d'Almeida")).toBeDefined();

      await fillConsentAndChoices(user);
      await user.click(screen.getByRole('button', { name: 'Enregistrer le contact' }));
      expect(onSave).not.toHaveBeenCalled();
      expect(screen.getByRole('alert').textContent).toMatch(/a peut-être déjà un dossier/);

      await user.click(
        screen.getByRole('button', { name: "C’est cette personne : Clémence d'Almeida" }),
      );
      expect(onChooseExisting).toHaveBeenCalledWith(
        known,
        expect.objectContaining({ firstName: 'Clemence', place: 'Perseigne' }),
      );
      await user.click(screen.getByRole('button', { name: 'Enregistrer quand même' }));
      expect(onSave).toHaveBeenCalledTimes(1);
    },
    SLOW,
  );

  it(
    'saves a new person at once and keeps the place for the next contact',
    async () => {
      const { onSave, user } = renderForm();
      await user.type(screen.getByRole('textbox', { name: 'Prénom' }), 'Inaya');
      await user.type(screen.getByRole('textbox', { name: 'Année ou date de naissance' }), '2007');
      await fillConsentAndChoices(user);
      await user.click(screen.getByRole('button', { name: 'Enregistrer le contact' }));
      expect(onSave).toHaveBeenCalledWith(
        expect.objectContaining({
          firstName: 'Inaya',
          birth: '2007',
          place: 'Perseigne',
          need: 'emploi',
          rgpdAcknowledged: true,
          recontact: 'oui',
        }),
      );
      expect((screen.getByRole('textbox', { name: 'Prénom' }) as HTMLInputElement).value).toBe('');
      expect((screen.getByRole('radio', { name: 'Perseigne' }) as HTMLInputElement).checked).toBe(
        true,
      );
      expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(false);
    },
    SLOW,
  );
});

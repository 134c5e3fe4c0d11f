// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { afterEach, describe, expect, it } from 'vitest';
import { buildYouth } from '../../../tests/support/builders';
import type { PendingState } from '../../sync/pending';
import { CaseloadTable } from './CaseloadTable';
import { buildCaseloadIndex, DEFAULT_CRITERIA, searchCaseload } from './search';

afterEach(cleanup);

const youth = buildYouth({ lastName: 'Lefèvre', firstName: 'Inès' });

function renderTable(known: { contacts: boolean; programmes: boolean }) {
  const index = buildCaseloadIndex({
    youths: [youth],
    lastContacts: known.contacts ? new Map() : undefined,
    programmes: known.programmes ? new Map([[youth.id, 'CEJ' as const]]) : undefined,
    today: '2026-11-26',
  });
  const { entries } = searchCaseload(index, { ...DEFAULT_CRITERIA, userId: 'me' });
  render(
    <Router hook={memoryLocation().hook}>
      <CaseloadTable
        entries={entries}
        page={0}
        onPageChange={() => {}}
        pending={{} as PendingState}
        onLeaveTop={() => {}}
        activityKnown={known}
      />
    </Router>,
  );
  const [, row] = screen.getAllByRole('row');
  return within(row!).getAllByRole('cell');
}

describe('portefeuille table', () => {
  it('says the last contact and dispositif are being read, never « Aucun », before they are', () => {
    const cells = renderTable({ contacts: false, programmes: false });
    expect(cells[4]!.textContent).toContain('en cours de lecture');
    expect(cells[6]!.textContent).toContain('en cours de lecture');
    expect(cells[6]!.textContent).not.toContain('Aucun');
  });

  it('shows « Aucun » and the dispositif once the events and dispositifs are read', () => {
    const cells = renderTable({ contacts: true, programmes: true });
    expect(cells[4]!.textContent).toBe('CEJ');
    expect(cells[6]!.textContent).toBe('Aucun');
  });
});

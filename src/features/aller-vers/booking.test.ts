import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../domain/schemas/staff';
import { adviserFor } from './booking';

function staff(id: string, siteIds: string[], overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    id,
    rev: 'r1',
    updatedAt: '2026-11-20T10:00:00.000Z',
    updatedBy: 'server',
    name: id,
    role: 'conseiller',
    siteIds,
    active: true,
    ...overrides,
  };
}

const directory = [
  staff('claire', ['courteille', 'siege']),
  staff('amelie', ['siege', 'courteille']),
  staff('parti', ['courteille'], { active: false }),
  staff('accueil', ['courteille'], { role: 'accueil' }),
];

describe('the adviser of a first rendez-vous', () => {
  it('is the booking adviser at their own permanence', () => {
    expect(adviserFor({ id: 'siege' }, directory, { id: 'yacine', siteIds: ['siege'] })).toBe(
      'yacine',
    );
  });

  it('is a conseiller of that permanence elsewhere, preferring its own advisers', () => {
    const yacine = { id: 'yacine', siteIds: ['perseigne'] };
    expect(adviserFor({ id: 'courteille' }, directory, yacine)).toBe('claire');
    expect(adviserFor({ id: 'sees' }, directory, yacine)).toBe('yacine');
  });
});

/**
 * The device's conflict handler, called directly as RxDB calls it: `isEqual` decides whether a
 * document still has to be pushed (and whether a pulled master may overwrite it), `resolve`
 * what the device keeps when the server answers a push with another master.
 */
import { describe, expect, it } from 'vitest';
import type { WireDocument } from '../domain/collections';
import { conflictHandlerFor } from './conflicts';

const handler = conflictHandlerFor<WireDocument>('youths');
const base = {
  id: 'y1',
  rev: 'r0',
  updatedAt: '2026-11-20T10:00:00.000Z',
  updatedBy: 'u1',
  firstName: 'Inès',
  lastName: 'Lefèvre',
  phone: '06 39 98 00 00',
  _deleted: false,
} as unknown as WireDocument;
const doc = (patch: object) => ({ ...base, ...patch }) as unknown as WireDocument;

describe('isEqual', () => {
  it('ignores the write metadata: the same record written again is equal', () => {
    expect(
      handler.isEqual(base, doc({ rev: 'r9', updatedAt: '2027-01-01', updatedBy: 'u2' }), 'test'),
    ).toBe(true);
  });

  it('tells apart a changed field, a field removed and a deletion', () => {
    expect(handler.isEqual(base, doc({ phone: '06 39 98 11 11' }), 'test')).toBe(false);
    expect(handler.isEqual(base, doc({ phone: undefined }), 'test')).toBe(false);
    expect(handler.isEqual(base, doc({ _deleted: true }), 'test')).toBe(false);
  });
});

describe('resolve', () => {
  it('keeps a local one-sided edit the master misses, with a new rev to push it', async () => {
    // The device changed the phone; the master it meets changed the last name only.
    const local = doc({ rev: 'local', phone: '06 39 98 11 11' });
    const master = doc({ rev: 'server', lastName: 'Lefèvre-Martin' });
    const resolved = (await handler.resolve(
      { assumedMasterState: base, realMasterState: master, newDocumentState: local },
      'test',
    )) as unknown as Record<string, unknown>;
    expect(resolved).toMatchObject({ phone: '06 39 98 11 11', lastName: 'Lefèvre-Martin' });
    expect(resolved.rev).not.toBe('server');
    expect(resolved.rev).not.toBe('local');
  });

  it('adopts the master as it is when it already holds every local change', async () => {
    const local = doc({ rev: 'local', phone: '06 39 98 11 11' });
    const master = doc({ rev: 'server', phone: '06 39 98 11 11', lastName: 'Lefèvre-Martin' });
    const resolved = await handler.resolve(
      { assumedMasterState: base, realMasterState: master, newDocumentState: local },
      'test',
    );
    expect(resolved).toBe(master);
  });

  it("keeps the server's value of a field changed on both sides (the siège reviews it)", async () => {
    const local = doc({ rev: 'local', phone: '06 39 98 11 11' });
    const master = doc({ rev: 'server', phone: '06 39 98 22 22' });
    const resolved = await handler.resolve(
      { assumedMasterState: base, realMasterState: master, newDocumentState: local },
      'test',
    );
    expect(resolved).toBe(master);
  });
});

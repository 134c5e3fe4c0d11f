/**
 * The bench's data sets, from the demo generator: site scale (2,000 dossiers, 25,000 events) and
 * siège scale (10,000 dossiers, 150,000 events), dossiers and events only so the document counts
 * are those of design.md (Targets).
 */
import type { DemoDocuments } from '../../sync-server/src/demo/generator';
import { generateDemo } from '../../sync-server/src/demo/generator';
import { storeDocuments } from '../../sync-server/src/demo/seed';
import type { Storage } from '../../sync-server/src/storage/storage';

export interface Scale {
  name: string;
  youths: number;
  events: number;
}

export const SITE_SCALE: Scale = { name: 'site', youths: 2000, events: 25000 };
export const SIEGE_SCALE: Scale = { name: 'siège', youths: 10000, events: 150000 };

export function benchDocuments(scale: Scale): DemoDocuments {
  const all = generateDemo({
    today: '2026-11-26',
    youths: scale.youths,
    events: scale.events,
    collective: false,
  });
  // The generator's event count varies around its target with statuses: trim to the exact figure.
  return { sites: all.sites, youths: all.youths, events: all.events!.slice(0, scale.events) };
}

export async function seedScale(storage: Storage, documents: DemoDocuments): Promise<number> {
  return storeDocuments(storage, documents);
}

/** Who receives a first rendez-vous booked from the street at a permanence. */
import type { Site } from '../../domain/schemas/site';
import type { StaffMember } from '../../domain/schemas/staff';
import { advisersOf } from '../shared/useDirectory';

/**
 * The adviser booking it when they hold that permanence; else an active conseiller whose main
 * site it is, else any active conseiller of the site; the booking adviser as a last resort.
 */
export function adviserFor(
  site: Pick<Site, 'id'>,
  staff: readonly StaffMember[],
  booking: { id: string; siteIds: readonly string[] },
): string {
  if (booking.siteIds.includes(site.id)) return booking.id;
  const advisers = advisersOf(staff, site.id).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (advisers.find((s) => s.siteIds[0] === site.id) ?? advisers[0])?.id ?? booking.id;
}

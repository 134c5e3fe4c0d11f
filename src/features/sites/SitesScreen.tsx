/**
 * The siège and the permanences with their opening days, as every device has them. Direction
 * and admin edit them here; the others read when and where the permanences are held.
 */
import { Link } from 'wouter';
import {
  formatOpenings,
  formatSchedule,
  type ScheduleException,
} from '../../domain/rules/schedule';
import type { Site } from '../../domain/schemas/site';
import { findCommune, findQpv } from '../../domain/territory/territory';
import { addDays, formatDayHeading, today, type Clock } from '../../domain/time';
import { useAppStore } from '../../stores/store';
import { SITE_KIND_LABELS } from './labels';
import { ScheduleChart } from './ScheduleChart';
import { canEditSites } from './useSiteActions';
import { useSites } from '../shared/useDirectory';
import './sites.css';
import { useClock } from '../../app/clock-context';

const UPCOMING_DAYS = 90;

export function exceptionText(exception: ScheduleException): string {
  const hours =
    exception.start && exception.end
      ? formatOpenings([{ start: exception.start, end: exception.end }])
      : '';
  const what = !exception.closed
    ? `ouverture exceptionnelle ${hours}`
    : hours
      ? `fermé ${hours}`
      : 'fermé';
  return `${formatDayHeading(exception.date)} : ${what}${exception.note ? ` (${exception.note})` : ''}`;
}

function SiteCard({ site, editable, clock }: { site: Site; editable: boolean; clock: Clock }) {
  const from = today(clock);
  const upcoming = (site.exceptions ?? []).filter(
    (e) => e.date >= from && e.date <= addDays(from, UPCOMING_DAYS),
  );
  const place = [findCommune(site.communeInsee)?.name, findQpv(site.qpvCode)?.name]
    .filter(Boolean)
    .join(' · ');
  return (
    <article className={`site-card card${site.active === false ? ' is-inactive' : ''}`}>
      <header>
        <h2>{site.name}</h2>
        <span className={`kind-badge kind-${site.kind}`}>{SITE_KIND_LABELS[site.kind]}</span>
        {site.active === false && <span className="kind-badge">Inactif</span>}
      </header>
      {site.address && <p className="site-address">{site.address}</p>}
      {place && <p className="muted">{place}</p>}
      <p className="site-hours">
        {site.schedule.length > 0 ? formatSchedule(site.schedule) : 'Pas d’horaires réguliers'}
      </p>
      <ScheduleChart slots={site.schedule} />
      {upcoming.length > 0 && (
        <>
          <h3>Exceptions à venir</h3>
          <ul className="exception-list">
            {upcoming.map((e) => (
              <li key={`${e.date}-${e.start ?? ''}`}>{exceptionText(e)}</li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <p>
          <Link href={`/sites/${site.id}`} aria-label={`Modifier ${site.name}`}>
            Modifier
          </Link>
        </p>
      )}
    </article>
  );
}

export function SitesScreen() {
  const clock = useClock();
  const role = useAppStore((s) => s.user?.role);
  const { data, isLoading, error } = useSites();
  const editable = canEditSites(role);
  if (error) return <p role="alert">Impossible de lire les sites : {error.message}</p>;
  return (
    <section aria-labelledby="sites-title">
      <div className="section-header">
        <h1 id="sites-title">Sites et permanences</h1>
        {editable && (
          <Link href="/sites/nouveau" className="button-primary">
            Nouveau site
          </Link>
        )}
      </div>
      <p className="muted">
        {isLoading
          ? 'Chargement…'
          : editable
            ? 'Les horaires saisis ici arrivent sur tous les appareils à leur prochaine synchronisation.'
            : 'Horaires définis par le siège.'}
      </p>
      <div className="site-grid">
        {(data ?? []).map((site) => (
          <SiteCard key={site.id} site={site} editable={editable} clock={clock} />
        ))}
      </div>
    </section>
  );
}

/**
 * The first download as what it is: a progress bar under the header with the documents received
 * out of the server's total and the time left at the current pace — shown from the first
 * sign-in of a device until it holds its whole caseload, and again when it resumes a download
 * that was interrupted (paused, and saying so, while there is no network).
 */
import { remainingMs, type FirstDownloadProgress } from '../sync/first-download';
import { useAppStore } from '../stores/store';
import { useNow } from './useNow';
import './first-download.css';

const number = new Intl.NumberFormat('fr-FR');

/** « environ 8 s », « environ 2 min »: rounded up, never a falsely precise figure. */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 5) return 'quelques secondes';
  if (seconds < 60) return `environ ${Math.ceil(seconds / 5) * 5} s`;
  return `environ ${Math.ceil(seconds / 60)} min`;
}

export function FirstDownloadBar() {
  const progress = useAppStore((s) => s.sync.firstDownload);
  return progress ? <Progress progress={progress} /> : null;
}

function Progress({ progress }: { progress: FirstDownloadProgress }) {
  const paused = useAppStore((s) => s.sync.lastError?.code === 'NETWORK');
  const leader = useAppStore((s) => s.sync.leader);
  // The estimate follows the clock between two pages.
  const now = useNow(1_000);

  const { received, total } = progress;
  const left = remainingMs(progress, now.getTime());
  const counted =
    total === null
      ? 'Préparation du téléchargement…'
      : `${number.format(received)} documents reçus sur ${number.format(total)}`;
  const pace = paused
    ? 'en pause : pas de réseau, il reprendra seul au retour du réseau'
    : !leader
      ? 'en cours dans un autre onglet'
      : left === undefined
        ? 'estimation du temps restant…'
        : `${formatTimeLeft(left)} restantes`;
  const text = `${counted} · ${pace}`;
  const percent = total ? Math.min(100, Math.round((received / total) * 100)) : 0;

  return (
    <div className="first-download">
      <p className="first-download-title">
        <strong>
          {progress.resumed ? 'Reprise du téléchargement initial' : 'Téléchargement initial'}
        </strong>{' '}
        des dossiers sur cet appareil : ce qui est marqué « téléchargement en cours » n’est pas
        encore complet.
      </p>
      <div
        className="first-download-track"
        role="progressbar"
        aria-label="Téléchargement initial"
        aria-valuemin={0}
        {...(total !== null ? { 'aria-valuemax': total, 'aria-valuenow': received } : {})}
        aria-valuetext={text}
      >
        <span className="first-download-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="first-download-figures">{text}</p>
    </div>
  );
}

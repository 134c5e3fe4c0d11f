/**
 * « Copie du dossier » (droit d'accès, RGPD art. 15; direction, admin): the whole file as the
 * server holds it, as a printable French page or as JSON. Plain links: the browser sends the
 * session cookie and downloads or opens the answer; the server writes the export to the log.
 */
export function ExportPanel({ youthId }: { youthId: string }) {
  const base = `/api/v1/youths/${encodeURIComponent(youthId)}/export`;
  return (
    <section aria-labelledby="export-title" className="rights-section">
      <h2 id="export-title">Copie du dossier (droit d&apos;accès)</h2>
      <p>
        Tout ce que la Mission Locale détient sur ce jeune : identité, événements, parcours,
        dispositifs, rendez-vous, ateliers, prêts de véhicules, historique des modifications et
        journal des accès. L&apos;export est inscrit au journal. Il nécessite le réseau.
      </p>
      <p className="rights-actions">
        <a className="button-secondary" href={`${base}?format=html`} target="_blank" rel="noopener">
          Ouvrir la copie imprimable
        </a>{' '}
        <a className="button-secondary" href={`${base}?format=json`} download>
          Télécharger au format JSON
        </a>
      </p>
    </section>
  );
}

/** "Retrouver un jeune" on the tablet, offline: forgiving search over the dossiers on it. */
import { useDeferredValue, useMemo, useState } from 'react';
import type { NameSearch } from '../../domain/rules/name-search';
import type { Youth } from '../../domain/schemas/youth';
import { ContactActions } from './ContactActions';
import { PersonSummary } from './PersonSummary';
import { fullName } from '../../domain/rules/names';
import { counted } from '../../domain/plural';

interface YouthSearchProps {
  search: NameSearch<Youth>;
  siteNames: ReadonlyMap<string, string>;
}

export function YouthSearch({ search, siteNames }: YouthSearchProps) {
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const hits = useMemo(() => search.search(deferred, { limit: 20 }), [search, deferred]);
  const [openId, setOpenId] = useState<string>();
  return (
    <section className="youth-search" aria-labelledby="search-title">
      <h2 id="search-title" className="visually-hidden">
        Retrouver un jeune
      </h2>
      <label htmlFor="aller-vers-search">Nom, prénom, année de naissance</label>
      <input
        id="aller-vers-search"
        type="search"
        autoComplete="off"
        placeholder="maelys le guen 2005"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="muted" aria-live="polite">
        {deferred.trim() === ''
          ? 'Accents, tirets, particules et fautes de frappe sont pardonnés.'
          : counted(hits.length, 'résultat')}
      </p>
      <ul className="contact-list">
        {hits.map(({ candidate }) => (
          <li key={candidate.id} className="contact-card">
            <PersonSummary youth={candidate} siteName={siteNames.get(candidate.siteId)} />
            {openId === candidate.id ? (
              <ContactActions youth={candidate} siteNames={siteNames} />
            ) : (
              <button
                type="button"
                className="button-secondary"
                aria-label={`Suite pour ${fullName(candidate)}`}
                onClick={() => setOpenId(candidate.id)}
              >
                Suite…
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The portefeuille's search box, filters and sort; their state lives in the UI store. */
import type { KeyboardEvent, RefObject } from 'react';
import { STATUS_LABELS } from '../../domain/labels';
import { YOUTH_STATUSES } from '../../domain/schemas/youth';
import { EPCIS, QPVS } from '../../domain/territory/territory';
import { useAppStore } from '../../stores/store';
import type { CaseloadFilters as Filters } from '../../stores/caseload-slice';
import type { DossierScope } from '../../stores/dossier-scope-slice';
import { useDossierScope } from '../shared/useDossierScope';

interface Props {
  siteOptions: { id: string; name: string }[];
  /** Last contacts are still being read: the "sans contact" filter waits for them. */
  contactsLoading: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

const WITHOUT_CONTACT_CHOICES = [15, 30, 60, 90, 180];

function Select<K extends keyof Filters>(props: {
  id: string;
  label: string;
  field: K;
  options: { value: string; label: string }[];
  parse?: (value: string) => Filters[K];
}) {
  const value = useAppStore((s) => s.caseloadFilters[props.field]);
  const setFilters = useAppStore((s) => s.setCaseloadFilters);
  return (
    <div className="caseload-filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        autoComplete="off"
        id={props.id}
        value={value === undefined ? '' : String(value)}
        onChange={(e) =>
          setFilters({
            [props.field]: props.parse ? props.parse(e.target.value) : e.target.value,
          } as Partial<Filters>)
        }
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Whose dossiers: the user's preference, shared with Relances and remembered per user. */
function ScopeSelect({ siteOptions }: { siteOptions: Props['siteOptions'] }) {
  const [scope, setScope] = useDossierScope();
  return (
    <div className="caseload-filter">
      <label htmlFor="filter-scope">Dossiers</label>
      <select
        id="filter-scope"
        value={scope}
        onChange={(e) => setScope(e.target.value as DossierScope)}
      >
        <option value="mine">Mes dossiers</option>
        <option value="all">Tous</option>
        {siteOptions.map((site) => (
          <option key={site.id} value={`site:${site.id}`}>
            {site.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CaseloadFilters({
  siteOptions,
  contactsLoading,
  searchRef,
  onSearchKeyDown,
}: Props) {
  const query = useAppStore((s) => s.caseloadFilters.query);
  const setFilters = useAppStore((s) => s.setCaseloadFilters);
  const reset = useAppStore((s) => s.resetCaseloadFilters);
  return (
    <div className="caseload-controls">
      <div className="caseload-search">
        <label htmlFor="caseload-search" className="visually-hidden">
          Rechercher un jeune
        </label>
        <input
          ref={searchRef}
          id="caseload-search"
          type="search"
          placeholder="Rechercher par nom d'usage, nom de naissance ou prénom"
          value={query}
          autoComplete="off"
          aria-describedby="caseload-keys"
          onChange={(e) => setFilters({ query: e.target.value })}
          onKeyDown={onSearchKeyDown}
          className="search"
        />
        <button type="button" className="button-link" onClick={reset}>
          Effacer la recherche et les filtres
        </button>
        <p id="caseload-keys" className="field-hint">
          <kbd>/</kbd> pour chercher, <kbd>↓</kbd> <kbd>↑</kbd> pour parcourir la liste,{' '}
          <kbd>Entrée</kbd> pour ouvrir le dossier.
        </p>
      </div>
      <fieldset className="caseload-filters">
        <legend className="visually-hidden">Filtres</legend>
        <ScopeSelect siteOptions={siteOptions} />
        <Select
          id="filter-programme"
          label="Dispositif"
          field="programme"
          options={[
            { value: 'any', label: 'Tous' },
            { value: 'CEJ', label: 'CEJ' },
            { value: 'PACEA', label: 'PACEA' },
            { value: 'none', label: 'Aucun' },
          ]}
        />
        <Select
          id="filter-status"
          label="Statut"
          field="status"
          options={[
            { value: 'any', label: 'Tous' },
            { value: 'actifs', label: 'Tous sauf sortis' },
            ...YOUTH_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] })),
          ]}
        />
        <Select
          id="filter-qpv"
          label="QPV"
          field="qpv"
          options={[
            { value: 'any', label: 'Tous' },
            { value: 'qpv', label: 'En QPV' },
            ...QPVS.map((qpv) => ({ value: qpv.code, label: qpv.name })),
            { value: 'hors-qpv', label: 'Hors QPV' },
          ]}
        />
        <Select
          id="filter-rural"
          label="Zonage rural"
          field="rural"
          options={[
            { value: 'any', label: 'Tous' },
            { value: 'rural', label: 'Zone rurale (FRR, ex-ZRR)' },
            { value: 'non-rural', label: 'Hors zonage rural' },
          ]}
        />
        <Select
          id="filter-epci"
          label="EPCI"
          field="epciId"
          options={[
            { value: '', label: 'Tous' },
            ...EPCIS.map((epci) => ({ value: epci.id, label: epci.shortName || epci.name })),
          ]}
        />
        <Select
          id="filter-contact"
          label={contactsLoading ? 'Sans contact (calcul…)' : 'Sans contact'}
          field="withoutContactDays"
          parse={(value) => (value ? Number(value) : undefined)}
          options={[
            { value: '', label: 'Peu importe' },
            ...WITHOUT_CONTACT_CHOICES.map((days) => ({
              value: String(days),
              label: `${days} jours et +`,
            })),
          ]}
        />
        <Select
          id="filter-sort"
          label="Trier par"
          field="sort"
          options={[
            { value: 'name', label: 'Nom' },
            { value: 'last-contact', label: 'Contact le plus ancien' },
            { value: 'age', label: 'Âge croissant' },
            { value: 'created', label: 'Accueil récent' },
          ]}
        />
      </fieldset>
    </div>
  );
}

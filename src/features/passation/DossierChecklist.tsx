/**
 * The dossiers to hand over: a filtered list with a checkbox each, and one to select every
 * dossier shown. Filters: référent and site (direction), a name.
 */
import type { Youth } from '../../domain/schemas/youth';
import { foldText } from '../../domain/text';
import { SelectField, TextField, type Option } from '../../ui/Field';

/** More than this is not listed one by one: the filters narrow it. */
export const MAX_LISTED = 300;

export interface ChecklistFilters {
  referentId: string;
  siteId: string;
  name: string;
}

export function filterDossiers(youths: readonly Youth[], filters: ChecklistFilters): Youth[] {
  const name = foldText(filters.name.trim());
  return youths
    .filter(
      (youth) =>
        (!filters.referentId || youth.referentId === filters.referentId) &&
        (!filters.siteId || youth.siteId === filters.siteId) &&
        (!name || foldText(`${youth.lastName} ${youth.firstName}`).includes(name)),
    )
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr'),
    );
}

interface Props {
  /** Direction chooses whose or which site's dossiers; an adviser sees their own. */
  siege: boolean;
  filters: ChecklistFilters;
  onFilters(filters: ChecklistFilters): void;
  referents: readonly Option[];
  sites: readonly Option[];
  shown: readonly Youth[];
  selected: ReadonlySet<string>;
  onSelected(selected: Set<string>): void;
  siteName(id: string): string;
  referentName(id: string): string;
}

export function DossierChecklist(props: Props) {
  const { filters, shown, selected } = props;
  const listed = shown.slice(0, MAX_LISTED);
  const allShown = shown.length > 0 && shown.every((youth) => selected.has(youth.id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onSelected(next);
  };
  const toggleAll = (on: boolean) => {
    const next = new Set(selected);
    for (const youth of shown) {
      if (on) next.add(youth.id);
      else next.delete(youth.id);
    }
    props.onSelected(next);
  };
  return (
    <fieldset className="handover-dossiers">
      <legend>
        Dossiers à confier <span className="muted">({selected.size} sélectionné·s)</span>
      </legend>
      <div className="handover-filters">
        {props.siege && (
          <>
            <SelectField
              label="Référent·e actuel·le"
              value={filters.referentId}
              onChange={(e) => props.onFilters({ ...filters, referentId: e.target.value })}
              options={props.referents}
              placeholder="Tous les référents"
            />
            <SelectField
              label="Site"
              value={filters.siteId}
              onChange={(e) => props.onFilters({ ...filters, siteId: e.target.value })}
              options={props.sites}
              placeholder="Tous les sites"
            />
          </>
        )}
        <TextField
          label="Nom"
          type="search"
          value={filters.name}
          onChange={(e) => props.onFilters({ ...filters, name: e.target.value })}
        />
      </div>
      <label className="handover-all">
        <input
          type="checkbox"
          checked={allShown}
          disabled={shown.length === 0}
          onChange={(e) => toggleAll(e.target.checked)}
        />
        Sélectionner les {shown.length} dossier·s affiché·s
      </label>
      {shown.length === 0 ? (
        <p className="muted">Aucun dossier ne correspond.</p>
      ) : (
        <ul className="handover-list">
          {listed.map((youth) => (
            <li key={youth.id}>
              <label>
                <input
                  type="checkbox"
                  checked={selected.has(youth.id)}
                  onChange={(e) => toggle(youth.id, e.target.checked)}
                />
                <span className="handover-name">
                  {youth.lastName.toUpperCase()} {youth.firstName}
                </span>
                <span className="muted">
                  {props.siteName(youth.siteId)} · {props.referentName(youth.referentId)}
                  {youth.interimReferentId &&
                    ` · suivi par ${props.referentName(youth.interimReferentId)}`}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {shown.length > MAX_LISTED && (
        <p className="muted">
          {shown.length - MAX_LISTED} autres dossiers ne sont pas listés : « Sélectionner » les
          inclut ; affinez les filtres pour les voir.
        </p>
      )}
    </fieldset>
  );
}

/** The catalogue of actions as a table, with an edit button for those who keep it. */
import {
  ACTION_KIND_LABELS,
  isActionKind,
  isActionTheme,
  THEME_LABELS,
} from '../../domain/rules/workshops';
import type { Workshop } from '../../domain/schemas/workshop';
import { formatDuration } from '../../domain/time';

export function Catalogue(props: {
  actions: readonly Workshop[];
  canEdit: boolean;
  onEdit(id: string): void;
}) {
  if (props.actions.length === 0) {
    return <p className="muted">Le catalogue est vide : ajoutez la première action.</p>;
  }
  return (
    <table className="catalogue">
      <caption className="visually-hidden">Catalogue des actions collectives</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Thème</th>
          <th scope="col">Type</th>
          <th scope="col">Partenaire</th>
          <th scope="col">Durée</th>
          <th scope="col">Places</th>
          {props.canEdit && (
            <th scope="col">
              <span className="visually-hidden">Modifier</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.actions.map((action) => (
          <tr key={action.id}>
            <th scope="row">{action.title}</th>
            <td>
              {isActionTheme(action.theme) ? THEME_LABELS[action.theme] : (action.theme ?? '')}
            </td>
            <td>{isActionKind(action.actionKind) ? ACTION_KIND_LABELS[action.actionKind] : ''}</td>
            <td>{action.partner ?? '—'}</td>
            <td>
              {action.defaultDurationMinutes ? formatDuration(action.defaultDurationMinutes) : '—'}
            </td>
            <td>{action.defaultCapacity ?? '—'}</td>
            {props.canEdit && (
              <td>
                <button
                  type="button"
                  className="button-link"
                  onClick={() => props.onEdit(action.id)}
                >
                  Modifier<span className="visually-hidden"> {action.title}</span>
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

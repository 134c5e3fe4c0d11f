/** French labels of the dossier's coded values (their home is src/domain/labels.ts). */
export { STATUS_LABELS } from '../../domain/labels';

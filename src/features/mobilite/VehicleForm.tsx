/**
 * A vehicle of the fleet, kept by the direction and the Atelier Mob: name, kind, plate or frame
 * number, site where it is kept, condition, licence needed, in service or not, and one period of
 * unavailability to add (maintenance, repair) — vehicleProblem of src/domain/rules/mobility.ts.
 */
import { useState, type FormEvent } from 'react';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import { ERROR_CODES } from '../../domain/errors';
import { LICENCE_BY_KIND, vehicleProblem } from '../../domain/rules/mobility';
import type { NewDocument } from '../../db/writes';
import type {
  Licence,
  MobilityRecord,
  UnavailabilityReason,
  VehicleKind,
} from '../../domain/schemas/mobility';
import type { Site } from '../../domain/schemas/site';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import {
  CONDITION_LABELS,
  LICENCE_LABELS,
  UNAVAILABILITY_LABELS,
  VEHICLE_KIND_LABELS,
} from './labels';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function VehicleForm(props: {
  vehicle: MobilityRecord | undefined;
  sites: readonly Site[];
  onSubmit(vehicle: NewDocument<'mobility'>): Promise<unknown>;
  onCancel(): void;
}) {
  const v = props.vehicle;
  const typed = useTypedInput('le véhicule');
  const [label, setLabel] = useState(v?.label ?? '');
  const [kind, setKind] = useState<VehicleKind | ''>(v?.vehicleType ?? '');
  const [identification, setIdentification] = useState(v?.identification ?? '');
  const [siteId, setSiteId] = useState(v?.siteId ?? props.sites[0]?.id ?? '');
  const [condition, setCondition] = useState<string>(v?.condition ?? 'bon');
  const [conditionNote, setConditionNote] = useState(v?.conditionNote ?? '');
  const [licence, setLicence] = useState<Licence | ''>(v?.licence ?? '');
  const [available, setAvailable] = useState(v?.available !== false);
  const [offFrom, setOffFrom] = useState('');
  const [offTo, setOffTo] = useState('');
  const [offReason, setOffReason] = useState<UnavailabilityReason>('entretien');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const unavailability = [
      ...(v?.unavailability ?? []),
      ...(offFrom || offTo ? [{ startDate: offFrom, endDate: offTo, reason: offReason }] : []),
    ];
    const vehicle = {
      kind: 'vehicle' as const,
      siteId,
      label: label.trim(),
      ...(kind ? { vehicleType: kind } : {}),
      ...(identification.trim() ? { identification: identification.trim() } : {}),
      condition: condition as MobilityRecord['condition'],
      ...(conditionNote.trim() ? { conditionNote: conditionNote.trim() } : {}),
      licence: (licence || (kind ? LICENCE_BY_KIND[kind] : 'aucun')) as Licence,
      available,
      ...(unavailability.length > 0 ? { unavailability } : {}),
    };
    const problem = vehicleProblem(vehicle);
    if (problem || !siteId) return setError(ERROR_CODES[problem ?? 'VEHICLE_INVALID'].fr);
    await props.onSubmit(vehicle);
    typed.saved();
  }

  return (
    <form
      className="card vehicle-form"
      aria-labelledby="vehicle-form-title"
      onSubmit={(e) => void submit(e)}
      onChange={typed.onChange}
      autoComplete="off"
      noValidate
    >
      <h2 id="vehicle-form-title">
        {v ? `Modifier ${v.label ?? 'le véhicule'}` : 'Nouveau véhicule'}
      </h2>
      <div className="form-grid">
        <TextField
          label="Nom"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          required
          maxLength={200}
        />
        <SelectField
          label="Type"
          value={kind}
          placeholder="Choisir"
          required
          options={options(VEHICLE_KIND_LABELS)}
          onChange={(e) => setKind(e.target.value as VehicleKind)}
        />
        <TextField
          label="Immatriculation ou n° de cadre"
          value={identification}
          onChange={(e) => setIdentification(e.target.value)}
          maxLength={60}
        />
        <SelectField
          label="Gardé à"
          value={siteId}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(e) => setSiteId(e.target.value)}
        />
        <SelectField
          label="État"
          value={condition}
          options={options(CONDITION_LABELS)}
          onChange={(e) => setCondition(e.target.value)}
        />
        <TextField
          label="Précision sur l’état"
          value={conditionNote}
          onChange={(e) => setConditionNote(e.target.value)}
          maxLength={200}
        />
        <SelectField
          label="Permis demandé"
          value={licence}
          placeholder="Selon le type"
          options={options(LICENCE_LABELS)}
          onChange={(e) => setLicence(e.target.value as Licence)}
        />
      </div>
      <CheckboxField
        label="En service"
        checked={available}
        onChange={(e) => setAvailable(e.target.checked)}
      />
      <fieldset className="form-grid">
        <legend>Ajouter une indisponibilité (facultatif)</legend>
        <TextField
          label="Du"
          type="date"
          value={offFrom}
          onChange={(e) => setOffFrom(e.target.value)}
        />
        <TextField
          label="Au"
          type="date"
          value={offTo}
          onChange={(e) => setOffTo(e.target.value)}
        />
        <SelectField
          label="Motif"
          value={offReason}
          options={options(UNAVAILABILITY_LABELS)}
          onChange={(e) => setOffReason(e.target.value as UnavailabilityReason)}
        />
      </fieldset>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <FormActions submitLabel="Enregistrer le véhicule" onCancel={props.onCancel} />
    </form>
  );
}

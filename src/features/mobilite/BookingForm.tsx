/**
 * Booking a vehicle for a young person, from the dossier (issue 16, item 3): period, purpose
 * with the situation or proposition it serves, the checks (licence or BSR for the vehicle,
 * age and guardian, a loan already running, the vehicle free and in service — as far as this
 * device knows, calendars of other sites included), the conditions accepted and the caution.
 * The same pure rules run on the server (write-rules/mobility.ts); an overlap the device could
 * not know of is held there for the siège, never lost.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useClock } from '../../app/clock-context';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import { ERROR_CODES, type ErrorCode } from '../../domain/errors';
import {
  bookingProblem,
  isMinorOn,
  overlappingSpans,
  requiredLicence,
  unavailabilityDuring,
  youthLoanDuring,
  type Span,
} from '../../domain/rules/mobility';
import type { NewDocument } from '../../db/writes';
import type {
  DepositState,
  Licence,
  LoanPurpose,
  MobilityRecord,
} from '../../domain/schemas/mobility';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Youth } from '../../domain/schemas/youth';
import { addDays, formatDayShort, today } from '../../domain/time';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import {
  DEPOSIT_LABELS,
  LICENCE_LABELS,
  PURPOSE_LABELS,
  UNAVAILABILITY_LABELS,
  VEHICLE_KIND_LABELS,
} from './labels';

interface Props {
  youth: Youth;
  vehicles: readonly MobilityRecord[];
  loans: readonly MobilityRecord[];
  spans: readonly Span[];
  parcours: readonly PathwayRecord[];
  siteId: string;
  onSubmit(loan: NewDocument<'mobility'>): Promise<unknown>;
  onCancel(): void;
}

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

export function BookingForm(props: Props) {
  const { youth, vehicles, loans, spans } = props;
  const clock = useClock();
  const day = today(clock);
  const typed = useTypedInput(`la réservation de véhicule de ${youth.firstName}`);
  const [vehicleId, setVehicleId] = useState('');
  const [startDate, setStart] = useState(day);
  const [endDate, setEnd] = useState(addDays(day, 13));
  const [purpose, setPurpose] = useState<LoanPurpose | ''>('');
  const [relatedId, setRelated] = useState('');
  const [note, setNote] = useState('');
  const [licenceHeld, setLicence] = useState<Licence | ''>(youth.drivingLicence === 'b' ? 'b' : '');
  const [guardian, setGuardian] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [deposit, setDeposit] = useState('150');
  const [depositState, setDepositState] = useState<DepositState>('a-recevoir');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const vehicle = vehicles.find((v) => v.id === vehicleId);
  const minor = isMinorOn(youth.birthDate, startDate);
  const needs = vehicle ? requiredLicence(vehicle) : undefined;
  const related = props.parcours.filter((r) => r.kind === 'situation' || r.kind === 'proposition');
  const warnings = useMemo(() => {
    const list: string[] = [];
    if (!(youth.barriers ?? []).includes('mobilite')) {
      list.push(
        'Le frein « mobilité » n’est pas noté dans le dossier (onglet Identité et situation).',
      );
    }
    if (vehicle?.condition === 'a-reviser') {
      list.push(
        `Ce véhicule est à réviser${vehicle.conditionNote ? ` : ${vehicle.conditionNote}` : ''}.`,
      );
    }
    return list;
  }, [youth.barriers, vehicle]);

  function problems(): string[] {
    const draft = {
      vehicleId,
      youthId: youth.id,
      startDate,
      endDate,
      purpose: purpose || undefined,
      licenceHeld: licenceHeld || undefined,
      guardianAgreement: guardian,
      conditionsAcceptedOn: accepted ? day : undefined,
    };
    const found: string[] = [];
    const code: ErrorCode | undefined = bookingProblem(draft, { vehicle, youth });
    if (code) found.push(ERROR_CODES[code].fr);
    if (vehicle && startDate && endDate && startDate <= endDate) {
      const period = { startDate, endDate };
      const off = unavailabilityDuring(vehicle, period);
      if (off) {
        found.push(
          'outOfService' in off
            ? 'Ce véhicule est hors service.'
            : `Ce véhicule est indisponible du ${formatDayShort(off.startDate)} au ${formatDayShort(off.endDate)} (${UNAVAILABILITY_LABELS[off.reason].toLowerCase()}).`,
        );
      }
      for (const span of overlappingSpans({ id: '', vehicleId }, period, spans, {
        includeHeld: true,
      })) {
        found.push(
          `${ERROR_CODES.LOAN_OVERLAP.fr} Il est pris du ${formatDayShort(span.startDate)} au ${formatDayShort(span.endDate)}${span.state === 'en-conflit' ? ' (réservation en conflit, examinée par le siège)' : ''} ; un véhicule rendu un jour repart au plus tôt le lendemain.`,
        );
      }
      const busyLoan = youthLoanDuring(youth.id, '', period, loans);
      if (busyLoan) {
        found.push(
          `${ERROR_CODES.LOAN_YOUTH_BUSY.fr} (du ${formatDayShort(busyLoan.startDate ?? '')} au ${formatDayShort(busyLoan.endDate ?? '')}).`,
        );
      }
    }
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = problems();
    const amount = deposit.trim() === '' ? undefined : Number(deposit.replace(',', '.'));
    if (amount !== undefined && (!Number.isFinite(amount) || amount < 0 || amount > 5000)) {
      found.push('La caution est un montant en euros, de 0 à 5 000.');
    }
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await props.onSubmit({
        kind: 'loan',
        siteId: vehicle?.siteId ?? props.siteId,
        vehicleId,
        youthId: youth.id,
        startDate,
        endDate,
        purpose: purpose as LoanPurpose,
        ...(relatedId ? { relatedId } : {}),
        ...(note.trim() ? { purposeNote: note.trim() } : {}),
        licenceHeld: (licenceHeld || 'aucun') as Licence,
        ...(minor ? { guardianAgreement: guardian } : {}),
        conditionsAcceptedOn: day,
        ...(amount !== undefined ? { depositAmount: amount } : {}),
        depositState: amount ? depositState : 'non-demandee',
      });
      typed.saved();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card booking-form"
      aria-labelledby="booking-title"
      onSubmit={(e) => void submit(e)}
      onChange={typed.onChange}
      autoComplete="off"
      noValidate
    >
      <h3 id="booking-title">Réserver un véhicule pour {youth.firstName}</h3>
      <div className="form-grid">
        <SelectField
          label="Véhicule"
          value={vehicleId}
          placeholder="Choisir un véhicule"
          required
          options={vehicles
            .filter((v) => v.available !== false)
            .map((v) => ({
              value: v.id,
              label: `${v.label ?? 'Véhicule'}${v.vehicleType ? ` — ${VEHICLE_KIND_LABELS[v.vehicleType]}` : ''}`,
            }))}
          onChange={(e) => setVehicleId(e.target.value)}
        />
        <TextField
          label="Départ le"
          type="date"
          value={startDate}
          onChange={(e) => setStart(e.target.value)}
          required
        />
        <TextField
          label="Retour le (inclus)"
          type="date"
          value={endDate}
          onChange={(e) => setEnd(e.target.value)}
          required
        />
        <SelectField
          label="Motif"
          value={purpose}
          placeholder="Choisir le motif"
          required
          options={options(PURPOSE_LABELS)}
          onChange={(e) => setPurpose(e.target.value as LoanPurpose)}
        />
        <SelectField
          label="Situation ou proposition liée (facultatif)"
          value={relatedId}
          placeholder="Aucune"
          options={related.map((r) => ({
            value: r.id,
            label: `${r.kind === 'situation' ? 'Situation' : 'Proposition'} : ${r.label ?? r.situationType ?? r.propositionType ?? ''}${r.startDate ? ` (${formatDayShort(r.startDate)})` : ''}`,
          }))}
          onChange={(e) => setRelated(e.target.value)}
        />
        <TextField
          label="Précision (employeur, formation…)"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={200}
        />
        <SelectField
          label="Permis présenté"
          hint={needs ? `Ce véhicule demande : ${LICENCE_LABELS[needs]}.` : undefined}
          value={licenceHeld}
          placeholder="Choisir"
          options={options(LICENCE_LABELS)}
          onChange={(e) => setLicence(e.target.value as Licence)}
        />
        <TextField
          label="Caution (€)"
          inputMode="decimal"
          value={deposit}
          onChange={(e) => setDeposit(e.target.value)}
        />
        <SelectField
          label="État de la caution"
          value={depositState}
          options={options(DEPOSIT_LABELS)}
          onChange={(e) => setDepositState(e.target.value as DepositState)}
        />
      </div>
      {minor && (
        <CheckboxField
          label="Le jeune est mineur : son représentant légal a donné son accord"
          checked={guardian}
          onChange={(e) => setGuardian(e.target.checked)}
        />
      )}
      <CheckboxField
        label="Le jeune a pris connaissance des conditions du prêt et les accepte"
        hint="Elles sont imprimées sur le contrat de prêt, à signer à la remise du véhicule."
        checked={accepted}
        onChange={(e) => setAccepted(e.target.checked)}
      />
      {warnings.length > 0 && (
        <ul className="booking-warnings" aria-label="À vérifier">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {errors.length > 0 && (
        <div className="form-error" role="alert">
          <p>La réservation n’a pas été enregistrée :</p>
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <FormActions
        submitLabel="Réserver"
        busy={busy}
        busyLabel="Enregistrement…"
        onCancel={props.onCancel}
      />
    </form>
  );
}

/**
 * One loan: where it stands (réservé, en cours, en retard, rendu, en conflit — examiné par le
 * siège), its details, and what can be done next on the device: print the contract, hand the
 * vehicle over, take it back, extend it, cancel it. Every check is a rule of
 * src/domain/rules/mobility.ts, said in French; nothing typed is lost on a refusal.
 */
import { useState, type FormEvent } from 'react';
import { useClock } from '../../app/clock-context';
import { useTypedInput } from '../../app/pwa/useUnsavedChanges';
import { ERROR_CODES, type ErrorCode } from '../../domain/errors';
import {
  checkoutProblem,
  extended,
  extensionProblem,
  lateness,
  LOAN_STATUS_LABELS,
  loanStatus,
  returnProblem,
  type Span,
} from '../../domain/rules/mobility';
import type { DepositState, MobilityRecord } from '../../domain/schemas/mobility';
import { formatDayShort, today } from '../../domain/time';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { FormActions } from '../../ui/FormActions';
import { DEPOSIT_LABELS, PURPOSE_LABELS } from './labels';
import type { LoanPatch } from './useMobility';

type Step = '' | 'depart' | 'retour' | 'prolonger' | 'annuler';

interface Props {
  loan: MobilityRecord;
  vehicle: MobilityRecord | undefined;
  /** Who borrows, as the screen may say it. */
  borrower: string;
  siteName: string | undefined;
  spans: readonly Span[];
  onUpdate(patch: LoanPatch): Promise<unknown>;
  onPrint(): void;
}

function message(code: ErrorCode | undefined): string | undefined {
  return code ? ERROR_CODES[code].fr : undefined;
}

export function LoanCard({ loan, vehicle, borrower, siteName, spans, onUpdate, onPrint }: Props) {
  const clock = useClock();
  const day = today(clock);
  const status = loanStatus(loan, clock);
  const late = lateness(loan, clock);
  const [step, setStep] = useState<Step>('');
  const [date, setDate] = useState(day);
  const [km, setKm] = useState('');
  const [state, setState] = useState('');
  const [damage, setDamage] = useState('');
  const [deposit, setDeposit] = useState<DepositState | ''>('');
  const [newEnd, setNewEnd] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const typed = useTypedInput(`le prêt de ${borrower}`);

  function open(next: Step) {
    setStep(next);
    setError(undefined);
    setDate(day);
    setKm('');
    setState('');
    setDamage('');
    setDeposit('');
    setNewEnd('');
    setReason('');
  }

  async function save(patch: LoanPatch) {
    setBusy(true);
    try {
      await onUpdate(patch);
      typed.saved();
      setStep('');
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const kilometres = km.trim() === '' ? undefined : Number(km);
    if (kilometres !== undefined && (!Number.isInteger(kilometres) || kilometres < 0)) {
      setError('Le kilométrage est un nombre entier de kilomètres.');
      return;
    }
    if (step === 'depart') {
      const problem = checkoutProblem(loan, date, day);
      if (problem) return setError(message(problem));
      await save({
        checkedOutOn: date,
        ...(kilometres !== undefined ? { checkoutKm: kilometres } : {}),
        ...(state.trim() ? { checkoutState: state.trim() } : {}),
        ...(deposit ? { depositState: deposit } : {}),
      });
    } else if (step === 'retour') {
      const problem = returnProblem(loan, date, kilometres, day);
      if (problem) return setError(message(problem));
      await save({
        returnedOn: date,
        ...(kilometres !== undefined ? { returnKm: kilometres } : {}),
        ...(state.trim() ? { returnState: state.trim() } : {}),
        ...(damage.trim() ? { damageNotes: damage.trim() } : {}),
        ...(deposit ? { depositState: deposit } : {}),
      });
    } else if (step === 'prolonger') {
      const problem = extensionProblem(loan, newEnd, spans, vehicle);
      if (problem) return setError(message(problem));
      await save(extended(loan, newEnd, day, reason));
    } else if (step === 'annuler') {
      if (!reason.trim()) return setError('Indiquez le motif de l’annulation.');
      await save({ cancelledOn: day, cancelReason: reason.trim() });
    }
  }

  const canAct = status !== 'annule' && status !== 'rendu';
  return (
    <article className={`card loan-card is-${status}`} aria-label={`Prêt de ${borrower}`}>
      <header className="loan-card-header">
        <h3>
          {vehicle?.label ?? 'Véhicule'} · {borrower}
        </h3>
        <span className={`loan-status is-${status}`}>
          {LOAN_STATUS_LABELS[status]}
          {late ? ` depuis ${late} jour${late > 1 ? 's' : ''}` : ''}
        </span>
      </header>
      <p>
        Du {loan.startDate ? formatDayShort(loan.startDate) : '—'} au{' '}
        {loan.endDate ? formatDayShort(loan.endDate) : '—'}
        {siteName ? ` · remise à ${siteName}` : ''}
        {loan.purpose ? ` · ${PURPOSE_LABELS[loan.purpose]}` : ''}
        {loan.purposeNote ? ` (${loan.purposeNote})` : ''}
      </p>
      <p className="muted">
        Caution : {loan.depositAmount !== undefined ? `${loan.depositAmount} €` : '—'}
        {loan.depositState ? `, ${DEPOSIT_LABELS[loan.depositState].toLowerCase()}` : ''}
        {loan.checkedOutOn ? ` · remis le ${formatDayShort(loan.checkedOutOn)}` : ''}
        {loan.checkoutKm !== undefined ? ` (${loan.checkoutKm} km)` : ''}
        {loan.returnedOn ? ` · rendu le ${formatDayShort(loan.returnedOn)}` : ''}
        {loan.returnKm !== undefined ? ` (${loan.returnKm} km)` : ''}
        {(loan.extensions ?? []).length > 0
          ? ` · prolongé ${(loan.extensions ?? []).length} fois`
          : ''}
      </p>
      {loan.damageNotes && <p>Dégâts notés : {loan.damageNotes}</p>}
      {loan.cancelledOn && (
        <p>
          Annulé le {formatDayShort(loan.cancelledOn)}
          {loan.cancelReason ? ` : ${loan.cancelReason}` : ''}
        </p>
      )}
      {status === 'en-conflit' && (
        <p className="notice" role="note">
          Un autre site avait réservé ce véhicule sur une partie de ces dates avant que ce prêt
          n’arrive au siège. Le siège examine les deux réservations ; rien de ce qui a été saisi
          n’est perdu. Changer les dates ou le véhicule libère ce prêt s’il ne chevauche plus rien.
        </p>
      )}
      <div className="loan-actions no-print">
        <button type="button" className="button-secondary" onClick={onPrint}>
          Imprimer le contrat de prêt
        </button>
        {canAct && !loan.checkedOutOn && status !== 'en-conflit' && (
          <button type="button" className="button-secondary" onClick={() => open('depart')}>
            Remettre le véhicule
          </button>
        )}
        {canAct && loan.checkedOutOn && (
          <button type="button" className="button-secondary" onClick={() => open('retour')}>
            Enregistrer le retour
          </button>
        )}
        {canAct && status !== 'en-conflit' && (
          <button type="button" className="button-secondary" onClick={() => open('prolonger')}>
            Prolonger
          </button>
        )}
        {canAct && !loan.checkedOutOn && (
          <button type="button" className="button-link" onClick={() => open('annuler')}>
            Annuler le prêt
          </button>
        )}
      </div>
      {step && (
        <form
          className="loan-step no-print"
          onSubmit={(e) => void submit(e)}
          onChange={typed.onChange}
          autoComplete="off"
          noValidate
          aria-label={
            {
              depart: 'Remise du véhicule',
              retour: 'Retour du véhicule',
              prolonger: 'Prolongation',
              annuler: 'Annulation',
            }[step]
          }
        >
          {(step === 'depart' || step === 'retour') && (
            <>
              <TextField
                label={step === 'depart' ? 'Remis le' : 'Rendu le'}
                type="date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                required
              />
              <TextField
                label="Kilométrage (compteur)"
                inputMode="numeric"
                value={km}
                onChange={(e) => setKm(e.target.value)}
              />
              <TextField
                label={step === 'depart' ? 'État au départ' : 'État au retour'}
                value={state}
                onChange={(e) => setState(e.target.value)}
                maxLength={200}
              />
              {step === 'retour' && (
                <TextAreaField
                  label="Dégâts constatés (facultatif)"
                  rows={2}
                  value={damage}
                  onChange={(e) => setDamage(e.target.value)}
                  maxLength={2000}
                />
              )}
              <SelectField
                label="Caution"
                value={deposit}
                placeholder="Inchangée"
                options={Object.entries(DEPOSIT_LABELS).map(([value, label]) => ({ value, label }))}
                onChange={(e) => setDeposit(e.target.value as DepositState | '')}
              />
            </>
          )}
          {step === 'prolonger' && (
            <>
              <TextField
                label="Nouvelle date de retour"
                type="date"
                value={newEnd}
                min={loan.endDate}
                onChange={(e) => setNewEnd(e.target.value)}
                required
              />
              <TextField
                label="Motif (facultatif)"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                maxLength={200}
              />
            </>
          )}
          {step === 'annuler' && (
            <TextField
              label="Motif de l’annulation"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={200}
              required
            />
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <FormActions
            submitLabel="Enregistrer"
            busy={busy}
            busyLabel="Enregistrement…"
            onCancel={() => setStep('')}
          />
        </form>
      )}
    </article>
  );
}

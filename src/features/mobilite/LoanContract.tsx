/**
 * The « contrat de prêt » of a loan, printed with the print stylesheet (mobilite-print.css):
 * only the contract shows on paper, A4 portrait, black on white, with the conditions and the
 * signatures. On screen it stays hidden (`print-only`).
 */
import { ageOnDay, daysInPeriod, requiredLicence } from '../../domain/rules/mobility';
import { fullName } from '../../domain/rules/names';
import type { MobilityRecord } from '../../domain/schemas/mobility';
import { formatDayLong } from '../../domain/time';
import {
  DEPOSIT_LABELS,
  LICENCE_LABELS,
  LOAN_CONDITIONS,
  PURPOSE_LABELS,
  VEHICLE_KIND_LABELS,
} from './labels';

interface Props {
  loan: MobilityRecord;
  vehicle: MobilityRecord | undefined;
  youth:
    | { firstName: string; lastName: string; birthDate?: string; address?: string; phone?: string }
    | undefined;
  siteName: string | undefined;
  adviserName: string | undefined;
}

export function LoanContract({ loan, vehicle, youth, siteName, adviserName }: Props) {
  const days =
    loan.startDate && loan.endDate
      ? daysInPeriod({ startDate: loan.startDate, endDate: loan.endDate })
      : 0;
  const age = ageOnDay(youth?.birthDate, loan.startDate ?? '');
  return (
    <section className="print-only loan-contract" aria-label="Contrat de prêt">
      <h1>Contrat de prêt de véhicule — Atelier Mob</h1>
      <p className="contract-org">
        Mission Locale Jeunes du Pays d’Alençon · 59 rue Saint-Blaise, 61000 Alençon
      </p>
      <h2>Entre</h2>
      <p>
        l’Atelier Mob, pour la Mission Locale, représenté par {adviserName ?? '……………………'}, et
        l’emprunteur·euse <strong>{youth ? fullName(youth) : '……………………'}</strong>
        {youth?.birthDate ? `, né·e le ${formatDayLong(youth.birthDate)}` : ''}
        {youth?.address ? `, demeurant ${youth.address}` : ''}
        {youth?.phone ? `, téléphone ${youth.phone}` : ''}.
      </p>
      <h2>Véhicule prêté</h2>
      <table>
        <tbody>
          <tr>
            <th scope="row">Véhicule</th>
            <td>
              {vehicle?.label ?? 'Véhicule'}
              {vehicle?.vehicleType ? ` (${VEHICLE_KIND_LABELS[vehicle.vehicleType]})` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Immatriculation ou n° de cadre</th>
            <td>{vehicle?.identification ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">Permis demandé</th>
            <td>
              {vehicle ? LICENCE_LABELS[requiredLicence(vehicle)] : '—'} · présenté :{' '}
              {loan.licenceHeld ? LICENCE_LABELS[loan.licenceHeld] : '—'}
            </td>
          </tr>
          <tr>
            <th scope="row">Période</th>
            <td>
              du {loan.startDate ? formatDayLong(loan.startDate) : '—'} au{' '}
              {loan.endDate ? formatDayLong(loan.endDate) : '—'} inclus ({days} jour
              {days > 1 ? 's' : ''})
            </td>
          </tr>
          <tr>
            <th scope="row">Lieu de remise et de retour</th>
            <td>{siteName ?? '—'}</td>
          </tr>
          <tr>
            <th scope="row">Motif</th>
            <td>
              {loan.purpose ? PURPOSE_LABELS[loan.purpose] : '—'}
              {loan.purposeNote ? ` — ${loan.purposeNote}` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Caution</th>
            <td>
              {loan.depositAmount !== undefined ? `${loan.depositAmount} €` : '—'}
              {loan.depositState ? ` (${DEPOSIT_LABELS[loan.depositState]})` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">État et kilométrage au départ</th>
            <td>
              {loan.checkoutState ?? '……………………'}
              {loan.checkoutKm !== undefined ? ` · ${loan.checkoutKm} km` : ''}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>Conditions du prêt</h2>
      <ol className="contract-conditions">
        {LOAN_CONDITIONS.map((condition) => (
          <li key={condition}>{condition}</li>
        ))}
      </ol>
      <p>
        Conditions lues et acceptées le{' '}
        {loan.conditionsAcceptedOn ? formatDayLong(loan.conditionsAcceptedOn) : '……………………'}.
        {age !== undefined && age < 18
          ? ' Emprunteur·euse mineur·e : accord du représentant légal ci-dessous.'
          : ''}
      </p>
      <div className="contract-signatures">
        <div>
          <p>L’emprunteur·euse</p>
          <p className="signature-box">Lu et approuvé, signature</p>
        </div>
        {age !== undefined && age < 18 && (
          <div>
            <p>Le représentant légal</p>
            <p className="signature-box">Signature</p>
          </div>
        )}
        <div>
          <p>Pour l’Atelier Mob</p>
          <p className="signature-box">Signature</p>
        </div>
      </div>
    </section>
  );
}

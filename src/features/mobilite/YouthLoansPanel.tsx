/**
 * The « Mobilité » section of a dossier: the young person's loans (history, the latest first,
 * a late one flagged), booking a vehicle, and each loan's contract to print.
 */
import { useMemo, useState } from 'react';
import { useClock } from '../../app/clock-context';
import { lateLoans } from '../../domain/rules/mobility';
import type { PathwayRecord } from '../../domain/schemas/pathway';
import type { Youth } from '../../domain/schemas/youth';
import { LoanCard } from './LoanCard';
import { LoanContract } from './LoanContract';
import { BookingForm } from './BookingForm';
import { useKnownSpans, useMobilityActions, useVehicles, useYouthLoans } from './useMobility';
import './mobilite.css';

interface Props {
  youth: Youth;
  parcours: readonly PathwayRecord[];
  siteName(id: string): string | undefined;
  staffName(id: string): string | undefined;
  userSiteId: string;
}

export function YouthLoansPanel({ youth, parcours, siteName, staffName, userSiteId }: Props) {
  const clock = useClock();
  const loans = useYouthLoans(youth.id);
  const vehicles = useVehicles();
  const { spans } = useKnownSpans();
  const actions = useMobilityActions();
  const [booking, setBooking] = useState(false);
  const [printed, setPrinted] = useState<string>();
  const [saved, setSaved] = useState('');
  const list = loans.data ?? [];
  const vehiclesById = useMemo(
    () => new Map((vehicles.data ?? []).map((v) => [v.id, v])),
    [vehicles.data],
  );
  const late = lateLoans(list, clock);
  const printedLoan = list.find((l) => l.id === printed);

  function print(id: string) {
    setPrinted(id);
    // Printed once the contract is in the page.
    setTimeout(() => window.print(), 50);
  }

  return (
    <section className="youth-loans" aria-labelledby="youth-loans-title">
      <div className="section-header no-print">
        <h2 id="youth-loans-title">Prêts de véhicule (Atelier Mob)</h2>
        {!booking && (
          <button type="button" className="button-primary" onClick={() => setBooking(true)}>
            Réserver un véhicule
          </button>
        )}
      </div>
      <p className="saved-note no-print" role="status">
        {saved}
      </p>
      {late.length > 0 && (
        <p className="late-flag no-print" role="alert">
          Retour en retard :{' '}
          {late
            .map(
              (l) =>
                `${vehiclesById.get(l.loan.vehicleId ?? '')?.label ?? 'véhicule'} depuis ${l.days} jour${l.days > 1 ? 's' : ''}`,
            )
            .join(', ')}
          .
        </p>
      )}
      {booking && (
        <BookingForm
          youth={youth}
          vehicles={vehicles.data ?? []}
          loans={list}
          spans={spans}
          parcours={parcours}
          siteId={userSiteId || youth.siteId}
          onSubmit={async (loan) => {
            await actions.book(loan);
            setBooking(false);
            setSaved('Réservation enregistrée sur cet appareil.');
          }}
          onCancel={() => setBooking(false)}
        />
      )}
      {loans.data !== undefined && list.length === 0 && !booking && (
        <p className="muted no-print">Aucun prêt de véhicule pour ce jeune.</p>
      )}
      <div className="loan-list no-print">
        {list.map((loan) => (
          <LoanCard
            key={loan.id}
            loan={loan}
            vehicle={vehiclesById.get(loan.vehicleId ?? '')}
            borrower={`${youth.firstName} ${youth.lastName}`.trim()}
            siteName={siteName(loan.siteId)}
            spans={spans}
            onUpdate={(patch) => actions.update(loan.id, patch)}
            onPrint={() => print(loan.id)}
          />
        ))}
      </div>
      {printedLoan && (
        <LoanContract
          loan={printedLoan}
          vehicle={vehiclesById.get(printedLoan.vehicleId ?? '')}
          youth={youth}
          siteName={siteName(printedLoan.siteId)}
          adviserName={printedLoan.authorId ? staffName(printedLoan.authorId) : undefined}
        />
      )}
    </section>
  );
}

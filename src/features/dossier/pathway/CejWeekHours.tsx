/**
 * The CEJ's hours as i-milo records them: per week, the hours the young person declares and
 * those the adviser validates (issue 18). Beside the activity chart, which Relais computes from
 * what is recorded; these are the figures the i-milo export carries (heures-cej.csv).
 */
import { useState, type FormEvent } from 'react';
import { useClock } from '../../../app/clock-context';
import type { PathwayRecord } from '../../../domain/schemas/pathway';
import { formatDayShort, formatHours, startOfWeek, today } from '../../../domain/time';
import { TextField } from '../../../ui/Field';
import { useDossierActions } from '../useDossierActions';

const MAX_WEEK_HOURS = 80;

function hoursOf(text: string): number | undefined | 'invalid' {
  if (text.trim() === '') return undefined;
  const hours = Number(text.replace(',', '.'));
  return Number.isFinite(hours) && hours >= 0 && hours <= MAX_WEEK_HOURS ? hours : 'invalid';
}

const hoursText = (hours: number | undefined) => (hours === undefined ? '—' : formatHours(hours));

export function CejWeekHours({ cej }: { cej: PathwayRecord }) {
  const clock = useClock();
  const actions = useDossierActions();
  const [weekStart, setWeekStart] = useState(() => startOfWeek(today(clock)));
  const [declared, setDeclared] = useState('');
  const [validated, setValidated] = useState('');
  const [error, setError] = useState<string>();
  const weeks = [...(cej.cejWeeks ?? [])].reverse();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const declaredHours = hoursOf(declared);
    const validatedHours = hoursOf(validated);
    if (declaredHours === 'invalid' || validatedHours === 'invalid') {
      setError(`Des heures entre 0 et ${MAX_WEEK_HOURS}.`);
      return;
    }
    if (declaredHours === undefined && validatedHours === undefined) {
      setError('Indiquez les heures déclarées ou validées.');
      return;
    }
    setError(undefined);
    await actions.setCejWeek(cej, {
      weekStart,
      ...(declaredHours !== undefined ? { declaredHours } : {}),
      ...(validatedHours !== undefined ? { validatedHours } : {}),
    });
    setDeclared('');
    setValidated('');
  }

  return (
    <section className="cej-week-hours" aria-label="Heures déclarées et validées">
      <h4>Heures déclarées et validées</h4>
      <form onSubmit={(e) => void submit(e)} className="form-grid">
        <TextField
          label="Semaine du"
          type="date"
          value={weekStart}
          onChange={(e) => setWeekStart(e.target.value)}
        />
        <TextField
          label="Heures déclarées par le jeune"
          inputMode="decimal"
          value={declared}
          error={error}
          onChange={(e) => setDeclared(e.target.value)}
        />
        <TextField
          label="Heures validées par le conseiller"
          inputMode="decimal"
          value={validated}
          onChange={(e) => setValidated(e.target.value)}
        />
        <button type="submit" className="button-secondary">
          Enregistrer la semaine
        </button>
      </form>
      {weeks.length > 0 && (
        <ul className="cej-weeks">
          {weeks.map((week) => (
            <li key={week.weekStart}>
              {`Semaine du ${formatDayShort(week.weekStart)} : ${hoursText(week.declaredHours)} déclarées, ${hoursText(week.validatedHours)} validées`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The young person's information and agreement, as the aller-vers contact and the émargement's
 * walk-in ask it: the RGPD information read to them, their free agreement (« libre adhésion »)
 * to what is recorded, and whether they agree to be contacted again.
 */
import { useId, type ReactNode } from 'react';
import { CheckboxField } from '../../ui/Field';
import { ChoiceGroup } from './ChoiceGroup';
import { RGPD_INFORMATION } from './labels';

const RECONTACT_CHOICES = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
] as const;

export interface ConsentValues {
  rgpdAcknowledged: boolean;
  recontact: 'oui' | 'non' | '';
}

export function ConsentSection({
  heading: Heading,
  agreement,
  values,
  errors,
  onAcknowledged,
  onRecontact,
  children,
}: {
  /** The section's heading level in the form it sits in. */
  heading: 'h2' | 'h3';
  /** What the young person agrees to, as the adviser reads it to them. */
  agreement: string;
  values: ConsentValues;
  errors: { rgpdAcknowledged?: string; recontact?: string };
  onAcknowledged(acknowledged: boolean): void;
  onRecontact(recontact: 'oui' | 'non'): void;
  /** Shown at the end of the section (a hint, the form's button). */
  children?: ReactNode;
}) {
  const titleId = useId();
  const errorId = useId();
  return (
    <section className="consent" aria-labelledby={titleId}>
      <Heading id={titleId}>Information et accord du jeune</Heading>
      <div className="rgpd-text">
        {RGPD_INFORMATION.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      <CheckboxField
        label={`J’ai lu cette information au jeune, qui accepte ${agreement} (libre adhésion)`}
        data-field="rgpdAcknowledged"
        checked={values.rgpdAcknowledged}
        onChange={(e) => onAcknowledged(e.target.checked)}
        aria-invalid={errors.rgpdAcknowledged ? true : undefined}
        aria-describedby={errors.rgpdAcknowledged ? errorId : undefined}
      />
      {errors.rgpdAcknowledged && (
        <p id={errorId} className="field-error">
          {errors.rgpdAcknowledged}
        </p>
      )}
      <ChoiceGroup
        legend="Accepte d’être recontacté·e ?"
        name="recontact"
        choices={RECONTACT_CHOICES}
        value={values.recontact}
        onChange={onRecontact}
        error={errors.recontact}
        columns={2}
      />
      {children}
    </section>
  );
}

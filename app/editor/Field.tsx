import { useId, type ReactNode } from 'react';

/** The attributes that tie a control to its label and hint. */
export interface FieldControlProps {
  readonly id: string;
  readonly 'aria-describedby'?: string;
}

export interface FieldProps {
  readonly label: string;
  readonly hint?: string;
  /** Two columns wide (labels, selectors). */
  readonly wide?: boolean;
  readonly children: (control: FieldControlProps) => ReactNode;
}

/** A labelled control; its hint describes it without becoming part of its name. */
export function Field({ label, hint, wide = false, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="pw-edit-field" data-wide={wide || undefined}>
      <label htmlFor={id}>{label}</label>
      {children(hint === undefined ? { id } : { id, 'aria-describedby': hintId })}
      {hint !== undefined && (
        <small className="pw-edit-hint" id={hintId}>
          {hint}
        </small>
      )}
    </div>
  );
}

import { useId, type ReactNode } from 'react';

/**
 * One labelled input of the node form, with its hint and, when the value is wrong, the
 * message next to it (the input says it is invalid and points at the message).
 */
export function NodeField({
  label,
  hint,
  problem,
  children,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly problem?: string | undefined;
  readonly children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter((s) => s !== '').join(' ');
  return (
    <div className="pw-node-field" data-invalid={problem ? '' : undefined}>
      <label htmlFor={id} className="pw-node-label">
        {label}
      </label>
      {children({ id, 'aria-invalid': problem !== undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="pw-node-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="pw-node-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

import { useId, type ReactNode } from 'react';

export interface EditorSectionProps {
  readonly title: string;
  /** Stable hook for browser tests and styles ("nodes", "pods", ...). */
  readonly name: string;
  readonly children: ReactNode;
}

/** One part of the editor: a section named by its heading, styled like the step panels. */
export function EditorSection({ title, name, children }: EditorSectionProps) {
  const headingId = useId();
  return (
    <section className={`pw-panel pw-editor-section pw-editor-${name}`} data-id={`editor-${name}`} aria-labelledby={headingId}>
      <h2 className="pw-panel-title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

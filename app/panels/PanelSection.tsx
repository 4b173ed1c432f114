import { useId, type ReactNode } from 'react';

export interface PanelSectionProps {
  readonly title: string;
  /** Stable hook for browser tests and styles ("packet", "rules", ...). */
  readonly name: string;
  readonly children: ReactNode;
}

/** One panel: a section named by its heading. */
export function PanelSection({ title, name, children }: PanelSectionProps) {
  const headingId = useId();
  return (
    <section className={`pw-panel pw-panel-${name}`} data-id={`panel-${name}`} aria-labelledby={headingId}>
      <h2 className="pw-panel-title" id={headingId}>
        {title}
      </h2>
      {children}
    </section>
  );
}

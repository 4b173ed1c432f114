import { isPacketStep } from '../../src/index';
import { useAppStore } from '../store/StoreProvider';
import { selectCurrentStep } from '../store/selectors';
import { packetFields, type PacketField } from './packet-fields';
import { PanelSection } from './PanelSection';
import { usePanelStrings } from './usePanelStrings';

/** The packet's headers at the current step; the fields the step rewrote as old (struck) -> new (highlighted). */
export function PacketPanel() {
  const step = useAppStore(selectCurrentStep);
  const t = usePanelStrings();
  const fields = step && isPacketStep(step) ? packetFields(step) : [];
  const changed = fields.filter((f) => f.changed).map((f) => t.fields[f.key]);
  return (
    <PanelSection title={t.packet} name="packet">
      {step && !isPacketStep(step) ? (
        <p className="pw-panel-note">{t.controlPlaneStep}</p>
      ) : step ? (
        <>
          <dl className="pw-fields">
            {fields.map((f) => (
              <FieldRow key={f.key} field={f} name={t.fields[f.key]} empty={t.noFlags} />
            ))}
          </dl>
          <p className="pw-panel-note">{changed.length > 0 ? t.changedFields(changed) : t.unchangedPacket}</p>
        </>
      ) : (
        <p className="pw-panel-note">{t.noStep}</p>
      )}
    </PanelSection>
  );
}

function FieldRow({ field, name, empty }: { field: PacketField; name: string; empty: string }) {
  const show = (v: string) => v || empty;
  return (
    <div className="pw-field" data-field={field.key} data-changed={field.changed || undefined}>
      <dt>{name}</dt>
      <dd>
        {field.changed ? (
          <>
            <del>{show(field.before)}</del>
            <span className="pw-arrow">{' → '}</span>
            <ins>{show(field.after)}</ins>
          </>
        ) : (
          <code>{show(field.after)}</code>
        )}
      </dd>
    </div>
  );
}

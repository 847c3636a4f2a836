import type { CSSProperties, ReactNode } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';

interface FieldFrameProps {
  /** The field path others see us in (`buyer.name`, `lines.<id>.quantity`, `notes`). */
  readonly path: string;
  readonly label: string;
  /** The control's id, for a `<label for>`; rich text uses `labelId` + aria-labelledby instead. */
  readonly htmlFor?: string;
  readonly labelId?: string;
  /** In a table the column header is the visible label and the control has its own aria-label. */
  readonly hideLabel?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/** A field's label, its control, and the coloured ring and name of whoever else is in it. */
export function FieldFrame({
  path,
  label,
  htmlFor,
  labelId,
  hideLabel = false,
  className = '',
  children,
}: FieldFrameProps) {
  const { peersByField } = useEditorContext();
  const peers = peersByField.get(path) ?? [];
  const first = peers[0];
  const style = first ? ({ '--peer-color': first.user.color } as CSSProperties) : undefined;
  return (
    <div className={`field ${first ? 'field-with-peer' : ''} ${className}`} data-field={path} style={style}>
      {!hideLabel && (
        <label className="field-label" htmlFor={htmlFor} id={labelId}>
          {label}
        </label>
      )}
      <div className="field-control">
        {children}
        {first && (
          <span className="peer-tags">
            {peers.map((peer) => (
              <span key={peer.clientId} className="peer-tag" style={{ background: peer.user.color }}>
                {peer.user.name}
              </span>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}

import type { CSSProperties, ReactNode } from 'react';
import { useEditorContext } from '../hooks/useEditorContext.ts';
import { mentionHintId } from '../lib/mentions.ts';
import { CommentMarker } from './comments/CommentMarker.tsx';
import { LockBadge, LockButton } from './LockControls.tsx';

interface FieldFrameProps {
  /** The field path others see us in (`buyer.name`, `lines.<id>.quantity`, `notes`). */
  readonly path: string;
  readonly label: string;
  /** The field's full name where the label alone is ambiguous ("Quantity, line 2"). */
  readonly fullLabel?: string;
  /** The control's id, for a `<label for>`; rich text uses `labelId` + aria-labelledby instead. */
  readonly htmlFor?: string;
  readonly labelId?: string;
  /** In a table the column header is the visible label and the control has its own aria-label. */
  readonly hideLabel?: boolean;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A field's label, its control, its lock (button and badge), the coloured ring and name of
 * whoever else is in it, and the mandatory mentions it still lacks.
 */
export function FieldFrame({
  path,
  label,
  fullLabel = label,
  htmlFor,
  labelId,
  hideLabel = false,
  className = '',
  children,
}: FieldFrameProps) {
  const { peersByField, mentions } = useEditorContext();
  const peers = peersByField.get(path) ?? [];
  const first = peers[0];
  const style = first ? ({ '--peer-color': first.user.color } as CSSProperties) : undefined;
  const missing = mentions.get(path);
  const classes = ['field', hideLabel ? 'field-inline' : '', first ? 'field-with-peer' : '', className];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-field={path} style={style}>
      {!hideLabel && (
        <div className="field-head">
          <label className="field-label" htmlFor={htmlFor} id={labelId}>
            {label}
          </label>
          <LockBadge path={path} />
          <LockButton path={path} label={fullLabel} />
          <CommentMarker path={path} label={fullLabel} />
        </div>
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
      {hideLabel && (
        <>
          <LockButton path={path} label={fullLabel} compact />
          <LockBadge path={path} />
          <CommentMarker path={path} label={fullLabel} />
        </>
      )}
      {missing && (
        <p id={mentionHintId(path)} className="field-hint">
          {missing.join(' · ')}
        </p>
      )}
    </div>
  );
}

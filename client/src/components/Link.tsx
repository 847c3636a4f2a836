import type { ReactNode } from 'react';
import { navigate, shouldHandleClick } from '../lib/router.ts';

export function Link({
  to,
  className,
  current = false,
  children,
}: {
  to: string;
  className?: string;
  /** The page this link leads to is the one shown (navigation). */
  current?: boolean;
  children: ReactNode;
}) {
  return (
    <a
      href={to}
      className={className}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        if (!shouldHandleClick(event)) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

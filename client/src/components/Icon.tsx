const PATHS = {
  up: 'M8 13V3M3.5 7.5 8 3l4.5 4.5',
  down: 'M8 3v10M3.5 8.5 8 13l4.5-4.5',
  duplicate: 'M5.5 5.5h7v7h-7zM3.5 10.5v-7h7',
  remove: 'M4 4l8 8M12 4l-8 8',
  locked: 'M4 7.5h8v6H4zM5.75 7.5V5.25a2.25 2.25 0 0 1 4.5 0V7.5',
  unlocked: 'M4 7.5h8v6H4zM5.75 7.5V5.25a2.25 2.25 0 0 1 4.4-.7',
  bell: 'M4 11.5V7a4 4 0 0 1 8 0v4.5l1 1.25H3zM6.75 14.25a1.4 1.4 0 0 0 2.5 0',
} as const;

/** Small stroke icons (no icon font: glyphs like ⧉ are missing from many system fonts). */
export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

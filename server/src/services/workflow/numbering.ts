/**
 * Invoice number formats: `{YYYY}` / `{YY}` (year of the issue date), `{SEQ:n}` (the series'
 * counter, zero-padded to n digits). The series is the format with the counter left out, so
 * `{YYYY}-{SEQ:6}` restarts every year and `F{SEQ:5}` never does.
 */
export const DEFAULT_NUMBER_FORMAT = '{YYYY}-{SEQ:6}';
const SEQ = /\{SEQ:(\d{1,2})\}/;

export function isValidNumberFormat(format: string): boolean {
  const seq = SEQ.exec(format);
  return seq !== null && format.length <= 64 && !/\{(?!YYYY\}|YY\}|SEQ:\d{1,2}\})/.test(format);
}

export function seriesOf(format: string, issueDate: string): string {
  return fillYear(format, issueDate).replace(SEQ, '#');
}

export function formatNumber(format: string, issueDate: string, counter: number): string {
  return fillYear(format, issueDate).replace(SEQ, (_m, width: string) =>
    String(counter).padStart(Number(width), '0'),
  );
}

function fillYear(format: string, issueDate: string): string {
  const year = /^\d{4}/.exec(issueDate)?.[0] ?? String(new Date().getUTCFullYear());
  return format.replaceAll('{YYYY}', year).replaceAll('{YY}', year.slice(2));
}

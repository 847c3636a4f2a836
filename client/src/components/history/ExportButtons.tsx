import { useState } from 'react';
import { auditApi, type ExportFormat } from '../../lib/auditApi.ts';

/** CSV and JSON downloads of the whole chain (fetched with the session's token). */
export function ExportButtons({ invoiceId, token }: { invoiceId: string; token: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      await auditApi.download(token, invoiceId, format);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="export-buttons">
      <button type="button" className="button-quiet" disabled={busy !== null} onClick={() => run('csv')}>
        {busy === 'csv' ? 'Exporting…' : 'Export CSV'}
      </button>
      <button type="button" className="button-quiet" disabled={busy !== null} onClick={() => run('json')}>
        {busy === 'json' ? 'Exporting…' : 'Export JSON'}
      </button>
      {error && (
        <p className="form-error" role="alert">
          The export failed: {error}
        </p>
      )}
    </div>
  );
}

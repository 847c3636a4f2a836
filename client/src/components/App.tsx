import { lazy, Suspense } from 'react';
import { useRoute } from '../hooks/useRoute.ts';
import { useSession } from '../hooks/useSession.ts';
import { AppHeader } from './AppHeader.tsx';
import { InvoiceListPage } from './InvoiceListPage.tsx';
import { QueuePage } from './QueuePage.tsx';
import { SignInPage } from './SignInPage.tsx';

// The editor (Lexical, Yjs, the socket) loads on first use: sign-in and the list stay light.
const InvoicePage = lazy(() =>
  import('./InvoicePage.tsx').then((module) => ({ default: module.InvoicePage })),
);
const HistoryPage = lazy(() =>
  import('./history/HistoryPage.tsx').then((module) => ({ default: module.HistoryPage })),
);

export function App() {
  const { session, signIn, signOut } = useSession();
  const route = useRoute();
  if (!session) return <SignInPage onSignIn={signIn} />;
  return (
    <>
      <AppHeader session={session} route={route} onSignOut={signOut} />
      <main className="page">
        {route.name === 'list' && <InvoiceListPage session={session} />}
        {route.name === 'queue' && <QueuePage session={session} />}
        {route.name === 'invoice' && (
          <Suspense
            fallback={
              <p className="empty-state" role="status">
                Opening the invoice…
              </p>
            }
          >
            <InvoicePage key={route.id} invoiceId={route.id} session={session} />
          </Suspense>
        )}
        {route.name === 'history' && (
          <Suspense
            fallback={
              <p className="empty-state" role="status">
                Opening the history…
              </p>
            }
          >
            <HistoryPage key={route.id} invoiceId={route.id} session={session} />
          </Suspense>
        )}
        {route.name === 'notFound' && (
          <p className="empty-state">
            This page does not exist. <a href="/">Back to the invoices</a>
          </p>
        )}
      </main>
    </>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { installWebBridge } from './bridge/web';
import { flushAndSettle, installFlushOnLeave } from './flush';
import { initI18n } from './i18n';
import { App } from './App';
import './styles.css';

// In Electron the preload has put window.api in place; in a plain browser the web bridge does.
if (!('api' in window)) installWebBridge();
initI18n();

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } } });

// Typing not yet saved (the pause not over) is sent when the page goes away or out of view; the Electron host also
// asks for it, and waits for the saves, before it closes the window.
installFlushOnLeave();
window.regiekaartFlush = () => flushAndSettle(() => queryClient.isMutating(), (check) => queryClient.getMutationCache().subscribe(check));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { installWebBridge } from './bridge/web';
import { initI18n } from './i18n';
import { App } from './App';
import './styles.css';

// In Electron the preload has put window.api in place; in a plain browser the web bridge does.
if (!('api' in window)) installWebBridge();
initI18n();

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);

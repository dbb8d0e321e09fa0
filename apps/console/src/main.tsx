import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FirebreakProvider } from '@firebreak/client';
import { I18nProvider } from '@firebreak/ui';
import { App } from './app';
import { createConsoleQueryClient } from './lib/session-events';
import './console.css';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

const queryClient = createConsoleQueryClient();

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <FirebreakProvider queryClient={queryClient}>
        <App />
      </FirebreakProvider>
    </I18nProvider>
  </StrictMode>,
);

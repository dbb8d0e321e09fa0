import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FirebreakProvider } from '@firebreak/client';
import { I18nProvider } from '@firebreak/ui';
import '@firebreak/ui/kit.css';
import './portal.css';
import { App } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <FirebreakProvider>
        <App />
      </FirebreakProvider>
    </I18nProvider>
  </StrictMode>,
);

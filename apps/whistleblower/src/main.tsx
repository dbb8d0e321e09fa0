import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { FirebreakProvider } from '@firebreak/client';
import { I18nProvider } from '@firebreak/ui';
import '@firebreak/ui/kit.css';
import './whistle.css';
import { App } from './app';
import { IDLE_MINUTES, SessionProvider } from './lib/session';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

// Tests shorten the idle timer with an init script; nothing else sets this.
const idleMs = (window as { __FIREBREAK_IDLE_MS__?: number }).__FIREBREAK_IDLE_MS__ ?? IDLE_MINUTES * 60_000;

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <FirebreakProvider>
        <Router base="/whistleblower">
          <SessionProvider idleMs={idleMs}>
            <App />
          </SessionProvider>
        </Router>
      </FirebreakProvider>
    </I18nProvider>
  </StrictMode>,
);

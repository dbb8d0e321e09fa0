import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { forgetReceipt } from './receipt-store';

/** Minutes without a key press, click or touch before the page clears itself. */
export const IDLE_MINUTES = 5;

interface Session {
  /** Bumped on every clear: pages key their state on it, so a clear drops everything typed. */
  readonly epoch: number;
  readonly endedByIdle: boolean;
  /** Clears every page's state, the query cache and the receipt, and replaces the history entry. */
  readonly leave: (reason: 'button' | 'idle') => void;
  readonly dismissIdleNotice: () => void;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Quick exit and idle end. Nothing sensitive lives anywhere but React state
 * and the query cache, so clearing both and replacing the current history
 * entry with the neutral start page leaves nothing to come back to with Back.
 */
export function SessionProvider({ children, idleMs = IDLE_MINUTES * 60_000 }: { children: ReactNode; idleMs?: number }) {
  const [epoch, setEpoch] = useState(0);
  const [endedByIdle, setEndedByIdle] = useState(false);
  const queryClient = useQueryClient();
  const [location, navigate] = useLocation();
  const locationRef = useRef(location);
  locationRef.current = location;

  const leave = useCallback(
    (reason: 'button' | 'idle') => {
      forgetReceipt();
      queryClient.clear();
      setEpoch((e) => e + 1);
      setEndedByIdle(reason === 'idle');
      navigate('/', { replace: true });
      window.scrollTo(0, 0);
      if (reason === 'button') {
        // Drop anything still focused or selected, so nothing typed remains visible.
        (document.activeElement as HTMLElement | null)?.blur();
        window.getSelection()?.removeAllRanges();
      }
    },
    [navigate, queryClient],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Only worth ending when something was open; the start page holds nothing.
        if (locationRef.current !== '/') leave('idle');
        else arm();
      }, idleMs);
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [idleMs, leave]);

  const dismissIdleNotice = useCallback(() => setEndedByIdle(false), []);
  return <SessionContext.Provider value={{ epoch, endedByIdle, leave, dismissIdleNotice }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession() outside <SessionProvider>');
  return s;
}

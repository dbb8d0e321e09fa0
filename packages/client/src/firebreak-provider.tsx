import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client';
import { createFirebreakClient, type FirebreakClient } from './trpc-client';
import { TRPCProvider } from './trpc-context';

export interface FirebreakProviderProps {
  readonly children: ReactNode;
  /** API origin; '' (default) means the page's own origin. */
  readonly baseUrl?: string;
  /** Injected in tests or when an app needs its own cache settings. */
  readonly queryClient?: QueryClient;
  readonly trpcClient?: FirebreakClient;
}

/** Query cache + tRPC client for one front end; `useTRPC()` works anywhere below it. */
export function FirebreakProvider({ children, baseUrl = '', queryClient, trpcClient }: FirebreakProviderProps) {
  // useState keeps one client per mounted app, surviving re-renders.
  const [qc] = useState(() => queryClient ?? createQueryClient());
  const [client] = useState(() => trpcClient ?? createFirebreakClient(baseUrl));
  return (
    <QueryClientProvider client={qc}>
      <TRPCProvider trpcClient={client} queryClient={qc}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

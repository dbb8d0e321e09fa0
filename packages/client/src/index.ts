export { createFirebreakClient, type FirebreakClient } from './trpc-client';
export { createQueryClient, shouldRetry } from './query-client';
export { TRPCProvider, useTRPC, useTRPCClient } from './trpc-context';
export { FirebreakProvider, type FirebreakProviderProps } from './firebreak-provider';
export type { AppRouter, RouterInputs, RouterOutputs } from '@firebreak/api';
export { useHealth, healthStateOf, HEALTH_REFETCH_MS, type ApiHealth, type ApiHealthState } from './use-health';

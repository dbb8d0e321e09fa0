import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './trpc-context';

export type ApiHealthState = 'checking' | 'ok' | 'down';

export interface ApiHealth {
  readonly state: ApiHealthState;
  /** Server time of the last good answer (ISO-8601). */
  readonly checkedAt: string | undefined;
}

/** How often the badge re-asks; short enough to notice an outage while a form is open. */
export const HEALTH_REFETCH_MS = 15_000;

export function healthStateOf(query: { isPending: boolean; isError: boolean; status: string | undefined }): ApiHealthState {
  if (query.isError) return 'down';
  if (query.isPending) return 'checking';
  return query.status === 'ok' ? 'ok' : 'down';
}

/** Live API health through the tRPC `health` query. */
export function useHealth(): ApiHealth {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.health.queryOptions(undefined, { refetchInterval: HEALTH_REFETCH_MS, retry: false, staleTime: 0 }),
  );
  return {
    state: healthStateOf({ isPending: query.isPending, isError: query.isError, status: query.data?.status }),
    checkedAt: query.isError ? undefined : query.data?.time,
  };
}

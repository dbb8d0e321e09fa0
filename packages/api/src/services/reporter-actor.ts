import type { Actor } from '@firebreak/domain';

/**
 * The kernel actor for the holder of a receipt: an opaque subject tied to the
 * report, never a name or a phone number, so audit rows say "the reporter"
 * without saying who.
 */
export function reporterActor(role: 'public' | 'whistleblower', reportId: string): Actor {
  return {
    userId: `reporter:${reportId}`,
    name: role === 'whistleblower' ? '内部举报人' : '举报人',
    role,
    departmentId: null,
    jurisdictionId: null,
  };
}

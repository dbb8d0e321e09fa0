/** The ways a notification can leave the system. */
export type NotificationChannel = 'in_app' | 'email' | 'sms' | 'hotline';

/** Report channels filed by a hotline integrator, who gets the status callback. */
export const HOTLINE_REPORT_CHANNELS: readonly string[] = ['hotline_12345', 'hotline_96119', 'open311'];

/**
 * How a reporter is reached: always in-app on the receipt's tracking page; by SMS or email only
 * when they left that contact; the hotline integrator that filed the report gets a callback
 * (carrying the request id and status, never the contact).
 */
export function reporterChannels(input: { readonly filedThrough: string; readonly hasPhone: boolean; readonly hasEmail: boolean }): NotificationChannel[] {
  const out: NotificationChannel[] = ['in_app'];
  if (input.hasPhone) out.push('sms');
  if (input.hasEmail) out.push('email');
  if (HOTLINE_REPORT_CHANNELS.includes(input.filedThrough)) out.push('hotline');
  return out;
}

/** Staff and unit accounts are reached in their console's "my work". */
export const ACCOUNT_CHANNELS: readonly NotificationChannel[] = ['in_app'];

/**
 * Who answers for a role-addressed notification: the accounts of that role at the nearest
 * jurisdiction level, from the subject's own up to the root, that has any.
 * `levels` is [subject, parent, ..., root].
 */
export function nearestLevelWithAccounts<T>(levels: readonly string[], accountsAt: (jurisdictionId: string) => readonly T[]): readonly T[] {
  for (const j of levels) {
    const found = accountsAt(j);
    if (found.length > 0) return found;
  }
  return [];
}

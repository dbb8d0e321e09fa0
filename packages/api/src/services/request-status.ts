import { isOpen311Visible, open311Request, type Open311Request, type ReportState } from '@firebreak/domain';
import { listOpen311Reports, type Db } from '@firebreak/db';
import { toTRPCError, type Locale } from '../trpc';

const NOT_FOUND = { code: 'REPORT.NOT_FOUND', message: 'No public request with this id', messageZh: '未找到该公开诉求' };

/**
 * A report's public status by its service request id: exactly what Open311
 * `requests/{id}` shows, for hotline callers and integrators who hold an id but
 * no receipt. Whistleblower reports are never found here.
 */
export async function requestStatus(db: Db, serviceRequestId: string, locale: Locale): Promise<Open311Request> {
  const [state] = (await listOpen311Reports(db, { ids: [serviceRequestId], limit: 1 })) as unknown as ReportState[];
  if (!state || !isOpen311Visible(state)) throw toTRPCError(NOT_FOUND);
  return open311Request(state, { locale: locale === 'en' ? 'en' : 'zh-CN' });
}

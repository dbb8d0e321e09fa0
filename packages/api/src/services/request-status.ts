import { open311PublicRequests, type Open311PublicRequest, type ReportState } from '@firebreak/domain';
import { listFireAgencies, listOpen311Reports, type Db } from '@firebreak/db';
import type { Services } from '../context/services';
import { type Locale } from '../trpc';
import { DomainFailure } from '../application/failure';

const NOT_FOUND = { code: 'REPORT.NOT_FOUND', message: 'No public request with this id', messageZh: '未找到该公开诉求' };

/**
 * A report's public status by its service request id: exactly what Open311
 * `requests/{id}` shows (the kernel's one projection, agency included), for
 * hotline callers and integrators who hold an id but no receipt. Whistleblower
 * reports are never found here.
 */
export async function requestStatus(db: Db, services: Pick<Services, 'reference'>, serviceRequestId: string, locale: Locale): Promise<Open311PublicRequest> {
  const states = (await listOpen311Reports(db, { ids: [serviceRequestId], limit: 1 })) as unknown as ReportState[];
  const { tree } = await services.reference.get(db);
  const [found] = open311PublicRequests(states, { tree, agencies: await listFireAgencies(db), locale });
  if (!found) throw new DomainFailure(NOT_FOUND);
  return found;
}

export const GEOREPORT_V2_SPEC = 'http://wiki.open311.org/GeoReport_v2';

/** Bumped when the services or their definitions change, so integrators know to refetch. */
export const OPEN311_CHANGESET = '2026-05-01T00:00:00+08:00';

export interface Open311Discovery {
  readonly changeset: string;
  readonly contact: string;
  readonly key_service: string;
  readonly endpoints: readonly {
    readonly specification: string;
    readonly url: string;
    readonly changeset: string;
    readonly type: 'production' | 'test';
    readonly formats: readonly string[];
  }[];
}

/** Service discovery (discovery.json): where the GeoReport v2 endpoint is and what it speaks. */
export function open311Discovery(baseUrl: string, type: 'production' | 'test'): Open311Discovery {
  return {
    changeset: OPEN311_CHANGESET,
    contact: '请联系所在地消防救援机构信息化部门 / Contact the local fire-rescue agency’s IT office',
    key_service: 'API keys are issued in the Firebreak console (管理控制台) by an administrator; keys are shown once',
    endpoints: [{ specification: GEOREPORT_V2_SPEC, url: baseUrl, changeset: OPEN311_CHANGESET, type, formats: ['application/json', 'text/xml'] }],
  };
}

/** The demo accounts the first start creates (README "Demo accounts"); demo only. */
export const DEMO_PASSWORD = 'Firebreak-demo-2026';

export type DemoUser =
  | 'admin'
  | 'city.supervisor'
  | 'supervisor'
  | 'inspector'
  | 'inspector2'
  | 'police'
  | 'industry'
  | 'committee'
  | 'expert'
  | 'discipline'
  | 'reward'
  | 'reward2'
  | 'custodian'
  | 'grid'
  | 'unit'
  | 'unit2'
  | 'unit3'
  | 'xishan.supervisor'
  | 'xishan.inspector'
  | 'xishan.inspector2';

export const OPEN311_DEMO_API_KEY = 'fb-demo-open311-2026-5d8c1e7a9b3f4a60';

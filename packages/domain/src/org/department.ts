import { z } from 'zod';
import { FIRE_AGENCY_LEVELS, INDUSTRY_SECTORS, type DepartmentKind, type FireAgencyLevel, type IndustrySector } from './department-kinds';

interface DepartmentBase {
  readonly id: string;
  readonly name: string;
  /** Root of the jurisdiction subtree the department covers. */
  readonly jurisdictionId: string;
}

/** A department: fire agencies carry their echelon, industry departments their sector. */
export type Department =
  | (DepartmentBase & { readonly kind: 'fire_agency'; readonly fireLevel: FireAgencyLevel })
  | (DepartmentBase & { readonly kind: 'industry'; readonly sector: IndustrySector })
  | (DepartmentBase & { readonly kind: (typeof PLAIN_DEPARTMENT_KINDS)[number] });

const base = {
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(100),
  jurisdictionId: z.string().min(1).max(64),
};

/** Kinds with no extra attribute; a test checks that the three branches cover DEPARTMENT_KINDS. */
export const PLAIN_DEPARTMENT_KINDS = ['police_station', 'committee_office', 'government', 'expert_pool', 'discipline'] as const satisfies readonly Exclude<
  DepartmentKind,
  'fire_agency' | 'industry'
>[];

/** Admin input for a department. */
export const departmentSchema: z.ZodType<Department> = z.union([
  z.object({ ...base, kind: z.literal('fire_agency'), fireLevel: z.enum(FIRE_AGENCY_LEVELS) }),
  z.object({ ...base, kind: z.literal('industry'), sector: z.enum(INDUSTRY_SECTORS) }),
  z.object({ ...base, kind: z.enum(PLAIN_DEPARTMENT_KINDS) }),
]);

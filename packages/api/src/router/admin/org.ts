import { z } from 'zod';
import {
  DEPARTMENT_KINDS,
  JURISDICTION_LEVELS,
  ROLES,
  buildJurisdictionTree,
  cataloguedError,
  departmentSchema,
  stamp,
  validateStaffAssignment,
  type DepartmentKind,
} from '@firebreak/domain';
import {
  disableUserAccount,
  getDepartmentRow,
  getJurisdictionRow,
  getUserSummary,
  insertDepartment,
  insertJurisdiction,
  insertUser,
  listDepartmentRows,
  listJurisdictionRows,
  listUserSummaries,
  runAudited,
} from '@firebreak/db';
import { hashPassword } from '../../auth/passwords';
import { insertAuditedUnique } from '../../application/admin/audited-insert';
import { requireAccess, referenceOf, treeRootOf } from '../../application/access';
import { capabilityProcedure, router } from '../../trpc';
import { DomainFailure, unwrap } from '../../application/failure';

const addJurisdictionInput = z.object({
  parentId: z.uuid(),
  level: z.enum(JURISDICTION_LEVELS),
  name: z.string().trim().min(1).max(100),
  /** 行政区划代码 or grid number. */
  code: z.string().trim().min(1).max(40).optional(),
});
const addDepartmentInput = z.object({
  name: z.string().max(100),
  nameEn: z.string().trim().max(200).optional(),
  kind: z.enum(DEPARTMENT_KINDS),
  /** Industry departments: their sector; fire agencies: their echelon (kernel departmentSchema). */
  sector: z.string().max(40).optional(),
  fireLevel: z.string().max(20).optional(),
  jurisdictionId: z.uuid(),
  parentId: z.uuid().optional(),
});
const createUserInput = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[A-Za-z0-9_.-]+$/),
  displayName: z.string().trim().min(1).max(50),
  role: z.enum(ROLES),
  departmentId: z.uuid(),
  /** Root of the user's jurisdiction subtree; defaults to the department's. */
  jurisdictionId: z.uuid().optional(),
  password: z.string().min(12).max(256),
});
const userIdInput = z.object({ userId: z.uuid() });
const pageInput = z.object({ limit: z.int().min(1).max(500).default(100), offset: z.int().min(0).default(0) });

export const orgAdmin = router({
  /** A new node under an existing one; the kernel's tree rules (one level below the parent ...) decide. */
  addJurisdiction: capabilityProcedure('admin.jurisdictions')
    .input(addJurisdictionInput)
    .mutation(async ({ ctx, input }) => {
      await requireAccess(ctx, 'admin.jurisdictions', { jurisdictionId: input.parentId });
      const id = ctx.services.newId();
      const rows = await listJurisdictionRows(ctx.db);
      unwrap(buildJurisdictionTree([...rows, { id, parentId: input.parentId, level: input.level, name: input.name }], { allowForest: true }));
      const now = ctx.clock();
      const result = await insertAuditedUnique(
        ctx,
        ctx.actor,
        now,
        (tx) => insertJurisdiction(tx, { id, parentId: input.parentId, level: input.level, name: input.name, code: input.code ?? null }),
        (j) => ({ entity: 'jurisdiction', entityId: j.id, action: 'create', from: null, to: 'active', data: { jurisdictionId: j.id, ...input } }),
        cataloguedError('JURISDICTION.DUPLICATE'),
      );
      ctx.services.reference.invalidate();
      return result;
    }),

  /** A department; the kernel's departmentSchema says what each kind must carry. */
  addDepartment: capabilityProcedure('admin.departments')
    .input(addDepartmentInput)
    .mutation(async ({ ctx, input }) => {
      const ref = await requireAccess(ctx, 'admin.departments', { jurisdictionId: input.jurisdictionId });
      if (input.parentId) await getDepartmentRow(ctx.db, input.parentId);
      const id = ctx.services.newId();
      const parsed = departmentSchema.safeParse({
        id,
        name: input.name,
        jurisdictionId: input.jurisdictionId,
        kind: input.kind,
        ...(input.sector !== undefined ? { sector: input.sector } : {}),
        ...(input.fireLevel !== undefined ? { fireLevel: input.fireLevel } : {}),
      });
      if (!parsed.success) {
        throw new DomainFailure(
          cataloguedError('DEPARTMENT.INVALID', {
            issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
          }),
        );
      }
      const level = ref.tree.levelOf(input.jurisdictionId)!;
      const now = ctx.clock();
      const { result } = await runAudited(
        ctx.db,
        (tx) =>
          insertDepartment(tx, {
            id,
            name: parsed.data.name,
            nameEn: input.nameEn ?? null,
            kind: parsed.data.kind,
            sector: parsed.data.kind === 'industry' ? parsed.data.sector : null,
            level,
            jurisdictionId: input.jurisdictionId,
            parentId: input.parentId ?? null,
          }),
        (deptId) => ({
          entity: 'department',
          entityId: deptId,
          action: 'create',
          from: null,
          to: 'active',
          by: stamp(ctx.actor, now),
          data: { ...parsed.data },
        }),
      );
      return getDepartmentRow(ctx.db, result);
    }),

  listDepartments: capabilityProcedure('admin.departments')
    .input(z.object({}).default({}))
    .query(async ({ ctx }) => listDepartmentRows(ctx.db, { rootId: ctx.jurisdictionRoot })),

  /** A staff account: Argon2id password hash, role placed by the kernel's validateStaffAssignment. */
  createUser: capabilityProcedure('admin.users')
    .input(createUserInput)
    .mutation(async ({ ctx, input }) => {
      const dept = await getDepartmentRow(ctx.db, input.departmentId);
      const jurisdictionId = input.jurisdictionId ?? dept.jurisdictionId;
      await requireAccess(ctx, 'admin.users', { jurisdictionId: dept.jurisdictionId });
      await requireAccess(ctx, 'admin.users', { jurisdictionId });
      await getJurisdictionRow(ctx.db, jurisdictionId);
      unwrap(validateStaffAssignment(input.role, dept.kind as DepartmentKind));
      const passwordHash = await hashPassword(input.password);
      const now = ctx.clock();
      const result = await insertAuditedUnique(
        ctx,
        ctx.actor,
        now,
        (tx) =>
          insertUser(tx, {
            username: input.username,
            displayName: input.displayName,
            role: input.role,
            passwordHash,
            departmentId: dept.id,
            jurisdictionId,
          }),
        (userId) => ({
          entity: 'user',
          entityId: userId,
          action: 'create',
          from: null,
          to: 'active',
          data: { jurisdictionId, username: input.username, role: input.role, departmentId: dept.id },
        }),
        cataloguedError('USER.ALREADY_EXISTS'),
      );
      return getUserSummary(ctx.db, result);
    }),

  /** Disables an account and ends its sessions. */
  disableUser: capabilityProcedure('admin.users')
    .input(userIdInput)
    .mutation(async ({ ctx, input }) => {
      const user = await getUserSummary(ctx.db, input.userId);
      const ref = await referenceOf(ctx);
      await requireAccess(ctx, 'admin.users', { jurisdictionId: user.jurisdictionId ?? treeRootOf(ref, ctx.jurisdictionRoot) });
      const now = ctx.clock();
      await runAudited(
        ctx.db,
        async (tx) => {
          if (!(await disableUserAccount(tx, user.id, now))) {
            throw new DomainFailure(cataloguedError('USER.ALREADY_DISABLED'));
          }
        },
        () => ({ entity: 'user', entityId: user.id, action: 'disable', from: 'active', to: 'disabled', by: stamp(ctx.actor, now), data: { username: user.username } }),
      );
      return getUserSummary(ctx.db, user.id);
    }),

  listUsers: capabilityProcedure('admin.users')
    .input(pageInput)
    .query(async ({ ctx, input }) => listUserSummaries(ctx.db, { rootId: ctx.jurisdictionRoot, limit: input.limit, offset: input.offset })),
});

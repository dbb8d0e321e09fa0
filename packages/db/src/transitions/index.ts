export { applyEffects, type AppliedEffects, type ApplyEffectsOptions } from './apply-effects';
export {
  insertEntity,
  saveTransition,
  type ExtraColumns,
  type InsertEntityInput,
  type LifecycleState,
  type SavedTransition,
  type SaveTransitionInput,
} from './save-transition';
export { LIFECYCLE_TABLES, type LifecycleEntity, type LifecycleTable } from './lifecycle-tables';

export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from './root';
export {
  createContext,
  createContextInner,
  createCallerFactory,
  publicProcedure,
  router,
  middleware,
  isDomainErrorLike,
  DOMAIN_CODE_TO_TRPC,
  trpcCodeFor,
  toTRPCError,
  type Clock,
  type Context,
  type ContextDeps,
  type ContextInnerOptions,
  type DomainErrorData,
  type HttpContextOptions,
  type Session,
} from './trpc';
export { DomainFailure, unwrap, domainError } from './application/failure';
export type { HealthStatus } from './router/health';
export {
  dbProcedure,
  authedProcedure,
  staffProcedure,
  capabilityProcedure,
  unitProcedure,
  SESSION_COOKIE,
  localeFrom,
  type HttpBridge,
  type Locale,
} from './trpc';
export { createServices, type Services } from './context/services';
export { createReferenceCache, type ReferenceCache, type ReferenceData } from './context/reference';
export { hashPassword, verifyPassword } from './auth/passwords';
export {
  submitReport,
  submitReportInput,
  contactSchema,
  type SubmitReportInput,
  type SubmitReportOptions,
  type SubmitReportResult,
  type IntakeChannel,
} from './services/submit-report';
export type { IntakeDeps } from './services/receipt-access';
export { RECEIPT_REFUSED_MESSAGE } from './services/receipt-access';
export { intakeDeps } from './services/intake-context';
export { runCreate, runTransition, transitionContext } from './kernel/run-transition';
export * from './application/jobs/index';

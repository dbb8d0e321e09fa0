export type { JobDeps } from './job-deps';
export { runDeadlineJob, type DeadlineJobResult } from './run-deadlines';
export { errorText, runOutboxJob, type NotificationChannels, type OutboxJobResult, type OutgoingMessage } from './deliver-outbox';
export { runRetentionJob, type RemoveOriginal } from './purge-retention';

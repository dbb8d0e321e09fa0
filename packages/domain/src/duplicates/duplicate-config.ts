import { z } from 'zod';

/** How close in space and time two reports must be to be offered as possible duplicates. */
export const duplicateConfigSchema = z.object({
  distanceMeters: z.number().positive().max(10_000),
  windowHours: z.number().positive().max(24 * 366),
});
export type DuplicateConfig = z.infer<typeof duplicateConfigSchema>;

/** [U] local practice: 100 m covers one building and its entrance; 72 h spans a weekend. Admins tune both. */
export const DEFAULT_DUPLICATE_CONFIG: DuplicateConfig = { distanceMeters: 100, windowHours: 72 };

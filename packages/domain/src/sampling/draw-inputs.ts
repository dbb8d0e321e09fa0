import { z } from 'zod';

/** Versions of the published draw procedure this kernel can run (see run-draw.ts). */
export const DRAW_ALGORITHM_VERSIONS = ['fb-draw-1', 'fb-draw-2'] as const;
export type DrawAlgorithmVersion = (typeof DRAW_ALGORITHM_VERSIONS)[number];
export const CURRENT_DRAW_ALGORITHM: DrawAlgorithmVersion = 'fb-draw-1';
/**
 * fb-draw-2: fb-draw-1 with a commitment first (draw-commitment.ts). The seed also mixes the
 * server seed whose sha256 the commitment published, revealed only when the draw runs.
 */
export const COMMITTED_DRAW_ALGORITHM: DrawAlgorithmVersion = 'fb-draw-2';

/** A unit in the 双随机 library, as frozen for one draw. */
export interface DrawUnit {
  readonly id: string;
  readonly category: string;
  /** The stratum's jurisdiction (the level the ratios are set at, e.g. the district). */
  readonly jurisdictionId: string;
  /** Region used for cross-region inspection (异地交叉检查). */
  readonly regionId: string;
  readonly penalisedLastYear: boolean;
  readonly reported: boolean;
  readonly previousInspectorIds: readonly string[];
}

export interface DrawInspector {
  readonly id: string;
  readonly regionId: string;
  readonly departmentId: string;
}

/** Ratios are read to 4 decimal places (1 = 0.01%), so counts are exact integer arithmetic. */
export const RATIO_SCALE = 10_000;

export const drawRatioSchema = z
  .object({
    category: z.string().min(1),
    jurisdictionId: z.string().min(1).optional(),
    ratio: z.number().gt(0).max(1),
  })
  .superRefine((r, ctx) => {
    const scaled = r.ratio * RATIO_SCALE;
    if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
      ctx.addIssue({ code: 'custom', message: 'ratio may have at most 4 decimal places', path: ['ratio'] });
    }
  });

export const drawParametersSchema = z
  .object({
    ratios: z.array(drawRatioSchema).min(1),
    /**
     * Integer weights: a unit's weight is the product of the weights of the flags it
     * has (1 when it has none). Equal weights are `{ penalisedLastYear: 1, reported: 1 }`.
     */
    priorityWeights: z.object({
      penalisedLastYear: z.int().min(1).max(10),
      reported: z.int().min(1).max(10),
    }),
    inspectorConflicts: z.object({
      excludePreviousInspector: z.literal(true),
      crossRegion: z.boolean(),
    }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.ratios.forEach((r, i) => {
      const key = `${r.category}\u0000${r.jurisdictionId ?? ''}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'the same stratum has more than one ratio', path: ['ratios', i] });
      seen.add(key);
    });
  });

export const drawInputsSchema = z
  .object({
    algorithmVersion: z.string().min(1),
    drawId: z.string().min(1),
    /** Published before the draw and outside the agency's control (e.g. a lottery result). */
    publicRandom: z.string().min(1),
    /** fb-draw-2 only: the secret whose sha256 the commitment published, revealed by the run. */
    serverSeed: z.string().regex(/^[0-9a-f]{64}$/, 'serverSeed must be 64 lowercase hex digits').optional(),
    parameters: drawParametersSchema,
  })
  .superRefine((d, ctx) => {
    if (d.algorithmVersion === 'fb-draw-2' && d.serverSeed === undefined) ctx.addIssue({ code: 'custom', message: 'fb-draw-2 needs the revealed serverSeed', path: ['serverSeed'] });
    if (d.algorithmVersion === 'fb-draw-1' && d.serverSeed !== undefined) ctx.addIssue({ code: 'custom', message: 'fb-draw-1 has no serverSeed', path: ['serverSeed'] });
  });
export type DrawInputs = z.infer<typeof drawInputsSchema>;
export type DrawParameters = z.infer<typeof drawParametersSchema>;

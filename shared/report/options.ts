import { z } from 'zod';

/** The sections a report can hold, in the order they are printed. */
export const REPORT_SECTIONS = ['cover', 'map', 'actors', 'agreements', 'coverage', 'gaps', 'conflicts', 'due', 'changes'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Een datum is JJJJ-MM-DD.');

export const ReportOptionsSchema = z
  .object({
    /** Title on the cover and in the running header. */
    title: z.string().trim().min(1).max(200).optional(),
    /** The period the report covers, as the cover prints it ("najaar 2026"). */
    period: z.string().trim().max(100).optional(),
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1, 'Kies minstens één onderdeel.'),
    /** Scope: a saved view (its filters and positions); the standard view when absent. */
    viewId: z.string().min(1).max(64).optional(),
    orientation: z.enum(['portrait', 'landscape']).default('portrait'),
    lang: z.enum(['nl', 'en']).default('nl'),
    /** "Due for review": agreements whose review date falls within this many days (or has passed). */
    dueDays: z.number().int().min(1).max(3650).default(90),
    /** "Changes since": the first day of the change log that is listed. */
    changesSince: IsoDate.optional(),
  })
  .strict();
export type ReportOptions = z.infer<typeof ReportOptionsSchema>;
export type ReportOptionsInput = z.input<typeof ReportOptionsSchema>;

/** Ready-made selections: the full overview, and the pack a zorgraad puts on the table. */
export const PRESETS = {
  overzicht: { sections: [...REPORT_SECTIONS] },
  zorgraad: { sections: ['cover', 'map', 'gaps', 'conflicts', 'due', 'changes'] },
} satisfies Record<string, Partial<ReportOptionsInput>>;
export type PresetName = keyof typeof PRESETS;

import { z } from 'zod';
import { idSchema } from '../vault/vault-schemas.ts';

/**
 * What the trash keeps of a deleted code or annotation (`record.json` of its entry): enough to put
 * it back exactly where it was. Checked when read, since a trash folder can be edited by hand.
 */

const jsonObject = z.record(z.string(), z.unknown());

/** An annotation that had one of the codes, and where in its list the code stood. */
const codeUseSchema = z.object({ sourceId: idSchema, annotationId: idSchema, codeId: idSchema, at: z.number().int().nonnegative() });
export type CodeUse = z.infer<typeof codeUseSchema>;

export const codeRecordSchema = z.object({
  type: z.literal('code'),
  /** The codes as codebook.json held them, with their index in its list. */
  codes: z.array(z.object({ code: jsonObject, index: z.number().int().nonnegative() })),
  uses: z.array(codeUseSchema),
  /** Set when the code was merged into another: the sub-codes moved under that one. */
  merged: z.object({ into: idSchema, children: z.array(idSchema) }).optional(),
});
export type CodeRecord = z.infer<typeof codeRecordSchema>;

export const annotationRecordSchema = z.object({
  type: z.literal('annotation'),
  sourceId: idSchema,
  sourceTitle: z.string(),
  /** Its index in the file's list. */
  index: z.number().int().nonnegative(),
  /** The annotation's JSON exactly as its file held it. */
  annotation: jsonObject,
});
export type AnnotationRecord = z.infer<typeof annotationRecordSchema>;

export const trashRecordSchema = z.discriminatedUnion('type', [codeRecordSchema, annotationRecordSchema]);
export type TrashRecord = z.infer<typeof trashRecordSchema>;

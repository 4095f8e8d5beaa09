import * as z from 'zod';
import { IsoDateTime, Version } from '../common.ts';

export const ReviewAction = z.enum(['confirmed', 'returned']);
export type ReviewAction = z.infer<typeof ReviewAction>;

export const ItemComment = z.strictObject({
  itemId: z.string().min(1).max(64),
  comment: z.string().min(1).max(2000),
});
export type ItemComment = z.infer<typeof ItemComment>;

/** The prefecture's decision on a submitted round. */
export const Review = z.object({
  action: ReviewAction,
  round: z.number().int().min(1).max(3),
  at: IsoDateTime,
  by: z.string(),
  byName: z.string(),
  message: z.string(),
  itemComments: z.array(ItemComment),
});
export type Review = z.infer<typeof Review>;

export const ConfirmResponseBody = z.strictObject({ expectedVersion: Version, message: z.string().max(2000).default('') });
export type ConfirmResponseBody = z.infer<typeof ConfirmResponseBody>;

export const ReturnResponseBody = z
  .strictObject({
    expectedVersion: Version,
    /** What the facility must fix (差戻しの理由). */
    message: z.string().max(2000).default(''),
    itemComments: z.array(ItemComment).max(100).default([]),
  })
  .refine((b) => b.message.trim().length > 0 || b.itemComments.length > 0, { path: ['message'], message: 'comment_required' });
export type ReturnResponseBody = z.infer<typeof ReturnResponseBody>;

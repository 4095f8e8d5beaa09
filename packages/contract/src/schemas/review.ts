import * as z from 'zod/mini';
import { IsoDateTime, Version } from '../common.ts';

export const ReviewAction = z.enum(['confirmed', 'returned']);
export type ReviewAction = z.infer<typeof ReviewAction>;

export const ItemComment = z.strictObject({
  itemId: z.string().check(z.minLength(1), z.maxLength(64)),
  comment: z.string().check(z.minLength(1), z.maxLength(2000)),
});
export type ItemComment = z.infer<typeof ItemComment>;

/** The prefecture's decision on a submitted round. */
export const Review = z.object({
  action: ReviewAction,
  round: z.int().check(z.minimum(1), z.maximum(3)),
  at: IsoDateTime,
  by: z.string(),
  byName: z.string(),
  message: z.string(),
  itemComments: z.array(ItemComment),
});
export type Review = z.infer<typeof Review>;

export const ConfirmResponseBody = z.strictObject({ expectedVersion: Version, message: z._default(z.string().check(z.maxLength(2000)), '') });
export type ConfirmResponseBody = z.infer<typeof ConfirmResponseBody>;

export const ReturnResponseBody = z
  .strictObject({
    expectedVersion: Version,
    /** What the facility must fix (差戻しの理由). */
    message: z._default(z.string().check(z.maxLength(2000)), ''),
    itemComments: z._default(z.array(ItemComment).check(z.maxLength(100)), []),
  })
  .check(z.refine((b) => b.message.trim().length > 0 || b.itemComments.length > 0, { path: ['message'], message: 'comment_required' }));
export type ReturnResponseBody = z.infer<typeof ReturnResponseBody>;

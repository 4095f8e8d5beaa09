import * as z from 'zod/mini';
import { LocalizedText } from './common.ts';
import { RoundAnswer } from '@mcr/domain'; // answer-merge

/** Stable error codes. Clients switch on `code`; `message` is for people. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VERSION_CONFLICT',
  'ALREADY_EXISTS',
  'INCOMPLETE',
  'LOCKED',
  /** The campaign is still being created (or its creation failed): not open yet. */
  'NOT_READY',
  // campaign-lifecycle:begin
  /** The campaign is closed: no more answers or submissions (reviews of submitted rounds go on). */
  'CLOSED',
  /** The campaign is archived: read-only. */
  'ARCHIVED',
  // campaign-lifecycle:end
  // answer-merge:begin
  /** Someone else saved the same answer cell first: `cells` names each with their value. */
  'CELL_CONFLICT',
  // answer-merge:end
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  /** A request body whose Content-Type is not application/json (the field names the header). */
  'UNSUPPORTED_MEDIA_TYPE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldError = z.object({
  /** Where the problem is: `body.answers[0].checkedOn`, `path.facilityId`, `query.limit`. */
  field: z.string(),
  code: z.string(),
  message: LocalizedText,
  /** For uploaded files: where in the file (1-based). */
  line: z.optional(z.int()),
  column: z.optional(z.int()),
});
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: LocalizedText,
    requestId: z.string(),
    fields: z.optional(z.array(FieldError)),
    /** For VERSION_CONFLICT: the version now stored, so the client can reload and merge. */
    currentVersion: z.optional(z.int()),
    // answer-merge:begin
    /** For CELL_CONFLICT: each answer cell (and round) someone else changed first, with what is stored now. */
    cells: z.optional(
      z.array(
        z.object({
          itemId: z.string(),
          deviceClass: z.enum(['system', 'server', 'client', 'network']),
          round: z.literal([1, 2, 3]),
          key: z.string(),
          theirs: z.nullable(RoundAnswer),
        }),
      ),
    ),
    // answer-merge:end
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

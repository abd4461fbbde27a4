import * as z from 'zod/mini';
import { jsonObject, text, wholeAtLeast } from '../shared/schemaParts';

/* Request checks for the memory API, on the camelCase parameters the caller passed. */

const epochMs = wholeAtLeast(0);
const optionalText = z.optional(z.string());

export const memoryFilterSchema = z.optional(
  z.object({
    userId: optionalText,
    assistantId: optionalText,
    groupId: optionalText,
    memoryType: z.optional(z.array(z.string())),
    startTime: z.optional(epochMs),
    endTime: z.optional(epochMs),
  }),
);

export const addSessionSchema = z.object({
  sessionId: text,
  messages: z
    .array(
      z.object({
        role: z.enum(['user', 'assistant', 'system'], { error: 'expected user, assistant or system' }),
        content: z.string({ error: 'expected a string' }),
      }),
    )
    .check(z.minLength(1, 'expected at least one message')),
  metadata: z.optional(
    z.object({
      defaultUserId: optionalText,
      defaultUserName: optionalText,
      defaultAssistantId: optionalText,
      defaultAssistantName: optionalText,
      groupId: optionalText,
      time: z.optional(epochMs),
    }),
  ),
  profiles: z.optional(z.array(z.unknown())),
});

export const searchSchema = z.object({
  query: optionalText,
  filter: memoryFilterSchema,
  limit: z.optional(wholeAtLeast(1)),
  timeDecayConfig: z.optional(jsonObject),
});

export const sessionIdSchema = text;
export const idSchema = text;

export const addEventSchema = z.object({
  eventType: text,
  memoryInfo: jsonObject,
  userId: optionalText,
  assistantId: optionalText,
  groupId: optionalText,
});

export const updateEventSchema = z.object({
  eventId: text,
  memoryInfo: jsonObject,
  userId: optionalText,
  assistantId: optionalText,
});

export const addProfileSchema = z.object({
  profileType: text,
  memoryInfo: jsonObject,
  isUpsert: z.optional(z.boolean()),
  userId: optionalText,
  assistantId: optionalText,
  groupId: optionalText,
});

export const updateProfileSchema = z.object({ profileId: text, memoryInfo: jsonObject });

export const batchDeleteSchema = z.object({ filter: z.optional(jsonObject), deleteType: optionalText });

export const triggerUpdateSchema = z.object({
  updateProfileType: z.optional(z.union([z.string(), z.array(z.string())])),
  filters: z.optional(jsonObject),
});

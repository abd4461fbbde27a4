import * as z from 'zod/mini';
import {
  bool,
  jsonObject,
  lazy,
  matching,
  nonEmpty,
  objects,
  str,
  strings,
  text,
  wholeAtLeast,
} from '../shared/schemaParts';

/* Request checks for the memory API, on the camelCase parameters the caller passed; each built on first use. */

const epochMs = () => wholeAtLeast(0);
/** A memory type name, or a list of them. */
const typeNames = () =>
  matching<string | string[]>(
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((t) => typeof t === 'string')),
    'expected a type name or a list of them',
  );
const optionalText = () => z.optional(str());

const memoryFilter = () =>
  z.optional(
    z.object({
      userId: optionalText(),
      assistantId: optionalText(),
      groupId: optionalText(),
      memoryType: z.optional(strings()),
      startTime: z.optional(epochMs()),
      endTime: z.optional(epochMs()),
    }),
  );

const contentParts = () =>
  matching<string | object[]>(
    (v) => typeof v === 'string' || (Array.isArray(v) && v.every((part) => typeof part === 'object' && part !== null)),
    'expected a string, or an array of parts ({ type: "text", text } or { type: "image_url", image_url: { url } })',
  );

// Roles, content parts and keys beyond these are the service's to judge: they are sent as given.
export const addSessionSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    sessionId: z.optional(text()),
    messages: z
      .array(
        z.object({
          role: matching<string>(
            (v) => typeof v === 'string' && v !== '',
            'expected a role name such as user, assistant or system',
          ),
          content: contentParts(),
          roleId: optionalText(),
          roleName: optionalText(),
          time: z.optional(epochMs()),
        }),
      )
      .check(nonEmpty('expected at least one message')),
    metadata: z.optional(
      z.object({
        defaultUserId: optionalText(),
        defaultUserName: optionalText(),
        defaultAssistantId: optionalText(),
        defaultAssistantName: optionalText(),
        groupId: optionalText(),
        time: z.optional(epochMs()),
      }),
    ),
    profiles: z.optional(objects()),
    extractMemoryType: z.optional(typeNames()),
    ttlAbsolute: z.optional(epochMs()),
    ttlRelative: z.optional(wholeAtLeast(0)),
  }),
);

export const searchSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    query: optionalText(),
    filter: memoryFilter(),
    limit: z.optional(wholeAtLeast(1)),
    timeDecayConfig: z.optional(jsonObject()),
  }),
);

export const idSchema = /* @__PURE__ */ lazy(text);

export const addEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    eventType: text(),
    memoryInfo: jsonObject(),
    userId: optionalText(),
    assistantId: optionalText(),
    groupId: optionalText(),
  }),
);

export const updateEventSchema = /* @__PURE__ */ lazy(() =>
  z.object({ eventId: text(), memoryInfo: jsonObject(), userId: optionalText(), assistantId: optionalText() }),
);

export const addProfileSchema = /* @__PURE__ */ lazy(() =>
  z.object({
    profileType: text(),
    memoryInfo: jsonObject(),
    isUpsert: z.optional(bool()),
    userId: optionalText(),
    assistantId: optionalText(),
    groupId: optionalText(),
  }),
);

export const updateProfileSchema = /* @__PURE__ */ lazy(() =>
  z.object({ profileId: text(), memoryInfo: jsonObject() }),
);

export const batchDeleteSchema = /* @__PURE__ */ lazy(() =>
  z.object({ filter: z.optional(jsonObject()), deleteType: optionalText() }),
);

export const triggerUpdateSchema = /* @__PURE__ */ lazy(() =>
  z.object({ updateProfileType: z.optional(typeNames()), filters: z.optional(jsonObject()) }),
);

import type { Endpoint } from '../transport/Endpoint';

const post = (name: string, path: string, idempotent: boolean): Endpoint => ({
  name: `memory.${name}`,
  method: 'POST',
  path: `/api/memory${path}`,
  domain: 'memory',
  idempotent,
});

/**
 * The memory endpoints of api doc §4.1. Adding a session, event or profile, and triggering a profile update,
 * create something new each time, so they are not retried unless the call opts in.
 */
export const MEMORY_ENDPOINTS = {
  addSession: /* @__PURE__ */ post('session.add', '/session/add', false),
  sessionInfo: /* @__PURE__ */ post('session.info', '/session/info', true),
  search: /* @__PURE__ */ post('search', '/search', true),
  addEvent: /* @__PURE__ */ post('event.add', '/event/add', false),
  updateEvent: /* @__PURE__ */ post('event.update', '/event/update', true),
  deleteEvent: /* @__PURE__ */ post('event.delete', '/event/delete', true),
  batchDeleteEvents: /* @__PURE__ */ post('event.batchDelete', '/event/batch_delete', true),
  searchEvents: /* @__PURE__ */ post('event.search', '/event/search', true),
  addProfile: /* @__PURE__ */ post('profile.add', '/profile/add', false),
  updateProfile: /* @__PURE__ */ post('profile.update', '/profile/update', true),
  deleteProfile: /* @__PURE__ */ post('profile.delete', '/profile/delete', true),
  batchDeleteProfiles: /* @__PURE__ */ post('profile.batchDelete', '/profile/batch_delete', true),
  triggerProfileUpdate: /* @__PURE__ */ post('profile.triggerUpdate', '/profile/trigger_update', false),
  searchProfiles: /* @__PURE__ */ post('profile.search', '/profile/search', true),
} as const satisfies Record<string, Endpoint>;

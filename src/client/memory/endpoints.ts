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
  addSession: post('session.add', '/session/add', false),
  sessionInfo: post('session.info', '/session/info', true),
  search: post('search', '/search', true),
  addEvent: post('event.add', '/event/add', false),
  updateEvent: post('event.update', '/event/update', true),
  deleteEvent: post('event.delete', '/event/delete', true),
  batchDeleteEvents: post('event.batchDelete', '/event/batch_delete', true),
  searchEvents: post('event.search', '/event/search', true),
  addProfile: post('profile.add', '/profile/add', false),
  updateProfile: post('profile.update', '/profile/update', true),
  deleteProfile: post('profile.delete', '/profile/delete', true),
  batchDeleteProfiles: post('profile.batchDelete', '/profile/batch_delete', true),
  triggerProfileUpdate: post('profile.triggerUpdate', '/profile/trigger_update', false),
  searchProfiles: post('profile.search', '/profile/search', true),
} as const satisfies Record<string, Endpoint>;

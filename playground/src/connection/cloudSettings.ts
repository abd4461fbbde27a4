import { apiKey, createVikingClient, headerAuth, signingProxy, type RequestLog } from 'vikingdb-kit/client';
import type { PlaygroundTextKey } from '../i18n/playgroundText';

/** How the playground authenticates to a cloud backend from the browser. */
export type CloudAuthKind = 'signingProxy' | 'apiKey';

/** A cloud connection typed into the Connection page's form. */
export interface CloudSettings {
  /** Vector API host, without scheme (or a URL). */
  host: string;
  region: string;
  auth: CloudAuthKind;
  /** URL or path of a signing proxy (AK/SK stay on its server). */
  proxyUrl: string;
  /** An API key (kept in this tab's sessionStorage only, never in the URL). */
  apiKey: string;
}

const KEY = 'vikingdb-playground:cloud';

const listeners = new Set<() => void>();
let revision = 0;

/** The settings saved in this tab (sessionStorage), else `defaults`. */
export function loadCloudSettings(defaults: CloudSettings): CloudSettings {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as Partial<CloudSettings> | null;
    return { ...defaults, ...saved };
  } catch {
    return defaults;
  }
}

/** Saves the settings for this tab only (an API key must not outlive it); the cloud backend is rebuilt with them. */
export function saveCloudSettings(settings: CloudSettings): void {
  window.sessionStorage.setItem(KEY, JSON.stringify(settings));
  revision++;
  for (const listener of listeners) listener();
}

/** For `useSyncExternalStore`: changes each time settings are saved. */
export const cloudSettingsStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  revision: () => revision,
};

/** What is wrong with the form, field by field, as keys of the playground's words (empty when it can be tested). */
export function cloudProblems(settings: CloudSettings): Partial<Record<keyof CloudSettings, PlaygroundTextKey>> {
  const problems: Partial<Record<keyof CloudSettings, PlaygroundTextKey>> = {};
  if (!settings.host.trim()) problems.host = 'problemHost';
  if (!settings.region.trim()) problems.region = 'problemRegion';
  if (settings.auth === 'apiKey' && !settings.apiKey.trim()) problems.apiKey = 'problemApiKey';
  if (settings.auth === 'signingProxy' && !settings.proxyUrl.trim()) problems.proxyUrl = 'problemProxyUrl';
  return problems;
}

/** A client for the settings (requests reported to `onRequestEnd`). */
export function createCloudClient(settings: CloudSettings, onRequestEnd?: (log: RequestLog) => void) {
  const url = /^(https?):\/\/([^/]+)/i.exec(settings.host.trim());
  const scheme = (url?.[1]?.toLowerCase() ?? 'https') as 'http' | 'https';
  const host = url?.[2] ?? settings.host.trim();
  return createVikingClient({
    host,
    scheme,
    region: settings.region.trim(),
    auth:
      settings.auth === 'apiKey'
        ? apiKey(settings.apiKey.trim())
        : settings.proxyUrl.trim()
          ? signingProxy(settings.proxyUrl.trim())
          : headerAuth({}),
    ...(onRequestEnd ? { onRequestEnd } : {}),
  });
}

import { createContext, useContext, type ReactNode } from 'react';
import type { VikingClient } from '../client';

const VikingClientContext = createContext<VikingClient | undefined>(undefined);

/** Props of {@link VikingProvider}. */
export interface VikingProviderProps {
  /** The client every hook below uses. Create it once, outside render. */
  client: VikingClient;
  children?: ReactNode;
}

/**
 * Makes a VikingDB client available to the hooks. It holds the client only: wrap it in your own
 * `QueryClientProvider`, which owns the cache.
 */
export function VikingProvider({ client, children }: VikingProviderProps) {
  return <VikingClientContext.Provider value={client}>{children}</VikingClientContext.Provider>;
}

/** The client from the nearest {@link VikingProvider}; throws a clear error outside one. */
export function useVikingClient(): VikingClient {
  const client = useContext(VikingClientContext);
  if (!client) {
    throw new Error(
      'useVikingClient: no VikingProvider above this component. Wrap your app in ' +
        '<QueryClientProvider client={queryClient}><VikingProvider client={vikingClient}>…</VikingProvider></QueryClientProvider>.',
    );
  }
  return client;
}

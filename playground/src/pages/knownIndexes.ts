import { defaultConfig } from '../../../src/server/local/config/defaultConfig';

/**
 * The vector indexes of the local server's default config (what `npm run dev` serves), demo first: offered in the
 * pickers and listed on the Overview page.
 */
export const KNOWN_INDEXES = defaultConfig.collections
  .flatMap((collection) =>
    collection.indexes.map((index) => ({
      collection: collection.name,
      index: index.name,
      description: collection.description,
    })),
  )
  .sort((a, b) => Number(b.collection.startsWith('demo_')) - Number(a.collection.startsWith('demo_')));

/** The memory collections of the default config with their event and profile types, demo first. */
export const KNOWN_MEMORY = defaultConfig.memoryCollections
  .map((collection) => ({
    name: collection.name,
    projectName: collection.projectName,
    description: collection.description,
    eventTypes: collection.eventTypes.map((type) => type.name),
    profileTypes: collection.profileTypes.map((type) => type.name),
  }))
  .sort((a, b) => Number(b.name.startsWith('demo_')) - Number(a.name.startsWith('demo_')));

/** The memory collections' names. */
export const KNOWN_MEMORY_COLLECTIONS = KNOWN_MEMORY.map((collection) => collection.name);

/** The knowledge bases of the default config with the service over each (if any), demo first. */
export const KNOWN_KNOWLEDGE = defaultConfig.knowledgeCollections
  .map((collection) => ({
    name: collection.name,
    projectName: collection.projectName,
    description: collection.description,
    service: defaultConfig.knowledgeServices.find((service) => service.collection === collection.name)?.resourceId,
  }))
  .sort((a, b) => Number(b.name.startsWith('demo_')) - Number(a.name.startsWith('demo_')));

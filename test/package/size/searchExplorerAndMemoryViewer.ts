// size-limit entry: the two component entries together, as first loaded (shared code counted once).
export { SearchExplorer } from 'vikingdb-kit/components/search-explorer';
export { MemoryViewer } from 'vikingdb-kit/components/memory-viewer';

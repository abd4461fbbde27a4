// size-limit entry: everything `vikingdb-kit/components/search-explorer` exports, as first loaded (the zh-CN strings
// and the Insights panel are separate chunks loaded on demand, not counted).
export * from 'vikingdb-kit/components/search-explorer';

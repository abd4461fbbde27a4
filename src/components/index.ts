/**
 * `vikingdb-kit/components`: React components for VikingDB, each a headless hook plus a styled shell.
 * Import the styles once: `import 'vikingdb-kit/components/styles.css'`.
 */
export * from './search-explorer';
export * from './primitives';
export * from './i18n';
export * from './memory-viewer';
export * from './knowledge-base';

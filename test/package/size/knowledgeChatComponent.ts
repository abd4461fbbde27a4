// size-limit entry: an app that renders only the KnowledgeChat (React, React Query are peers: not counted).
export { KnowledgeChat } from 'vikingdb-kit/components/knowledge-chat';

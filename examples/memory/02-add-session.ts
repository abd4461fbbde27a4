/** Memory walkthrough 02: store a conversation with who and when it happened. */
import { loadEnv, report, sessionTag, type ExampleEnv } from '../shared/env';

export async function main(env: ExampleEnv = loadEnv({ collection: 'sdk_test', index: '' })) {
  const memory = env.client.memory.collection({
    collection_name: env.collection,
    project_name: env.project ?? 'default',
  });
  const sessionId = sessionTag('session');
  const added = await memory.addSession({
    sessionId,
    messages: [
      { role: 'user', content: 'Hello, how is the weather today? I like hiking when it is sunny.' },
      { role: 'assistant', content: 'Today is sunny with a temperature of 22 degrees — a good day for a hike.' },
    ],
    metadata: {
      defaultUserId: 'user_3',
      defaultUserName: 'Li',
      defaultAssistantId: '111',
      defaultAssistantName: 'Smart Assistant',
      time: Date.now(),
    },
  });
  report('AddSession', added, { sessionId: added.sessionId });
  const info = await memory.sessionInfo(sessionId);
  report('GetSessionInfo', info, { messages: info.messages.length });
  return { sessionId, messages: info.messages.length };
}

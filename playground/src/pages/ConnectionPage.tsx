import { describeError } from 'vikingdb-kit/components';
import { usePing } from 'vikingdb-kit/hooks';
import { playgroundEnv, type BackendKind } from '../connection/backend';
import { useBackend } from '../connection/BackendContext';

const CHOICES: Array<{ kind: BackendKind; title: string; detail: string }> = [
  {
    kind: 'local',
    title: 'Local server',
    detail: 'The VikingDB-compatible server started by npm run dev (data on disk in .vikingdb).',
  },
  {
    kind: 'browser',
    title: 'In-browser engine',
    detail: 'The same engine inside this page (MSW); data lives in memory until reload.',
  },
  {
    kind: 'cloud',
    title: 'VikingDB cloud',
    detail: 'The real service through the signing proxy in the dev server; AK/SK stay on the server.',
  },
];

function PingStatus({ domain }: { domain: 'vector' | 'memory' }) {
  const ping = usePing(domain, { refetchInterval: 10_000 });
  if (ping.isPending) return <span className="pill">checking…</span>;
  if (ping.error) {
    // The same hint the explorer shows: for the local server, how to start it; for a cloud host, CORS and the proxy.
    const { message, hint } = describeError(ping.error);
    return (
      <div className="ping-error" role="alert">
        <span className="pill pill-bad">unreachable</span> {message.split('\n')[0]}
        {hint && <p className="hint">{hint}</p>}
      </div>
    );
  }
  return (
    <span className="pill pill-good" data-testid={`ping-${domain}`}>
      {Math.round(ping.data.latencyMs)} ms
    </span>
  );
}

/** Choose the backend and see whether it answers. */
export function ConnectionPage({ onChoose }: { onChoose: (kind: BackendKind) => void }) {
  const { backend } = useBackend();
  return (
    <section aria-labelledby="connection-title">
      <h1 id="connection-title">Connection</h1>
      <div role="radiogroup" aria-label="Backend" className="choices">
        {CHOICES.map((choice) => {
          const disabled = choice.kind === 'cloud' && !playgroundEnv.cloudProxyPath;
          return (
            <button
              key={choice.kind}
              type="button"
              role="radio"
              aria-checked={backend.kind === choice.kind}
              className="choice"
              disabled={disabled}
              onClick={() => onChoose(choice.kind)}
            >
              <strong>{choice.title}</strong>
              <span>
                {disabled
                  ? 'Set VIKINGDB_AK and VIKINGDB_SK (and VIKINGDB_HOST, VIKINGDB_REGION) before npm run dev.'
                  : choice.detail}
              </span>
            </button>
          );
        })}
      </div>
      <dl className="facts">
        <dt>Host</dt>
        <dd>{backend.host}</dd>
        <dt>Region</dt>
        <dd>{backend.region}</dd>
        <dt>Vector API</dt>
        <dd>
          <PingStatus domain="vector" />
        </dd>
        <dt>Memory API</dt>
        <dd>
          <PingStatus domain="memory" />
        </dd>
      </dl>
    </section>
  );
}

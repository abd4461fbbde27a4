import { useState, type ReactNode } from 'react';
import { describeError } from 'vikingdb-kit/components';
import { usePing } from 'vikingdb-kit/hooks';
import { DEFAULT_CLOUD, type BackendKind } from '../connection/backend';
import { useBackend } from '../connection/BackendContext';
import { usePlaygroundText, type PlaygroundTextKey } from '../i18n/playgroundText';
import {
  cloudProblems,
  createCloudClient,
  loadCloudSettings,
  saveCloudSettings,
  type CloudSettings,
} from '../connection/cloudSettings';

const CHOICES: Array<{ kind: BackendKind; title: PlaygroundTextKey; detail: PlaygroundTextKey }> = [
  { kind: 'local', title: 'localTitle', detail: 'localDetail' },
  { kind: 'browser', title: 'browserTitle', detail: 'browserDetail' },
  { kind: 'cloud', title: 'cloudTitle', detail: 'cloudDetail' },
];

/** The pill naming each API. */
const API_PILL = { vector: 'vectorApiPill', memory: 'memoryApiPill' } as const satisfies Record<
  'vector' | 'memory',
  PlaygroundTextKey
>;

function PingStatus({ domain }: { domain: 'vector' | 'memory' }) {
  const ping = usePing(domain, { refetchInterval: 10_000 });
  const { t } = usePlaygroundText();
  if (ping.isPending) return <span className="pill">{t('checking')}</span>;
  if (ping.error) {
    // The same hint the explorer shows: for the local server, how to start it; for a cloud host, CORS and the proxy.
    const { message, hint } = describeError(ping.error);
    return (
      <div className="ping-error" role="alert">
        <span className="pill pill-bad">{t('unreachable')}</span> {message.split('\n')[0]}
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

type TestResult =
  | { domain: 'vector' | 'memory'; ok: true; ms: number }
  | { domain: 'vector' | 'memory'; ok: false; message: string; hint: string | undefined };

/** The cloud connection as a form: host, region, how to authenticate; Test pings both APIs with it. */
function CloudForm({ onUse }: { onUse: () => void }) {
  const { t } = usePlaygroundText();
  const [settings, setSettings] = useState<CloudSettings>(() => loadCloudSettings(DEFAULT_CLOUD));
  const [results, setResults] = useState<TestResult[] | undefined>(undefined);
  const [testing, setTesting] = useState(false);
  const problems = cloudProblems(settings);
  const set = (patch: Partial<CloudSettings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    setResults(undefined);
  };
  async function test() {
    setTesting(true);
    const client = createCloudClient(settings);
    const ping = async (domain: 'vector' | 'memory'): Promise<TestResult> => {
      try {
        const answer = await client[domain].ping({ maxRetries: 0, timeoutMs: 10_000 });
        return { domain, ok: true, ms: Math.round(answer.latencyMs) };
      } catch (error) {
        const { message, hint } = describeError(error);
        return { domain, ok: false, message: message.split('\n')[0]!, hint };
      }
    };
    setResults(await Promise.all([ping('vector'), ping('memory')]));
    setTesting(false);
  }
  const field = (name: keyof CloudSettings, label: PlaygroundTextKey, input: ReactNode) => (
    <label className="form-field">
      <span>{t(label)}</span>
      {input}
      {problems[name] && (
        <span className="field-problem" id={`cloud-${name}-problem`}>
          {t(problems[name])}
        </span>
      )}
    </label>
  );
  return (
    <form
      className="panel cloud-form"
      aria-labelledby="cloud-title"
      onSubmit={(event) => {
        event.preventDefault();
        void test();
      }}
    >
      <h2 id="cloud-title">{t('cloudConnection')}</h2>
      <p className="muted">{t('cloudNote')}</p>
      {field(
        'host',
        'host',
        <input
          value={settings.host}
          onChange={(e) => set({ host: e.target.value })}
          aria-invalid={problems.host ? true : undefined}
          placeholder="api-vikingdb.vikingdb.cn-beijing.volces.com"
        />,
      )}
      {field(
        'region',
        'region',
        <input value={settings.region} onChange={(e) => set({ region: e.target.value })} placeholder="cn-beijing" />,
      )}
      <fieldset className="export-what">
        <legend>{t('authentication')}</legend>
        <label>
          <input
            type="radio"
            name="cloud-auth"
            checked={settings.auth === 'signingProxy'}
            onChange={() => set({ auth: 'signingProxy' })}
          />{' '}
          {t('authSigningProxy')}
        </label>
        <label>
          <input
            type="radio"
            name="cloud-auth"
            checked={settings.auth === 'apiKey'}
            onChange={() => set({ auth: 'apiKey' })}
          />{' '}
          {t('apiKey')}
        </label>
      </fieldset>
      {settings.auth === 'signingProxy'
        ? field(
            'proxyUrl',
            'proxyUrl',
            <input value={settings.proxyUrl} onChange={(e) => set({ proxyUrl: e.target.value })} />,
          )
        : field(
            'apiKey',
            'apiKey',
            <input
              type="password"
              autoComplete="off"
              value={settings.apiKey}
              onChange={(e) => set({ apiKey: e.target.value })}
            />,
          )}
      <div className="actions">
        <button type="submit" disabled={testing || Object.keys(problems).length > 0}>
          {testing ? t('testing') : t('test')}
        </button>
        <button
          type="button"
          disabled={Object.keys(problems).length > 0}
          onClick={() => {
            saveCloudSettings(settings);
            onUse();
          }}
        >
          {t('useConnection')}
        </button>
      </div>
      {results && (
        <ul aria-label={t('testResults')} className="test-results">
          {results.map((result) =>
            result.ok ? (
              <li key={result.domain}>
                <span className="pill pill-good">{t(API_PILL[result.domain])}</span>{' '}
                {t('answeredIn', { ms: result.ms })}
              </li>
            ) : (
              <li key={result.domain} role="alert">
                <span className="pill pill-bad">{t(API_PILL[result.domain])}</span> {result.message}
                {result.hint && <p className="hint">{result.hint}</p>}
              </li>
            ),
          )}
        </ul>
      )}
    </form>
  );
}

/** Choose the backend and see whether it answers; set up and test a cloud connection. */
export function ConnectionPage({ onChoose }: { onChoose: (kind: BackendKind) => void }) {
  const { backend } = useBackend();
  const { t } = usePlaygroundText();
  return (
    <section aria-labelledby="connection-title">
      <h1 id="connection-title">{t('connection')}</h1>
      <div role="radiogroup" aria-label={t('backend')} className="choices">
        {CHOICES.map((choice) => (
          <button
            key={choice.kind}
            type="button"
            role="radio"
            aria-checked={backend.kind === choice.kind}
            className="choice"
            onClick={() => onChoose(choice.kind)}
          >
            <strong>{t(choice.title)}</strong>
            <span>{t(choice.detail)}</span>
          </button>
        ))}
      </div>
      <dl className="facts">
        <dt>{t('host')}</dt>
        <dd>{backend.host}</dd>
        <dt>{t('region')}</dt>
        <dd>{backend.region}</dd>
        <dt>{t('vectorApi')}</dt>
        <dd>
          <PingStatus domain="vector" />
        </dd>
        <dt>{t('memoryApi')}</dt>
        <dd>
          <PingStatus domain="memory" />
        </dd>
      </dl>
      <CloudForm onUse={() => onChoose('cloud')} />
    </section>
  );
}

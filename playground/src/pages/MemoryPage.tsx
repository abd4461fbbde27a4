import { MemoryViewer } from 'vikingdb-kit/components/memory-viewer';
import { usePlaygroundText } from '../i18n/playgroundText';
import { useLocale } from '../settings/useSetting';
import { useUrlState } from '../url/useUrlState';
import { KNOWN_MEMORY, KNOWN_MEMORY_COLLECTIONS } from './knownIndexes';

/** The page's heading and pickers already name the collection: the viewer's own header stays for screen readers. */
const VIEWER_CLASS_NAMES = { header: 'visually-hidden' };

/** The MemoryViewer over a chosen memory collection and user; both live in the URL. */
export default function MemoryPage() {
  const [collection, setCollection] = useUrlState('memory', KNOWN_MEMORY_COLLECTIONS[0]!);
  // The types the collection's config declares (so a type no memory uses yet can still be searched for).
  const known = KNOWN_MEMORY.find((c) => c.name === collection);
  const [userId, setUserId] = useUrlState('user', '');
  const [locale] = useLocale();
  const { t } = usePlaygroundText();
  return (
    <section aria-labelledby="memory-title">
      <h1 id="memory-title">{t('memory')}</h1>
      <div className="pickers">
        <label>
          {t('memoryCollection')}{' '}
          <select value={collection} onChange={(e) => setCollection(e.target.value, true)}>
            {KNOWN_MEMORY_COLLECTIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('userId')} <input value={userId} onChange={(e) => setUserId(e.target.value)} placeholder={t('allUsers')} />
        </label>
      </div>
      <MemoryViewer
        key={collection}
        collection={{ collection_name: collection, project_name: 'default' }}
        classNames={VIEWER_CLASS_NAMES}
        locale={locale}
        {...(known ? { eventTypes: known.eventTypes, profileTypes: known.profileTypes } : {})}
        {...(userId ? { userId } : {})}
      />
    </section>
  );
}

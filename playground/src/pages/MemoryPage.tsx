import { MemoryViewer } from 'vikingdb-kit/components';
import { useUrlState } from '../url/useUrlState';
import { KNOWN_MEMORY_COLLECTIONS } from './knownIndexes';

/** The page's heading and pickers already name the collection: the viewer's own header stays for screen readers. */
const VIEWER_CLASS_NAMES = { header: 'visually-hidden' };

/** The MemoryViewer over a chosen memory collection and user; both live in the URL. */
export default function MemoryPage() {
  const [collection, setCollection] = useUrlState('memory', KNOWN_MEMORY_COLLECTIONS[0]);
  const [userId, setUserId] = useUrlState('user', '');
  return (
    <section aria-labelledby="memory-title">
      <h1 id="memory-title">Memory</h1>
      <div className="pickers">
        <label>
          Memory collection{' '}
          <select value={collection} onChange={(e) => setCollection(e.target.value, true)}>
            {KNOWN_MEMORY_COLLECTIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          User id <input value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="all users" />
        </label>
      </div>
      <MemoryViewer
        key={collection}
        collection={{ collection_name: collection, project_name: 'default' }}
        classNames={VIEWER_CLASS_NAMES}
        {...(userId ? { userId } : {})}
      />
    </section>
  );
}

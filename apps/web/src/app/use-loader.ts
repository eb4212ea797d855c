import { useCallback, useEffect, useState } from 'react';

/**
 * Loads data when the component mounts and again on `reload()`. `loader` must be stable (module-level or
 * useCallback). State is set only in the promise callback, and a stale answer after unmount is dropped.
 * `loading` is true until the latest load (the first, or the one a reload started) has answered.
 */
export function useLoader<T>(loader: () => Promise<T>): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [version, setVersion] = useState(0);
  const [answered, setAnswered] = useState(-1);
  useEffect(() => {
    let live = true;
    void loader().then((value) => {
      if (!live) return;
      setData(value);
      setAnswered(version);
    });
    return () => {
      live = false;
    };
  }, [loader, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading: answered !== version, reload };
}

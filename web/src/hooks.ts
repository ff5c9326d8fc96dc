/** Small hooks the views share. */
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';

export interface Loaded<T> {
  readonly data: T | null;
  /** The API's error (shown in the app's language by `Status`), or another failure's message. */
  readonly error: ApiError | string | null;
  readonly loading: boolean;
}

/**
 * Calls the API when `key` changes and keeps the last answer; an answer that arrives after a
 * newer request is dropped.
 */
export function useApi<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    load().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState({ data: null, error: error instanceof ApiError ? error : error.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}

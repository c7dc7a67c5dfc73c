import { storageFull } from './retention.ts';

/**
 * Records kept in this tab's sessionStorage under one key, by id: where audit worksheets go
 * while "Keep data on this computer" is off. They survive a reload of the tab and are
 * discarded by the browser when the tab is closed.
 */
export interface TabRecords<T> {
  list(): T[];
  put(id: string, value: T): void;
  delete(id: string): void;
  clear(): void;
}

export function tabRecords<T>(key: string): TabRecords<T> {
  const read = (): Record<string, T> => {
    try {
      return JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, T>;
    } catch {
      return {};
    }
  };
  const write = (records: Record<string, T>) => {
    try {
      if (Object.keys(records).length === 0) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(records));
    } catch (error) {
      throw storageFull(error);
    }
  };
  return {
    list: () => Object.values(read()),
    put: (id, value) => write({ ...read(), [id]: value }),
    delete: (id) => {
      const { [id]: _gone, ...rest } = read();
      write(rest);
    },
    clear: () => sessionStorage.removeItem(key),
  };
}

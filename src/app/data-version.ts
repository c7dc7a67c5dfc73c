import { createContext, useContext } from 'react';

/** Changes whenever the loaded data changes (a load, a reference import): every engine query asks again. */
export const DataVersionContext = createContext(0);

export const useDataVersion = () => useContext(DataVersionContext);

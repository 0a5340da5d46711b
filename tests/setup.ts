import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Testing Library only auto-cleans when test globals are on; they are off here.
afterEach(() => cleanup());

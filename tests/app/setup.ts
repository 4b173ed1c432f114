// Component tests run in jsdom; each test renders its own tree. Vitest's globals are
// off, so Testing Library cannot register its own cleanup: unmount after every test.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// Component tests run in jsdom; each test builds its own store.
export {};

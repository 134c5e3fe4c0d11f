// Unit tests run RxDB on fake-indexeddb; jsdom tests opt in with `@vitest-environment jsdom`.
import 'fake-indexeddb/auto';

// A screen reads a real (sealed) device database before it shows anything: on a busy 2-core
// machine running two test files at once, that can take more than Testing Library's default
// 1 s. `findBy…` and `waitFor` wait up to 10 s; a screen that never shows still fails. Only
// screen tests (jsdom) load Testing Library.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}

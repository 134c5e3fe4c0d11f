// Unit tests run RxDB on fake-indexeddb; jsdom tests opt in with `@vitest-environment jsdom`.
import 'fake-indexeddb/auto';

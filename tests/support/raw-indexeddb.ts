/**
 * What a device's IndexedDB really holds, read below RxDB and Dexie: every value of every object
 * store of the databases whose name contains `name` (fake-indexeddb in Node), as JSON text.
 */
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openExisting(name: string): Promise<IDBDatabase> {
  const opening = indexedDB.open(name);
  return request(opening);
}

export async function rawIndexedDbText(name: string): Promise<{ databases: number; text: string }> {
  const names = (await indexedDB.databases())
    .map((info) => info.name ?? '')
    .filter((dbName) => dbName.includes(name));
  const parts: string[] = [];
  for (const dbName of names) {
    const db = await openExisting(dbName);
    for (const store of db.objectStoreNames) {
      const values = await request(db.transaction(store).objectStore(store).getAll());
      parts.push(JSON.stringify(values));
    }
    db.close();
  }
  return { databases: names.length, text: parts.join('\n') };
}

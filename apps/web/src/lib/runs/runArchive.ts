// Runs kept in the browser (IndexedDB), within a size cap: the oldest go first, and the archive says which.
import { summaryOf, type SavedRun, type SavedRunSummary } from "./savedRun";

/** Where runs are stored: two tables keyed by run id, summaries (listed often) apart from the runs (loaded on demand). */
export interface RunStorage {
  summaries(): Promise<SavedRunSummary[]>;
  get(id: string): Promise<SavedRun | null>;
  /** Writes a run and its summary, and deletes the runs `drop`, in one transaction. */
  write(run: SavedRun, drop: readonly string[]): Promise<void>;
  remove(id: string): Promise<void>;
}

/** 60 MB: about a hundred comparisons of a week of 30-minute intervals (≈ 0.5 MB each). */
export const DEFAULT_CAP_BYTES = 60 * 1024 * 1024;

export interface SaveOutcome {
  /** Runs deleted, oldest first, to make room. */
  dropped: SavedRunSummary[];
}

/** The runs of this browser, newest first, kept under `capBytes` in all. */
export class RunArchive {
  readonly #storage: RunStorage;
  readonly capBytes: number;

  constructor(storage: RunStorage, capBytes = DEFAULT_CAP_BYTES) {
    this.#storage = storage;
    this.capBytes = capBytes;
  }

  /** Every run's summary, newest first. */
  async list(): Promise<SavedRunSummary[]> {
    return (await this.#storage.summaries()).sort((a, b) => b.savedAt - a.savedAt);
  }

  get(id: string): Promise<SavedRun | null> {
    return this.#storage.get(id);
  }

  /**
   * Keeps a run, deleting the oldest runs (never the new one) until everything fits under the cap. Rejects a run
   * that alone is over the cap, with a message saying its size and the cap.
   */
  async save(run: SavedRun): Promise<SaveOutcome> {
    if (run.sizeBytes > this.capBytes) {
      throw new Error(`this run takes ${megabytes(run.sizeBytes)}, more than the ${megabytes(this.capBytes)} kept for runs; run fewer replications or a shorter span`);
    }
    const others = (await this.#storage.summaries()).filter((summary) => summary.id !== run.id).sort((a, b) => a.savedAt - b.savedAt);
    let total = run.sizeBytes + others.reduce((sum, summary) => sum + summary.sizeBytes, 0);
    const dropped: SavedRunSummary[] = [];
    for (const oldest of others) {
      if (total <= this.capBytes) break;
      dropped.push(oldest);
      total -= oldest.sizeBytes;
    }
    await this.#storage.write(run, dropped.map((summary) => summary.id));
    return { dropped };
  }

  remove(id: string): Promise<void> {
    return this.#storage.remove(id);
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

/** Runs in memory (tests, and browsers without IndexedDB: kept until the page closes). */
export function memoryStorage(): RunStorage {
  const runs = new Map<string, SavedRun>();
  return {
    summaries: async () => [...runs.values()].map(summaryOf),
    get: async (id) => runs.get(id) ?? null,
    write: async (run, drop) => {
      for (const id of drop) runs.delete(id);
      runs.set(run.id, run);
    },
    remove: async (id) => void runs.delete(id),
  };
}

const DATABASE = "ccplan-runs";
const SUMMARIES = "summaries";
const RUNS = "runs";

/** Runs in the browser's IndexedDB (database "ccplan-runs"): they survive a reload. Typed arrays are stored as
 * they are (structured clone). Rejects when IndexedDB cannot be opened (private mode, storage disabled). */
export async function indexedDbStorage(factory: IDBFactory = indexedDB): Promise<RunStorage> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(SUMMARIES, { keyPath: "id" });
      request.result.createObjectStore(RUNS, { keyPath: "id" });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB could not be opened"));
    request.onblocked = () => reject(new Error("IndexedDB is blocked by another tab of this page; close it and reload"));
  });
  const done = (transaction: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error("the storage transaction failed"));
      transaction.onabort = () => reject(transaction.error ?? new Error("the storage transaction was aborted (is the disk full?)"));
    });
  const read = <T>(store: string, query: (objects: IDBObjectStore) => IDBRequest) =>
    new Promise<T>((resolve, reject) => {
      const request = query(db.transaction(store, "readonly").objectStore(store));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error ?? new Error("reading the stored runs failed"));
    });
  return {
    summaries: () => read<SavedRunSummary[]>(SUMMARIES, (objects) => objects.getAll()),
    get: async (id) => (await read<SavedRun | undefined>(RUNS, (objects) => objects.get(id))) ?? null,
    write: (run, drop) => {
      const transaction = db.transaction([SUMMARIES, RUNS], "readwrite");
      for (const id of drop) {
        transaction.objectStore(SUMMARIES).delete(id);
        transaction.objectStore(RUNS).delete(id);
      }
      transaction.objectStore(RUNS).put(run);
      transaction.objectStore(SUMMARIES).put(summaryOf(run));
      return done(transaction);
    },
    remove: (id) => {
      const transaction = db.transaction([SUMMARIES, RUNS], "readwrite");
      transaction.objectStore(SUMMARIES).delete(id);
      transaction.objectStore(RUNS).delete(id);
      return done(transaction);
    },
  };
}

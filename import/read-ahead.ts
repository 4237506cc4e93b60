import { CanonicalPaper, ReadItem } from "./canonical";

/**
 * Groups a reader's records into batches of `size`, parsing the next batch while the caller writes the current
 * one: the reader (CPU in this process) and the database write (I/O wait here) overlap instead of alternating.
 * At most two batches are held, so memory stays flat. Rejected items are skipped (the check pass counted them).
 * Batches come out in reader order; the caller still writes them one at a time, which paper resolution needs
 * (a batch must see the papers written by the previous one).
 */
export async function* readAhead(items: AsyncIterable<ReadItem>, size: number): AsyncGenerator<CanonicalPaper[]> {
  const iterator = items[Symbol.asyncIterator]();
  const nextBatch = async (): Promise<CanonicalPaper[]> => {
    const batch: CanonicalPaper[] = [];
    while (batch.length < size) {
      const step = await iterator.next();
      if (step.done) break;
      if (step.value.kind === "record") batch.push(step.value.record);
    }
    return batch;
  };
  let pending = nextBatch();
  try {
    for (;;) {
      const batch = await pending;
      if (batch.length === 0) return;
      pending = nextBatch();
      // If the caller stops (a write failed), the read-ahead's own outcome no longer matters.
      pending.catch(() => undefined);
      yield batch;
    }
  } finally {
    await pending.catch(() => undefined);
    await iterator.return?.(undefined);
  }
}

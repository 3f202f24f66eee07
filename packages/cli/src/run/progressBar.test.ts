import { describe, expect, it } from "vitest";
import { progressTracker } from "@ccplan/worker/node";
import { progressBar } from "./progressBar.js";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream, writes };
}

describe("progressBar", () => {
  it("draws replications done, the total and the time left on a terminal, and clears the line at the end", () => {
    const { stream, writes } = fakeStream(true);
    const bar = progressBar(stream);
    bar.update(5, 20, 12.2);
    bar.update(20, 20, 0);
    bar.done();
    expect(writes[0]).toBe("\r[########......................] 5/20 replications · about 13 s left\x1b[K");
    expect(writes[1]).toContain("[##############################] 20/20 replications");
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("writes nothing when stderr is piped", () => {
    const { stream, writes } = fakeStream(false);
    const bar = progressBar(stream);
    bar.update(5, 20, 1);
    bar.done();
    expect(writes).toEqual([]);
  });
});

describe("progressTracker", () => {
  it("adds the progress within the current part to the parts already finished", () => {
    const seen: number[] = [];
    const tracker = progressTracker(30, (done) => seen.push(done));
    tracker.within(4);
    tracker.finishPart(10);
    tracker.within(2.5);
    expect(seen).toEqual([4, 10, 12.5]);
  });
});

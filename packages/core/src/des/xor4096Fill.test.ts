import { describe, expect, it } from "vitest";
import { stream } from "../random/streams.js";
import { UniformBlock } from "./uniformBlock.js";
import { Xor4096Fill } from "./xor4096Fill.js";

describe("Xor4096Fill", () => {
  it("gives exactly the values of stream(seed, replication, purpose, lane), in order, block after block", () => {
    for (const [seed, replication, lane] of [[1, 0, 0], [-7, 12, 65_536], [2 ** 40, 3, 2], [123_456_789, 99_999, 7]] as const) {
      const random = stream(seed, replication, "satisfaction", lane);
      const fill = new Xor4096Fill(seed, replication, "satisfaction", lane);
      const block = new Float64Array(3 * 100);
      for (let round = 0; round < 30; round++) {
        fill.fill(block, 1, 3, 100);
        for (let k = 0; k < 100; k++) expect(block[1 + 3 * k]).toBe(random());
      }
    }
  });

  it("skips values (the state steps without making them) to exactly where the stream would be, and so does a block over it", () => {
    const random = stream(3, 1, "accept", 4);
    const fill = new Xor4096Fill(3, 1, "accept", 4);
    const block = new UniformBlock(new Xor4096Fill(3, 1, "accept", 4), 16);
    const out = new Float64Array(1);
    for (const count of [0, 1, 2, 127, 128, 129, 1000, 5, 16, 15, 17, 40_000]) {
      fill.skip(count);
      block.skip(count);
      for (let k = 0; k < count; k++) random();
      fill.fill(out, 0, 1, 1);
      const expected = random();
      expect(out[0]).toBe(expected);
      expect(block.next()).toBe(expected);
    }
  });
});

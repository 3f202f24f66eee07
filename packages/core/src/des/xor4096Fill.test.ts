import { describe, expect, it } from "vitest";
import { stream } from "../random/streams.js";
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
});

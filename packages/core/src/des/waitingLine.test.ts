import { describe, expect, it } from "vitest";
import { WaitingLine } from "./waitingLine.js";

describe("WaitingLine", () => {
  it("is FCFS, skips removed contacts, and keeps positions valid when it grows", () => {
    const line = new WaitingLine(4);
    const positions = new Map<number, number>();
    for (let id = 0; id < 20; id++) positions.set(id, line.push(id, id));
    for (const id of [1, 5, 6, 19, 0]) line.remove(positions.get(id)!, 20);
    expect(line.count).toBe(15);
    const order: number[] = [];
    while (line.count > 0) order.push(line.shift(21));
    expect(order).toEqual([2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);
  });

  it("integrates the number waiting over time", () => {
    const line = new WaitingLine();
    line.push(1, 10); // 1 waiting from 10
    const p = line.push(2, 12); // 2 from 12
    line.remove(p, 15); // 1 from 15
    expect(line.takeArea(20)).toBe(2 + 2 * 3 + 5);
    line.shift(22);
    expect(line.takeArea(30)).toBe(2);
  });
});

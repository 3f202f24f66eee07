/**
 * The reference: a minimal hand-written simulation of the benchmark's model (M/M/n+M, FCFS, constant rate),
 * with none of the engine's features: Math.random, no streams per purpose, no per-interval counters or
 * histograms, no staffing, no repeats. Departures in a binary heap over a Float64Array; the line a ring
 * buffer of arrival times and patience deadlines; a waiting contact whose deadline has passed when it reaches
 * the head has abandoned (at its deadline, which is what an abandonment event would have done to FCFS).
 * Events are counted as the engine counts them: arrival, service start, departure and abandonment.
 * Returns totals so the work cannot be optimised away.
 */
export function minimalLoop({ arrivalsPerHour, ahtSec, agents, patienceSec, hours, targetAnswerSec }) {
  const rate = arrivalsPerHour / 3600;
  const endSec = hours * 3600;
  let heap = new Float64Array(64);
  let heapSize = 0;
  let lineArrival = new Float64Array(1024);
  let lineDeadline = new Float64Array(1024);
  let lineMask = 1023;
  let head = 0;
  let tail = 0;
  let busy = 0;
  let events = 0;
  let answered = 0;
  let abandoned = 0;
  let withinTarget = 0;
  let waitSum = 0;
  let nextArrival = -Math.log(1 - Math.random()) / rate;

  const push = (time) => {
    if (heapSize === heap.length) {
      const bigger = new Float64Array(heap.length * 2);
      bigger.set(heap);
      heap = bigger;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent] <= time) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = time;
  };
  const pop = () => {
    const last = heap[--heapSize];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= heapSize) break;
      if (child + 1 < heapSize && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= last) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = last;
  };
  const startService = (now, arrival) => {
    const wait = now - arrival;
    answered++;
    waitSum += wait;
    if (wait <= targetAnswerSec) withinTarget++;
    events++;
    push(now - ahtSec * Math.log(1 - Math.random()));
  };

  for (;;) {
    const departure = heapSize > 0 ? heap[0] : Infinity;
    if (nextArrival < departure) {
      const now = nextArrival;
      events++;
      const deadline = now - patienceSec * Math.log(1 - Math.random());
      if (busy < agents) {
        busy++;
        startService(now, now);
      } else {
        if (tail - head > lineMask) {
          const size = (lineMask + 1) * 2;
          const arrivals = new Float64Array(size);
          const deadlines = new Float64Array(size);
          for (let p = head; p < tail; p++) {
            arrivals[p & (size - 1)] = lineArrival[p & lineMask];
            deadlines[p & (size - 1)] = lineDeadline[p & lineMask];
          }
          lineArrival = arrivals;
          lineDeadline = deadlines;
          lineMask = size - 1;
        }
        lineArrival[tail & lineMask] = now;
        lineDeadline[tail & lineMask] = deadline;
        tail++;
      }
      const next = now - Math.log(1 - Math.random()) / rate;
      nextArrival = next < endSec ? next : Infinity;
    } else if (departure < Infinity) {
      const now = departure;
      pop();
      events++;
      while (head < tail && lineDeadline[head & lineMask] < now) {
        head++;
        abandoned++;
        events++;
      }
      if (head < tail) {
        startService(now, lineArrival[head & lineMask]);
        head++;
      } else {
        busy--;
      }
    } else {
      break;
    }
  }
  abandoned += tail - head; // still waiting with no departures left: they abandon at their deadlines
  events += tail - head;
  return { events, contacts: answered + abandoned, answered, abandoned, withinTarget, waitSum };
}

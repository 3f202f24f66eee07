/**
 * The reference: a minimal hand-written event-driven simulation of the benchmark's model (M/M/n+M, FCFS,
 * constant rate) with none of the engine's features: Math.random, no streams per purpose, no per-interval
 * counters or histograms, no staffing, no repeats. One binary heap over a Float64Array of times with an
 * Int32Array of payloads (departures and abandonments, abandonments cancelled lazily), the next arrival kept
 * outside it, the line a ring buffer of contact ids, contacts in two typed arrays with a free list.
 * Events are counted as the engine counts them: arrival, service start, departure and abandonment.
 * Returns totals so that the work cannot be optimised away.
 */
export function minimalLoop({ arrivalsPerHour, ahtSec, agents, patienceSec, hours, targetAnswerSec }) {
  const rate = arrivalsPerHour / 3600;
  const endSec = hours * 3600;
  let heapTime = new Float64Array(64);
  let heapPayload = new Int32Array(64);
  let heapSize = 0;
  let arrival = new Float64Array(1024);
  let deadline = new Float64Array(1024);
  let waiting = new Uint8Array(1024);
  let free = new Int32Array(1024);
  let freeCount = 0;
  let used = 0;
  let line = new Int32Array(1024);
  let lineMask = 1023;
  let head = 0;
  let tail = 0;
  let queued = 0;
  let busy = 0;
  let events = 0;
  let answered = 0;
  let abandoned = 0;
  let withinTarget = 0;
  let waitSum = 0;
  let nextArrival = -Math.log(1 - Math.random()) / rate;

  const push = (time, payload) => {
    if (heapSize === heapTime.length) {
      const times = new Float64Array(heapSize * 2);
      const payloads = new Int32Array(heapSize * 2);
      times.set(heapTime);
      payloads.set(heapPayload);
      heapTime = times;
      heapPayload = payloads;
    }
    let i = heapSize++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapTime[parent] <= time) break;
      heapTime[i] = heapTime[parent];
      heapPayload[i] = heapPayload[parent];
      i = parent;
    }
    heapTime[i] = time;
    heapPayload[i] = payload;
  };
  const pop = () => {
    const top = heapPayload[0];
    const n = --heapSize;
    const time = heapTime[n];
    const payload = heapPayload[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && heapTime[child + 1] < heapTime[child]) child++;
      if (heapTime[child] >= time) break;
      heapTime[i] = heapTime[child];
      heapPayload[i] = heapPayload[child];
      i = child;
    }
    heapTime[i] = time;
    heapPayload[i] = payload;
    return top;
  };
  const allocate = () => {
    if (freeCount > 0) return free[--freeCount];
    if (used === arrival.length) {
      const arrivals = new Float64Array(used * 2);
      const deadlines = new Float64Array(used * 2);
      const flags = new Uint8Array(used * 2);
      const frees = new Int32Array(used * 2);
      arrivals.set(arrival);
      flags.set(waiting);
      arrival = arrivals;
      deadline = deadlines;
      waiting = flags;
      free = frees;
    }
    return used++;
  };
  const serve = (now, id) => {
    const wait = now - arrival[id];
    answered++;
    waitSum += wait;
    if (wait <= targetAnswerSec) withinTarget++;
    events++;
    push(now - ahtSec * Math.log(1 - Math.random()), id * 2);
  };

  for (;;) {
    const eventTime = heapSize > 0 ? heapTime[0] : Infinity;
    if (nextArrival < eventTime) {
      const now = nextArrival;
      events++;
      const id = allocate();
      arrival[id] = now;
      if (busy < agents) {
        busy++;
        waiting[id] = 0;
        serve(now, id);
      } else {
        if (tail - head > lineMask) {
          const bigger = new Int32Array((lineMask + 1) * 2);
          for (let p = head; p < tail; p++) bigger[p & (bigger.length - 1)] = line[p & lineMask];
          line = bigger;
          lineMask = bigger.length - 1;
        }
        line[tail++ & lineMask] = id;
        queued++;
        waiting[id] = 1;
        const due = now - patienceSec * Math.log(1 - Math.random());
        deadline[id] = due;
        push(due, id * 2 + 1);
      }
      const next = now - Math.log(1 - Math.random()) / rate;
      nextArrival = next < endSec ? next : Infinity;
    } else if (eventTime < Infinity) {
      const now = eventTime;
      const payload = pop();
      const id = payload >> 1;
      if ((payload & 1) === 1) {
        // Answered before its patience ran out (or the slot was reused): a cancelled abandonment.
        if (waiting[id] !== 1 || deadline[id] !== now) continue;
        events++;
        waiting[id] = 2; // abandoned: freed when its place in the line is skipped
        queued--;
        abandoned++;
        continue;
      }
      events++;
      free[freeCount++] = id;
      let next = -1;
      while (queued > 0) {
        const candidate = line[head++ & lineMask];
        if (waiting[candidate] === 1) {
          next = candidate;
          break;
        }
        free[freeCount++] = candidate;
      }
      if (next >= 0) {
        queued--;
        waiting[next] = 0;
        serve(now, next);
      } else {
        busy--;
        while (head < tail) free[freeCount++] = line[head++ & lineMask];
        head = tail = 0;
      }
    } else {
      break;
    }
  }
  return { events, contacts: answered + abandoned, answered, abandoned, withinTarget, waitSum };
}

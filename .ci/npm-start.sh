#!/usr/bin/env bash
# Runs `npm start` as the README prints it, waits until the URL it prints answers with the web page, then stops it
# and every process it started (all the process groups of its session). Fails if no URL is printed, the page does not answer within
# the time limit, or `npm start` exits on its own first. Usage: bash .ci/npm-start.sh
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
limit_sec="${CCPLAN_START_TIMEOUT:-300}"
log="$(mktemp)"

# A session of its own (setsid: its id is the leader's pid), so stopping it reaches turbo, vite and whatever else
# they started. Turbo runs each task in a process group of its own, so killing the leader's group alone would leave
# the server running: stop every process group of the session instead.
setsid npm start </dev/null >"$log" 2>&1 &
leader=$!

session_groups() {
  ps -eo sid=,pgid= | awk -v sid="$leader" '$1 == sid { print $2 }' | sort -u
}

signal_session() {
  local group
  for group in $(session_groups); do kill "-$1" -- "-$group" 2>/dev/null; done
}

stop() {
  signal_session TERM
  for _ in $(seq 1 50); do [ -z "$(session_groups)" ] && break; sleep 0.1; done
  signal_session KILL
  wait "$leader" 2>/dev/null
  if [ -n "$(session_groups)" ]; then echo "npm-start: could not stop every process of 'npm start'" >&2; return 1; fi
}
trap 'stop 2>/dev/null; rm -f "$log"' EXIT

url=""
answered=""
deadline=$((SECONDS + limit_sec))
while [ "$SECONDS" -lt "$deadline" ]; do
  if ! kill -0 "$leader" 2>/dev/null; then
    echo "npm-start: 'npm start' exited before its page answered:" >&2
    stop
    cat "$log" >&2
    exit 1
  fi
  if [ -z "$url" ]; then
    # The URL of the server's "Local:" line (vite prints it so), without terminal colour codes.
    url="$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'Local:' | grep -oE 'https?://[^[:space:]]+' | head -n 1)"
  fi
  if [ -n "$url" ] && node -e '
      fetch(process.argv[1]).then(async (r) => {
        const body = await r.text();
        process.exit(r.ok && /<html/i.test(body) ? 0 : 1);
      }, () => process.exit(1));' "$url"; then
    answered=yes
    break
  fi
  sleep 1
done

if [ -z "$answered" ]; then
  stop
  echo "npm-start: ${url:-no URL printed}: no page within ${limit_sec} s; its output:" >&2
  cat "$log" >&2
  exit 1
fi
echo "npm-start: $url answered with the web page; stopping it"
stop || exit 1

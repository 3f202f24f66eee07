#!/usr/bin/env bash
# Runs every CLI example of the README exactly as printed: each line of a fenced code block that starts with
# `npx ccplan`, from the repository's root, as a user who has just run `npm ci && npm run build` would.
# Lines added to the README later are run too. Fails (listing what failed) if any line exits non-zero or prints
# nothing. Usage: bash .ci/readme-examples.sh [README.md]
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readme="${1:-README.md}"
per_line_timeout="${CCPLAN_EXAMPLE_TIMEOUT:-300}"

# The example lines: inside ``` fences (possibly indented, as in a list), starting with `npx ccplan`.
mapfile -t examples < <(awk '
  /^[[:space:]]*```/ { fenced = !fenced; next }
  fenced && /^[[:space:]]*npx ccplan([[:space:]]|$)/ { sub(/^[[:space:]]+/, ""); print }
' "$readme")

if [ "${#examples[@]}" -eq 0 ]; then
  echo "readme-examples: no 'npx ccplan' line in a code block of $readme" >&2
  exit 1
fi

failed=()
for line in "${examples[@]}"; do
  echo "readme-examples: \$ $line"
  output="$(timeout "$per_line_timeout" bash -c "$line" </dev/null 2>&1)"
  code=$?
  printf '%s\n' "$output" | sed 's/^/  | /' | head -n 40
  if [ "$code" -ne 0 ]; then
    echo "readme-examples: FAILED (exit $code): $line" >&2
    failed+=("$line")
  elif [ -z "$output" ]; then
    echo "readme-examples: FAILED (no output): $line" >&2
    failed+=("$line")
  fi
done

echo "readme-examples: ${#examples[@]} line(s) run, ${#failed[@]} failed"
if [ "${#failed[@]}" -ne 0 ]; then
  printf 'readme-examples: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi

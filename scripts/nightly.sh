#!/usr/bin/env bash
# The nightly job: refresh the report of the latest month and point <output>/latest at it.
# Usage: scripts/nightly.sh [BINARY] [CONFIG] (defaults: the release build, referral-report.toml).
#
# Idempotent, and honest with cron:
# - exits with the run's own code (0; 2 when an input's rejected share passed the limit; 64–78
#   for a bad command, input, output or config; see the README), and 69 when the job itself
#   cannot run (no binary and no swift to build one, a library missing);
# - moves `latest` only to a report that passed: a failed run writes its report beside it
#   (<period>.failed/, see the README) and `latest` keeps pointing at the last good one, whose
#   folder the failed run left as it was;
# - takes the report's folder from the run's own output, and writes no file of its own
#   anywhere else (no shared temporary files).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/.build/release/referral-report}"
config="${2:-referral-report.toml}"

setup_failure() {
  echo "nightly: error: $1" >&2
  exit 69
}

# The binary `make nightly` built; built here when missing (after an update, run `make nightly`).
if [ ! -x "$bin" ]; then
  command -v swift >/dev/null 2>&1 ||
    setup_failure "there is no build at $bin and swift is not on PATH ($PATH); build once with 'make nightly', or put swift on the cron job's PATH"
  swift build --package-path "$root" -c release --static-swift-stdlib --product referral-report >/dev/null ||
    setup_failure "the release build failed; run 'make nightly' by hand to see why"
  [ -x "$bin" ] || setup_failure "no referral-report binary at $bin after building"
fi

output=$("$bin" run --config "$config")
status=$?
[ -n "$output" ] && printf '%s\n' "$output"
if [ "$status" -eq 126 ] || [ "$status" -eq 127 ]; then
  setup_failure "$bin could not be started (exit $status: a shared library such as libcsv may be missing; run 'make deps')"
fi

folder=$(printf '%s\n' "$output" | sed -n 's/^wrote \(.*\)\/ (.*/\1/p' | tail -1)
if [ -z "$folder" ] || [ ! -d "$folder" ]; then
  echo "nightly: referral-report exited with $status and wrote no report" >&2
  exit "$status"
fi
latest="$(dirname "$folder")/latest"
if [ "$status" -ne 0 ]; then
  # A run whose data check failed wrote beside the report that passed (<period>.failed), never
  # over it, so the report latest points at is still the one that passed.
  echo "nightly: referral-report exited with $status; its report is in $folder, and $latest still points at the last report that passed" >&2
  exit "$status"
fi
# Only a link this job made is ever replaced: a file or folder of yours named latest stays.
if [ -e "$latest" ] && [ ! -L "$latest" ]; then
  echo "nightly: error: $latest is not a symbolic link, so it was left as it is; move it away to let the job point it at the new report" >&2
  exit 73
fi
ln -sfn "$(basename "$folder")" "$latest.tmp.$$" && mv -T "$latest.tmp.$$" "$latest" ||
  { rm -f "$latest.tmp.$$"; echo "nightly: error: cannot point $latest at $(basename "$folder")" >&2; exit 73; }
echo "$latest -> $(basename "$folder")"
exit 0

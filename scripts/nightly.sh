#!/usr/bin/env bash
# The nightly job: refresh the report of the latest month and point Reports/latest at it.
# Idempotent; exits with the run's own exit code, so cron reports a failure.
set -uo pipefail
bin="$1"
config="$2"
output=$(grep -E '^\s*output\s*=' "$config" 2>/dev/null | head -1 | sed -E 's/.*=\s*"([^"]*)".*/\1/')
output="${output:-Reports}"

"$bin" run --config "$config" | tee /tmp/referral-report-nightly.log
status=${PIPESTATUS[0]}
folder=$(sed -n 's/^wrote \(.*\)\/ (.*/\1/p' /tmp/referral-report-nightly.log | tail -1)
if [ -n "$folder" ] && [ -d "$folder" ]; then
  ln -sfn "$(basename "$folder")" "$output/.latest.tmp" && mv -T "$output/.latest.tmp" "$output/latest"
  echo "Reports/latest -> $(basename "$folder")"
fi
if [ "$status" -ne 0 ]; then
  echo "nightly: referral-report exited with $status" >&2
fi
exit "$status"

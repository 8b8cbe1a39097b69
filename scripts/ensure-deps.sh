#!/usr/bin/env bash
# Installs what building and testing need, when it is missing: libcsv's header (Debian
# libcsv-dev), and libxml2's link library (libxml2-dev), which Foundation's XML parser (the
# reader of Excel workbooks) links against. Uses sudo when not root; says exactly what failed when it cannot.
set -euo pipefail

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else
    echo "ensure-deps: need root to run '$*' (no sudo found); install it by hand and re-run" >&2
    return 1
  fi
}

apt_install() {
  echo "ensure-deps: installing $* (apt-get)" >&2
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >/tmp/referral-report-apt.log 2>&1; then
    as_root apt-get update >>/tmp/referral-report-apt.log 2>&1 || true
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>/tmp/referral-report-apt.log 2>&1; then
      echo "ensure-deps: could not install $* with apt-get; see /tmp/referral-report-apt.log" >&2
      return 1
    fi
  fi
}

if [ ! -f /usr/include/csv.h ]; then
  command -v apt-get >/dev/null 2>&1 || { echo "ensure-deps: libcsv's header /usr/include/csv.h is missing and apt-get is not available; install libcsv (https://github.com/rgamble/libcsv) and re-run" >&2; exit 1; }
  apt_install libcsv-dev
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libxml2\.so ' && [ ! -e /usr/lib/x86_64-linux-gnu/libxml2.so ] && [ ! -e /usr/lib/aarch64-linux-gnu/libxml2.so ]; then
  command -v apt-get >/dev/null 2>&1 || { echo "ensure-deps: libxml2's link library (libxml2.so) is missing and apt-get is not available; install libxml2's development files and re-run" >&2; exit 1; }
  apt_install libxml2-dev
fi
command -v swift >/dev/null 2>&1 || { echo "ensure-deps: swift is not on PATH; install Swift 6 (https://swift.org/install) and re-run" >&2; exit 1; }

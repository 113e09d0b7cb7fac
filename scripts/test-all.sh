#!/usr/bin/env bash
# Every test, in order: install, lint, type check, unit, build, end-to-end. CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
	echo "== installing Debian's chromium (needed by the end-to-end tests)"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "== npm ci"
npm ci --no-fund --no-audit
echo "== lint"
npm run lint
echo "== type check"
npm run check
echo "== unit tests"
npx vitest run
echo "== build"
npm run build
echo "== end-to-end tests"
npx playwright test

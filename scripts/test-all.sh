#!/usr/bin/env bash
# Every test, in order: install, lint, type check, unit, build, end-to-end. CI runs exactly this.
# Each phase's duration is printed when it ends, and all of them with the total at the end (also
# when a phase fails, so a slow or failing phase is visible at a glance).
set -euo pipefail
cd "$(dirname "$0")/.."

START=$(date +%s%N)
TIMES=()
PHASE=''
PHASE_START=0

ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
fmt() { printf '%d.%01d s' $(($1 / 1000)) $((($1 % 1000) / 100)); }

begin() {
	PHASE=$1
	PHASE_START=$(date +%s%N)
	echo "== $PHASE"
}
end() {
	local ms
	ms=$(ms_since "$PHASE_START")
	TIMES+=("$(printf '%-22s %10s' "$PHASE" "$(fmt "$ms")")")
	echo "== $PHASE: $(fmt "$ms")"
	PHASE=''
}
summary() {
	local status=$?
	[ -n "$PHASE" ] && TIMES+=("$(printf '%-22s %10s  FAILED' "$PHASE" "$(fmt "$(ms_since "$PHASE_START")")")")
	echo
	echo "== phase durations"
	for line in "${TIMES[@]}"; do echo "   $line"; done
	printf '   %-22s %10s\n' total "$(fmt "$(ms_since "$START")")"
	return $status
}
trap summary EXIT

if [ ! -x /usr/bin/chromium ]; then
	begin "install chromium"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
	end
fi

begin "npm ci"
npm ci --no-fund --no-audit
end
# Lint (ESLint with type information, Prettier) and the type check are single-threaded and
# independent: run side by side, each one's output printed whole when both are done.
begin "lint + type check"
LOGS=$(mktemp -d)
npm run lint >"$LOGS/lint" 2>&1 &
LINT=$!
npm run check >"$LOGS/check" 2>&1 &
CHECK=$!
LINT_STATUS=0
CHECK_STATUS=0
wait $LINT || LINT_STATUS=$?
wait $CHECK || CHECK_STATUS=$?
echo "-- lint (exit $LINT_STATUS)"
cat "$LOGS/lint"
echo "-- type check (exit $CHECK_STATUS)"
cat "$LOGS/check"
rm -rf "$LOGS"
[ $LINT_STATUS -eq 0 ] && [ $CHECK_STATUS -eq 0 ]
end
begin "unit tests"
npx vitest run
end
begin "build"
npm run build
end
begin "end-to-end tests"
npx playwright test
end

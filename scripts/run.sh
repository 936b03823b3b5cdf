#!/usr/bin/env bash
# Runs this checkout's current code without installing it (for working on TicketFlow; users install the `ticketflow`
# command with scripts/install.sh). Arguments go to the command line; `serve` (embedded defaults) when none.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

exec dotnet run --project src/Server -c Release -- "${@:-serve}"

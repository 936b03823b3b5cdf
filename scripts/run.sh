#!/usr/bin/env bash
# Starts TicketFlow on its embedded defaults (see README). Extra arguments go to the `ticketflow` command line.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

exec dotnet run --project src/Server -c Release -- "${@:-serve}"

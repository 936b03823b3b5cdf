#!/usr/bin/env bash
# Installs the `ticketflow` command from this checkout (see README, "Set up and run"):
#   1. Azurite, the local Azure Storage emulator `ticketflow serve` starts (npm, from package.json);
#   2. the .NET tool packed from src/Server (TicketFlow.Server, command `ticketflow`), as a global tool in
#      ~/.dotnet/tools, or into the folder given with --tool-path DIR.
# Run it again after pulling changes: it packs the checkout afresh and reinstalls. Needs no feed but this checkout's
# (the tool package holds everything it runs), so it also works offline once `dotnet restore` has the packages.
set -euo pipefail
cd "$(dirname "$0")/.."

where=(--global)
if [ "${1:-}" = "--tool-path" ] && [ -n "${2:-}" ]; then
  where=(--tool-path "$2")
elif [ $# -gt 0 ]; then
  echo "usage: $0 [--tool-path DIR]" >&2
  exit 2
fi

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

packages=artifacts/packages
dotnet pack src/Server -c Release --nologo -v quiet -o "$packages"
version=$(dotnet msbuild src/Server -getProperty:Version -nologo)

# Only this checkout's packages: nothing of the same name on a public feed can be installed instead.
config=artifacts/tool-install.nuget.config
cat > "$config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="ticketflow-checkout" value="packages" />
  </packageSources>
</configuration>
XML

# The version does not change with every commit, so a reinstall must not keep the copy installed before.
dotnet tool uninstall "${where[@]}" TicketFlow.Server >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" TicketFlow.Server --version "$version" --configfile "$config"

if [ "${where[0]}" = "--global" ] && ! command -v ticketflow >/dev/null 2>&1; then
  echo "Add the .NET tools folder to your PATH to run 'ticketflow' (and add this line to ~/.bashrc or ~/.profile):" >&2
  echo "  export PATH=\"\$PATH:\$HOME/.dotnet/tools\"" >&2
fi

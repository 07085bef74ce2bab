#!/usr/bin/env bash
# The one command that runs every test on a fresh machine (CI runs exactly this through .ci/run).
# Needs: the .NET 10 SDK and NuGet access. The reference data is read from ../shared/data.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== build (Release, warnings are errors)"
dotnet build NetControl.sln -c Release -nologo -v minimal -warnaserror

echo "== tests"
dotnet test NetControl.sln -c Release --no-build -nologo -v minimal \
  --logger "console;verbosity=minimal" --blame-hang-timeout 10m

echo "== the README's run command"
./netctl demo > /dev/null
./netctl demo --json > /dev/null
echo "ok: all tests passed and netctl demo runs"

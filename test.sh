#!/usr/bin/env bash
# The one command that runs every test on a fresh machine (CI runs exactly this through .ci/run).
# Needs: the .NET 10 SDK and NuGet access (as root with apt-get it installs the system packages the tests
# need). The reference data is read from ../shared/data.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The .NET SDK is the one thing this script cannot install: Debian's archive has no .NET 10 SDK package, and
# Microsoft's feed and dotnet-install.sh need hosts beyond NuGet, npm and Debian's mirrors.
sdk_major=$(dotnet --version 2>/dev/null | cut -d. -f1 || true)
if [[ -z $sdk_major || $sdk_major -lt 10 ]]; then
  echo "error: the .NET 10 SDK is needed (found: ${sdk_major:-no dotnet on PATH}); install it and rerun" >&2
  exit 1
fi

echo "== system packages the tests need"
# The TL1 SSH transport tests run a real OpenSSH server (/usr/sbin/sshd, ssh-keygen); the SNMP interop tests run
# net-snmp's tools (snmpget, snmpwalk, snmpbulkwalk, snmpset, snmptrap), agent (snmpd) and receiver (snmptrapd).
# The messaging tests run a real Mosquitto broker; the probe and network-simulator tests use network namespaces and
# tbf (iproute2), iperf3 for cross traffic and comparison, ping, and libpcap for SharpPcap receive timestamps; tshark
# (Wireshark's TWAMP-Test dissector) reads our STAMP packets off the wire as a third party; the dashboard tests drive
# Debian's chromium through Playwright.
needed=(/usr/sbin/sshd:openssh-server /usr/bin/ssh-keygen:openssh-client
        /usr/bin/snmpget:snmp /usr/sbin/snmpd:snmpd /usr/sbin/snmptrapd:snmptrapd
        /usr/sbin/mosquitto:mosquitto /usr/bin/iperf3:iperf3 /usr/sbin/ip:iproute2 /usr/sbin/tc:iproute2
        /usr/bin/ping:iputils-ping /usr/lib/x86_64-linux-gnu/libpcap.so.0.8:libpcap0.8 /usr/bin/tshark:tshark
        /usr/bin/chromium:chromium)
missing=()
for entry in "${needed[@]}"; do
  [[ -e ${entry%%:*} ]] || missing+=("${entry#*:}")
done
# The dashboard's front-end packages come from npm at build time (the controller's build runs npm ci).
command -v npm > /dev/null || missing+=(nodejs npm)
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | grep -v '^$' || true)
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null; then
    echo "installing: ${missing[*]}"
    apt_log=$(mktemp)
    # wireshark-common asks whether non-root users may capture: no (the tests run as root).
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections 2>/dev/null || true
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
           && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } > "$apt_log" 2>&1; then
      cat "$apt_log" >&2
      echo "error: could not install ${missing[*]} with apt-get; install them and rerun" >&2
      exit 1
    fi
    rm -f "$apt_log"
  else
    echo "error: missing packages ${missing[*]}: run this script as root on Debian/Ubuntu, or install them yourself" >&2
    exit 1
  fi
fi

echo "== build (Release, warnings are errors)"
dotnet build NetControl.sln -c Release -nologo -v minimal -warnaserror

echo "== tests"
dotnet test NetControl.sln -c Release --no-build -nologo -v minimal \
  --logger "console;verbosity=minimal" --blame-hang-timeout 10m

echo "== the README's run command"
./netctl demo > /dev/null
./netctl demo --json > /dev/null
echo "ok: all tests passed and netctl demo runs"

#!/usr/bin/env bash
# Checks the machine packages the platform runs on: PostgreSQL and RabbitMQ (with Erlang's epmd) from Debian, and
# with --for-tests, Chromium: the real browser the connect-flow tests drive through Playwright (its own browser
# download cannot work here).
# The AppHost starts private instances of both as its own child processes; it never uses the system services
# these packages may start. As root, missing packages are installed; otherwise the apt-get line is printed.
# Then the Node packages of the test servers (oidc-provider, the OAuth tests' real authorization server).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# oidc-provider 9 needs Node.js 20.19 or later, newer than Debian's package: it comes with the machine.
install_test_servers() {
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    echo "Node.js (20.19 or later) and npm are missing: the OAuth tests start oidc-provider with them." >&2
    exit 1
  fi
  local dir=tests/TestServers/oidc-provider
  if [[ ! -d $dir/node_modules/oidc-provider || $dir/package-lock.json -nt $dir/node_modules/.package-lock.json ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
  fi
}

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' > /dev/null; then
  missing+=(postgresql)
fi
if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  missing+=(rabbitmq-server)
elif ! command -v epmd > /dev/null; then
  missing+=(erlang-base)
fi

if [[ ${1:-} == --for-tests && ! -x /usr/bin/chromium ]]; then
  missing+=(chromium)
fi

if ! command -v dotnet > /dev/null; then
  echo "The .NET 10 SDK is missing: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if (( ${#missing[@]} == 0 )); then
  install_test_servers
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
  echo "Installed ${missing[*]}."
  install_test_servers
else
  echo "Missing Debian packages: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

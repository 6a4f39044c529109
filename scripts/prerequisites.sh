#!/usr/bin/env bash
# Checks the machine packages the platform runs on: PostgreSQL and RabbitMQ (with Erlang's epmd) from Debian.
# The AppHost starts private instances of both as its own child processes; it never uses the system services
# these packages may start. As root, missing packages are installed; otherwise the apt-get line is printed.
set -euo pipefail

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' > /dev/null; then
  missing+=(postgresql)
fi
if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
  missing+=(rabbitmq-server)
elif ! command -v epmd > /dev/null; then
  missing+=(erlang-base)
fi

if ! command -v dotnet > /dev/null; then
  echo "The .NET 10 SDK is missing: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if (( ${#missing[@]} == 0 )); then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
  echo "Installed ${missing[*]}."
else
  echo "Missing Debian packages: ${missing[*]}. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

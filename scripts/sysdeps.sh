#!/usr/bin/env bash
# Install the system programs the tests drive for real, only when they are absent.
set -euo pipefail

need=()
command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] || need+=(postgresql)
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ ${#need[@]} -gt 0 ]; then
    echo "sysdeps: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "sysdeps: postgresql $(pg_config --version | cut -d' ' -f2), java $(java -version 2>&1 | head -1 | cut -d'"' -f2), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium missing')"

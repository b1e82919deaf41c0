#!/usr/bin/env bash
# The menu entry and the AppStream metadata validate cleanly: no error and
# no warning (hints and pedantic notes are printed, not failed on).
set -euo pipefail
resources="$1"
desktop-file-validate "$resources/topup-dashboard.desktop"
out="$(appstreamcli validate --no-net "$resources/io.github.topupdashboard.TopUpDashboard.metainfo.xml" 2>&1)" || {
    echo "$out"
    exit 1
}
echo "$out"
if grep -qE '^(E|W):' <<<"$out"; then
    echo "appstreamcli reported errors or warnings"
    exit 1
fi
echo "desktop entry and AppStream metadata: valid"

#!/usr/bin/env bash
# scripts/check-layers really catches what it is for: the real tree passes,
# and copies of core/ and ui/ with one bad include planted each fail with
# exit status 1 and a message naming the file and the line of that include.
# Usage: tests/scripts/check-layers-catches.sh [SOURCE_ROOT]
set -uo pipefail

source_root="$(cd "${1:-"$(dirname "${BASH_SOURCE[0]}")/../.."}" && pwd)"
check="$source_root/scripts/check-layers"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect STATUS PATTERN ROOT: runs the check on ROOT and wants that exit
# status and a line of its output matching PATTERN (grep -E).
expect() {
    local want="$1" pattern="$2" tree="$3" output status
    output="$(bash "$check" "$tree" 2>&1)"
    status=$?
    if [ "$status" -ne "$want" ]; then
        fail "$tree: exit status $status, expected $want; output:"$'\n'"$output"
        return
    fi
    if ! grep -qE -- "$pattern" <<<"$output"; then
        fail "$tree: no line matches /$pattern/; output:"$'\n'"$output"
    fi
}

# plant NAME FILE INCLUDE: a copy of core/ and ui/ named NAME with INCLUDE
# as line 3 of FILE (a path inside the copy); prints the copy's root.
plant() {
    local tree="$scratch/$1"
    mkdir -p "$tree"
    cp -r "$source_root/core" "$source_root/ui" "$tree/"
    [ -f "$tree/$2" ] || { echo "plant: no $2 in the tree" >&2; exit 3; }
    sed -i "3i $3" "$tree/$2"
    echo "$tree"
}

expect 0 'every include runs one way' "$source_root"

tree="$(plant ui-store ui/pages/dashboardpage.cpp '#include "store/historystore.h"')"
expect 1 '^ui/pages/dashboardpage\.cpp:3: ui may include only core/service and core/domain, not store' "$tree"

tree="$(plant ui-relative ui/widgets/linecard.h '#include "../../core/scenario/scenarioreader.h"')"
expect 1 '^ui/widgets/linecard\.h:3: .*not scenario' "$tree"

tree="$(plant core-widgets core/engine/engine.cpp '#include <QPushButton>')"
expect 1 '^core/engine/engine\.cpp:3: core may not include a GUI header \(#include <QPushButton>\)' "$tree"

tree="$(plant core-module core/service/service.h '#include <QtWidgets/QWidget>')"
expect 1 '^core/service/service\.h:3: core may not include a GUI header' "$tree"

tree="$(plant core-backwards core/domain/money.h '#include "store/database.h"')"
expect 1 '^core/domain/money\.h:3: domain may not include store' "$tree"

expect 2 'holds no core/ and ui/' "$scratch/nowhere"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "check-layers catches each planted include and passes the real tree"

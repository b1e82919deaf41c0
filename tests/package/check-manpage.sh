#!/usr/bin/env bash
# Every long option that `EXE --help` lists is documented in the man page,
# and the man page documents no option the program does not have.
set -euo pipefail
exe="$1"
page="$2"
help="$(QT_QPA_PLATFORM=offscreen "$exe" --help)"
from_help="$(grep -oE -- '--[a-z][a-z-]*' <<<"$help" | sort -u)"
# In the man page's OPTIONS section, options are written \-\-name.
from_page="$(sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$page" | grep -oE -- '\\-\\-[a-z][a-z\\-]*' | sed 's/\\//g' | sort -u)"
missing="$(comm -23 <(echo "$from_help") <(echo "$from_page"))"
extra="$(comm -13 <(echo "$from_help") <(echo "$from_page"))"
status=0
if [ -n "$missing" ]; then
    echo "$(basename "$page"): options in --help but not in the man page: $(echo $missing)"
    status=1
fi
if [ -n "$extra" ]; then
    echo "$(basename "$page"): options in the man page but not in --help: $(echo $extra)"
    status=1
fi
[ "$status" -eq 0 ] && echo "$(basename "$page") documents every option of $(basename "$exe"): $(echo $from_help)"
exit "$status"

#!/usr/bin/env bash
# Builds the .deb from the build folder, unpacks it into a temporary root
# and runs the packaged executables from there; checks that Depends was
# computed from the binaries.
set -euo pipefail
build="$1"
shift
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || {
    cat "$work/cpack.log"
    exit 1
}
deb="$(ls "$work"/out/topup-dashboard_*.deb)"
depends="$(dpkg-deb -f "$deb" Depends)"
echo "Depends: $depends"
for library in libqt6core6 libqt6sql6 libc6; do
    grep -q "$library" <<<"$depends" || { echo "Depends lacks $library"; exit 1; }
done
dpkg -x "$deb" "$work/root"
for exe in "$@"; do
    [ -x "$work/root/usr/bin/$exe" ] || { echo "the package has no /usr/bin/$exe"; exit 1; }
    version="$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/$exe" --version)"
    echo "$version"
    grep -q "^$exe " <<<"$version" || { echo "unexpected --version of $exe: $version"; exit 1; }
done
for file in usr/share/applications/topup-dashboard.desktop \
            usr/share/metainfo/io.github.topupdashboard.TopUpDashboard.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/topup-dashboard.svg \
            usr/share/man/man1/topup-sim.1.gz usr/share/man/man1/topup-dashboard.1.gz \
            usr/share/doc/topup-dashboard/copyright usr/share/doc/topup-dashboard/changelog.gz; do
    [ -f "$work/root/$file" ] || { echo "the package has no /$file"; exit 1; }
done
# Debian's standards: lintian finds no error and no warning.
if ! lintian --fail-on error,warning --no-tag-display-limit "$deb" >"$work/lintian.log" 2>&1; then
    cat "$work/lintian.log"
    echo "lintian finds errors or warnings in the package"
    exit 1
fi
cat "$work/lintian.log"
echo "the package installs and runs, and lintian finds no error or warning"

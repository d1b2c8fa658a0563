#!/bin/sh
# Fetch Debian's busybox-static for i386 and place the binary at
# tests/busybox/busybox.i386 (not committed; see .gitignore).
# Needs root (dpkg --add-architecture, apt-get update).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/busybox.i386"
if [ -x "$out" ] && [ "${1:-}" != "-f" ]; then
  echo "fetch.sh: $out already present (use -f to refetch)"
  exit 0
fi
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
if ! dpkg --print-foreign-architectures | grep -qx i386; then
  $SUDO dpkg --add-architecture i386
fi
# A partially failing update (e.g. a mirror mid-sync) is not fatal if the download works.
$SUDO apt-get update -qq || echo "fetch.sh: warning: apt-get update reported errors, trying anyway" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download busybox-static:i386)
deb=$(ls "$work"/busybox-static_*_i386.deb | head -n 1)
dpkg-deb -x "$deb" "$work/root"
cp "$work/root/bin/busybox" "$out"
chmod 755 "$out"
echo "fetch.sh: installed $(basename "$deb") -> $out"

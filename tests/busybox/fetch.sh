#!/bin/sh
# Fetch Debian's busybox-static for one architecture and place the binary at
# tests/busybox/busybox.<arch> (not committed; see .gitignore).
#   fetch.sh [-f] [i386|armel|armhf]      (default i386; -f fetches again)
# Needs root (dpkg --add-architecture, apt-get update).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
force=
if [ "${1:-}" = "-f" ]; then force=1; shift; fi
arch=${1:-i386}
case "$arch" in
  i386|armel|armhf) ;;
  *) echo "fetch.sh: unknown architecture '$arch' (i386, armel or armhf)" >&2; exit 2 ;;
esac
out="$here/busybox.$arch"
if [ -x "$out" ] && [ -z "$force" ]; then
  echo "fetch.sh: $out already present (use -f to refetch)"
  exit 0
fi
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
if ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
  $SUDO dpkg --add-architecture "$arch"
fi
# A partially failing update (e.g. a mirror mid-sync) is not fatal if the download works.
$SUDO apt-get update -qq || echo "fetch.sh: warning: apt-get update reported errors, trying anyway" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "busybox-static:$arch")
deb=$(ls "$work"/busybox-static_*_"$arch".deb | head -n 1)
dpkg-deb -x "$deb" "$work/root"
cp "$work/root/bin/busybox" "$out"
chmod 755 "$out"
echo "fetch.sh: installed $(basename "$deb") -> $out"

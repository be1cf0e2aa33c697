#!/usr/bin/env bash
# Publishes an RnnGen app as a NativeAOT single binary for Linux: linux-x64 natively, linux-arm64 (Raspberry Pi 3/4/5
# with a 64-bit OS) cross-compiled from an x86-64 Debian or Ubuntu host.
#
#   eng/publish-aot.sh [--rid linux-x64|linux-arm64] [--isa SET] [--out DIR] [--install-tools] [PROJECT_DIR_OR_CSPROJ]
#
#   --rid            target (default linux-x64)
#   --isa SET        instruction set the binary may assume (IlcInstructionSet). Default: the platform baseline, which
#                    on x64 means SSE only: no AVX2 or FMA even on CPUs that have them, so RnnGen runs 128-bit there.
#                    x86-64-v3 turns on AVX2 + FMA (256-bit), x86-64-v4 AVX-512; such a binary refuses to start on
#                    a CPU without them. On arm64 the baseline already has NEON (AdvSimd), which is what RnnGen uses.
#   --out DIR        where the binary goes (default artifacts/aot/<project>-<rid>[-<isa>])
#   --install-tools  apt-get install what is missing (clang; for arm64 also the aarch64 binutils, glibc and
#                    qemu-user-static to try the binary); otherwise a missing tool is an error naming the package.
#   PROJECT          a project folder or .csproj with <PublishAot>true</PublishAot> (default samples/Quickstart)
#
# Trim and AOT warnings are errors. The last line printed is the path of the binary.
set -euo pipefail

fail() { echo "publish-aot: $*" >&2; exit 1; }

repo=$(cd "$(dirname "$0")/.." && pwd)
rid=linux-x64 isa="" out="" install=0 project="$repo/samples/Quickstart"
while [ $# -gt 0 ]; do
  case "$1" in
    --rid) rid=${2:?--rid needs a value}; shift 2 ;;
    --isa) isa=${2:?--isa needs a value}; shift 2 ;;
    --out) out=${2:?--out needs a value}; shift 2 ;;
    --install-tools) install=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) fail "unknown option $1 (see --help)" ;;
    *) project=$1; shift ;;
  esac
done

case "$rid" in linux-x64|linux-arm64) ;; *) fail "--rid must be linux-x64 or linux-arm64, not '$rid'" ;; esac
[ "$(uname -m)" = x86_64 ] || fail "this script builds on an x86-64 Linux host (this one is $(uname -m))"
[ -d "$project" ] && project=$(find "$project" -maxdepth 1 -name '*.csproj' | head -1)
[ -f "$project" ] || fail "no project file at '$project'"
project=$(realpath "$project")
name=$(basename "$project" .csproj)

# Tools: clang links every NativeAOT binary; an arm64 binary also needs the aarch64 linker, objcopy and glibc.
packages=(clang)
tools=(clang)
if [ "$rid" = linux-arm64 ]; then
  packages+=(gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user-static)
  tools+=(aarch64-linux-gnu-ld aarch64-linux-gnu-objcopy)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$install" = 1 ] || fail "missing Debian packages: ${missing[*]} (install them, or pass --install-tools)"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  # Everything but the binary's path goes to stderr: callers capture stdout.
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
for tool in "${tools[@]}"; do command -v "$tool" >/dev/null || fail "$tool not found on PATH"; done

# PublishAot must come from the project file: on the command line it would also reach the netstandard2.0 generator.
aot=$(dotnet msbuild "$project" -getProperty:PublishAot 2>/dev/null | tr -d '\r' | tail -1)
[ "$aot" = true ] || fail "$project does not set <PublishAot>true</PublishAot>"

out=${out:-$repo/artifacts/aot/$name-$rid${isa:+-$isa}}
args=(-c Release -r "$rid" -o "$out" -nologo
  -p:TrimmerSingleWarn=false -p:IlcTreatWarningsAsErrors=true -warnaserror)
[ -n "$isa" ] && args+=(-p:IlcInstructionSet="$isa")
# The host objcopy cannot strip an aarch64 binary.
[ "$rid" = linux-arm64 ] && args+=(-p:ObjCopyName=aarch64-linux-gnu-objcopy)

# The native compile and link steps only look at file dates, so a binary built for another instruction set would be
# reused as it is: start each publish from an empty native folder.
rm -rf "$(dirname "$project")"/obj/Release/*/"$rid"/native

echo "publish-aot: dotnet publish $project ${args[*]}" >&2
rm -rf "$out"
dotnet publish "$project" "${args[@]}" >&2 || fail "dotnet publish failed for $rid"
[ -x "$out/$name" ] || fail "no binary at $out/$name"
echo "publish-aot: $(stat -c %s "$out/$name") bytes, $(readelf -h "$out/$name" | sed -n 's/^ *Machine: *//p')" >&2
if [ "$rid" = linux-arm64 ]; then
  echo "publish-aot: run it here with: QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static $out/$name" >&2
fi
echo "$out/$name"

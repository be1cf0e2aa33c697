#!/usr/bin/env bash
# The packaging proof CI runs (.ci/run calls this), as a user meets RnnGen:
#   1. `dotnet pack RnnGen.sln` writes exactly the packages RnnGen and RnnGen.Cli (and their symbol packages), each
#      holding exactly the files listed in eng/package/<id>.files (a file dropped or added fails here);
#   2. in a temporary folder outside the repository: `dotnet new console`, a nuget.config naming the packed folder,
#      `dotnet add package RnnGen`, a model whose weights come from a PyTorch-written safetensors file listed only as
#      AdditionalFiles (baked at build time); build with warnings as errors, run, compare with PyTorch's output;
#   3. the same app published with NativeAOT for linux-x64 and linux-arm64 (run under qemu), compared again;
#   4. a user's mistakes each get one error that says what to change: the weights file left out of AdditionalFiles
#      (RNNG0018) or naming a file that does not exist (RNNGPKG2), a language version below C# 12 (RNNG0013), a net6.0
#      app (RNNGPKG1, from the package's targets);
#   5. `dotnet tool install RnnGen.Cli` from the folder, `rnngen inspect` and `rnngen import` on a PyTorch file.
# Packages get a unique prerelease version, so NuGet's global cache never serves an older build of the same
# version; they are removed from the cache at the end. Installs its Debian packages when missing (eng/publish-aot.sh).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "check-package: FAIL: $*" >&2; exit 1; }
step() { echo "== check-package: $*"; }
qemu() { QEMU_LD_PREFIX=/usr/aarch64-linux-gnu qemu-aarch64-static "$@"; }

work=$(mktemp -d /tmp/rnngen-consumer.XXXXXX)
case "$work" in "$repo"/*) fail "the consumer folder must be outside the repository" ;; esac
suffix="ci.$(date -u +%Y%m%d%H%M%S).$$"
version="$(dotnet msbuild src/Runtime/RnnGen.Runtime.csproj -getProperty:VersionPrefix | tr -d '\r' | tail -1)-$suffix"
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
cleanup() {
  rm -rf "$work" "$packages/rnngen/$version" "$packages/rnngen.cli/$version"
}
trap cleanup EXIT

step "dotnet pack RnnGen.sln ($version)"
feed="$work/feed"
dotnet pack RnnGen.sln -c Release -o "$feed" -p:VersionSuffix="$suffix" -nologo -v quiet >/dev/null || fail "dotnet pack failed"
expected_files=$(printf '%s\n' "RnnGen.$version.nupkg" "RnnGen.$version.snupkg" "RnnGen.Cli.$version.nupkg" "RnnGen.Cli.$version.snupkg" | sort)
[ "$(ls "$feed" | sort)" = "$expected_files" ] || fail "dotnet pack wrote $(ls "$feed" | tr '\n' ' '); expected exactly $(echo $expected_files)"

# The files inside each package, without the zip's own bookkeeping (_rels, [Content_Types].xml, package/services).
contents() { unzip -Z1 "$1" | grep -vE '^(_rels/|\[Content_Types\]\.xml|package/services/)' | sort; }
for id in RnnGen RnnGen.Cli; do
  nupkg="$feed/$id.$version.nupkg"
  if ! diff <(contents "$nupkg") "eng/package/$id.files" > "$work/$id.diff"; then
    cat "$work/$id.diff"
    fail "$id's files differ from eng/package/$id.files (< in the package, > in the list)"
  fi
  echo "check-package: $id $(stat -c %s "$nupkg") bytes, $(contents "$nupkg" | wc -l) files as listed:"
  unzip -l "$nupkg" | grep -vE '(_rels/|Content_Types|package/services/)' | sed -n '4,$p' | head -n -2 | awk '{ printf "  %9d  %s\n", $1, $4 }'
done

step "a new console app outside the repository, with RnnGen from the packed folder"
started=$SECONDS
app="$work/app"
dotnet new console -o "$app" -n Consumer --framework net10.0 >/dev/null || fail "dotnet new console failed"
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="rnngen-local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="rnngen-local"><package pattern="RnnGen" /><package pattern="RnnGen.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
(cd "$app" && dotnet add package RnnGen --version "$version" >/dev/null) || fail "dotnet add package RnnGen failed"
cp tests/RnnGen.Import.Tests/Data/pytorch_lstm_linear.safetensors tests/RnnGen.Import.Tests/Data/pytorch_lstm_linear.expected.json "$app/"
cp eng/package/Program.cs "$app/Program.cs"
# What a user adds by hand: the weights file as AdditionalFiles, warnings as errors, NativeAOT publishing.
sed -i 's|</Project>|  <PropertyGroup>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <PublishAot>true</PublishAot>\n  </PropertyGroup>\n  <ItemGroup>\n    <AdditionalFiles Include="pytorch_lstm_linear.safetensors" />\n  </ItemGroup>\n</Project>|' "$app/Consumer.csproj"
grep -q "PackageReference Include=\"RnnGen\" Version=\"$version\"" "$app/Consumer.csproj" || { cat "$app/Consumer.csproj"; fail "the app does not reference RnnGen $version"; }

step "build (warnings as errors) and run"
(cd "$app" && dotnet build -c Release -nologo -v quiet > "$work/build.txt" 2>&1) || { cat "$work/build.txt"; fail "the consumer app does not build"; }
(cd "$app" && dotnet bin/Release/net10.0/Consumer.dll pytorch_lstm_linear.expected.json) | tee "$work/jit.txt" || fail "the consumer app's JIT run differs from PyTorch"
echo "check-package: from dotnet new to a running baked model: $((SECONDS - started)) s"
grep -q ', 0 bytes allocated' "$work/jit.txt" || fail "Step allocated in the consumer app"

for rid in linux-x64 linux-arm64; do
  step "NativeAOT $rid"
  binary=$(eng/publish-aot.sh --install-tools --rid "$rid" --out "$work/aot-$rid" "$app/Consumer.csproj") || fail "NativeAOT publish for $rid failed"
  echo "check-package: $rid binary $(stat -c %s "$binary") bytes"
  if [ "$rid" = linux-arm64 ]; then
    # This host has no arm64 ICU (a Pi's OS does): the app runs with invariant globalization under qemu.
    (cd "$app" && DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 qemu "$binary" pytorch_lstm_linear.expected.json) || fail "the $rid binary differs from PyTorch"
  else
    (cd "$app" && "$binary" pytorch_lstm_linear.expected.json) || fail "the $rid binary differs from PyTorch"
  fi
done

# A build of a copy of the app with one thing changed must fail with exactly one error, the one named.
one_error() { # label expected-error-code sed-expression-applied-to-the-csproj
  local copy="$work/mistake-$2"
  rm -rf "$copy"
  cp -r "$app" "$copy"
  rm -rf "$copy/bin" "$copy/obj"
  sed -i "$3" "$copy/Consumer.csproj"
  if (cd "$copy" && dotnet build -c Release -nologo -clp:NoSummary > "$work/mistake-$2.txt" 2>&1); then
    fail "$1: the build succeeded"
  fi
  local errors
  errors=$(grep -E ': error [A-Z]+[0-9]+' "$work/mistake-$2.txt" | sed -E 's/ \[[^]]*\]$//' | sort -u)
  if [ "$(echo "$errors" | grep -c .)" -ne 1 ] || ! echo "$errors" | grep -q ": error $2"; then
    cat "$work/mistake-$2.txt"
    fail "$1: expected exactly one error, $2"
  fi
  echo "check-package: $1 -> one error: ${errors#*: error }"
}

step "a user's mistakes get one error each"
one_error "weights file not in AdditionalFiles" RNNG0018 '/<AdditionalFiles Include=/d'
one_error "AdditionalFiles naming a file that does not exist" RNNGPKG2 's|<AdditionalFiles Include="pytorch_lstm_linear.safetensors" />|<AdditionalFiles Include="pytorch_lstm_linaer.safetensors" />|'
one_error "LangVersion 11" RNNG0013 's|<PublishAot>true</PublishAot>|<PublishAot>true</PublishAot>\n    <LangVersion>11</LangVersion>|'
# net6.0 had no NativeAOT: that line goes too, or the SDK's NETSDK1207 would come first.
one_error "a net6.0 app" RNNGPKG1 's|<TargetFramework>net10.0</TargetFramework>|<TargetFramework>net6.0</TargetFramework>|; /<PublishAot>/d'

step "dotnet tool install RnnGen.Cli from the packed folder"
(cd "$app" && dotnet tool install RnnGen.Cli --version "$version" --tool-path "$work/tools" >/dev/null) || fail "dotnet tool install RnnGen.Cli failed"
"$work/tools/rnngen" inspect "$app/pytorch_lstm_linear.safetensors" | tee "$work/inspect.txt" || fail "rnngen inspect failed"
grep -q 'lstm' "$work/inspect.txt" || fail "rnngen inspect did not list the LSTM"
"$work/tools/rnngen" import "$app/pytorch_lstm_linear.safetensors" -o "$work/imported.safetensors" --name LstmLinear | tee "$work/import.txt" || fail "rnngen import failed"
grep -q '^\[RnnModel(inputSize: 3' "$work/import.txt" && [ -s "$work/imported.safetensors" ] || fail "rnngen import printed no declaration or wrote no weights"

step "OK"

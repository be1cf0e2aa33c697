#!/usr/bin/env bash
# How build time and generated size grow with the parameter count of baked weights ([RnnModel(Weights = ...)]).
# For each LSTM size: a fresh console project bakes a random PyTorch safetensors file; the script rebuilds it three
# times after touching the weights file (encode + generate + compile) and three times after touching only Program.cs
# with the same model declared without Weights (the cost of the same project without baking), and prints the run with
# the median CPU time.
# Usage: eng/measure-baking.sh [out.md]   (needs python3 for writing the files; takes a few minutes; the machine should be quiet)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/dev/stdout}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

[ -x /usr/bin/time ] || { echo "measure-baking: needs GNU time (apt-get install time)" >&2; exit 1; }
dotnet build "$repo/src/Generator" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Runtime" -c Release -v q -nologo >/dev/null

# Wall and CPU seconds (user + sys of the whole build: MSBuild and the compiler run as child processes, no servers),
# since on a shared machine CPU time is the steadier of the two.
build_seconds() {
  /usr/bin/time -f "%e %U %S" -o "$work/time" dotnet build "$1" -c Release -v q -nologo -m:1 -nodeReuse:false \
    -p:UseSharedCompilation=false -p:BuildProjectReferences=false >/dev/null
  awk '{ printf "%.1f %.1f\n", $1, $2 + $3 }' "$work/time"
}
median_pair() { sort -n -k2 | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }

echo "| LSTM (in → units) | parameters | safetensors bytes | generated .g.cs bytes | App.dll bytes | build with weights touched: wall / CPU s | same model without Weights: wall / CPU s |" >"$out"
echo "|---|--:|--:|--:|--:|--:|--:|" >>"$out"
for size in "8 16" "8 64" "16 128" "32 200" "64 256" "64 288"; do
  set -- $size
  input=$1 units=$2
  dir="$work/app_${input}_${units}"
  mkdir -p "$dir/weights"
  /usr/bin/env python3 - "$dir/weights/model.safetensors" "$input" "$units" <<'PY'
import json, random, struct, sys
path, i, h = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
shapes = {"rnn.weight_ih_l0": [4*h, i], "rnn.weight_hh_l0": [4*h, h], "rnn.bias_ih_l0": [4*h], "rnn.bias_hh_l0": [4*h]}
header, data, rng = {}, bytearray(), random.Random(1)
for name, shape in shapes.items():
    n = 1
    for d in shape: n *= d
    header[name] = {"dtype": "F32", "shape": shape, "data_offsets": [len(data), len(data) + 4*n]}
    data += struct.pack("<%df" % n, *(rng.uniform(-0.3, 0.3) for _ in range(n)))
text = json.dumps(header).encode()
text += b" " * (-len(text) % 8)
open(path, "wb").write(struct.pack("<Q", len(text)) + text + data)
PY
  cat >"$dir/App.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles></PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/Runtime/RnnGen.Runtime.csproj" />
    <ProjectReference Include="$repo/src/Generator/RnnGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <AdditionalFiles Include="weights/model.safetensors" />
  </ItemGroup>
  <Import Project="$repo/src/Generator/RnnGen.Weights.targets" />
</Project>
XML
  declare_model() {
    cat >"$dir/Program.cs" <<CS
using RnnGen;
var state = new Model.State();
float[] output = new float[Model.OutputSize];
Model.$2.Step(new float[Model.InputSize], ref state, output);
Console.WriteLine(output[0]);
[RnnModel(inputSize: $input$1)]
[Lstm($units)]
partial class Model;
CS
  }
  declare_model ', Weights = "weights/model.safetensors", Layout = WeightLayout.PyTorch' Default
  dotnet build "$dir" -c Release -v q -nologo >/dev/null
  baked=$(for _ in 1 2 3; do touch "$dir/weights/model.safetensors"; build_seconds "$dir"; done | median_pair | sed 's| | / |')
  generated=$(stat -c %s "$dir"/obj/Release/net10.0/generated/RnnGen.Generator/RnnGen.Generator.RnnGenerator/Model.g.cs)
  dll=$(stat -c %s "$dir/bin/Release/net10.0/App.dll")
  declare_model '' 'FromParameters(new float[Model.ParameterLength(WeightLayout.PyTorch)], WeightLayout.PyTorch)'
  plain=$(for _ in 1 2 3; do touch "$dir/Program.cs"; build_seconds "$dir"; done | median_pair | sed 's| | / |')
  params=$(( 4 * units * (input + units + 2) ))
  echo "| $input → $units | $params | $(stat -c %s "$dir/weights/model.safetensors") | $generated | $dll | $baked | $plain |" >>"$out"
done

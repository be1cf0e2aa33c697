namespace RnnGen.Import.Tests;

// Exactly what `rnngen import Data/guitarml_gru.json -o Baked/guitarml_gru.safetensors --name GuitarMlGruBaked` printed.
[RnnModel(inputSize: 2, Weights = "guitarml_gru.safetensors", Layout = WeightLayout.PyTorch, Skip = 1)]
[Gru(6, ReturnSequences = true)]
[Dense(1)]
internal partial class GuitarMlGruBaked;

using System.Collections.Generic;
using System.Linq;
using Onnx;

namespace RnnGen.Import;

/// <summary>
/// An ONNX recurrent node's <c>activations</c> (with <c>activation_alpha</c> / <c>activation_beta</c>) as RnnGen's
/// output and gate activations: gate first (f), then cell input (g) and output (h) for LSTM, which must agree.
/// </summary>
internal static class OnnxActivations
{
    /// <summary>Null when read, else why the activations cannot be expressed.</summary>
    public static string? Read(NodeProto node, LayerKind kind, int directions, out Activation activation, out Activation gate)
    {
        (activation, gate) = (Activation.Tanh, Activation.Sigmoid);
        List<string> names = OnnxValues.Texts(node, "activations");
        List<float> alphas = OnnxValues.Attribute(node, "activation_alpha")?.Floats.ToList() ?? new List<float>();
        List<float> betas = OnnxValues.Attribute(node, "activation_beta")?.Floats.ToList() ?? new List<float>();
        int perDirection = kind switch { LayerKind.Lstm => 3, LayerKind.Gru => 2, _ => 1 };
        if (names.Count == 0)
        {
            return null;
        }

        if (names.Count != perDirection * directions || (directions == 2 && !names.Take(perDirection).SequenceEqual(names.Skip(perDirection))))
        {
            return $"activations [{string.Join(", ", names)}] must list {perDirection} per direction, the same for both";
        }

        var parsed = new List<Activation>();
        int parameterised = 0;
        foreach (string name in names.Take(perDirection))
        {
            Activation? a = name switch { "Tanh" => Activation.Tanh, "Sigmoid" => Activation.Sigmoid, "Relu" => Activation.Relu, _ => null };
            if (name == "HardSigmoid")
            {
                float alpha = alphas.Count > parameterised ? alphas[parameterised] : 0.2f;
                float beta = betas.Count > parameterised ? betas[parameterised] : 0.5f;
                parameterised++;
                a = (alpha, beta) switch { (0.2f, 0.5f) => Activation.HardSigmoid, (1f / 6, 0.5f) => Activation.HardSigmoidKeras3, _ => null };
            }

            if (a is null)
            {
                return $"activation '{name}' is not supported (Tanh, Sigmoid, Relu, HardSigmoid with alpha 0.2 or 1/6 and beta 0.5 are)";
            }

            parsed.Add(a.Value);
        }

        if (alphas.Count > parameterised || betas.Count > parameterised)
        {
            return "activation_alpha / activation_beta are only supported for HardSigmoid";
        }

        if (kind == LayerKind.SimpleRnn)
        {
            activation = parsed[0];
            return null;
        }

        gate = parsed[0];
        activation = parsed[1];
        return kind == LayerKind.Lstm && parsed[2] != parsed[1] ? $"LSTM cell activation {parsed[1]} and output activation {parsed[2]} differ, which RnnGen does not support" : null;
    }
}

using System.Text.Json;

namespace RnnGen.Import;

/// <summary>Keras activation names (a string in Keras 2, a string or a serialized function object in Keras 3) as RnnGen activations.</summary>
internal static class KerasActivations
{
    /// <summary>The activation, or null when RnnGen has no such activation.</summary>
    /// <param name="value">The config value.</param>
    /// <param name="keras3">Keras 3's hard_sigmoid is relu6(x + 3) / 6, Keras 2's is clip(0.2x + 0.5, 0, 1).</param>
    /// <param name="name">The name as written, for messages.</param>
    /// <param name="alpha">The α the named function uses: ELU's 1, Keras 3 <c>leaky_relu</c>'s default 0.2; null for the others.</param>
    public static Activation? Parse(JsonElement? value, bool keras3, out string name, out float? alpha)
    {
        name = value?.ValueKind switch
        {
            null => "linear",
            JsonValueKind.String => value.Value.GetString()!,
            JsonValueKind.Object when JsonInput.Optional(value.Value, "config") is { ValueKind: JsonValueKind.String } config => config.GetString()!,
            JsonValueKind.Object when JsonInput.Optional(value.Value, "class_name") is { ValueKind: JsonValueKind.String } type => type.GetString()!,
            _ => value.Value.ValueKind.ToString(),
        };
        alpha = name switch { "elu" => 1f, "leaky_relu" => 0.2f, _ => null };
        return name switch
        {
            "linear" or "" => Activation.Linear,
            "elu" => Activation.Elu,
            "leaky_relu" => Activation.LeakyRelu,
            "tanh" => Activation.Tanh,
            "sigmoid" => Activation.Sigmoid,
            "hard_sigmoid" => keras3 ? Activation.HardSigmoidKeras3 : Activation.HardSigmoid,
            "relu" => Activation.Relu,
            "softmax" => Activation.Softmax,
            _ => null,
        };
    }
}

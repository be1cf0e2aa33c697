using System;

namespace RnnGen;

/// <summary>
/// A fully connected layer y = act(x·W + b). After a sequence-returning layer it applies to every step,
/// as Keras Dense does on 3-D input.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <summary>Declares a Dense layer with <paramref name="units"/> outputs.</summary>
    public DenseAttribute(int units) => Units = units;

    /// <summary>Outputs.</summary>
    public int Units { get; }

    /// <summary>Activation; default Linear.</summary>
    public Activation Activation { get; set; } = LayerDefaults.Dense;

    /// <summary>Whether the layer has a bias; default true.</summary>
    public bool UseBias { get; set; } = LayerDefaults.UseBias;

    /// <summary>
    /// α of an <see cref="Activation.Elu"/> (default 1) or <see cref="Activation.LeakyRelu"/> activation (no default:
    /// Keras 2 uses 0.3, PyTorch 0.01). Unset (NaN) otherwise.
    /// </summary>
    public float Alpha { get; set; } = LayerDefaults.UnsetAlpha;
}

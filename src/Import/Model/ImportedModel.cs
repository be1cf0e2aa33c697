using System.Collections.Generic;
using System.Linq;

namespace RnnGen.Import;

/// <summary>
/// What an importer read: the layers RnnGen runs (in order, with weights), the source's own layer list for
/// inspection, and everything that stops the model from being imported.
/// </summary>
public sealed class ImportedModel
{
    /// <summary>Creates an empty model read from <paramref name="format"/>.</summary>
    public ImportedModel(string format, WeightLayout nativeLayout)
    {
        Format = format;
        NativeLayout = nativeLayout;
    }

    /// <summary>The source format, e.g. <c>Keras 2 (.h5)</c>.</summary>
    public string Format { get; }

    /// <summary>The layout whose names and values match the source most closely (the default output layout).</summary>
    public WeightLayout NativeLayout { get; set; }

    /// <summary>Floats per time step.</summary>
    public int InputSize { get; set; }

    /// <summary>GuitarML's skip: each step the first <c>Skip</c> inputs are added to the first outputs.</summary>
    public int Skip { get; set; }

    /// <summary>The runnable layers in order.</summary>
    public List<ImportedLayer> Layers { get; } = new();

    /// <summary>The source's layers or nodes, supported or not.</summary>
    public List<SourceLayer> SourceLayers { get; } = new();

    /// <summary>Notes on what was read but ignored at inference (Dropout, InputLayer, shape glue).</summary>
    public List<string> Notes { get; } = new();

    /// <summary>Each thing RnnGen cannot run, naming the layer; empty when the model imports.</summary>
    public List<string> Unsupported { get; } = new();

    /// <summary>Weights RnnGen runs, counted as Keras counts parameters.</summary>
    public long ParameterCount => Layers.Sum(layer => FrameworkTensors.Count(layer.Shape, WeightLayout.Keras));

    /// <summary>The weights as named tensors in <paramref name="layout"/> (Keras weight paths or PyTorch state_dict names).</summary>
    public List<NamedTensor> Tensors(WeightLayout layout) => TensorRenderer.Render(this, layout);

    /// <summary>Throws the unsupported list as one message when there is anything in it.</summary>
    public void ThrowIfUnsupported()
    {
        if (Unsupported.Count > 0)
        {
            throw new ModelImportException(string.Join("; ", Unsupported));
        }

        if (Layers.Count == 0)
        {
            throw new ModelImportException($"{Format}: the model has no layer RnnGen can run.");
        }
    }
}

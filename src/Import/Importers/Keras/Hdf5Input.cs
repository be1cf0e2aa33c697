using System;
using System.IO;
using PureHDF;
using PureHDF.VOL.Native;

namespace RnnGen.Import;

/// <summary>
/// Reads what the Keras importers need from an HDF5 file through PureHDF, checking every size the file declares
/// against the file's length before anything is read, and turning PureHDF's own exceptions on corrupt input into
/// a <see cref="ModelImportException"/> that says which part was being read.
/// </summary>
internal sealed class Hdf5Input : IDisposable
{
    private readonly NativeFile _file;
    private readonly long _length;
    private readonly string _format;

    private Hdf5Input(NativeFile file, long length, string format)
    {
        _file = file;
        _length = length;
        _format = format;
    }

    public IH5Group Root => _file;

    public static Hdf5Input Open(byte[] bytes, string format)
    {
        try
        {
            Hdf5AttributePrecheck.Check(bytes, format);
            return new Hdf5Input(H5File.Open(new MemoryStream(bytes, writable: false), leaveOpen: false), bytes.Length, format);
        }
        catch (Exception e) when (e is not ModelImportException)
        {
            throw new ModelImportException($"{format}: not a readable HDF5 file (the superblock or root group is corrupt)", e);
        }
    }

    /// <summary>Runs <paramref name="read"/>, wrapping whatever a corrupt structure makes PureHDF throw.</summary>
    public T Guard<T>(string part, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not ModelImportException)
        {
            throw new ModelImportException($"{_format}: {part} is corrupt", e);
        }
    }

    public bool Exists(IH5Group group, string path) => Guard($"the link '{path}'", () => group.LinkExists(path));

    public IH5Group Group(IH5Group group, string path) => Guard($"group '{path}'", () => group.Group(path));

    /// <summary>A string attribute (scalar, fixed or variable length), or null when absent.</summary>
    public string? Text(IH5Object owner, string name) => Guard($"attribute '{name}'", () =>
    {
        if (!owner.AttributeExists(name))
        {
            return null;
        }

        IH5Attribute attribute = owner.Attribute(name);
        CheckSize(attribute.Space.Dimensions, attribute.Type.Size, $"attribute '{name}'");

        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            throw new ModelImportException($"{_format}: attribute '{name}' is {attribute.Type.Class}, not text.");
        }

        return attribute.Space.Rank == 0 ? attribute.Read<string>() : string.Concat(attribute.Read<string[]>());
    });

    /// <summary>A list-of-strings attribute such as Keras 2's <c>weight_names</c>; empty when absent.</summary>
    public string[] Texts(IH5Object owner, string name) => Guard($"attribute '{name}'", () =>
    {
        if (!owner.AttributeExists(name))
        {
            return Array.Empty<string>();
        }

        IH5Attribute attribute = owner.Attribute(name);
        CheckSize(attribute.Space.Dimensions, attribute.Type.Size, $"attribute '{name}'");

        // numpy writes an empty list as an empty float64 array: tf.keras 2.x stores weight_names so for a layer without weights.
        if (attribute.Space.Rank == 1 && attribute.Space.Dimensions[0] == 0)
        {
            return Array.Empty<string>();
        }

        if (attribute.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
        {
            throw new ModelImportException($"{_format}: attribute '{name}' is {attribute.Type.Class}, not text.");
        }

        return attribute.Space.Rank == 0 ? new[] { attribute.Read<string>() } : attribute.Read<string[]>();
    });

    /// <summary>A float32 or float64 dataset as float32 values.</summary>
    public RawTensor Dataset(IH5Group group, string path, string name) => Guard($"dataset '{name}'", () =>
    {
        IH5Dataset dataset = group.Dataset(path);
        ulong[] dimensions = dataset.Space.Dimensions;
        IH5DataType type = dataset.Type;
        CheckSize(dimensions, type.Size, $"dataset '{name}'");
        var shape = Array.ConvertAll(dimensions, d => (long)d);
        if (type.Class != H5DataTypeClass.FloatingPoint || type.Size is not (4 or 8))
        {
            throw new ModelImportException($"{_format}: dataset '{name}' holds {type.Class} of {type.Size} bytes, not float32 or float64.");
        }

        float[] values = type.Size == 4 ? dataset.Read<float[]>() : Array.ConvertAll(dataset.Read<double[]>(), v => (float)v);
        if (values.Length != WeightBuilder.Product(shape))
        {
            throw new ModelImportException($"{_format}: dataset '{name}' gave {values.Length} values for shape [{string.Join(", ", shape)}].");
        }

        return new RawTensor(name, shape, values);
    });

    /// <summary>Refuses a declared size that the file could not hold (Keras never compresses weights).</summary>
    private void CheckSize(ulong[] dimensions, int elementSize, string what)
    {
        if (dimensions.Length > 8)
        {
            throw new ModelImportException($"{_format}: {what} has {dimensions.Length} dimensions.");
        }

        ulong bytes = (ulong)Math.Max(elementSize, 1);
        foreach (ulong dimension in dimensions)
        {
            if (dimension != 0 && bytes > (ulong)_length / dimension)
            {
                throw new ModelImportException($"{_format}: {what} declares shape [{string.Join(", ", dimensions)}], more than the {_length}-byte file holds.");
            }

            bytes *= dimension;
        }
    }

    public void Dispose() => _file.Dispose();
}

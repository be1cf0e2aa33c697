using System;

namespace RnnGen.Import;

/// <summary>
/// A model file that cannot be imported: malformed, truncated, inconsistent or using something RnnGen does not run.
/// The message names the file part or layer. Every importer turns any failure into this one type, so callers
/// (and the CLI) catch one exception and print one sentence.
/// </summary>
public sealed class ModelImportException : Exception
{
    /// <summary>Creates the exception with a message that names what is wrong.</summary>
    public ModelImportException(string message)
        : base(message)
    {
    }

    /// <summary>Wraps a reader's own exception (HDF5, protobuf, JSON) with a message that names the file part.</summary>
    public ModelImportException(string message, Exception inner)
        : base(message + " (" + inner.GetType().Name + ": " + inner.Message + ")", inner)
    {
    }
}

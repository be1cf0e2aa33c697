using System.Collections.Generic;

namespace RnnGen.Import;

/// <summary>Choices a file cannot make for itself.</summary>
/// <param name="ModuleOrder">
/// The order of a PyTorch <c>state_dict</c>'s modules in the forward pass (<c>rnngen --order a,b,c</c>). A state_dict does
/// not record it, so by default it is inferred from how sizes chain; give it when that is ambiguous.
/// </param>
public sealed record ImportOptions(IReadOnlyList<string>? ModuleOrder = null)
{
    /// <summary>No choices: everything inferred from the file.</summary>
    public static readonly ImportOptions None = new();
}

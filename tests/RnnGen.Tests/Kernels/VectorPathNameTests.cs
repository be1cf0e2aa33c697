using RnnGen.Kernels;
using Xunit;

namespace RnnGen.Tests.Kernels;

public class VectorPathNameTests
{
    [Fact]
    public void The_process_description_names_path_instruction_set_architecture_and_compiler()
    {
        string text = VectorPaths.DescribeProcess(VectorPaths.Best);

        Assert.StartsWith(VectorPaths.Describe(VectorPaths.Best) + " (" + VectorPaths.Best + "), ", text);
        Assert.EndsWith(", JIT", text); // tests run under the JIT; eng/check-aot.sh sees "NativeAOT" in AOT binaries
        Assert.Contains(System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), text);
    }
}

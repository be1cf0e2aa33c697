using RnnGen.Kernels;
using RnnGen.Tests.Golden;
using Xunit;

namespace RnnGen.Tests.Batch;

/// <summary>StepBatch on every golden model that streams, on every vector path, bit-identical to Step per stream.</summary>
public sealed class BatchGoldenTests
{
    public static TheoryData<string, VectorPath> Cases
    {
        get
        {
            var data = new TheoryData<string, VectorPath>();
            foreach (string name in BatchGoldenModels.Checks.Keys)
            {
                foreach (VectorPath path in Enum.GetValues<VectorPath>())
                {
                    data.Add(name, path);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Every_golden_model_with_Step_is_covered()
    {
        foreach (string name in GoldenModels.Names)
        {
            GoldenCase golden = GoldenCase.Load(name);
            bool streams = GoldenModels.StepThrough(golden, golden.Runs[0], VectorPath.Scalar) is not null;
            Assert.True(streams == BatchGoldenModels.Checks.ContainsKey(name), $"{name}: has Step = {streams}, but the batch list disagrees");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StepBatch_matches_Step_per_stream(string name, VectorPath path)
    {
        GoldenCase golden = GoldenCase.Load(name);
        foreach (int streams in new[] { 1, 3, 16, 37 })
        {
            BatchGoldenModels.Checks[name](golden, path, streams);
        }
    }
}

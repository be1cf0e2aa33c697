using System.Reflection;
using RnnGen.Kernels;

namespace RnnGen.Tests.Batch;

/// <summary>
/// What the batch tests need of a generated streaming model, matched by its generated members, so one generic
/// test serves every golden model (each declared to implement it in <see cref="Golden.BatchGoldenModels"/>).
/// </summary>
internal interface IBatchStepping<TModel, TState, TBatch>
    where TModel : IBatchStepping<TModel, TState, TBatch>
    where TState : struct
    where TBatch : class
{
    static abstract TModel FromParameters(ReadOnlySpan<float> parameters, WeightLayout layout, VectorPath path);

    static abstract ReadOnlySpan<LayerShape> LayerShapes { get; }

    static abstract int OutputLength(int timeSteps);

    void Step(ReadOnlySpan<float> input, ref TState state, Span<float> output);

    void StepBatch(ReadOnlySpan<float> inputs, TBatch state, Span<float> outputs);
}

/// <summary>The generated BatchState's members, bound once by reflection (a nested class cannot take an interface from outside).</summary>
internal static class BatchStateMembers<TState, TBatch>
    where TState : struct
    where TBatch : class
{
    public delegate void ReadState(TBatch batch, int stream, ref TState state);

    public delegate void WriteState(TBatch batch, int stream, in TState state);

    public static readonly ReadState Read = Bind<ReadState>("Read");

    public static readonly WriteState Write = Bind<WriteState>("Write");

    public static readonly Action<TBatch, int> Reset = Bind<Action<TBatch, int>>("Reset");

    public static TBatch Create(int capacity) => (TBatch)Activator.CreateInstance(typeof(TBatch), capacity)!;

    private static T Bind<T>(string name)
        where T : Delegate =>
        typeof(TBatch).GetMethod(name, BindingFlags.Public | BindingFlags.Instance)!.CreateDelegate<T>();
}

namespace RnnGen.Tests.Batch;

/// <summary>
/// Every layer StepBatch handles differently from the golden models: an inner Dense (its outputs kept per stream in
/// BatchState), the original-form GRU and SimpleRNN (stepped per stream on their cells), and Skip.
/// </summary>
[RnnModel(inputSize: 3, Skip = 1)]
[Dense(4, Activation = Activation.Relu)]
[Gru(5, ResetAfter = false, ReturnSequences = true)]
[Dense(6, Activation = Activation.Tanh)]
[SimpleRnn(7, ReturnSequences = true)]
[Lstm(17)]
[Dense(2)]
internal partial class MixedBatchModel;

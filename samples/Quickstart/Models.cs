using RnnGen;

namespace Quickstart;

// The three layers of the Keras tutorial, each applied alone to the same 5-word sentence.

/// <summary>SimpleRNN(2): only the last hidden state.</summary>
[RnnModel(inputSize: 5)]
[SimpleRnn(2)]
public partial class SeedSimpleRnn;

/// <summary>SimpleRNN(2, return_sequences=True): the hidden state of every step.</summary>
[RnnModel(inputSize: 5)]
[SimpleRnn(2, ReturnSequences = true)]
public partial class SeedSimpleRnnSequence;

/// <summary>LSTM(2, return_sequences=True, return_state=True): every h, and the final h and c from the State.</summary>
[RnnModel(inputSize: 5)]
[Lstm(2, ReturnSequences = true)]
public partial class SeedLstm;

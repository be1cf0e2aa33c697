using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Quickstart;
using RnnGen;

// "나는 사과 딸기 바나나 좋아" ("I like apples, strawberries, bananas"), one-hot over 5 words;
// the first word is padding, so step 1 is all zeros.
float[] sentence =
{
    0, 0, 0, 0, 0,
    0, 1, 0, 0, 0,
    0, 0, 1, 0, 0,
    0, 0, 0, 1, 0,
    0, 0, 0, 0, 1,
};
const int TimeSteps = 5;

Console.WriteLine($"input: {TimeSteps} steps × {SeedSimpleRnn.InputSize} features (Keras weights from weights/*.f32)");
Console.WriteLine();

// SimpleRNN(2)
var simpleRnn = SeedSimpleRnn.FromParameters(LoadWeights("simple_rnn.f32"), WeightLayout.Keras);
var simpleRnnState = new SeedSimpleRnn.State();
float[] lastHidden = new float[SeedSimpleRnn.OutputLength(TimeSteps)];
simpleRnn.Run(sentence, ref simpleRnnState, lastHidden);
Console.WriteLine($"SimpleRNN(2)\nhidden state : {Format(lastHidden, 1, 2)}, shape: (1, 2)\n");

// SimpleRNN(2, return_sequences=True)
var sequenceRnn = SeedSimpleRnnSequence.FromParameters(LoadWeights("simple_rnn_seq.f32"), WeightLayout.Keras);
var sequenceRnnState = new SeedSimpleRnnSequence.State();
float[] hiddenStates = new float[SeedSimpleRnnSequence.OutputLength(TimeSteps)];
sequenceRnn.Run(sentence, ref sequenceRnnState, hiddenStates);
Console.WriteLine($"SimpleRNN(2, return_sequences=True)\nhidden states : {Format(hiddenStates, TimeSteps, 2)}, shape: (1, {TimeSteps}, 2)\n");

// LSTM(2, return_sequences=True, return_state=True): the final h and c are read from the State.
var lstm = SeedLstm.FromParameters(LoadWeights("lstm_seq_state.f32"), WeightLayout.Keras);
var lstmState = new SeedLstm.State();
float[] lstmHidden = new float[SeedLstm.OutputLength(TimeSteps)];
lstm.Run(sentence, ref lstmState, lstmHidden);
Console.WriteLine("LSTM(2, return_sequences=True, return_state=True)");
Console.WriteLine($"hidden states : {Format(lstmHidden, TimeSteps, 2)}, shape: (1, {TimeSteps}, 2)");
Console.WriteLine($"last hidden state : {Format(lstmState.Hidden(0).ToArray(), 1, 2)}, shape: (1, 2)");
Console.WriteLine($"last cell state : {Format(lstmState.Cell(0).ToArray(), 1, 2)}, shape: (1, 2)");

static float[] LoadWeights(string file)
{
    string path = Path.Combine(AppContext.BaseDirectory, "weights", file);
    return MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();
}

// numpy-style: [[a b] [c d]] for a batch of one.
static string Format(float[] values, int rows, int columns)
{
    var text = new System.Text.StringBuilder(rows > 1 ? "[[" : "[");
    for (int r = 0; r < rows; r++)
    {
        text.Append(r == 0 ? "[" : " [");
        for (int c = 0; c < columns; c++)
        {
            text.Append(c == 0 ? string.Empty : " ").Append(values[(r * columns) + c].ToString("0.00000000;-0.00000000", CultureInfo.InvariantCulture));
        }

        text.Append(']');
    }

    return text.Append(rows > 1 ? "]]" : "]").ToString();
}

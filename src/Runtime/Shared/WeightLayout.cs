namespace RnnGen;

/// <summary>The framework whose own parameter order, shapes and gate order a flat weight span follows.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum WeightLayout
{
    /// <summary><c>model.get_weights()</c>: kernel [in, gates·units], recurrent_kernel, bias; gates i,f,c,o (LSTM), z,r,h (GRU).</summary>
    Keras = 0,

    /// <summary><c>module.parameters()</c>: weight_ih [gates·units, in], weight_hh, bias_ih, bias_hh; gates i,f,g,o (LSTM), r,z,n (GRU).</summary>
    PyTorch = 1,

    /// <summary>ONNX operator inputs W [dirs, gates·units, in], R, B [dirs, 2·gates·units]; gates i,o,f,c (LSTM), z,r,h (GRU).</summary>
    Onnx = 2,
}

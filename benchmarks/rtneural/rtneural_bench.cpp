// RTNeural side of RnnGen's side-by-side benchmark: the same single-layer LSTM / GRU models, the same weights and
// inputs as benchmarks/RnnGen.Benchmarks (BenchWeights.cs: SplitMix64 by counter, PyTorch order), run with RTNeural's
// compile-time ModelT, one streamed step (forward) per input vector.
//
// A line protocol on stdin/stdout, so the C# runner can interleave RTNeural's timing rounds with RnnGen's in one run:
//   models                 -> one line: the model ids, e.g. "lstm_5x2 lstm_1x16 ... gru_128x256"
//   check ID STEPS         -> the first STEPS outputs (every unit of every step, from the zero state), space-separated
//   time ID STEPS          -> runs STEPS further steps and prints the nanoseconds per step
//   count ID STEPS         -> runs STEPS steps and prints "done" (for instruction counting under qemu: the work, no clock)
//   quit
// Written for RnnGen; it only calls RTNeural's public API (RTNeural: BSD-3-Clause, headers not in this repository).
#include <RTNeural/RTNeural.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace
{
constexpr std::uint64_t Golden = 0x9E3779B97F4A7C15ULL;

// BenchWeights.Uniform: the i-th SplitMix64 output (i = 1..count) after seed, as a 24-bit integer times 2^(-23-k).
std::vector<float> uniform(std::uint64_t seed, int count, int k)
{
    std::vector<float> values(count);
    const float scale = std::ldexp(1.0f, -23 - k);
    for(int i = 0; i < count; ++i)
    {
        std::uint64_t z = seed + static_cast<std::uint64_t>(i + 1) * Golden;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        const int top = static_cast<int>(z >> 40) - (1 << 23);
        values[i] = static_cast<float>(top) * scale;
    }
    return values;
}

int log2Ceil(int units)
{
    int bits = 0;
    while((1 << bits) < units)
        ++bits;
    return bits;
}

struct Bench
{
    virtual ~Bench() = default;
    virtual std::string id() const = 0;
    virtual int inputSize() const = 0;
    virtual int units() const = 0;
    virtual void reset() = 0;
    virtual const float* step(int t) = 0; // forward on input vector t (cyclic), returns the outputs
};

// kind code (BenchWeights.KindCode): LSTM 2, GRU 3; gates 4 or 3.
template <typename Layer, int In, int Units, int KindCode, int Gates>
struct ModelBench final : Bench
{
    static constexpr int InputSteps = 1024;
    RTNeural::ModelT<float, In, Units, Layer> model;
    std::vector<float> inputs;
    alignas(64) float input[In + 16] {};

    ModelBench()
    {
        const std::uint64_t seed = (static_cast<std::uint64_t>(KindCode) << 32) | (static_cast<std::uint64_t>(In) << 16) | Units;
        const int k = (log2Ceil(Units) + 1) / 2; // BenchWeights: (32 - lzcnt(units - 1) + 1) / 2
        const int gateUnits = Gates * Units;
        std::vector<float> p = uniform(seed, gateUnits * (In + Units + 2), k);
        inputs = uniform(seed | (1ULL << 48), InputSteps * In, 0);

        // PyTorch order: weight_ih [G·H, In], weight_hh [G·H, H], bias_ih [G·H], bias_hh [G·H]; gates i,f,g,o / r,z,n.
        const float* wih = p.data();
        const float* whh = wih + gateUnits * In;
        const float* bih = whh + gateUnits * Units;
        const float* bhh = bih + gateUnits;
        // RTNeural wants Keras orientation and gate order: W [In][G·H], U [H][G·H]; LSTM i,f,c,o (= PyTorch's), GRU z,r,h.
        auto keras = [&](int column) { return Gates == 3 && column < 2 * Units ? (column + Units) % (2 * Units) : column; };
        std::vector<std::vector<float>> w(In, std::vector<float>(gateUnits)), u(Units, std::vector<float>(gateUnits));
        for(int c = 0; c < gateUnits; ++c)
        {
            const int row = keras(c);
            for(int j = 0; j < In; ++j)
                w[j][c] = wih[row * In + j];
            for(int j = 0; j < Units; ++j)
                u[j][c] = whh[row * Units + j];
        }
        auto& layer = model.template get<0>();
        layer.setWVals(w);
        layer.setUVals(u);
        if constexpr(Gates == 4)
        {
            std::vector<float> b(gateUnits);
            for(int c = 0; c < gateUnits; ++c)
                b[c] = bih[c] + bhh[c];
            layer.setBVals(b);
        }
        else
        {
            std::vector<std::vector<float>> b(2, std::vector<float>(gateUnits));
            for(int c = 0; c < gateUnits; ++c)
            {
                b[0][c] = bih[keras(c)];
                b[1][c] = bhh[keras(c)];
            }
            layer.setBVals(b);
        }
        model.reset();
    }

    std::string id() const override { return std::string(Gates == 4 ? "lstm_" : "gru_") + std::to_string(In) + "x" + std::to_string(Units); }
    int inputSize() const override { return In; }
    int units() const override { return Units; }
    void reset() override { model.reset(); }

    const float* step(int t) override
    {
        // RTNeural reads its input with aligned loads: each step's vector is copied into an aligned buffer first.
        const float* x = inputs.data() + (t % InputSteps) * In;
        for(int j = 0; j < In; ++j)
            input[j] = x[j];
        model.forward(input);
        return model.getOutputs();
    }
};

template <int In, int Units>
using Lstm = ModelBench<RTNeural::LSTMLayerT<float, In, Units>, In, Units, 2, 4>;
template <int In, int Units>
using Gru = ModelBench<RTNeural::GRULayerT<float, In, Units>, In, Units, 3, 3>;

std::vector<std::unique_ptr<Bench>> makeModels()
{
    std::vector<std::unique_ptr<Bench>> models;
    models.emplace_back(new Lstm<5, 2>());
    models.emplace_back(new Lstm<1, 16>());
    models.emplace_back(new Lstm<1, 40>());
    models.emplace_back(new Lstm<8, 32>());
    models.emplace_back(new Lstm<64, 128>());
    models.emplace_back(new Lstm<128, 256>());
    models.emplace_back(new Gru<5, 2>());
    models.emplace_back(new Gru<1, 16>());
    models.emplace_back(new Gru<1, 40>());
    models.emplace_back(new Gru<8, 32>());
    models.emplace_back(new Gru<64, 128>());
    models.emplace_back(new Gru<128, 256>());
    return models;
}
} // namespace

int main()
{
    std::vector<std::unique_ptr<Bench>> models = makeModels();
    std::vector<int> position(models.size(), 0);
    std::string line;
    volatile float sink = 0.0f;
    while(std::getline(std::cin, line))
    {
        std::istringstream words(line);
        std::string command, id;
        long steps = 0;
        words >> command >> id >> steps;
        if(command == "quit")
            break;
        if(command == "models")
        {
            for(std::size_t m = 0; m < models.size(); ++m)
                std::cout << (m ? " " : "") << models[m]->id();
            std::cout << std::endl;
            continue;
        }

        std::size_t m = 0;
        while(m < models.size() && models[m]->id() != id)
            ++m;
        if(m == models.size() || steps < 1)
        {
            std::cout << "error: unknown model '" << id << "' or no steps" << std::endl;
            continue;
        }

        Bench& bench = *models[m];
        if(command == "check")
        {
            bench.reset();
            position[m] = 0;
            std::ostringstream text;
            text.precision(9);
            for(long t = 0; t < steps; ++t)
            {
                const float* y = bench.step(position[m]++);
                for(int j = 0; j < bench.units(); ++j)
                    text << (t || j ? " " : "") << y[j];
            }
            std::cout << text.str() << std::endl;
        }
        else if(command == "time" || command == "count")
        {
            const auto start = std::chrono::steady_clock::now();
            float acc = 0.0f;
            for(long t = 0; t < steps; ++t)
                acc += bench.step(position[m]++)[0];
            const auto end = std::chrono::steady_clock::now();
            sink = sink + acc;
            if(command == "count")
                std::cout << "done" << std::endl;
            else
                std::printf("%.4f\n", std::chrono::duration<double, std::nano>(end - start).count() / static_cast<double>(steps)), std::fflush(stdout);
        }
        else
        {
            std::cout << "error: unknown command '" << command << "'" << std::endl;
        }
    }
    return 0;
}

using Xunit;
using Xunit.Abstractions;

namespace RnnGen.Import.Tests;

/// <summary>
/// Every importer on thousands of corrupted copies of its test files (and of the real models when present): each must
/// import or throw <see cref="ModelImportException"/> — no other exception, no hang (30 s per file, where a good attempt takes milliseconds), and no allocation
/// sized by what the file claims (at most 64 MB per attempt; a 2^40-element claim would need terabytes).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const long MaxAllocatedBytes = 64L << 20;
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromSeconds(30);

    public static IEnumerable<object[]> Files =>
        ImportCase.All.Select(c => c.File)
            .Concat(new[] { "onnx_lstm_peephole.onnx", "onnx_lstm_clip.onnx", "onnx_rnn_mul.onnx", "onnx_gru_gather_hidden.onnx", "keras2_functional_branch.h5", "nam_wavenet_tiny.nam" })
            .Select(f => new object[] { f, false })
            .Concat(new[] { "guitarlstm_ts9_model.h5", "neuralpi_TS9.json", "neuralpi_BluesJR_FullD.json" }.Select(f => new object[] { f, true }));

    [Theory]
    [MemberData(nameof(Files))]
    public void Corrupted_files_import_or_fail_with_a_ModelImportException(string file, bool real)
    {
        string path = real ? TestFiles.RealModel(file) : TestFiles.Data(file);
        if (!File.Exists(path))
        {
            output.WriteLine($"skipped: real model {path} is absent");
            return;
        }

        byte[] original = File.ReadAllBytes(path);
        int count = real ? 150 : 300;
        int imported = 0, refused = 0;
        var failures = new List<string>();
        TimeSpan slowest = TimeSpan.Zero;
        foreach ((string what, byte[] bytes) in Mutations.Of(original, file, count, seed: file.Length * 7919))
        {
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            string? failure = Attempt(bytes, file, out bool ok);
            TimeSpan took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            slowest = took > slowest ? took : slowest;
            if (failure is not null)
            {
                failures.Add($"{what}: {failure}");
                continue;
            }

            _ = ok ? imported++ : refused++;
        }

        output.WriteLine($"{file}: {imported} imported, {refused} refused (ModelImportException, or read with unsupported parts listed), {failures.Count} failures; slowest attempt {slowest.TotalMilliseconds:F0} ms");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
    }

    /// <summary>Null when the attempt ended well (imported or a ModelImportException), else what went wrong.</summary>
    /// <remarks>
    /// Each attempt runs on its own thread, not the thread pool: under a loaded CI run a pool task can wait seconds
    /// just to start, which is not the importer hanging. The limit is wall-clock time from the thread's start and is
    /// generous on purpose (a mutated file takes milliseconds; a loop on a lying length never ends).
    /// </remarks>
    private static string? Attempt(byte[] bytes, string name, out bool imported)
    {
        bool ok = false;
        long allocated = 0;
        Exception? thrown = null;
        var attempt = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ImportedModel model = ModelImporter.Read(bytes, name);
                if (model.Unsupported.Count == 0 && model.Layers.Count > 0)
                {
                    _ = SafetensorsWriter.Write(TensorRenderer.Render(model, model.NativeLayout));
                    ok = true;
                }
            }
            catch (Exception e)
            {
                thrown = e;
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }) { IsBackground = true, Name = "fuzz attempt" };
        attempt.Start();
        imported = false;
        if (!attempt.Join(s_hangLimit))
        {
            return $"did not finish within {s_hangLimit.TotalSeconds:F0} s";
        }

        if (allocated > MaxAllocatedBytes)
        {
            return $"allocated {allocated >> 20} MB" + (thrown is null ? "" : $" before: {thrown.Message} {thrown.InnerException?.StackTrace}");
        }

        switch (thrown)
        {
            case null:
                imported = ok;
                return null;
            case ModelImportException:
                return null;
            default:
                return $"{thrown.GetType().Name}: {thrown.Message}\n{thrown.StackTrace?.Split('\n').FirstOrDefault()}";
        }
    }
}

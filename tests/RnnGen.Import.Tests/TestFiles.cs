using Xunit;

namespace RnnGen.Import.Tests;

/// <summary>Where test data lives: the committed Data folder, and the real (GPL / third-party) models kept outside the repo.</summary>
internal static class TestFiles
{
    /// <summary>tests/RnnGen.Import.Tests/Data, copied beside the test assembly.</summary>
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    public static byte[] Read(string name) => File.ReadAllBytes(Data(name));

    /// <summary>
    /// ../shared/models relative to the repository root (the folder holding RnnGen.sln). These files are never copied
    /// into the repository: neuralpi_*.json are GPL-3.0.
    /// </summary>
    public static string RealModel(string name)
    {
        // RNNGEN_REAL_MODELS points elsewhere (set it to a missing folder to see these tests reported as skipped).
        if (Environment.GetEnvironmentVariable("RNNGEN_REAL_MODELS") is { Length: > 0 } folder)
        {
            return Path.GetFullPath(Path.Combine(folder, name));
        }

        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "RnnGen.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return Path.GetFullPath(Path.Combine(directory ?? ".", "..", "shared", "models", name));
    }
}

/// <summary>A test on a real model file from ../shared/models; reported as skipped, naming the file, when it is absent.</summary>
public sealed class RealModelFactAttribute : FactAttribute
{
    public RealModelFactAttribute(string file)
    {
        if (!File.Exists(TestFiles.RealModel(file)))
        {
            Skip = $"skipped: real model {TestFiles.RealModel(file)} is absent (it is not in the repository; place it there to run this test)";
        }
    }
}

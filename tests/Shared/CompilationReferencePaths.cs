namespace RnnGen.Tests.Shared;

/// <summary>
/// The assemblies in-memory compilations of generator tests reference: the framework the test host runs on (its
/// trusted platform assemblies) and RnnGen.Runtime. Paths only, so projects on different Roslyn versions share it.
/// </summary>
internal static class CompilationReferencePaths
{
    public static IEnumerable<string> All()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return trusted
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(RnnGen.LstmAttribute).Assembly.Location);
    }
}

namespace RnnGen.Tests.Shared;

/// <summary>The repository's root folder (the one holding RnnGen.sln), found above the test assembly.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "RnnGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RnnGen.sln not found above " + AppContext.BaseDirectory);
    }
}

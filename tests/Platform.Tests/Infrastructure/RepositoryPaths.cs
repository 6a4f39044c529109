using System.Reflection;

namespace Platform.Tests.Infrastructure;

/// <summary>Files of the repository the tests need, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding <c>Platform.sln</c>.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The AppHost built with the tests, in the same configuration (Debug or Release).</summary>
    public static string AppHostAssembly
    {
        get
        {
            var configuration = typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "AppHost.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The AppHost is not built at {path}; build the tests (they build it).", path);
        }
    }

    /// <summary>The checked-in Aspire manifest at the repository root.</summary>
    public static string CheckedInManifest => Path.Combine(RepositoryRoot, "aspire-manifest.json");

    /// <summary>
    /// The Aspire 8.0 manifest schema, with the example manifest beside it: copies of the team's reference data
    /// (<c>shared/reference/aspire</c>), kept in the repository so a fresh clone tests on its own.
    /// </summary>
    public static string ManifestSchema => Path.Combine(RepositoryRoot, "tests", "Platform.Tests", "Manifest", "Reference", "aspire-8.0.schema.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}

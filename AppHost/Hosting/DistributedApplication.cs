using Microsoft.Extensions.Configuration;

namespace Platform.Hosting;

/// <summary>Entry point of the AppHost: either publishes the manifest or runs the whole model locally.</summary>
public sealed class DistributedApplication
{
    private readonly DistributedApplicationBuilder _builder;

    internal DistributedApplication(DistributedApplicationBuilder builder) => _builder = builder;

    public static DistributedApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        try
        {
            return new DistributedApplicationBuilder(AppHostOptions.Parse(args, DefaultDataDirectory()), configuration);
        }
        catch (AppHostUsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Environment.Exit(2);
            throw;
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        try
        {
            if (_builder.Options.Publisher is not null)
            {
                ManifestPublisher.Write(_builder.Resources, _builder.Options.OutputPath!);
                Console.WriteLine($"Wrote the manifest to {_builder.Options.OutputPath}.");
                return 0;
            }
            await using var orchestrator = new Orchestrator(_builder);
            return await orchestrator.RunAsync();
        }
        catch (AppHostUsageException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
    }

    /// <summary><c>.platform/</c> at the repository root (found by <c>Platform.sln</c>), else under the working directory.</summary>
    private static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return Path.Combine(dir.FullName, ".platform");
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), ".platform");
    }
}

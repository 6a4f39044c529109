using Microsoft.Extensions.Configuration;

namespace Platform.Hosting;

/// <summary>What every runner shares during one run of the AppHost.</summary>
internal sealed class RunContext(
    AppHostOptions options,
    IConfiguration configuration,
    ResourceStateStore store,
    ParameterStore parameters,
    ProcessReaper reaper,
    AppHostConsole console)
{
    public AppHostOptions Options { get; } = options;
    public IConfiguration Configuration { get; } = configuration;
    public ResourceStateStore Store { get; } = store;
    public ParameterStore Parameters { get; } = parameters;
    public ProcessReaper Reaper { get; } = reaper;
    public AppHostConsole Console { get; } = console;

    /// <summary>Secret values (generated passwords) that must be masked wherever they would be shown.</summary>
    public HashSet<string> SecretValues { get; } = [];

    public string ResourceDirectory(string resource) => Path.Combine(Options.DataDirectory, resource);

    public string Secret(ParameterResource parameter)
    {
        var value = Parameters.GetOrGenerate(parameter);
        SecretValues.Add(value);
        return value;
    }

    /// <summary>A connection string configured for the AppHost (ConnectionStrings__name): use that server instead of starting one.</summary>
    public string? ExternalConnectionString(string name) => Configuration.GetConnectionString(name) is { Length: > 0 } value ? value : null;
}
